/**
 * On a boundary page, the reader's own limit first: when "Can I…?" has
 * remembered their role on this device, its row moves to the top of the
 * limits table and is marked. Without script, or with no role remembered,
 * the table stays in the order the boundary is written.
 *
 * It imports nothing, so the build inlines it (no request on a content
 * page): the page gives it the storage key (`rememberedRoleKey`) and the
 * mark's words.
 */
const limits = document.querySelector<HTMLElement>('[data-own-first]');
const body = limits?.querySelector<HTMLTableElement>('table[data-grant-table="role"]')?.tBodies[0];
let roleId: string | null = null;
try {
  roleId = limits ? localStorage.getItem(limits.dataset.ownFirst!) : null;
} catch {
  // Storage refused (a private window): the table stays as written.
}
const row = roleId && body ? [...body.rows].find((r) => r.dataset.role === roleId) : undefined;
if (body && row) {
  body.prepend(row);
  row.classList.add('grant-table__own');
  row.cells[0]?.append(' ', Object.assign(document.createElement('span'), { className: 'grant-table__you', textContent: limits!.dataset.yourRole ?? '' }));
}
