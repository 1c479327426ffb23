/**
 * Words, dates, money and plurals for the site, through Intl in the
 * playbook's locale, so a playbook in en-US reads "Mar 1, 2026" and "$1,000"
 * and one in en-GB reads "1 Mar 2026" and "£1,000".
 */
import type { Authority, LimitPeriod } from '../../../schemas/index.ts';
import { describePeriod, formatMoney, type ResolvedMoney } from '../money.ts';

export { describePeriod, formatMoney };

const dateFormatters = new Map<string, Intl.DateTimeFormat>();

/** `2026-03-01` → "1 Mar 2026" (en-GB) or "Mar 1, 2026" (en-US). Dates are calendar days, so UTC. */
export function formatDate(isoDate: string, locale: string): string {
  let formatter = dateFormatters.get(locale);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
    dateFormatters.set(locale, formatter);
  }
  return formatter.format(new Date(`${isoDate}T00:00:00Z`));
}

/** A count in the locale's digits: 20000 → "20,000". */
export function formatCount(count: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(count);
}

/** Which of the two English-style forms `count` takes in `locale`. */
export function pluralWord(count: number, one: string, other: string, locale: string): string {
  return new Intl.PluralRules(locale).select(count) === 'one' ? one : other;
}

/** "1 win", "20,000 wins". */
export function plural(count: number, one: string, other: string, locale: string): string {
  return `${formatCount(count, locale)} ${pluralWord(count, one, other, locale)}`;
}

/**
 * What a role does with a decision, in words. `escalationRole` is the
 * title of the role it informs, consults or escalates to.
 */
export function authorityInWords(authority: Authority, escalationRole: string | undefined): string {
  const whom = escalationRole ?? 'the next role up';
  switch (authority) {
    case 'decide':
      return 'Decides';
    case 'decide-and-inform':
      return `Decides, then informs ${whom}`;
    case 'consult':
      return `Consults ${whom} first`;
    case 'escalate':
      return `Escalates to ${whom}`;
  }
}

/** "up to £75 per case", or "no monetary limit" when there is none. */
export function limitInWords(limit: ResolvedMoney | undefined, per: LimitPeriod, locale: string): string {
  return limit ? `up to ${formatMoney(limit, locale)} ${describePeriod(per)}` : 'no monetary limit';
}

/** What a grant needs for words. */
export interface GrantWords {
  authority: Authority;
  limit: ResolvedMoney | undefined;
  per: LimitPeriod;
  escalateTo: { title: string } | undefined;
}

/**
 * One sentence for a grant: "Decides up to £75 per case", "Decides up to
 * £1,000 per case, then informs Regional manager", "Consults Store manager
 * first, then decides up to £500 per case", "Escalates to Shift lead". A
 * role that escalates commits nothing on its own, so no limit is given.
 */
export function grantInWords(grant: GrantWords, locale: string): string {
  const whom = grant.escalateTo?.title ?? 'the next role up';
  const limit = grant.limit ? limitInWords(grant.limit, grant.per, locale) : undefined;
  switch (grant.authority) {
    case 'decide':
      return limit ? `Decides ${limit}` : 'Decides, no monetary limit';
    case 'decide-and-inform':
      return limit ? `Decides ${limit}, then informs ${whom}` : `Decides with no monetary limit, then informs ${whom}`;
    case 'consult':
      return limit ? `Consults ${whom} first, then decides ${limit}` : `Consults ${whom} first, then decides with no monetary limit`;
    case 'escalate':
      return `Escalates to ${whom}`;
  }
}

/** "3 days overdue", or "Due today". */
export function overdueInWords(daysOverdue: number, locale: string): string {
  return daysOverdue === 0 ? 'Due today' : `${plural(daysOverdue, 'day', 'days', locale)} overdue`;
}

/** "Due tomorrow", "Due in 12 days", or "Due today". */
export function dueInWords(daysUntilDue: number, locale: string): string {
  if (daysUntilDue === 0) return 'Due today';
  return daysUntilDue === 1 ? 'Due tomorrow' : `Due in ${plural(daysUntilDue, 'day', 'days', locale)}`;
}
