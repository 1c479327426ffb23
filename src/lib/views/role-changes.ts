/**
 * What changed for me (issue 18): what touched one role, newest first and
 * capped, so a role's file and page never grow with the whole playbook:
 * the `changes` lines of the boundaries it meets (as its "Can I…?" answers
 * have them), each with the role's own terms there now; boundaries it meets
 * that took effect (`effective`), those it used to hold that are retired,
 * and guidelines that name it (by their `lastReviewed` date).
 *
 * In the browser, what the reader saw at their last visit stays on the
 * device (localStorage, per site and role): the keys, and the role's terms
 * on each boundary. A visit (a browser tab's session) starts by working out
 * what is new since then, and moves the mark on at once, so the next visit
 * shows only what changed after this one; the list stays the same on every
 * page of this visit (sessionStorage) until the reader clears it. A line
 * whose boundary now gives the role another limit or authority than at the
 * last visit is said as such (domain/authority-changes.ts compares).
 */
import { roleAnswers } from '../decision/answers.ts';
import type { CheckStorage } from '../decision/self-check.ts';
import { sameAuthority, type AuthorityTerms } from '../domain/authority-changes.ts';
import type { Boundary, Grant, Playbook } from '../model/types.ts';

/** At most this many items per role: the newest. */
export const ROLE_CHANGES = 20;

/** What an item says happened: `change` is a plain `changes` line. */
export type RoleChangeKind = 'change' | 'limit-raised' | 'limit-lowered' | 'authority' | 'added' | 'retired' | 'guideline';

/** One item, as the role's file carries it. */
export interface RoleChange {
  /** Stable in every language: `<boundary id>#<the change's anchor>` (`refund#change-2026-03-01`), `<boundary id>#added`, `<boundary id>#retired`, `guideline:<id>`. */
  key: string;
  /** As built; the browser may say `limit-raised`, `limit-lowered` or `authority` for a `change` whose terms moved since the last visit. */
  kind: RoleChangeKind;
  date: string;
  /** The boundary's or guideline's title. */
  title: string;
  /** The item's page (and anchor), without the site base. */
  path: string;
  summary: string;
  /** For a `change`: the role's own terms on that boundary now, when it holds a grant there. */
  terms?: AuthorityTerms | undefined;
}

type ChangesPlaybook = Pick<Playbook, 'roles' | 'boundaries' | 'changes' | 'guidelines' | 'pages' | 'boundaryById'>;

/** A grant's terms, as domain/authority-changes.ts compares them. */
function termsOfGrant(grant: Grant): AuthorityTerms {
  return {
    role: grant.role.id,
    authority: grant.authority,
    limit: grant.limit ? { amount: grant.limit.amount, currency: grant.limit.currency } : undefined,
    per: grant.per,
    escalateTo: grant.escalateTo?.id,
  };
}

/** The role's own terms on a boundary today (its grant that applies now), if any. */
function termsOf(boundary: Boundary, roleId: string): AuthorityTerms | undefined {
  const grant = boundary.grantsNow.find((candidate) => candidate.role.id === roleId);
  return grant ? termsOfGrant(grant) : undefined;
}

const retired = new WeakMap<object, Map<string, Boundary[]>>();

/** Retired boundaries by the roles their grants named: worked out once per playbook, so each role's file reads only its own. */
function retiredByRole(playbook: ChangesPlaybook): Map<string, Boundary[]> {
  let byRole = retired.get(playbook.pages);
  if (!byRole) {
    byRole = new Map();
    for (const boundary of playbook.pages.boundaries) {
      if (boundary.status !== 'retired') continue;
      for (const roleId of new Set(boundary.grants.map((grant) => grant.role.id))) {
        byRole.set(roleId, [...(byRole.get(roleId) ?? []), boundary]);
      }
    }
    retired.set(playbook.pages, byRole);
  }
  return byRole;
}

/** Newest first, then by key, so every build lists alike. */
function newestFirst(a: RoleChange, b: RoleChange): number {
  return a.date === b.date ? (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) : a.date < b.date ? 1 : -1;
}

