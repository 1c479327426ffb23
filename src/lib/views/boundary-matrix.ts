/**
 * The role × boundary matrix of the boundaries index: one row per
 * boundary, one column per role holding any grant, columns grouped by team
 * and ordered from the front line up.
 */

export interface MatrixRole {
  id: string;
  title: string;
  team?: string | undefined;
  /** The team in the base language, the same in every language; the columns group by it. */
  teamKey?: string | undefined;
  chainAbove: readonly unknown[];
  grants: readonly unknown[];
}

export interface MatrixGrant<R> {
  role: R;
}

export interface MatrixBoundary<R, G extends MatrixGrant<R>> {
  id: string;
  category?: string | undefined;
  grants: readonly G[];
  /** The grants of the build date, when the boundary's grants carry dates: a cell shows the one of that day. */
  grantsNow?: readonly G[];
}

export interface MatrixRow<B, G> {
  boundary: B;
  /** One per column, undefined where the role holds no grant. */
  cells: (G | undefined)[];
}

/** Roles that hold a grant, by team, then lowest on the ladder first, then title. */
export function matrixColumns<R extends MatrixRole>(roles: readonly R[]): R[] {
  return roles
    .filter((role) => role.grants.length > 0)
    .sort(
      (a, b) => compareTeams(teamOf(a), teamOf(b)) || b.chainAbove.length - a.chainAbove.length || a.title.localeCompare(b.title) || a.id.localeCompare(b.id),
    );
}

/** What a role's team is grouped by: its base-language name where known. */
export function teamOf(role: { team?: string | undefined; teamKey?: string | undefined }): string | undefined {
  return role.teamKey ?? role.team;
}

export function matrixRows<R extends { id: string }, G extends MatrixGrant<R>, B extends MatrixBoundary<R, G>>(
  boundaries: readonly B[],
  columns: readonly R[],
): MatrixRow<B, G>[] {
  return boundaries.map((boundary) => {
    const byRole = new Map((boundary.grantsNow ?? boundary.grants).map((grant) => [grant.role.id, grant]));
    return { boundary, cells: columns.map((role) => byRole.get(role.id)) };
  });
}

/** The categories in use, sorted; boundaries without one are "Other". */
export function matrixCategories(boundaries: readonly { category?: string | undefined }[]): string[] {
  return [...new Set(boundaries.map((b) => b.category ?? OTHER_CATEGORY))].sort((a, b) =>
    a === OTHER_CATEGORY ? 1 : b === OTHER_CATEGORY ? -1 : a.localeCompare(b),
  );
}

export const OTHER_CATEGORY = 'Other';

function compareTeams(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return a.localeCompare(b);
}
