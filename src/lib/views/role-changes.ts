/**
 * What changed for me (issue 18): the boundary changes that touch one role
 * (the boundaries it holds, brings up or may ask about, as its "Can I…?"
 * answers have them), newest first and capped, so a role's file and page
 * never grow with the whole playbook. Built from the boundaries' `changes`.
 *
 * In the browser, the keys of the changes seen at the reader's last visit
 * stay on the device (localStorage, per site and role); what is not among
 * them is new. The first visit only remembers, so it shows nothing.
 */
import { roleAnswers } from '../decision/answers.ts';
import type { CheckStorage } from '../decision/self-check.ts';
import type { Playbook } from '../model/types.ts';

/** At most this many changes per role: the newest. */
export const ROLE_CHANGES = 20;

/** One change, as the role's file carries it. */
export interface RoleChange {
  /** Stable in every language: `<boundary id>#<the change's anchor>` (`refund#change-2026-03-01`). */
  key: string;
  date: string;
  boundary: string;
  /** The change on its boundary's page, without the site base. */
  path: string;
  summary: string;
}

/** The changes that touch a role, newest first, at most `limit`. */
export function roleChanges(playbook: Pick<Playbook, 'roles' | 'boundaries' | 'changes'>, roleId: string, limit = ROLE_CHANGES): RoleChange[] {
  const met = new Set((roleAnswers(playbook, roleId) ?? []).map((answer) => answer.decision.id));
  const changes: RoleChange[] = [];
  for (const change of playbook.changes) {
    if (changes.length >= limit) break;
    if (!met.has(change.boundary.id)) continue;
    changes.push({
      key: `${change.boundary.id}#${change.anchor}`,
      date: change.date,
      boundary: change.boundary.title,
      path: `${change.boundary.path}#${change.anchor}`,
      summary: change.summary,
    });
  }
  return changes;
}

/** Where the keys seen at the last visit are kept. */
export function seenStorageKey(base: string, roleId: string): string {
  return `latitude:${base}:seen-changes:${roleId}`;
}

/** The keys seen at the last visit; undefined on the first visit (or when they cannot be read). */
export function readSeen(storage: CheckStorage | undefined, key: string): string[] | undefined {
  try {
    const raw = storage?.getItem(key);
    if (raw === null || raw === undefined) return undefined;
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === 'string') : undefined;
  } catch {
    return undefined;
  }
}

/** Remembers every change as seen (after a first visit, or when the reader clears the list). */
export function markSeen(storage: CheckStorage | undefined, key: string, changes: readonly RoleChange[]): void {
  try {
    storage?.setItem(key, JSON.stringify(changes.map((change) => change.key)));
  } catch {
    // Storage refused: the reader sees nothing new, as on a first visit.
  }
}

/** The changes new since the last visit: none on the first visit. */
export function unseenChanges(changes: readonly RoleChange[], seen: readonly string[] | undefined): RoleChange[] {
  if (seen === undefined) return [];
  const known = new Set(seen);
  return changes.filter((change) => !known.has(change.key));
}
