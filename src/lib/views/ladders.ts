/**
 * The ladders view: every escalation ladder of the playbook, top to bottom,
 * with the limit at each step summed up per boundary category, and the
 * validator's own ladder warnings. Answers "does the ladder hold?" at a
 * glance, at any size: a ladder's page grows with its steps and the
 * categories, never with the number of boundaries.
 *
 * A ladder is the chain from a role nobody escalates to (the bottom) up to
 * the role with no escalatesTo (the top); it is named by its bottom role.
 * Worked out once per model (memoised), in one pass over the grants.
 */
import type { LimitPeriod } from '../../../schemas/index.ts';
import type { Finding } from '../diagnostics/diagnostic.ts';
import type { LadderRole } from '../domain/ladder.ts';
import type { Boundary, Grant, Playbook, Role } from '../model/types.ts';
import type { ResolvedMoney } from '../domain/money.ts';
import type { Words } from '../languages/words.ts';
import { describePeriod } from '../words/grants.ts';
import { boundaryLadderFindings } from '../rules/escalation.ts';
import { MESSAGES } from '../diagnostics/catalogue.ts';
import { grantAsWritten } from '../model/grant-as-written.ts';

/** The category boundaries without one are listed under (named `ladders.otherCategory` on the page). */
export const NO_CATEGORY = '';

export interface LadderCell {
  /** Boundaries in the category on which this role holds a grant. */
  held: number;
  /** "up to £50–£400 per case", "no monetary limit", "escalates", "varies"; empty when none held. */
  words: string;
}

export interface LadderCategory {
  name: string;
  /** Boundaries in the category that any role on the ladder holds. */
  boundaries: number;
  /** One cell per step, top first. */
  cells: LadderCell[];
  /** Ladder warnings on boundaries of this category involving a role of this ladder. */
  warnings: number;
  /** Of those, the gaps: boundaries where authority stops below the top of the ladder (rule ladder-gap). */
  gaps: number;
}

export interface LadderWarning {
  boundary: Boundary<unknown>;
  finding: Finding;
}

export interface LadderView<R = Role<unknown>> {
  /** The bottom role's id: the ladder's page is /ladders/<id>/. */
  id: string;
  path: string;
  /** Top first. */
  steps: R[];
  categories: LadderCategory[];
  warnings: LadderWarning[];
}

const cache = new WeakMap<object, LadderView[]>();

/** Every ladder of the playbook, ordered by its top role's title, then its bottom's; limits in `words` (the playbook's language). */
export function ladderViews(playbook: Playbook<unknown>, words: Words): LadderView[] {
  const cached = cache.get(playbook);
  if (cached) return cached;
  const views = computeLadders(playbook, words);
  cache.set(playbook, views);
  return views;
}

