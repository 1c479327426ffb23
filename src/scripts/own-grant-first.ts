/**
 * On a boundary page, the reader's own limit first: when "Can I…?" has
 * remembered their role on this device, its row moves to the top of the
 * limits table and is marked. Without script, or with no role remembered,
 * the table stays in the order the boundary is written.
 */
import { deviceStorage, readRememberedRole } from '../lib/decision/remembered-role.ts';
import { YOUR_ROLE } from '../lib/words/grants.ts';

const roleId = readRememberedRole(deviceStorage(), import.meta.env.BASE_URL);
const table = document.querySelector<HTMLTableElement>('table[data-grant-table="role"]');
const row = roleId ? [...(table?.tBodies[0]?.rows ?? [])].find((r) => r.dataset.role === roleId) : undefined;
if (table && row) {
  table.tBodies[0]!.prepend(row);
  row.classList.add('grant-table__own');
  const mark = Object.assign(document.createElement('span'), { className: 'grant-table__you', textContent: YOUR_ROLE });
  row.cells[0]?.append(' ', mark);
}
