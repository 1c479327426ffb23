/**
 * The escalation ladder, decided once. Everything that needs to know who is
 * above whom, or who may approve what, reads it here: the validator's ladder
 * checks, the playbook model, the boundary and ladder pages, the "Can I…?"
 * answers (and through them the search answer and the pocket cards) and the
 * authority diff. No other module follows `escalatesTo` or `escalateTo`.
 *
 * Two ladders live here:
 * - the roles' ladder (`rolesAbove`, `escalationCycles`): who each role
 *   reports to, whatever the decision;
 * - a decision's ladder (`decisionLadder`): for one boundary's grants, for
 *   any role, the path the decision takes up from it (a role's grant may
 *   send it elsewhere with `escalateTo`), the first role in place above it
 *   (whom it informs, consults or escalates to), and the holders above it:
 *   the roles on that path that may decide, nearest first. A role that holds
 *   nothing here, holds only `escalate`, or is retired is passed over; it is
 *   never an answer. Then `firstCovering` picks, for any amount, the first
 *   holder whose limit covers it.
 *
 * Dates: a grant may carry `from`/`until` (the first and last day it
 * applies). `appliesOn` is the one answer to "does this grant apply on
 * that day?"; `decisionLadder` takes a day and leaves out the grants that do
 * not apply on it; `grantWindows` cuts time into the stretches over which a
 * boundary's grants do not change, so a check that holds on one day of each
 * window holds on every day. Days are YYYY-MM-DD strings, compared as text.
 * Pure: bundled into client scripts.
 */
import type { Authority } from '../../../schemas/vocabulary.ts';

/** Whether a role is still in use: a retired role holds nothing and takes nothing; a draft does not exist yet. */
export type RoleStatus = 'published' | 'retired' | 'draft';

/** What the ladder needs to know of a role. */
export interface LadderRole {
  escalatesTo?: string | undefined;
  /** Undefined means published. */
  status?: RoleStatus | undefined;
}

/** What the ladder needs to know of a grant. */
export interface LadderGrant {
  role: string;
  authority: Authority;
  escalateTo?: string | undefined;
  /** Only whether there is one matters here; the verdict compares amounts with `covers`. */
  limit?: { amount: number } | undefined;
  /** The first day the grant applies, YYYY-MM-DD; undefined: from the start. */
  from?: string | undefined;
  /** The last day the grant applies, YYYY-MM-DD (inclusive); undefined: no end. */
  until?: string | undefined;
}

/** A grant's dates, or a window's: the first and the last day (inclusive), either open. */
export interface DayWindow {
  from?: string | undefined;
  until?: string | undefined;
}

/** Earlier than any day a playbook writes: the day that stands for "from the start". */
export const EARLIEST_DAY = '0000-01-01';

/** Whether a grant (or window) applies on `day` (YYYY-MM-DD): from its `from` on, up to and including its `until`. */
export function appliesOn(dates: DayWindow, day: string): boolean {
  return (dates.from === undefined || dates.from <= day) && (dates.until === undefined || day <= dates.until);
}