function computeLadders(playbook: Playbook<unknown>, words: Words): LadderView[] {
  const locale = words.tag;
  const bottoms = playbook.roles.filter((role) => role.below.every((below) => below.status !== 'published'));
  const views = bottoms.map((bottom) => {
    const steps = [...[bottom, ...bottom.chainAbove].filter((role) => role.status === 'published')].reverse();
    return { id: bottom.id, path: `/ladders/${bottom.id}/`, steps, categories: [] as LadderCategory[], warnings: [] as LadderWarning[] };
  });

  // Which ladders (and at which step) each role is on.
  const onLadders = new Map<string, { view: (typeof views)[number]; step: number }[]>();
  for (const view of views) view.steps.forEach((role, step) => onLadders.set(role.id, [...(onLadders.get(role.id) ?? []), { view, step }]));

  // One pass over the grants: collect each cell's grants by ladder, category and step.
  const grantsAt = new Map<(typeof views)[number], Map<string, { boundaries: Set<string>; steps: Grant<unknown>[][] }>>();
  const ladderRoles: ReadonlyMap<string, LadderRole> = new Map(
    playbook.pages.roles.map((role) => [role.id, { escalatesTo: role.escalatesTo?.id, status: role.status }]),
  );
  for (const boundary of playbook.boundaries) {
    const category = boundary.category ?? NO_CATEGORY;
    for (const grant of boundary.grants) {
      for (const { view, step } of onLadders.get(grant.role.id) ?? []) {
        const byCategory = grantsAt.get(view) ?? new Map();
        grantsAt.set(view, byCategory);
        const cell = byCategory.get(category) ?? { boundaries: new Set<string>(), steps: view.steps.map(() => []) };
        byCategory.set(category, cell);
        cell.boundaries.add(boundary.id);
        cell.steps[step]!.push(grant);
      }
    }
    // The validator's ladder checks, on the grants as the model has them.
    const findings = boundaryLadderFindings(boundary.file, boundary.grants.map(grantAsWritten), ladderRoles, playbook.settings, {
      ladder: boundary.ladder,
      since: playbook.today,
    });
    for (const finding of findings) {
      const index = finding.path[1];
      const role = typeof index === 'number' ? boundary.grants[index]?.role.id : undefined;
      const seen = new Set<(typeof views)[number]>();
      for (const { view } of role ? (onLadders.get(role) ?? []) : []) {
        if (seen.has(view)) continue;
        seen.add(view);
        view.warnings.push({ boundary, finding });
      }
    }
  }

  for (const view of views) {
    const byCategory = grantsAt.get(view) ?? new Map();
    view.categories = [...byCategory.entries()]
      .sort(([a], [b]) => (a === NO_CATEGORY ? 1 : b === NO_CATEGORY ? -1 : a.localeCompare(b, locale)))
      .map(([name, cell]) => ({
        name,
        boundaries: cell.boundaries.size,
        cells: cell.steps.map((grants: Grant<unknown>[]) => ({ held: grants.length, words: limitsInWords(grants, words) })),
        warnings: view.warnings.filter((w) => (w.boundary.category ?? NO_CATEGORY) === name).length,
        gaps: view.warnings.filter((w) => (w.boundary.category ?? NO_CATEGORY) === name && isGap(w)).length,
      }));
  }
  return views.sort((a, b) => a.steps[0]!.title.localeCompare(b.steps[0]!.title, locale) || a.steps.at(-1)!.title.localeCompare(b.steps.at(-1)!.title, locale));
}

/** A warning that authority stops below the top of a ladder: the ladder does not hold there. */
export function isGap(warning: LadderWarning): boolean {
  return warning.finding.rule === MESSAGES['ladder-gap'].id;
}

/**
 * The limits of several grants in a few words: "up to £75 per case",
 * "up to £50–£400 per case", "up to £20 per case or up to £100 per day",
 * "no monetary limit", "escalates", or "limits vary" when there are more
 * than two currencies and periods.
 */
export function limitsInWords(grants: readonly { authority: string; limit: ResolvedMoney | undefined; per: LimitPeriod }[], words: Words): string {
  if (grants.length === 0) return '';
  const deciding = grants.filter((g) => g.authority !== 'escalate');
  const parts: string[] = [];
  const unlimited = deciding.filter((g) => !g.limit).length;
  const limited = deciding.filter((g) => g.limit);
  // Limits in one currency and period are a range; up to two such groups are each given, more "vary".
  const groups = new Map<string, typeof limited>();
  for (const grant of limited) {
    const key = `${grant.limit!.currency}|${grant.per}`;
    groups.set(key, [...(groups.get(key) ?? []), grant]);
  }
  if (groups.size > 2) parts.push(words.t('limit.vary'));
  else {
    for (const group of groups.values()) {
      const amounts = group.map((g) => g.limit!.amount);
      const [low, high] = [Math.min(...amounts), Math.max(...amounts)];
      const { currency } = group[0]!.limit!;
      const money = (amount: number) => words.money({ amount, currency });
      const amount = low === high ? money(low) : words.t('limit.range', { low: money(low), high: money(high) });
      parts.push(words.t('limit.upTo', { amount: words.t('limit.amountPer', { amount, period: describePeriod(group[0]!.per, words) }) }));
    }
  }
  if (unlimited > 0) parts.push(words.t('limit.none'));
  if (deciding.length < grants.length) parts.push(words.t('limit.escalates'));
  return parts.length === 0 ? '' : parts.reduce((first, second) => words.t('limit.or', { first, second }));
}
