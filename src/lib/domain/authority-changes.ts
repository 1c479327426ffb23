/**
 * Whether a change to a boundary's authority was written into its history.
 * `/changes/` and its feed promise "every change to a decision boundary",
 * and they read the boundary's `changes` list; a limit raised without a new
 * line there would never reach them. The authority diff lists such
 * boundaries first ("needs a change-history line"), and `npm run validate
 * -- --changed` makes each one an error (rules/change-history.ts), both from
 * this one comparison.
 *
 * Pure: grants as role ids and resolved money, so the model (for the diff)
 * and the checked content (for the validator) compare alike.
 */

/** A line of a boundary's `changes`. */
export interface Change {
  date: string;
  summary: string;
}

/** What of a grant counts as its authority. */
export interface AuthorityTerms {
  role: string;
  authority: string;
  limit?: { amount: number; currency: string } | undefined;
  per: string;
  escalateTo?: string | undefined;
  /** The grant's first and last days, when it carries dates. */
  from?: string | undefined;
  until?: string | undefined;
}

/** A grant's place in a boundary: its role and its dates (one role may hold several grants, on days that do not overlap). */
export function grantKey(grant: Pick<AuthorityTerms, 'role' | 'from' | 'until'>): string {
  return `${grant.role}|${grant.from ?? ''}|${grant.until ?? ''}`;
}

/** The roles whose authority differs: a grant added, removed, with other dates, or with another authority, limit, period or escalateTo; in the order written (added and changed first, then removed); each role once. */
export function authorityChanges(before: readonly AuthorityTerms[], after: readonly AuthorityTerms[]): string[] {
  const was = new Map(before.map((grant) => [grantKey(grant), grant]));
  const now = new Set(after.map(grantKey));
  const changed = after.filter((grant) => !was.has(grantKey(grant)) || !sameAuthority(was.get(grantKey(grant))!, grant)).map((grant) => grant.role);
  return [...new Set([...changed, ...before.filter((grant) => !now.has(grantKey(grant))).map((grant) => grant.role)])];
}

export function sameAuthority(a: AuthorityTerms, b: AuthorityTerms): boolean {
  return (
    a.authority === b.authority &&
    a.per === b.per &&
    a.escalateTo === b.escalateTo &&
    a.limit?.amount === b.limit?.amount &&
    a.limit?.currency === b.limit?.currency
  );
}

/** Whether `after` has a line `before` did not: a new date or summary. */
export function hasNewChangeLine(before: readonly Change[], after: readonly Change[]): boolean {
  const known = new Set(before.map((change) => `${change.date}\u0000${change.summary}`));
  return after.some((change) => !known.has(`${change.date}\u0000${change.summary}`));
}

/** The roles whose authority changed when no new line says so; empty when the history is in step. */
export function unrecordedChanges(
  before: { grants: readonly AuthorityTerms[]; changes: readonly Change[] },
  after: { grants: readonly AuthorityTerms[]; changes: readonly Change[] },
): string[] {
  const roles = authorityChanges(before.grants, after.grants);
  return roles.length > 0 && !hasNewChangeLine(before.changes, after.changes) ? roles : [];
}