/** What touched a role, newest first, at most `limit`. Work is bounded by the role's boundaries and guidelines, and the changes feed is read only until `limit` lines are found. */
export function roleChanges(playbook: ChangesPlaybook, roleId: string, limit = ROLE_CHANGES): RoleChange[] {
  const met = new Map<string, Boundary>();
  for (const answer of roleAnswers(playbook, roleId) ?? []) {
    const boundary = playbook.boundaryById.get(answer.decision.id);
    if (boundary) met.set(boundary.id, boundary);
  }
  const items: RoleChange[] = [];
  let lines = 0;
  for (const change of playbook.changes) {
    if (lines >= limit) break;
    if (!met.has(change.boundary.id)) continue;
    lines++;
    items.push({
      key: `${change.boundary.id}#${change.anchor}`,
      kind: 'change',
      date: change.date,
      title: change.boundary.title,
      path: `${change.boundary.path}#${change.anchor}`,
      summary: change.summary,
      terms: termsOf(change.boundary, roleId),
    });
  }
  for (const boundary of met.values()) {
    // The role's dated grants: each new one that gives another limit or authority is said as such, on the day it takes effect.
    const own = boundary.grants.filter((grant) => grant.role.id === roleId).sort((a, b) => ((a.from ?? '') < (b.from ?? '') ? -1 : 1));
    for (let i = 1; i < own.length; i++) {
      const next = own[i]!;
      const kind = termsKind(termsOfGrant(own[i - 1]!), termsOfGrant(next));
      if (kind === 'change' || next.from === undefined) continue;
      const line = items.find((item) => item.kind === 'change' && item.date === next.from && item.key.startsWith(`${boundary.id}#`));
      if (line) line.kind = kind;
      else
        items.push({ key: `${boundary.id}#from-${next.from}`, kind, date: next.from, title: boundary.title, path: boundary.path, summary: boundary.summary });
    }
    // A line dated the day it took effect already says it came.
    if (boundary.history.some((line) => line.date === boundary.effective)) continue;
    items.push({ key: `${boundary.id}#added`, kind: 'added', date: boundary.effective, title: boundary.title, path: boundary.path, summary: boundary.summary });
  }
  for (const boundary of retiredByRole(playbook).get(roleId) ?? []) {
    items.push({
      key: `${boundary.id}#retired`,
      kind: 'retired',
      date: boundary.history[0]?.date ?? boundary.lastReviewed,
      title: boundary.title,
      path: boundary.path,
      summary: boundary.summary,
    });
  }
  const role = playbook.pages.roles.find((candidate) => candidate.id === roleId);
  for (const guideline of role?.guidelines ?? []) {
    if (guideline.status !== 'published') continue;
    items.push({
      key: `guideline:${guideline.id}`,
      kind: 'guideline',
      date: guideline.lastReviewed,
      title: guideline.title,
      path: guideline.path,
      summary: guideline.summary,
    });
  }
  return items.sort(newestFirst).slice(0, limit);
}

/** What the reader saw at their last visit: the keys, and the role's terms by boundary id. */
export interface Seen {
  keys: string[];
  terms: Record<string, AuthorityTerms>;
}

/** One item shown during this visit: its key and what it is said to be. */
export interface ShownChange {
  key: string;
  kind: RoleChangeKind;
}

/** Where what was seen at the last visit is kept (localStorage). */
export function seenStorageKey(base: string, roleId: string): string {
  return `latitude:${base}:seen-changes:${roleId}`;
}

