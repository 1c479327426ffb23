/**
 * `npm run new -- --translate fr-CA boundaries/<id>`: a translation to fill
 * in, written next to nothing else: the base entry's words (title, summary,
 * the word fields, the body), each marked as a placeholder to translate, and
 * `sourceVersion` already set to the version of those words. Until every
 * placeholder is translated the validator reports it, so a half-done
 * translation cannot publish English words as French ones.
 */
import { stringify } from 'yaml';
import { COLLECTIONS, type CollectionName } from '../../../schemas/index.ts';
import { placeholder } from '../domain/placeholders.ts';
import { entryWords, sourceVersion } from '../languages/entry-words.ts';
import { TRANSLATIONS_FOLDER } from '../reading/scan-translations.ts';

export interface TranslationSkeletonInput {
  language: string;
  collection: CollectionName;
  /** The base entry's file, relative to the content root: the translation mirrors its place. */
  file: string;
  data: object;
  body: string;
}

/** The keys that name a list item (a grant's role, a change's date): copied as they are, never to translate. */
const KEEP = new Set(['role', 'date']);

export function translationSkeleton({ language, collection, file, data, body }: TranslationSkeletonInput): { file: string; text: string } {
  const words = { sourceVersion: sourceVersion(collection, data, body), ...(todo(entryWords(collection, data)) as object) };
  const yaml = stringify(words, { lineWidth: 0 }).trimEnd();
  const markdown = COLLECTIONS[collection].kind === 'markdown';
  // A .mdx base keeps its extension (its body may use the playbook's components); a role stays YAML.
  const target = `${TRANSLATIONS_FOLDER}/${language}/${markdown ? file : file.replace(/\.yml$/, '.yaml')}`;
  if (!markdown) return { file: target, text: `${yaml}\n` };
  const text = body.trim() ? `${placeholder('translate the text below into this language, then delete this line.')}\n\n${body.trim()}\n` : '';
  return { file: target, text: `---\n${yaml}\n---\n\n${text}` };
}

/** Every word marked as a placeholder to translate; lists keep their order, list keys stay as they are. */
function todo(value: unknown, key?: string): unknown {
  if (typeof value === 'string') return key !== undefined && KEEP.has(key) ? value : placeholder(value);
  if (Array.isArray(value)) return value.map((item) => todo(item));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, item]) => !(Array.isArray(item) && item.length === 0) && !isEmptyGroup(item))
        .map(([name, item]) => [name, todo(item, name)]),
    );
  }
  return value;
}

function isEmptyGroup(value: unknown): boolean {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.values(value).every((item) => Array.isArray(item) && item.length === 0);
}
