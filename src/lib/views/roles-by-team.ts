/** Roles grouped by team for the roles index: teams by name (no team last), front line first within each. */

export interface TeamRole {
  id: string;
  title: string;
  team?: string | undefined;
  /** The team in the base language: roles are grouped by it, so every language groups them alike. */
  teamKey?: string | undefined;
  chainAbove: readonly unknown[];
}

export interface TeamGroup<R> {
  /** The team's name; undefined for roles without a team (the page names them: "Other roles"). */
  name: string | undefined;
  /** An id for the team's heading. */
  anchor: string;
  roles: R[];
}

/** Roles by team, teams in `locale`'s alphabetical order, roles without a team last. */
export function rolesByTeam<R extends TeamRole>(roles: readonly R[], locale?: string): TeamGroup<R>[] {
  const groups = new Map<string | undefined, R[]>();
  for (const role of roles) {
    const key = role.teamKey ?? role.team;
    groups.set(key, [...(groups.get(key) ?? []), role]);
  }
  return [...groups.entries()]
    .map(([key, members]) => ({ key, name: members[0]!.team, members }))
    .sort((a, b) => (a.key === undefined ? 1 : b.key === undefined ? -1 : a.name!.localeCompare(b.name!, locale)))
    .map(({ name, members }, index) => ({
      name,
      anchor: `team-${index + 1}`,
      roles: members.sort((a, b) => b.chainAbove.length - a.chainAbove.length || a.title.localeCompare(b.title, locale)),
    }));
}