/** Where this visit's list is kept (sessionStorage). */
export function visitStorageKey(base: string, roleId: string): string {
  return `latitude:${base}:visit-changes:${roleId}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** What was seen at the last visit; undefined on the first visit (or when it cannot be read). A plain list of keys (as first stored) still reads. */
export function readSeen(storage: CheckStorage | undefined, key: string): Seen | undefined {
  try {
    const raw = storage?.getItem(key);
    if (raw === null || raw === undefined) return undefined;
    const parsed: unknown = JSON.parse(raw);
    if (Array.isArray(parsed)) return { keys: strings(parsed), terms: {} };
    if (!isRecord(parsed)) return undefined;
    return { keys: strings(parsed.keys), terms: isRecord(parsed.terms) ? (parsed.terms as Record<string, AuthorityTerms>) : {} };
  } catch {
    return undefined;
  }
}

/** Remembers every item as seen, with the role's terms now: the mark the next visit starts from. */
export function markSeen(storage: CheckStorage | undefined, key: string, changes: readonly RoleChange[]): void {
  const terms: Record<string, AuthorityTerms> = {};
  for (const change of changes) if (change.terms) terms[change.key.split('#')[0]!] ??= change.terms;
  try {
    storage?.setItem(key, JSON.stringify({ keys: changes.map((change) => change.key), terms } satisfies Seen));
  } catch {
    // Storage refused: the reader sees nothing new, as on a first visit.
  }
}

/** What a new `changes` line is said to be, against the role's terms at the last visit. */
export function kindSince(change: RoleChange, was: AuthorityTerms | undefined): RoleChangeKind {
  if (change.kind !== 'change' || !change.terms || !was) return change.kind;
  return termsKind(was, change.terms);
}

/** How a role's terms moved: `change` when they did not. */
export function termsKind(was: AuthorityTerms, now: AuthorityTerms): RoleChangeKind {
  if (sameAuthority(was, now)) return 'change';
  const sameOtherwise = was.authority === now.authority && was.per === now.per && was.escalateTo === now.escalateTo;
  if (sameOtherwise && was.limit && now.limit && was.limit.currency === now.limit.currency) {
    return now.limit.amount > was.limit.amount ? 'limit-raised' : 'limit-lowered';
  }
  return 'authority';
}

/** The items new since the last visit, each with what it is said to be: none on the first visit. */
export function unseenChanges(changes: readonly RoleChange[], seen: Seen | undefined): ShownChange[] {
  if (seen === undefined) return [];
  const known = new Set(seen.keys);
  return changes
    .filter((change) => !known.has(change.key))
    .map((change) => ({ key: change.key, kind: kindSince(change, seen.terms[change.key.split('#')[0]!]) }));
}

/** This visit's list, when a page of it already worked it out. */
export function readVisit(storage: CheckStorage | undefined, key: string): ShownChange[] | undefined {
  try {
    const raw = storage?.getItem(key);
    if (raw === null || raw === undefined) return undefined;
    const parsed: unknown = JSON.parse(raw);
    if (!Array.isArray(parsed)) return undefined;
    return parsed.filter((item): item is ShownChange => isRecord(item) && typeof item.key === 'string' && typeof item.kind === 'string');
  } catch {
    return undefined;
  }
}

/**
 * What to show on this page: this visit's list if a page of it already made
 * one; otherwise what is new since the last visit, and the mark moves on
 * (localStorage) while the list is kept for the rest of this visit
 * (sessionStorage). On the first visit, only the mark is set.
 */
export function visitChanges(
  changes: readonly RoleChange[],
  device: CheckStorage | undefined,
  session: CheckStorage | undefined,
  keys: { seen: string; visit: string },
): { change: RoleChange; kind: RoleChangeKind }[] {
  let shown = readVisit(session, keys.visit);
  if (shown === undefined) {
    shown = unseenChanges(changes, readSeen(device, keys.seen));
    markSeen(device, keys.seen, changes);
    try {
      session?.setItem(keys.visit, JSON.stringify(shown));
    } catch {
      // No session storage: the list shows on this page only.
    }
  }
  const byKey = new Map(changes.map((change) => [change.key, change] as const));
  return shown.flatMap((item) => {
    const change = byKey.get(item.key);
    return change ? [{ change, kind: item.kind }] : [];
  });
}

/** "Clear": nothing more to show during this visit, and everything seen. */
export function clearVisit(
  changes: readonly RoleChange[],
  device: CheckStorage | undefined,
  session: CheckStorage | undefined,
  keys: { seen: string; visit: string },
): void {
  markSeen(device, keys.seen, changes);
  try {
    session?.setItem(keys.visit, '[]');
  } catch {
    // Nothing kept: the mark has moved on anyway.
  }
}
