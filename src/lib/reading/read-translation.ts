/**
 * One translation file checked on its own: its words against its
 * collection's translation schema, its body parsed and rendered like any
 * body. A key that is a fact of the base entry (a limit, an owner, a date,
 * a reference) is refused here, by name: facts come from the base entry
 * only, so no language can show an old limit. Whether the base entry exists,
 * is published, has lists of the same length and the same words version is
 * for the cross-entry rule (rules/translations.ts).
 */
import { COLLECTIONS, TRANSLATION_SCHEMAS, type CollectionName, type TranslationData } from '../../../schemas/index.ts';
import { formatFieldPath, type FieldPath, type Finding, type Position } from '../diagnostics/diagnostic.ts';
import { finding, MESSAGES } from '../diagnostics/catalogue.ts';
import { checkWithSchema, keysAt } from '../diagnostics/schema-issues.ts';
import type { ReadSource } from './read-source.ts';
import { renderBody, type BodyHeading } from './render-body.ts';
import type { CalloutType } from './content-components.ts';
import { dictionaryFor } from '../languages/dictionary.ts';
import { createWords } from '../languages/words.ts';

/** A translation as read: the words of base entry `collection`/`id` in `language`. */
export interface ReadTranslation<C extends CollectionName = CollectionName> {
  /** The language, as `languages` in playbook.yaml and the folder name write it: `fr-CA`. */
  language: string;
  collection: C;
  /** The base entry's id: the file name without extension. */
  id: string;
  /** Path relative to the content root. */
  file: string;
  absolutePath: string;
  data: TranslationData<C>;
  /** The body text after the frontmatter; '' when there is none (the base entry's body is shown, marked untranslated). */
  body: string;
  bodyLine: number;
  /** The body as HTML with BoundaryRef markers; undefined for YAML files, an empty body and trusted MDX. */
  html: string | undefined;
  headings: BodyHeading[];
  /** `<BoundaryRef id>` uses found in the body. */
  bodyReferences: { id: string; position: Position }[];
}

export function checkTranslation(
  collection: CollectionName,
  language: string,
  read: ReadSource,
  trusted: boolean,
): { findings: Finding[]; translation?: ReadTranslation } {
  if (!read.data) return { findings: [] };
  const source = read.source;
  const facts: FieldPath[] = [];
  const words = splitFacts(read.data, [], TRANSLATION_SCHEMAS[collection], COLLECTIONS[collection].schema, facts);
  const findings: Finding[] = facts.map((path) =>
    finding(
      MESSAGES['translation-fact'],
      'default',
      { file: source.file, path, at: 'key', found: String(path[path.length - 1]) },
      { field: formatFieldPath(path) },
    ),
  );
  const checked = checkWithSchema(TRANSLATION_SCHEMAS[collection], words, source.file);
  const markdown = COLLECTIONS[collection].kind === 'markdown';
  const written = read.body.trim() !== '';
  const body =
    markdown && written
      ? renderBody({
          file: source.file,
          body: read.body,
          bodyLine: read.bodyLine,
          format: source.file.endsWith('.mdx') ? 'mdx' : 'md',
          trusted,
          calloutLabels: calloutLabels(language),
        })
      : undefined;
  findings.push(...(checked.ok ? [] : checked.findings), ...(body?.findings ?? []));
  if (!checked.ok) return { findings };
  return {
    findings,
    translation: {
      language,
      collection,
      id: source.id,
      file: source.file,
      absolutePath: source.absolutePath,
      data: checked.data as TranslationData,
      body: written ? read.body : '',
      bodyLine: read.bodyLine,
      html: body?.html,
      headings: body?.headings ?? [],
      bodyReferences: body?.boundaryRefs ?? [],
    },
  };
}

/** A callout's words in the translation's language (Latitude's own dictionaries; English for a language it does not ship). */
function calloutLabels(language: string): Record<CalloutType, string> {
  const words = createWords(language, dictionaryFor(language));
  return { note: words.t('callout.note'), tip: words.t('callout.tip'), warning: words.t('callout.warning') };
}

/**
 * `value` without the keys that the base schema knows but the translation
 * schema does not (the facts), whose paths are added to `facts`. Keys
 * neither knows stay, for the schema to report with a "did you mean".
 */
function splitFacts(value: unknown, path: FieldPath, words: unknown, base: unknown, facts: FieldPath[]): unknown {
  if (Array.isArray(value)) return value.map((item, index) => splitFacts(item, [...path, index], words, base, facts));
  if (value === null || typeof value !== 'object') return value;
  const wordKeys = keysAt(words as never, path);
  if (wordKeys.length === 0) return value;
  const baseKeys = keysAt(base as never, path);
  const kept: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (!wordKeys.includes(key) && baseKeys.includes(key)) facts.push([...path, key]);
    else kept[key] = splitFacts(item, [...path, key], words, base, facts);
  }
  return kept;
}
