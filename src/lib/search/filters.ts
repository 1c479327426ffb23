/**
 * The search filters: their keys (the contract in the README's Search section;
 * their labels are interface words, `filter.<key>`), and
 * how a choice of filters travels in a URL (`?q=refund&type=Boundary&role=Store+associate`)
 * and into a Pagefind query. Pure, so the search page and tests share it.
 */

/** Filter keys, in the order the search page shows them. */
export const FILTER_KEYS = ['type', 'role', 'value', 'team', 'category'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/**
 * The `type` filter's collections, in the order the search page shows them;
 * its values are the kinds in the page's language ("Boundary", « Limite de décision »).
 */
export const TYPE_ORDER = ['boundaries', 'guidelines', 'roles', 'values', 'caseStudies', 'wins'] as const;

/** Chosen filter values by key; a key with no values does not filter. */
export type FilterChoice = Partial<Record<FilterKey, string[]>>;

/** How results are ordered: Pagefind's relevance, or newest wins first (`data-pagefind-sort="date:…"`). */
export type SearchOrder = 'relevance' | 'newest';

export interface SearchState {
  query: string;
  filters: FilterChoice;
  order: SearchOrder;
}

/** Reads `?q=…&type=…&role=…&order=newest` (repeated keys for several values). */
export function readSearchState(params: URLSearchParams): SearchState {
  const filters: FilterChoice = {};
  for (const key of FILTER_KEYS) {
    const values = [
      ...new Set(
        params
          .getAll(key)
          .map((v) => v.trim())
          .filter(Boolean),
      ),
    ];
    if (values.length > 0) filters[key] = values;
  }
  return { query: (params.get('q') ?? '').trim(), filters, order: params.get('order') === 'newest' ? 'newest' : 'relevance' };
}

/** The query string for a search state, so a search can be linked to and reloaded. */
export function writeSearchState(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.query) params.set('q', state.query);
  for (const key of FILTER_KEYS) for (const value of state.filters[key] ?? []) params.append(key, value);
  if (state.order === 'newest') params.set('order', 'newest');
  return params;
}

/**
 * Pagefind's filter object: values within one key widen the search (any of
 * them), keys narrow it (all of them).
 */
export function pagefindFilters(filters: FilterChoice): Record<string, { any: string[] }> {
  const out: Record<string, { any: string[] }> = {};
  for (const key of FILTER_KEYS) {
    const values = filters[key];
    if (values && values.length > 0) out[key] = { any: values };
  }
  return out;
}

export function hasFilters(filters: FilterChoice): boolean {
  return FILTER_KEYS.some((key) => (filters[key]?.length ?? 0) > 0);
}
