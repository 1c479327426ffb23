/** The guidelines for everyone (those naming no role), worked out once per playbook. */

const cache = new WeakMap<object, unknown[]>();

export function guidelinesForEveryone<G extends { roles: readonly unknown[] }>(playbook: { guidelines: readonly G[] }): G[] {
  let found = cache.get(playbook) as G[] | undefined;
  if (!found) {
    found = playbook.guidelines.filter((guideline) => guideline.roles.length === 0);
    cache.set(playbook, found);
  }
  return found;
}
