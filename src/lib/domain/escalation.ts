/**
 * The escalation ladder: where a decision goes when it exceeds a role's
 * authority. Shared by the validator's checks, the playbook model and the
 * "Can I…?" helper, so they can never disagree about who is above whom.
 */

/** What the ladder needs to know of a role. */
export interface LadderRole {
  escalatesTo?: string | undefined;
}

/** What the ladder needs to know of a grant. */
export interface LadderGrant {
  role: string;
  authority: string;
  escalateTo?: string | undefined;
}

/**
 * The one walk up a ladder: `start`, then `next(start)`, and so on, stopping
 * at the top or before a step whose key is in `seen` (so a cycle ends the walk
 * instead of looping). Every step's key is added to `seen`; pass keys that
 * count as visited already, such as the role the walk starts from.
 * Works on role ids, role objects and grants alike.
 */
export function* walkUp<T>(
  start: T | undefined,
  next: (step: T) => T | undefined,
  key: (step: T) => unknown = (step) => step,
  seen = new Set<unknown>(),
): Generator<T> {
  for (let step = start; step !== undefined && !seen.has(key(step)); step = next(step)) {
    seen.add(key(step));
    yield step;
  }
}

/** The roles above `roleId`, nearest first, following `escalatesTo`; stops before repeating a role. */
export function rolesAbove(roleId: string, roles: ReadonlyMap<string, LadderRole>, start?: string): string[] {
  return [...walkUp(start ?? roles.get(roleId)?.escalatesTo, (id) => roles.get(id)?.escalatesTo, undefined, new Set([roleId]))];
}

/** Every cycle in the `escalatesTo` links, each listed from its alphabetically first role. */
export function escalationCycles(roles: ReadonlyMap<string, LadderRole>): string[][] {
  const cycles: string[][] = [];
  const done = new Set<string>();
  for (const start of [...roles.keys()].sort()) {
    if (done.has(start)) continue;
    const path: string[] = [];
    const onPath = new Map<string, number>();
    let current: string | undefined = start;
    while (current !== undefined && !done.has(current) && !onPath.has(current)) {
      onPath.set(current, path.length);
      path.push(current);
      current = roles.get(current)?.escalatesTo;
    }
    if (current !== undefined && onPath.has(current)) {
      const cycle = path.slice(onPath.get(current));
      const first = cycle.indexOf([...cycle].sort()[0]!);
      cycles.push([...cycle.slice(first), ...cycle.slice(0, first)]);
    }
    for (const id of path) done.add(id);
  }
  return cycles;
}

/** `agent → team-lead → agent` */
export function describeCycle(cycle: readonly string[]): string {
  return [...cycle, cycle[0]].join(' → ');
}

/** Where this grant's decision goes next: the grant's `escalateTo`, else the role's `escalatesTo`. */
export function escalationTarget(grant: LadderGrant, roles: ReadonlyMap<string, LadderRole>): string | undefined {
  return grant.escalateTo ?? roles.get(grant.role)?.escalatesTo;
}

/**
 * The grant that answers when `grant`'s role escalates this decision: the
 * first role up the ladder holding a grant on the same boundary that is not
 * itself an `escalate`. Roles with no grant, or only `escalate`, pass it on.
 */
export function approvingGrant<G extends LadderGrant>(grant: G, grants: readonly G[], roles: ReadonlyMap<string, LadderRole>): G | undefined {
  const byRole = new Map(grants.map((g) => [g.role, g]));
  const nextRole = (id: string) => {
    const held = byRole.get(id);
    return held ? escalationTarget(held, roles) : roles.get(id)?.escalatesTo;
  };
  for (const id of walkUp(escalationTarget(grant, roles), nextRole, undefined, new Set([grant.role]))) {
    const held = byRole.get(id);
    if (held && held.authority !== 'escalate') return held;
  }
  return undefined;
}
