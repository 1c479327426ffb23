import type { Message } from './message.ts';

/**
 * Latitude's interface words in English: every key a page, a component or
 * a script shows, grouped by where it is used. Other dictionaries have
 * exactly these keys (interface-fr.ts; a playbook's interface.yaml).
 * Placeholders are `{name}`; plural groups are chosen by `{count}`.
 */
export const ENGLISH = {
  'language.name': 'English',
} as const;

/** Every interface word's key: `nav.values`, `verdict.decide`, … */
export type WordKey = keyof typeof ENGLISH;
/** A complete dictionary: every key, in one language. */
export type Dictionary = Record<WordKey, Message>;
