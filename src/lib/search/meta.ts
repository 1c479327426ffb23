/**
 * What a search result shows without opening the page: for a boundary,
 * each role's limit in words ("Store associate: up to £75 per case"), so
 * the result already answers "may I…?". Pagefind keeps one string per meta
 * key, so the lines travel joined and are split again for display.
 */
import type { Authority, LimitPeriod } from '../../../schemas/index.ts';
import type { ResolvedMoney } from '../money.ts';
import { limitInWords } from '../words/format.ts';

const LINE_SEPARATOR = '; ';

export interface GrantForSearch {
  role: { title: string };
  authority: Authority;
  limit: ResolvedMoney | undefined;
  per: LimitPeriod;
  escalateTo: { title: string } | undefined;
}

/**
 * One line per grant, in the order written: "Store associate: up to £75 per case",
 * "Store manager: up to £400 per case, then informs Regional manager",
 * "Contact agent: escalates to Team lead".
 */
export function limitLine(grant: GrantForSearch, locale: string): string {
  const whom = grant.escalateTo?.title ?? 'the next role up';
  const limit = limitInWords(grant.limit, grant.per, locale);
  const words = {
    decide: limit,
    'decide-and-inform': `${limit}, then informs ${whom}`,
    consult: `${limit}, after consulting ${whom}`,
    escalate: `escalates to ${whom}`,
  }[grant.authority];
  return `${grant.role.title}: ${words}`;
}

export function joinLimitLines(lines: readonly string[]): string {
  return lines.map((line) => line.replaceAll(LINE_SEPARATOR, ', ')).join(LINE_SEPARATOR);
}

/** The lines of a `limits` meta value, as the result shows them. */
export function splitLimitLines(limits: string | undefined): string[] {
  return (limits ?? '').split(LINE_SEPARATOR).map((line) => line.trim()).filter(Boolean);
}
