/**
 * A content root read straight into the playbook model, without Astro or a
 * build: the validator's own reading (`readPlaybook`: the same reader,
 * schemas and rules as `npm run validate` and the build), then
 * `buildPlaybook`. Entries that fail their schema are left out, as a build
 * would refuse them; the files with errors are listed. Each entry's source
 * is its id, as there is nothing to render. Used by `npm run diff` and by tests.
 */
import { COLLECTIONS, COLLECTION_NAMES, playbookSchema } from '../../../schemas/index.ts';
import { referencesOf, type EntryLink } from '../domain/references.ts';
import { buildPlaybook, type PlaybookInput } from '../model/build-playbook.ts';
import { languageTranslations } from '../model/reading-translations.ts';
import type { Playbook } from '../model/types.ts';
import { readPlaybook } from './validate-content-root.ts';

export interface LoadedModel {
  playbook: Playbook<string>;
  /** Files with errors, relative to the content root (those that failed their schema are not in the model). */
  filesWithErrors: string[];
  /** For each boundary id, the entries that are not drafts and link to it, in their fields or with `<BoundaryRef>`: what a retirement leaves pointing at it. */
  boundaryLinks: Map<string, EntryLink[]>;
  /** Translations whose base entry's words have changed since they were made: `{ file, base }`, every language. */
  staleTranslations: { file: string; base: string; language: string }[];
}

/**
 * `language`: one of the playbook's `languages`, to read the model in that
 * language (its translations' words over the base facts); the base language by default.
 */
export async function loadContentRoot(root: string, today: string, language?: string): Promise<LoadedModel> {
  const read = await readPlaybook(root, { today });
  const settings = read.settings ?? playbookSchema.parse({ name: 'Playbook' });
  const entries = Object.fromEntries(
    Object.entries(read.entries).map(([collection, list]) => [
      collection,
      list.map((entry) => ({ id: entry.id, file: entry.file, data: entry.data, source: entry.id })),
    ]),
  ) as PlaybookInput<string>['entries'];
  const filesWithErrors = [...new Set(read.report.diagnostics.filter((d) => d.severity === 'error').map((d) => d.file))].sort();
  const boundaryLinks = new Map<string, EntryLink[]>();
  for (const collection of COLLECTION_NAMES) {
    for (const entry of read.entries[collection]) {
      if (entry.data.status === 'draft') continue;
      const ids = [
        ...referencesOf(collection, entry.data)
          .filter((ref) => ref.collection === 'boundaries')
          .map((ref) => ref.id),
        ...entry.bodyReferences.map((ref) => ref.id),
      ];
      for (const id of new Set(ids)) {
        if (!boundaryLinks.has(id)) boundaryLinks.set(id, []);
        boundaryLinks.get(id)!.push({ kind: COLLECTIONS[collection].label, title: entry.data.title, file: entry.file });
      }
    }
  }
  const translated = (tag: string) => languageTranslations(read.entries, read.translations, tag, (translation) => translation.id);
  const baseFile = new Map(Object.values(read.entries).flatMap((list) => list.map((entry) => [`${entry.collection}/${entry.id}`, entry.file] as const)));
  const staleTranslations = settings.languages.flatMap((tag) =>
    translated(tag)
      .filter((translation) => translation.stale)
      .map((translation) => ({ file: translation.file, base: baseFile.get(`${translation.collection}/${translation.id}`)!, language: tag })),
  );
  const inLanguage = language === undefined || language === settings.locale ? undefined : { tag: language, translations: translated(language) };
  return { playbook: buildPlaybook({ settings, today, entries, language: inLanguage }), filesWithErrors, boundaryLinks, staleTranslations };
}
