/**
 * Which of a list's grants a page shows: one per role on a boundary page,
 * one per decision on a role page. With dated grants a role may hold
 * several on one boundary (a permanent £75, a December £150): the page shows
 * the one that applies on the build date (else the next to start), with the
 * grant that follows it, so it can say "£150 per case until 31 Jan 2027,
 * then £75". Linear in the list: no scan of the playbook.
 */
import { appliesOn, dayAfter, type DayWindow } from '../domain/ladder.ts';

export interface ShownGrant<G> {
  grant: G;
  /** The same role's grant from the day after this one ends, if any. */
  next: G | undefined;
}

/** One grant per `key` (in the order of first appearance): the one applying on `today`, else the first to start; with the one that follows it. */
export function shownGrants<G extends DayWindow>(grants: readonly G[], key: (grant: G) => string, today: string): ShownGrant<G>[] {
  const groups = new Map<string, G[]>();
  for (const grant of grants) {
    const group = groups.get(key(grant));
    if (group) group.push(grant);
    else groups.set(key(grant), [grant]);
  }
  return [...groups.values()].map((group) => {
    const byStart = [...group].sort((a, b) => (a.from ?? '').localeCompare(b.from ?? ''));
    const grant =
      group.find((candidate) => appliesOn(candidate, today)) ??
      byStart.find((candidate) => candidate.until === undefined || candidate.until >= today) ??
      byStart[0]!;
    const next = grant.until === undefined ? undefined : group.find((candidate) => candidate.from === dayAfter(grant.until!));
    return { grant, next };
  });
}
