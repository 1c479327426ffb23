/**
 * The boundaries matrix split into pages, so no page grows with the whole
 * playbook: the full matrix (`/boundaries/`, `/boundaries/page/<n>/`) and
 * one per team (`/boundaries/team/<team>/`, `…/page/<n>/`) with only that
 * team's columns and the boundaries it holds. A page holds about
 * MATRIX_PAGE_CELLS cells: many rows when there are few roles, fewer when
 * there are many, never fewer than MATRIX_MIN_ROWS.
 */
import { matrixColumns, teamOf, type MatrixRole } from './boundary-matrix.ts';

/** The page of the roles without a team: `/boundaries/team/other-roles/`. */
const NO_TEAM = 'Other roles';

export const MATRIX_PAGE_CELLS = 1500;
export const MATRIX_MIN_ROWS = 10;

export interface MatrixTeam<R> {
  /** The team's name in the page's language; undefined for the roles without a team. */
  name: string | undefined;
  /** `stores`, for `/boundaries/team/stores/`. */
  slug: string;
  roles: R[];
}

export interface MatrixPage<R, B> {
  /** Site path without the base. */
  path: string;
  /** The team this page is about; undefined for the full matrix. */
  team: MatrixTeam<R> | undefined;
  columns: R[];
  boundaries: B[];
  page: number;
  last: number;
  /** Site path of page `n` of the same matrix. */
  pathOf: (n: number) => string;
}

interface PagedBoundary<R> {
  grants: readonly { role: R }[];
}

/**
 * The longest team slug: it is a folder name of the built site, and a team
 * name has no length limit (a 300-character one failed the build with
 * ENAMETOOLONG). Longer slugs are cut at a word.
 */
export const MAX_TEAM_SLUG = 60;

/** `Contact centre` → `contact-centre`; a team whose name has no letters or digits gets `team-<n>`. */
export function teamSlug(name: string, index: number): string {
  let slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  if (slug.length > MAX_TEAM_SLUG) {
    const cut = slug.slice(0, MAX_TEAM_SLUG + 1);
    slug = (cut.lastIndexOf('-') > MAX_TEAM_SLUG / 2 ? cut.slice(0, cut.lastIndexOf('-')) : cut.slice(0, MAX_TEAM_SLUG)).replace(/-$/, '');
  }
  return slug || `team-${index + 1}`;
}

/** Rows per page for a matrix with `columns` role columns. */
export function rowsPerPage(columns: number): number {
  return Math.max(MATRIX_MIN_ROWS, Math.floor(MATRIX_PAGE_CELLS / Math.max(1, columns)));
}

export function pagedPath(first: string, n: number): string {
  return n <= 1 ? first : `${first}page/${n}/`;
}

/** The teams of the matrix's columns, by name (roles without a team last), each with its own columns. */
export function matrixTeams<R extends MatrixRole>(roles: readonly R[]): MatrixTeam<R>[] {
  const columns = matrixColumns(roles);
  // By the base-language name, so a team's page has the same address in every language.
  const keys = [...new Set(columns.map((role) => teamOf(role) ?? NO_TEAM))].sort((a, b) => (a === NO_TEAM ? 1 : b === NO_TEAM ? -1 : a.localeCompare(b)));
  const used = new Set<string>();
  return keys.map((key, index) => {
    let slug = teamSlug(key, index);
    while (used.has(slug)) slug = `${slug}-${index + 1}`;
    used.add(slug);
    const members = columns.filter((role) => (teamOf(role) ?? NO_TEAM) === key);
    return { name: key === NO_TEAM ? undefined : members[0]!.team, slug, roles: members };
  });
}

/** Every page of the full matrix and of each team's matrix. */
export function matrixPages<R extends MatrixRole, B extends PagedBoundary<R>>(boundaries: readonly B[], roles: readonly R[]): MatrixPage<R, B>[] {
  const pages: MatrixPage<R, B>[] = [];
  const add = (first: string, team: MatrixTeam<R> | undefined, columns: R[], rows: readonly B[]) => {
    const size = rowsPerPage(columns.length);
    const last = Math.max(1, Math.ceil(rows.length / size));
    const pathOf = (n: number) => pagedPath(first, n);
    for (let page = 1; page <= last; page++) {
      pages.push({ path: pathOf(page), team, columns, boundaries: rows.slice((page - 1) * size, page * size), page, last, pathOf });
    }
  };
  add('/boundaries/', undefined, matrixColumns(roles), boundaries);
  for (const team of matrixTeams(roles)) {
    const members = new Set<unknown>(team.roles);
    add(
      `/boundaries/team/${team.slug}/`,
      team,
      team.roles,
      boundaries.filter((b) => b.grants.some((grant) => members.has(grant.role))),
    );
  }
  return pages;
}
