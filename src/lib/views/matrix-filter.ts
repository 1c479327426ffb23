/**
 * What the boundaries matrix shows for a chosen role and category. Pure, so
 * the little browser script only reads the choice and sets `hidden`.
 * An empty string means "all".
 */

export interface MatrixFilter {
  role: string;
  category: string;
}

/** A row shows when it is in the category and, with a role chosen, that role holds a grant on it. */
export function rowVisible(row: { category: string; roles: readonly string[] }, filter: MatrixFilter): boolean {
  if (filter.category && row.category !== filter.category) return false;
  return !filter.role || row.roles.includes(filter.role);
}

/** A role's column shows when no role is chosen or it is the chosen one. */
export function columnVisible(role: string, filter: MatrixFilter): boolean {
  return !filter.role || role === filter.role;
}