/** The day after `day` (YYYY-MM-DD), in the calendar. */
export function dayAfter(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** The day before `day` (YYYY-MM-DD). */
export function dayBefore(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/** The calendar day a moment falls on where the reader is (the device's own time zone), YYYY-MM-DD. */
export function localDay(moment: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}`;
}

/** Days from `from` to `to` (YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Whether two windows share at least one day. */
export function windowsOverlap(a: DayWindow, b: DayWindow): boolean {
  return (a.until === undefined || b.from === undefined || b.from <= a.until) && (b.until === undefined || a.from === undefined || a.from <= b.until);
}

/** A stretch of days over which the same grants apply: `from` undefined is from the start, `until` undefined is for ever. */
export interface GrantWindow {
  from: string | undefined;
  until: string | undefined;
}

/**
 * Time cut where a boundary's grants change: each window starts on a
 * grant's `from` or the day after a grant's `until`, in order, the first
 * from the start and the last for ever. Undated grants give one window.
 * Optionally only the windows that reach `since` or later.
 */
export function grantWindows(grants: readonly DayWindow[], since?: string): GrantWindow[] {
  const starts = new Set<string>();
  for (const grant of grants) {
    if (grant.from !== undefined) starts.add(grant.from);
    if (grant.until !== undefined) starts.add(dayAfter(grant.until));
  }
  const sorted = [...starts].sort();
  const windows: GrantWindow[] = [undefined, ...sorted].map((from, index) => ({
    from,
    until: index < sorted.length ? dayBefore(sorted[index]!) : undefined,
  }));
  return since === undefined ? windows : windows.filter((window) => window.until === undefined || window.until >= since);
}

/** The day a window stands for: its first day, or EARLIEST_DAY for the window from the start. */
export function windowDay(window: GrantWindow): string {
  return window.from ?? EARLIEST_DAY;
}

/**
 * The one walk up a ladder: `start`, then `next(start)`, and so on, stopping
 * at the top or before a step whose key is in `seen` (so a cycle ends the walk
 * instead of looping). Every step's key is added to `seen`; pass keys that
 * count as visited already, such as the role the walk starts from.
 */
export function* walkUp<T>(
  start: T | undefined,
  next: (step: T) => T | undefined,
  key: (step: T) => unknown = (step) => step,
  seen = new Set<unknown>(),
): Generator<T> {
  for (let step = start; step !== undefined && !seen.has(key(step)); step = next(step)) {
    seen.add(key(step));
    yield step;
  }
}

/** Whether a role takes part in decisions: it exists, and is neither retired nor a draft. */
export function inPlace(role: LadderRole | undefined): boolean {
  return role !== undefined && (role.status === undefined || role.status === 'published');
}

/** The roles above `roleId`, nearest first, following `escalatesTo`; stops before repeating a role. */
export function rolesAbove(roleId: string, roles: ReadonlyMap<string, LadderRole>): string[] {
  return [...walkUp(roles.get(roleId)?.escalatesTo, (id) => roles.get(id)?.escalatesTo, undefined, new Set([roleId]))];
}

/** Every cycle in the `escalatesTo` links, each listed from its alphabetically first role. */
export function escalationCycles(roles: ReadonlyMap<string, LadderRole>): string[][] {
  return cyclesOf([...roles.keys()].sort(), (id) => roles.get(id)?.escalatesTo).map((cycle) => {
    const first = cycle.indexOf([...cycle].sort()[0]!);
    return [...cycle.slice(first), ...cycle.slice(0, first)];
  });
}

/** `agent → team-lead → agent` */
export function describeCycle(cycle: readonly string[]): string {
  return [...cycle, cycle[0]].join(' → ');
}

/** Where this grant's decision goes next: the grant's `escalateTo`, else the role's `escalatesTo`. */
export function escalationTarget(grant: LadderGrant, roles: ReadonlyMap<string, LadderRole>): string | undefined {
  return grant.escalateTo ?? roles.get(grant.role)?.escalatesTo;
}

/** One role's place on a decision's ladder. */
export interface RoleOnLadder {
  role: string;
  /** The index of the role's own grant; undefined when it holds none, or is not in place (a retired role's grant is never used). */
  own: number | undefined;
  /**
   * Every role above on this decision's path, nearest first: from a role
   * in place that holds a grant, the grant's `escalateTo` (else its role's
   * `escalatesTo`); from any other role, its `escalatesTo`. Retired roles
   * are on it (they pass the decision on); it stops before a circle.
   */
  above: string[];
  /** The first role in place above: whom the role informs, consults or escalates to; undefined at the top. */
  next: string | undefined;
  /** The indexes of the grants above that may decide (any authority but `escalate`), of roles in place, nearest first. */
  holders: number[];
}

/** A decision's ladder: any role's place on it, worked out on first use. */
export interface DecisionLadder {
  /** The grants it was made from, as given. */
  readonly size: number;
  of(roleId: string): RoleOnLadder;
  /**
   * Where authority stops below the top of a ladder: the grants, by index,
   * whose decisions can go higher (they have a limit, or only escalate)
   * while no role above them holds this decision, though there are roles
   * in place above. Asking beyond such a grant reaches nobody.
   */
  gaps(): number[];
  /** The circles of this decision's own path (role ids), such as a grant's escalateTo leading back down. */
  circles(): string[][];
}

/**
 * The ladder of one decision on `day`: of `grants`, those that apply on that
 * day (`appliesOn`; every grant when no day is given), at most one per role
 * (the first); indexes stay those of `grants`. `roles`: every role there is,
 * with its status.
 */
export function decisionLadder(grants: readonly LadderGrant[], roles: ReadonlyMap<string, LadderRole>, day?: string): DecisionLadder {
  const byRole = new Map<string, number>();
  grants.forEach((grant, index) => {
    if (!byRole.has(grant.role) && (day === undefined || appliesOn(grant, day))) byRole.set(grant.role, index);
  });
  const heldInPlace = (id: string): number | undefined => {
    const index = byRole.get(id);
    return index !== undefined && inPlace(roles.get(id)) ? index : undefined;
  };
  const step = (id: string): string | undefined => {
    const held = heldInPlace(id);
    return held === undefined ? roles.get(id)?.escalatesTo : escalationTarget(grants[held]!, roles);
  };
  const places = new Map<string, RoleOnLadder>();
  const of = (roleId: string): RoleOnLadder => {
    let place = places.get(roleId);
    if (place) return place;
    const above = [...walkUp(step(roleId), step, undefined, new Set([roleId]))];
    const holders: number[] = [];
    for (const id of above) {
      const held = heldInPlace(id);
      if (held !== undefined && grants[held]!.authority !== 'escalate') holders.push(held);
    }
    place = { role: roleId, own: heldInPlace(roleId), above, next: above.find((id) => inPlace(roles.get(id))), holders };
    places.set(roleId, place);
    return place;
  };
  return {
    size: grants.length,
    of,
    gaps: () =>
      [...byRole.values()].filter((index) => {
        const grant = grants[index]!;
        if (!inPlace(roles.get(grant.role)) || (grant.authority !== 'escalate' && !grant.limit)) return false;
        const place = of(grant.role);
        return place.holders.length === 0 && place.next !== undefined;
      }),
    circles: () => cyclesOf([...byRole.keys()], step),
  };
}

/** The money a limit or an amount is. */
export interface Amount {
  amount: number;
  currency: string;
}

/**
 * Does a limit cover an amount? True with no limit; undefined when it
 * cannot be told (no amount asked, or a limit in another currency); else
 * whether the amount is at most the limit.
 */
export function covers(limit: Amount | undefined, asked: Amount | undefined): boolean | undefined {
  if (!limit) return true;
  if (!asked || asked.currency !== limit.currency) return undefined;
  return asked.amount <= limit.amount;
}

/**
 * The first of `holders` (nearest first) whose limit covers the amount, or
 * may (another currency; no amount asked); undefined when none does. This is
 * all a verdict does with a ladder: the build worked out the holders.
 */
export function firstCovering<H extends { limit?: Amount | undefined }>(holders: readonly H[], asked: Amount | undefined): H | undefined {
  return holders.find((holder) => covers(holder.limit, asked) !== false);
}

/** The cycles of a graph where each node has at most one next node; each listed from where the walk met it. */
function cyclesOf(starts: readonly string[], next: (id: string) => string | undefined): string[][] {
  const cycles: string[][] = [];
  const done = new Set<string>();
  for (const start of starts) {
    if (done.has(start)) continue;
    const path: string[] = [];
    const onPath = new Map<string, number>();
    let current: string | undefined = start;
    while (current !== undefined && !done.has(current) && !onPath.has(current)) {
      onPath.set(current, path.length);
      path.push(current);
      current = next(current);
    }
    if (current !== undefined && onPath.has(current)) cycles.push(path.slice(onPath.get(current)));
    for (const id of path) done.add(id);
  }
  return cycles;
}
