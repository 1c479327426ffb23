/**
 * Review dates in words, in the reader's language: "3 days overdue",
 * "Due tomorrow" (`Words`: its dictionary's plural forms and Intl for the
 * numbers). Dates, numbers and money are `Words`' own (Intl for the page's
 * language): `words.date('2026-03-01')` reads "1 Mar 2026" in en-GB and
 * « 1 mars 2026 » in fr-CA.
 */
import type { Words } from '../languages/words.ts';

/** "3 days overdue", or "Due today". */
export function overdueInWords(daysOverdue: number, words: Words): string {
  return daysOverdue === 0 ? words.t('review.dueToday') : words.t('review.overdue', { count: daysOverdue });
}

/** "Due tomorrow", "Due in 12 days", or "Due today". */
export function dueInWords(daysUntilDue: number, words: Words): string {
  if (daysUntilDue === 0) return words.t('review.dueToday');
  return daysUntilDue === 1 ? words.t('review.dueTomorrow') : words.t('review.dueIn', { count: daysUntilDue });
}
