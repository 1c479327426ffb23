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

/** The roles above `roleId`, nearest first, following `escalatesTo`; stops before repeating a role. */
export function rolesAbove(roleId: string, roles: ReadonlyMap<string, LadderRole>, start?: string): string[] {
  const chain: string[] = [];
  const seen = new Set([roleId]);
  let next = start ?? roles.get(roleId)?.escalatesTo;
  while (next !== undefined && !seen.has(next)) {
    chain.push(next);
    seen.add(next);
    next = roles.get(next)?.escalatesTo;
  }
  return chain;
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
  const seen = new Set([grant.role]);
  let next = escalationTarget(grant, roles);
  while (next !== undefined && !seen.has(next)) {
    seen.add(next);
    const held = byRole.get(next);
    if (held && held.authority !== 'escalate') return held;
    next = held ? escalationTarget(held, roles) : roles.get(next)?.escalatesTo;
  }
  return undefined;
}
