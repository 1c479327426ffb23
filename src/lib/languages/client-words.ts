/**
 * The interface words the browser's scripts need ("Can I…?" and its
 * verdicts, search and its answer card), out of a language's dictionary:
 * a page hands them over as JSON (inline on the pages that answer at once,
 * `<language root>interface.json` for the header's search box).
 */
import type { Dictionary, WordKey } from './interface-en.ts';
import type { Message } from './message.ts';

/** The keys the scripts use, by prefix. */
const CLIENT_PREFIXES = [
  'verdict.',
  'call.',
  'band.',
  'outcome.',
  'period.',
  'limit.',
  'authority.',
  'grant.',
  'canI.',
  'search.',
  'answer.',
  'count.results',
  'kind.',
  'translation.inLanguage',
  'window.',
  // The self-check's feedback and score (issue 18).
  'check.',
  'start.',
  // What changed for me: what each item is said to be (issue 18).
  'forMe.kind.',
];

/**
 * The keys search shows results with (the header box, the search page's
 * list): the header box loads only these (`SEARCH_WORDS_FILE`), about a
 * quarter of the words; the "Can I…?" answer, loaded when a query names an
 * amount, loads them all (`CLIENT_WORDS_FILE`).
 */
export const SEARCH_WORD_PREFIXES = ['search.', 'count.results', 'kind.', 'translation.inLanguage'];

/** What a page gives its scripts: its language's tag and the words they use. */
export interface ClientWords {
  tag: string;
  words: Partial<Record<WordKey, Message>>;
}

/** The words of `dictionary` the scripts use (`prefixes`: all of them, or `SEARCH_WORD_PREFIXES` for search alone). */
export function clientWords(tag: string, dictionary: Dictionary, prefixes: readonly string[] = CLIENT_PREFIXES): ClientWords {
  const words: Partial<Record<WordKey, Message>> = {};
  for (const key of Object.keys(dictionary) as WordKey[]) if (prefixes.some((prefix) => key.startsWith(prefix))) words[key] = dictionary[key];
  return { tag, words };
}

/** The id of the inline JSON a page's scripts read their words from. */
export const CLIENT_WORDS_ID = 'latitude-words';
/** Where a language's scripts find their words when the page has none inline, under the language's root. */
export const CLIENT_WORDS_FILE = 'interface.json';
/** The words search alone needs (`SEARCH_WORD_PREFIXES`), under the language's root: what the header box loads. */
export const SEARCH_WORDS_FILE = 'search/words.json';
