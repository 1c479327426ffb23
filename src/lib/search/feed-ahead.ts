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
 * whole. Should such a page render after all (Astro found its code
 * changed) with another document, the indexer indexes its part again.
 */
import type { ExpectedPage } from './record-sink.ts';

/** The pages of one part to feed ahead: those whose cache key the last build recorded for their address, when another page of the part has none. */
export function pagesToFeedAhead(partPages: readonly ExpectedPage[], previousKeys: ReadonlyMap<string, string>): Set<string> {
  const unchanged = partPages.filter((page) => page.cacheKey !== undefined && previousKeys.get(page.url) === page.cacheKey);
  return unchanged.length < partPages.length ? new Set(unchanged.map((page) => page.url)) : new Set();
}
