/**
 * Every list on the site is capped: a page shows the first few entries and
 * says how many more there are, so no page grows with the playbook.
 */

export interface CappedList<T> {
  items: T[];
  total: number;
  /** How many were left out. */
  more: number;
}

export function capList<T>(list: readonly T[], max: number): CappedList<T> {
  const items = list.slice(0, max);
  return { items, total: list.length, more: list.length - items.length };
}

/** How many wins a value or boundary page shows. */
export const WALL_SIZE = 12;
/** How many wins the home page shows. */
export const HOME_WINS = 6;
/** How many linked entries (guidelines, boundaries, case studies) a page lists before linking onward. */
export const LINKED_ENTRIES = 50;
/** How many changes the changes page lists. */
export const CHANGES_PAGE_SIZE = 200;
/** How many entries each list of the review page shows (overdue, due soon). */
export const REVIEW_LIST_SIZE = 100;
/** How many kinds of decision (boundary categories) a ladder's page sums up before saying how many more. */
export const LADDER_CATEGORIES = 100;
/** How many items a feed carries. */
export const FEED_SIZE = 50;
