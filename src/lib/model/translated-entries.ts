/**
 * A language's entries: each base entry with the words of its translation
 * laid over its data, and its facts untouched. Only word keys are ever
 * replaced (a translation holds nothing else), so every limit, authority,
 * owner, date and reference is the base entry's, and a French page can
 * never show an old limit. Words a translation leaves out stay the base
 * entry's, and the entry says which (`untranslated`), so pages can mark them
 * with the base language. Linear in the number of entries.
 */
import { COLLECTIONS, TRANSLATED_LISTS, type CollectionName, type TranslationData } from '../../../schemas/index.ts';
import type { DataByCollection } from '../domain/references.ts';
import { entryWords } from '../languages/entry-words.ts';

/** A validated entry as a loader gives it. */
export interface LoadedEntry<C extends CollectionName, S> {
  id: string;
  /** Path inside the content root. */
  file: string;
  data: DataByCollection[C];
  source: S;
}

/** A translation as a loader gives it: its words, whether it is stale, and its own body if it has one. */
export interface LoadedTranslation<S> {
  /** As written in `languages`: `fr-CA`. */
  language: string;
  collection: CollectionName;
  /** The base entry's id. */
  id: string;
  /** The translation's file, relative to the content root. */
  file: string;
  data: TranslationData;
  /** The base entry's words have changed since the translation was made. */
  stale: boolean;
  /** What renders the translation's own body; undefined when it has none (the base body is shown). */
  source: S | undefined;
}

/** How an entry's words stand in the language of the model it is in. */
export interface EntryTranslation {
  /**
   * `source`: the base language, the words as written; `translated`;
   * `stale`: translated from words that have changed since; `missing`: no
   * translation, so the base language's words are shown.
   */
  state: 'source' | 'translated' | 'stale' | 'missing';
  /** The base language (playbook.yaml's `locale`): the language of any word left untranslated. */
  sourceLanguage: string;
  /** The word fields shown in the base language's words (`title`, `summary`, `guardrails`, `body`, …); empty when every word is translated. */
  untranslated: ReadonlySet<string>;
  /** The translation's file, relative to the content root. */
  file: string | undefined;
}

export type TranslatedEntry<C extends CollectionName, S> = LoadedEntry<C, S> & { translation: EntryTranslation };

const NOTHING: ReadonlySet<string> = new Set();

/** The base language's own entries, marked as such. */
export function sourceEntries<S>(
  entries: { [C in CollectionName]: LoadedEntry<C, S>[] },
  sourceLanguage: string,
): { [C in CollectionName]: TranslatedEntry<C, S>[] } {
  const translation: EntryTranslation = { state: 'source', sourceLanguage, untranslated: NOTHING, file: undefined };
  return mapEntries(entries, (entry) => ({ ...entry, translation }));
}

/** The entries of one language: translated words over base facts. */
export function translatedEntries<S>(
  entries: { [C in CollectionName]: LoadedEntry<C, S>[] },
  translations: readonly LoadedTranslation<S>[],
  sourceLanguage: string,
): { [C in CollectionName]: TranslatedEntry<C, S>[] } {
  const byKey = new Map(translations.map((translation) => [`${translation.collection}/${translation.id}`, translation]));
  return mapEntries(entries, (entry, collection) => {
    const markdown = COLLECTIONS[collection].kind === 'markdown';
    const translation = byKey.get(`${collection}/${entry.id}`);
    if (!translation) {
      const untranslated = new Set([...Object.keys(entryWords(collection, entry.data)), ...(markdown ? ['body'] : [])]);
      return { ...entry, translation: { state: 'missing', sourceLanguage, untranslated, file: undefined } };
    }
    const { data, untranslated } = overlayWords(entryWords(collection, entry.data), entry.data as Record<string, unknown>, translation.data);
    if (markdown && translation.source === undefined) untranslated.add('body');
    return {
      ...entry,
      data: data as typeof entry.data,
      source: translation.source ?? entry.source,
      translation: { state: translation.stale ? 'stale' : 'translated', sourceLanguage, untranslated, file: translation.file },
    };
  });
}

/**
 * `data` with each word of `words` in place of the base entry's, by key and
 * by place in lists; `baseWords` (the base entry's words) says which fields
 * a word left out leaves in the base language.
 */
export function overlayWords(
  baseWords: Record<string, unknown>,
  data: Record<string, unknown>,
  words: object,
): { data: Record<string, unknown>; untranslated: Set<string> } {
  const translated = words as Record<string, unknown>;
  const untranslated = new Set<string>();
  const out: Record<string, unknown> = { ...data };
  for (const key of Object.keys(baseWords)) {
    if (!covers(translated[key], baseWords[key])) untranslated.add(key);
    if (translated[key] !== undefined) out[key] = overlay(data[key], translated[key]);
  }
  return { data: out, untranslated };
}

function overlay(base: unknown, words: unknown): unknown {
  if (typeof words === 'string') return words;
  if (Array.isArray(words) && Array.isArray(base)) return base.map((item, index) => (words[index] === undefined ? item : overlay(item, words[index])));
  if (isRecord(words) && isRecord(base)) {
    const out = { ...base };
    for (const [key, value] of Object.entries(words)) if (value !== undefined && key in base) out[key] = overlay(base[key], value);
    return out;
  }
  return base;
}

/** Whether `words` has a word for every word of `base` (a field with no words, such as an empty list, needs none). */
function covers(words: unknown, base: unknown): boolean {
  if (!hasWords(base)) return true;
  if (typeof base === 'string') return typeof words === 'string';
  if (Array.isArray(base)) return Array.isArray(words) && base.every((item, index) => covers(words[index], item));
  if (isRecord(base)) return isRecord(words) && Object.entries(base).every(([key, value]) => MATCH_KEYS.has(key) || covers(words[key], value));
  return true;
}

/** The keys that name a list item (a grant's role, a change's date): they are facts, not words to translate. */
const MATCH_KEYS: ReadonlySet<string> = new Set(
  Object.values(TRANSLATED_LISTS).flatMap((lists) => lists.flatMap((list) => (list.matchBy ? [list.matchBy] : []))),
);

function hasWords(value: unknown): boolean {
  if (typeof value === 'string') return true;
  if (Array.isArray(value)) return value.some(hasWords);
  return isRecord(value) && Object.entries(value).some(([key, item]) => !MATCH_KEYS.has(key) && hasWords(item));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function mapEntries<S>(
  entries: { [C in CollectionName]: LoadedEntry<C, S>[] },
  map: <C extends CollectionName>(entry: LoadedEntry<C, S>, collection: C) => TranslatedEntry<C, S>,
): { [C in CollectionName]: TranslatedEntry<C, S>[] } {
  const out = {} as { [C in CollectionName]: TranslatedEntry<C, S>[] };
  for (const collection of Object.keys(entries) as CollectionName[]) {
    (out as Record<CollectionName, unknown>)[collection] = (entries[collection] as LoadedEntry<CollectionName, S>[]).map((entry) => map(entry, collection));
  }
  return out;
}
