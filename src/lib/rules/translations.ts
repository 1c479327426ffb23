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
      findings.push({
        file,
        path: [],
        position: { line: 1, column: 1 },
        severity: 'error',
        rule: 'translation-source',
        message: `there is no ${label.toLowerCase()} "${id}" to translate: a translation has the file name of the entry it translates`,
        found: id,
        hint: near ? `${near} ${capitalise(whereListed(collection))}` : `rename the file to the id of an entry in ${folder}/; ${whereListed(collection)}`,
      });
      continue;
    }
    const base = baseOf(collection, id);
    // A base entry that failed its own schema has its own errors; it is checked against once they are fixed.
    if (!base) continue;
    if (base.data.status === 'draft') {
      findings.push({
        file,
        path: [],
        position: { line: 1, column: 1 },
        severity: 'error',
        rule: 'translation-draft',
        message: `${base.file} is a draft, so it has no page to translate yet`,
        hint: `publish ${base.file} first, or start this file's name with _ until then (files starting with _ are not read)`,
      });
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
  const finding = (path: FieldPath, rule: string, message: string, hint: string, found?: unknown): Finding => ({
    file: translation.file,
    path,
    severity: 'error',
    rule,
    message: `${formatFieldPath(path)}: ${message}`,
    ...(found === undefined ? {} : { found: describeValue(found) }),
    hint,
  });
  const walk = (mine: unknown, theirs: unknown, path: FieldPath): void => {
    if (Array.isArray(mine)) {
      const field = formatFieldPath(path);
      const count = Array.isArray(theirs) ? theirs.length : 0;
      if (!Array.isArray(theirs) || theirs.length !== mine.length) {
        findings.push(
          finding(
            path,
            'translation-list',
            `the base entry lists ${count}, this translation ${mine.length}`,
            count === 0
              ? `remove ${field}: ${base.file} has nothing to translate there`
              : `translate the ${count} ${count === 1 ? 'item' : 'items'} of ${field} in ${base.file} one for one, in the same order`,
          ),
        );
        return;
      }
      const matchBy = lists.find((list) => list.path.join('.') === path.join('.'))?.matchBy;
      mine.forEach((item, index) => {
        const other = theirs[index] as Record<string, unknown> | undefined;
        const key = matchBy && (item as Record<string, unknown> | null)?.[matchBy];
        if (matchBy && key !== other?.[matchBy]) {
          const order = theirs.map((entry) => String((entry as Record<string, unknown>)[matchBy])).join(', ');
          findings.push(
            finding(
              [...path, index, matchBy],
              'translation-list',
              `the base entry's ${field}[${index}] is ${matchBy === 'date' ? 'dated' : 'for'} ${String(other?.[matchBy])}, not ${String(key)}`,
              `keep ${field} in the base entry's order: ${order}`,
              key,
            ),
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
      findings.push(
        finding(
          path,
          'translation-extra',
          'the base entry has no words here, so there is nothing to translate',
          `remove it, or write the words in ${base.file} first`,
          mine,
        ),
      );
    }
  };
  walk(translation.data, entryWords(translation.collection, base.data), []);
  return findings;
}

function compareVersion(translation: ReadTranslation, base: CheckedEntry): Finding[] {
  const current = sourceVersion(translation.collection, base.data, base.body);
  const written = translation.data.sourceVersion;
  if (written === undefined) {
    return [
      {
        file: translation.file,
        path: [],
        position: { line: 1, column: 1 },
        severity: 'error',
        rule: 'translation-version',
        message: `sourceVersion: is required: it records which version of ${base.file} this translation was made from`,
        hint: `add the line sourceVersion: ${current}`,
      },
    ];
  }
  if (written === current) return [];
  return [
    {
      file: translation.file,
      path: ['sourceVersion'],
      severity: 'warning',
      rule: 'translation-stale',
      message: `sourceVersion: ${base.file} has changed since this translation was made`,
      found: written,
      expected: current,
      hint: `bring the translation up to date with ${base.file}, then write sourceVersion: ${current}`,
    },
  ];
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
