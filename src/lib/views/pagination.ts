/**
 * The wins wall: page 1 is `/wins/`, later pages `/wins/page/<n>/`. Page
 * links show the pages around the current one, never all of them, so a
 * 20,000-win wall has a short pager.
 */

export const WINS_PAGE_SIZE = 24;

/** The site path of page `n` of the wins wall. */
export function winsPagePath(n: number): string {
  return n <= 1 ? '/wins/' : `/wins/page/${n}/`;
}

/** A page number to link, or a gap between distant numbers. */
export type PagerItem = { page: number; current: boolean } | { gap: true };

/**
 * First, last, and `around` pages either side of `current`, with gaps:
 * `pagerItems(10, 20)` → 1 … 8 9 10 11 12 … 20.
 */
export function pagerItems(current: number, last: number, around = 2): PagerItem[] {
  const pages = new Set<number>([1, last]);
  for (let n = current - around; n <= current + around; n++) if (n >= 1 && n <= last) pages.add(n);
  const sorted = [...pages].sort((a, b) => a - b);
  const items: PagerItem[] = [];
  for (const [index, page] of sorted.entries()) {
    const previous = sorted[index - 1];
    if (previous !== undefined && page - previous > 1) items.push({ gap: true });
    items.push({ page, current: page === current });
  }
  return items;
}

/** How many pages `total` items fill. */
export function pageCount(total: number, size = WINS_PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / size));
}

/** Entries per page of the guidelines and case-study listings. */
export const LISTING_PAGE_SIZE = 100;

/** The pages of a listing at `first` (`/guidelines/`, then `/guidelines/page/2/`, …): each page's number, path and items. */
export function listingPages<T>(first: string, items: readonly T[], size = LISTING_PAGE_SIZE): { page: number; last: number; path: string; items: T[] }[] {
  const last = pageCount(items.length, size);
  return Array.from({ length: last }, (_, at) => ({
    page: at + 1,
    last,
    path: listingPagePath(first, at + 1),
    items: items.slice(at * size, (at + 1) * size),
  }));
}

/** Case studies per page of the results page: each brings its charts and table, so fewer than a plain listing. */
export const RESULTS_PAGE_SIZE = 20;

export function listingPagePath(first: string, n: number): string {
  return n <= 1 ? first : `${first}page/${n}/`;
}

/** The pages of /results/: the case studies with measures, twenty a page. */
export function resultsPages<T extends { metrics: readonly unknown[] }>(caseStudies: readonly T[]) {
  return listingPages(
    '/results/',
    caseStudies.filter((study) => study.metrics.length > 0),
    RESULTS_PAGE_SIZE,
  );
}
