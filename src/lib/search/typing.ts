/**
 * When the search box and the search page act on what a reader is typing:
 * fetching the index ahead of the search (Pagefind's `preload`) and running
 * the search once typing pauses.
 *
 * Pagefind keeps its words in chunks, each a stretch of the alphabet, and
 * looks a half-typed word up as a prefix: it fetches the one chunk where the
 * prefix would sort. A one- or two-letter prefix usually sorts into another
 * chunk than the word being typed ("r" before "refund", "pa" before "pay"),
 * so fetching for it is a whole chunk (about 30 kB at 20,000 entries) the
 * search never reads. From three letters on, the prefix's chunk is nearly
 * always the word's. A search for a short word waits for a longer pause for
 * the same reason: a reader typing "refund" does not stop at "r" or "re",
 * and one who means "HR" still gets it, a moment later.
 *
 * Pure: the browser scripts use it.
 */

/** Letters the word being typed needs before the index is fetched for it. */
export const PRELOAD_MIN_LETTERS = 3;

/** The pause in typing after which the search runs. */
export const TYPING_PAUSE_MS = 150;

/** The pause for a query whose last word is shorter than `PRELOAD_MIN_LETTERS`. */
export const SHORT_WORD_PAUSE_MS = 450;

/** The word being typed: the query's last, in characters (not UTF-16 units). */
function lastWordLength(query: string): number {
  const words = query.trim().split(/\s+/);
  return [...(words.at(-1) ?? '')].length;
}

/** Whether to fetch the index for a half-typed query now. */
export function worthPreloading(query: string): boolean {
  return lastWordLength(query) >= PRELOAD_MIN_LETTERS;
}

/** How long typing must pause before `query` is searched. */
export function typingPause(query: string): number {
  return !query.trim() || worthPreloading(query) ? TYPING_PAUSE_MS : SHORT_WORD_PAUSE_MS;
}
