/**
 * Words, dates, money and plurals for the site, through Intl in the
 * playbook's locale, so a playbook in en-US reads "Mar 1, 2026" and "$1,000"
 * and one in en-GB reads "1 Mar 2026" and "£1,000".
 */
import { describePeriod, formatMoney } from '../domain/money.ts';

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

/** "3 days overdue", or "Due today". */
export function overdueInWords(daysOverdue: number, locale: string): string {
  return daysOverdue === 0 ? 'Due today' : `${plural(daysOverdue, 'day', 'days', locale)} overdue`;
}

/** "Due tomorrow", "Due in 12 days", or "Due today". */
export function dueInWords(daysUntilDue: number, locale: string): string {
  if (daysUntilDue === 0) return 'Due today';
  return daysUntilDue === 1 ? 'Due tomorrow' : `Due in ${plural(daysUntilDue, 'day', 'days', locale)}`;
}
