/**
 * An entry written by `npm run new` is not finished until every placeholder
 * is replaced: each one left is an error in a published or retired entry
 * (it would be published), and a warning in a draft (drafts publish nothing).
 */
import { COLLECTION_NAMES } from '../../../schemas/index.ts';
import { isPlaceholder } from '../domain/placeholders.ts';
import { formatFieldPath, type FieldPath, type Finding } from '../diagnostics/diagnostic.ts';
import type { CheckedEntry } from '../reading/checked-content.ts';
import { finding, MESSAGES } from '../diagnostics/catalogue.ts';
import type { Rule } from './rule.ts';

export const checkPlaceholders: Rule = ({ entries, partial, translations }) => {
  const findings: Finding[] = [];
  for (const collection of COLLECTION_NAMES) {
    // Entries that failed their schema too: every problem of a file in one run; and translations (npm run new -- --translate writes placeholders).
    const own = translations.filter((translation) => translation.collection === collection);
    for (const entry of [...entries[collection], ...partial[collection], ...own] as Pick<CheckedEntry, 'file' | 'data' | 'body' | 'bodyLine'>[]) {
      const severity = (entry.data as { status?: string }).status === 'draft' ? 'warning' : 'error';
      for (const { path, text } of stringsIn(entry.data, [])) {
        if (!isPlaceholder(text)) continue;
        findings.push(finding(MESSAGES.placeholder, 'field', { file: entry.file, path, severity, found: text }, { field: formatFieldPath(path), text }));
      }
      entry.body.split('\n').forEach((line, index) => {
        if (!isPlaceholder(line) || line.length - line.trimStart().length > 3) return;
        const text = line.trim();
        const position = { line: entry.bodyLine + index, column: line.indexOf(text) + 1 };
        findings.push(finding(MESSAGES.placeholder, 'text', { file: entry.file, position, severity, found: text }, { text }));
      });
    }
  }
  return findings;
};

/** Every string in an entry's data, with its field path. */
function* stringsIn(value: unknown, path: FieldPath): Generator<{ path: FieldPath; text: string }> {
  if (typeof value === 'string') yield { path, text: value };
  else if (Array.isArray(value)) for (const [index, item] of value.entries()) yield* stringsIn(item, [...path, index]);
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) yield* stringsIn(item, [...path, key]);
}
