/**
 * Synonyms from playbook.yaml (`synonyms: { refund: [money back] }`): the
 * words employees type, mapped to the words the playbook uses. Pagefind 1.6
 * has no synonym support of its own, so the search runs the query as typed
 * and once per synonym swapped in, and merges the results (`mergeRanked`).
 * Pure: the build writes the map as JSON, the browser expands queries.
 */

export type SynonymMap = Record<string, string[]>;

/** At most this many extra searches per query, however many synonyms match. */
export const MAX_VARIANTS = 4;

/** Lower-case words, as Pagefind splits them closely enough for matching keys. */
export function words(text: string): string[] {
  return text.toLocaleLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu) ?? [];
}

/** Keys and synonyms as word lists, longest key first so "money back" wins over "money". */
export function normaliseSynonyms(map: SynonymMap | undefined): { key: string[]; synonyms: string[][] }[] {
  return Object.entries(map ?? {})
    .map(([key, synonyms]) => ({ key: words(key), synonyms: synonyms.map(words).filter((w) => w.length > 0) }))
    .filter((entry) => entry.key.length > 0 && entry.synonyms.length > 0)
    .sort((a, b) => b.key.length - a.key.length);
}

/** Endings a typed word may add to a key and still match it: "refunds", "refunded", "refunding". */
const ENDINGS = /^(?:s|es|ed|d|ing|er|ers)$/;

/** A typed word matches a key word exactly, or with a common ending (keys of four letters or more). */
export function sameWord(typed: string, key: string): boolean {
  return typed === key || (key.length >= 4 && typed.startsWith(key) && ENDINGS.test(typed.slice(key.length)));
}

/**
 * The other queries to run for `query`: each key found in it (as whole
 * words, allowing endings such as "refunds") replaced by each of its
 * synonyms. "refund a sofa" with `refund: [money back]` gives
 * ["money back a sofa"]. The query itself is not included.
 */
export function expandQuery(query: string, map: SynonymMap | undefined): string[] {
  const typed = words(query);
  const variants = new Set<string>();
  for (const { key, synonyms } of normaliseSynonyms(map)) {
    for (let at = 0; at + key.length <= typed.length; at++) {
      if (!key.every((word, i) => sameWord(typed[at + i]!, word))) continue;
      for (const synonym of synonyms) {
        variants.add([...typed.slice(0, at), ...synonym, ...typed.slice(at + key.length)].join(' '));
      }
    }
  }
  variants.delete(typed.join(' '));
  return [...variants].slice(0, MAX_VARIANTS);
}

/** A result found by one or more of the queries. */
export interface RankedResult {
  id: string;
  score: number;
}

/** How much a result found only through a synonym counts against one found as typed. */
export const SYNONYM_SCORE = 0.9;

/**
 * One ranked list from the typed query's results and the synonym queries':
 * each page once, at its best score, synonym-only matches slightly below
 * an equal match on the words typed.
 */
export function mergeRanked<R extends RankedResult>(typed: readonly R[], viaSynonyms: readonly (readonly R[])[]): R[] {
  const best = new Map<string, { result: R; score: number }>();
  const offer = (result: R, score: number) => {
    const known = best.get(result.id);
    if (!known || score > known.score) best.set(result.id, { result, score });
  };
  for (const result of typed) offer(result, result.score);
  for (const list of viaSynonyms) for (const result of list) offer(result, result.score * SYNONYM_SCORE);
  return [...best.values()].sort((a, b) => b.score - a.score).map((entry) => entry.result);
}
