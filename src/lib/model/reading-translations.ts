/**
 * A reading's translations into one language, ready for the model: each
 * with whether its base entry's words have changed since it was made.
 * Shared by the build's loader and by `loadContentRoot`.
 */
import type { CollectionName } from '../../../schemas/index.ts';
import { isStale, type VersionedEntry } from '../languages/entry-words.ts';
import type { ReadTranslation } from '../reading/read-translation.ts';
import type { LoadedTranslation } from './translated-entries.ts';

export function languageTranslations<S>(
  entries: Readonly<Record<CollectionName, readonly (VersionedEntry & { id: string })[]>>,
  translations: readonly ReadTranslation[],
  language: string,
  source: (translation: ReadTranslation) => S | undefined,
): LoadedTranslation<S>[] {
  const bases = new Map<string, VersionedEntry>();
  for (const [collection, list] of Object.entries(entries)) for (const entry of list) bases.set(`${collection}/${entry.id}`, entry);
  return translations.flatMap((translation) => {
    const base = bases.get(`${translation.collection}/${translation.id}`);
    if (translation.language !== language || !base) return [];
    return [
      {
        language,
        collection: translation.collection,
        id: translation.id,
        file: translation.file,
        data: translation.data,
        stale: isStale(translation.collection, translation.data.sourceVersion, base),
        source: source(translation),
      },
    ];
  });
}
