/**
 * The page's language as its scripts see it: links under its root
 * (`<html data-language-root>`: the base path plus `fr-ca/`), and its
 * interface words and Intl formats, from the page's inline JSON or, for the
 * header's search box, `<root>search/words.json` (and `<root>interface.json`
 * for the "Can I…?" answer and what changed for me).
 */
import { CLIENT_WORDS_FILE, CLIENT_WORDS_ID, SEARCH_WORDS_FILE, type ClientWords } from '../lib/languages/client-words.ts';
import { createWords, type Words } from '../lib/languages/words.ts';

/** The root of the page's language: `/playbook/fr-ca/`. */
export function languageRoot(): string {
  const root = document.documentElement.dataset.languageRoot ?? import.meta.env.BASE_URL;
  return root.endsWith('/') ? root : `${root}/`;
}

/** A site path in the page's language: `/can-i/` → `/playbook/fr-ca/can-i/`. */
export function pageHref(path: string): string {
  return `${languageRoot()}${path.replace(/^\/+/, '')}`;
}

/** The words inline in the page, if it has them. */
export function inlineWords(): Words | undefined {
  const source = document.getElementById(CLIENT_WORDS_ID)?.textContent;
  if (!source) return undefined;
  const { tag, words } = JSON.parse(source) as ClientWords;
  return createWords(tag, words);
}

/** Which words a script needs: every word the scripts use, or search's alone (a quarter of them: the header box's). */
export type WordSet = 'all' | 'search';

const fetched: Partial<Record<WordSet, Promise<Words>>> = {};

/**
 * The page's words: inline, else fetched once (`interface.json`, or for
 * search alone `search/words.json`); English words in the page's language
 * when they cannot be had.
 */
export function pageWords(set: WordSet = 'all'): Promise<Words> {
  const inline = inlineWords();
  if (inline) return Promise.resolve(inline);
  if (set === 'search' && fetched.all) return fetched.all;
  fetched[set] ??= fetch(pageHref(set === 'all' ? CLIENT_WORDS_FILE : SEARCH_WORDS_FILE))
    .then((response) => (response.ok ? (response.json() as Promise<ClientWords>) : Promise.reject(new Error(String(response.status)))))
    .then(({ tag, words }) => createWords(tag, words))
    .catch(() => {
      delete fetched[set];
      return createWords(document.documentElement.lang || 'en', {});
    });
  return fetched[set];
}
