/**
 * How much a word counts in search, by where it stands on an entry page
 * (Pagefind's `data-pagefind-weight`, 0–10 on a quadratic scale; body text
 * is 1). People search for an answer to "may I…?", so boundary titles and
 * decisions outrank everything else, and every title outranks body text.
 */
export const SEARCH_WEIGHTS = {
  /** A boundary's title: the answer most searches are after. */
  boundaryTitle: 10,
  /** Any other entry's title (an `h1` is 7 by default). */
  title: 8,
  /** A boundary's decision, "Refund a purchase without a receipt". */
  decision: 6,
  /** The one-line summary under the title. */
  summary: 2,
} as const;

/** The weights an entry page applies, by kind of entry. */
export interface EntryWeights {
  title: number;
  summary: number;
  /** Boundaries only. */
  decision?: number;
}

export function entryWeights(collection: string): EntryWeights {
  return collection === 'boundaries'
    ? { title: SEARCH_WEIGHTS.boundaryTitle, summary: SEARCH_WEIGHTS.summary, decision: SEARCH_WEIGHTS.decision }
    : { title: SEARCH_WEIGHTS.title, summary: SEARCH_WEIGHTS.summary };
}

/**
 * Pagefind searches meta too (`ranking.metaWeights`; title is 5 by default,
 * others 1). Only boundaries carry `decision`, so a word in a boundary's
 * decision lifts it above a win story that happens to share the word.
 */
export const SEARCH_META_WEIGHTS: Record<string, number> = { title: 5, decision: 5 };
