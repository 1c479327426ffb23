/**
 * Words shown in the base language on a page in another one are marked
 * with their own `lang`, so screen readers pronounce them right and the
 * reader sees why: `lang={wordsLang(entry, 'summary')}`.
 */
import type { EntryTranslation } from '../model/translated-entries.ts';

/** The `lang` attribute for one word field of an entry: the base language's tag when the field is left untranslated, else none. */
export function wordsLang(entry: { translation: EntryTranslation }, field: string): string | undefined {
  return entry.translation.untranslated.has(field) ? entry.translation.sourceLanguage : undefined;
}
