/**
 * Each translation against its base entry: the entry exists and is
 * published or retired; its lists have the base entry's length and order
 * (grants by role, changes by date); it translates only words the base entry
 * has; and its `sourceVersion` is the version of the base entry's words now.
 * When the base entry's words have changed since, the translation is stale:
 * a warning (an error with --strict) that names both files and gives the
 * version to write once the translation is brought up to date.
 */
import { COLLECTIONS, TRANSLATED_LISTS, type CollectionName } from '../../../schemas/index.ts';
import { didYouMean } from '../diagnostics/did-you-mean.ts';
import { describeValue, formatFieldPath, type FieldPath, type Finding } from '../diagnostics/diagnostic.ts';
import { entryWords, sourceVersion } from '../languages/entry-words.ts';
import type { CheckedEntry } from '../reading/checked-content.ts';
import type { ReadTranslation } from '../reading/read-translation.ts';
import { whereListed } from './references.ts';
import { finding, MESSAGES, TOP } from '../diagnostics/catalogue.ts';
import type { Rule } from './rule.ts';

export const checkTranslations: Rule = ({ entries, known, translations }) => {
  const findings: Finding[] = [];
  const bases = new Map<CollectionName, Map<string, CheckedEntry>>();
  const baseOf = (collection: CollectionName, id: string) => {
    let byId = bases.get(collection);
    if (!byId) bases.set(collection, (byId = new Map((entries[collection] as CheckedEntry[]).map((entry) => [entry.id, entry]))));
    return byId.get(id);
  };
  for (const translation of translations) {
    const { collection, id, file } = translation;
    const { label, folder } = COLLECTIONS[collection];
    const ids = known[collection];
    if (!ids.has(id)) {
      const near = didYouMean(id, ids.keys(), 3);
      findings.push(
        finding(
          MESSAGES['translation-source'],
          'default',
          { file, position: TOP, found: id },
          { label: label.toLowerCase(), id, near, listed: whereListed(collection), folder },
        ),
      );
      continue;
    }
    const base = baseOf(collection, id);
    // A base entry that failed its own schema has its own errors; it is checked against once they are fixed.
    if (!base) continue;
    if (base.data.status === 'draft') {
      findings.push(finding(MESSAGES['translation-draft'], 'default', { file, position: TOP }, { base: base.file }));
      continue;
    }
    findings.push(...compareWords(translation, base), ...compareVersion(translation, base));
  }
  return findings;
};

/** Lists of the base entry's length and order, and no words where the base entry has none. */
function compareWords(translation: ReadTranslation, base: CheckedEntry): Finding[] {
  const findings: Finding[] = [];
  const lists = TRANSLATED_LISTS[translation.collection];
  const at = (path: FieldPath, found?: unknown) => ({ file: translation.file, path, ...(found === undefined ? {} : { found: describeValue(found) }) });
  const walk = (mine: unknown, theirs: unknown, path: FieldPath): void => {
    if (Array.isArray(mine)) {
      const field = formatFieldPath(path);
      const count = Array.isArray(theirs) ? theirs.length : 0;
      if (!Array.isArray(theirs) || theirs.length !== mine.length) {
        findings.push(finding(MESSAGES['translation-list'], 'length', at(path), { field, count, mine: mine.length, base: base.file }));
        return;
      }
      const matchBy = lists.find((list) => list.path.join('.') === path.join('.'))?.matchBy;
      mine.forEach((item, index) => {
        const other = theirs[index] as Record<string, unknown> | undefined;
        const key = matchBy && (item as Record<string, unknown> | null)?.[matchBy];
        if (matchBy && key !== other?.[matchBy]) {
          const order = theirs.map((entry) => String((entry as Record<string, unknown>)[matchBy])).join(', ');
          const itemPath = [...path, index, matchBy];
          findings.push(
            finding(MESSAGES['translation-list'], 'order', at(itemPath, key), {
              field: formatFieldPath(itemPath),
              list: field,
              index,
              matchBy,
              theirs: String(other?.[matchBy]),
              mine: String(key),
              order,
            }),
          );
          return;
        }
        walk(item, other, [...path, index]);
      });
      return;
    }
    if (mine !== null && typeof mine === 'object') {
      for (const [key, value] of Object.entries(mine)) {
        if (path.length === 0 && key === 'sourceVersion') continue;
        walk(value, (theirs as Record<string, unknown> | undefined)?.[key], [...path, key]);
      }
      return;
    }
    if (theirs === undefined) {
      findings.push(finding(MESSAGES['translation-extra'], 'default', at(path, mine), { field: formatFieldPath(path), base: base.file }));
    }
  };
  walk(translation.data, entryWords(translation.collection, base.data), []);
  return findings;
}

function compareVersion(translation: ReadTranslation, base: CheckedEntry): Finding[] {
  const current = sourceVersion(translation.collection, base.data, base.body);
  const written = translation.data.sourceVersion;
  if (written === undefined) {
    return [finding(MESSAGES['translation-version'], 'default', { file: translation.file, position: TOP }, { base: base.file, current })];
  }
  if (written === current) return [];
  return [
    finding(
      MESSAGES['translation-stale'],
      'default',
      { file: translation.file, path: ['sourceVersion'], found: written, expected: current },
      { base: base.file, current },
    ),
  ];
}
