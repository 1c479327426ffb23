/**
 * Which pages of the search index a rebuild gives Pagefind before they
 * would render (src/integrations/pagefind.ts). Pagefind takes a part's pages
 * in address order, and a page Astro's incremental build restores never
 * renders: without this, a part with one changed page waited for the end of
 * rendering and then took all its other pages at once (11 s at 20,000
 * entries, docs/scale.md). A page whose cache key is the one the last build
 * recorded is restored, its search document the one the last build stored,
 * so it can go to Pagefind as soon as the pages before it have. Only in a
 * part with a page that renders: a part with none is copied from the cache
 * whole. When they start: from the first page rendered in a part that
 * changed for sure (`partChangedForSure`), else once a page of the part
 * renders with a document the last build did not have. Should a page given
 * ahead render after all (Astro found its code changed) with another
 * document, the indexer indexes its part again.
 */
import type { ExpectedPage } from './record-sink.ts';

/**
 * Whether a part's search documents changed for sure, before any renders:
 * one of its pages is new, or its own entry changed (`sourceDigest`), as
 * when a win is edited. Then its pages to feed ahead go from the first page
 * rendered, not from the changed page's turn: a changed win renders near
 * the end, and its year waited for it. A page whose key changed only
 * through another entry (a neighbour's title, a linked boundary) often
 * renders the same document, so its part waits for the page to tell.
 */
export function partChangedForSure(partPages: readonly ExpectedPage[], lastSources: ReadonlyMap<string, string | undefined>): boolean {
  return partPages.some((page) => page.sourceDigest !== undefined && lastSources.get(page.url) !== page.sourceDigest);
}

/** The pages of one part to feed ahead: those whose cache key the last build recorded for their address, when another page of the part has none. */
export function pagesToFeedAhead(partPages: readonly ExpectedPage[], previousKeys: ReadonlyMap<string, string>): Set<string> {
  const unchanged = partPages.filter((page) => page.cacheKey !== undefined && previousKeys.get(page.url) === page.cacheKey);
  return unchanged.length < partPages.length ? new Set(unchanged.map((page) => page.url)) : new Set();
}

/**
 * The order pages render in (src/integrations/shard.ts hands it to Astro):
 * first the pages of the search index that will render, then the other pages
 * that will render (listings, the matrix, role pages, the register and
 * other files), last the pages Astro keeps from the last build (a key it
 * recorded for that address), which cost almost nothing. Each part of the
 * index then has its last page early, and Pagefind writes it while the rest
 * renders. In Astro's own order (by route) the wins came last: a cold build
 * wrote its last year of wins after every page had rendered, and a rebuild
 * after one edited win waited for that win's turn, near the end, before its
 * year could be written (5 s at 20,000 entries, after the last page). The
 * order within each group is kept: wins newest first.
 */
export function renderOrder<P extends { pathname: string; cacheKey?: string | undefined }>(
  paths: readonly P[],
  indexed: readonly ExpectedPage[],
  previousKeys: ReadonlyMap<string, string>,
): P[] {
  const inIndex = new Set(indexed.map((page) => page.url));
  const searched: P[] = [];
  const others: P[] = [];
  const kept: P[] = [];
  for (const path of paths) {
    if (path.cacheKey !== undefined && previousKeys.get(path.pathname) === path.cacheKey) kept.push(path);
    else (inIndex.has(path.pathname) ? searched : others).push(path);
  }
  return [...searched, ...others, ...kept];
}
