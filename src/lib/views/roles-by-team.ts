/** Roles grouped by team for the roles index: teams by name (no team last), front line first within each. */

export interface TeamRole {
  id: string;
  title: string;
  team?: string | undefined;
  chainAbove: readonly unknown[];
}

export interface TeamGroup<R> {
  name: string;
  /** An id for the team's heading. */
  anchor: string;
  roles: R[];
}

export const NO_TEAM = 'Other roles';

export function rolesByTeam<R extends TeamRole>(roles: readonly R[]): TeamGroup<R>[] {
  const groups = new Map<string, R[]>();
  for (const role of roles) {
    const name = role.team ?? NO_TEAM;
    groups.set(name, [...(groups.get(name) ?? []), role]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === NO_TEAM ? 1 : b === NO_TEAM ? -1 : a.localeCompare(b)))
    .map(([name, members], index) => ({
      name,
      anchor: `team-${index + 1}`,
      roles: members.sort((a, b) => b.chainAbove.length - a.chainAbove.length || a.title.localeCompare(b.title)),
    }));
}
