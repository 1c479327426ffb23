/**
 * The page's language as its scripts see it: links under its root
 * (`<html data-language-root>`: the base path plus `fr-ca/`), and its
 * interface words and Intl formats, from the page's inline JSON or, for the
 * header's search box, `<root>interface.json`.
 */
import { CLIENT_WORDS_FILE, CLIENT_WORDS_ID, type ClientWords } from '../lib/languages/client-words.ts';
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

let fetched: Promise<Words> | undefined;

/** The page's words: inline, else fetched once; English words in the page's language when they cannot be had. */
export function pageWords(): Promise<Words> {
  const inline = inlineWords();
  if (inline) return Promise.resolve(inline);
  fetched ??= fetch(pageHref(CLIENT_WORDS_FILE))
    .then((response) => (response.ok ? (response.json() as Promise<ClientWords>) : Promise.reject(new Error(String(response.status)))))
    .then(({ tag, words }) => createWords(tag, words))
    .catch(() => {
      fetched = undefined;
      return createWords(document.documentElement.lang || 'en', {});
    });
  return fetched;
}
