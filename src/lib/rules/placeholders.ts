/**
 * An entry written by `npm run new` is not finished until every placeholder
 * is replaced: each one left is an error in a published or retired entry
 * (it would be published), and a warning in a draft (drafts publish nothing).
 */
import { COLLECTION_NAMES } from '../../../schemas/index.ts';
import { isPlaceholder, PLACEHOLDER_MARK, PLACEHOLDER_URL } from '../domain/placeholders.ts';
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
      for (const { path, text } of placeholdersIn(entry.data, [])) {
        findings.push(finding(MESSAGES.placeholder, 'field', { file: entry.file, path, severity, found: text }, { field: formatFieldPath(path), text }));
      }
      // Most bodies hold no placeholder at all: only those that do are looked at line by line.
      if (!entry.body.includes(PLACEHOLDER_MARK) && !entry.body.includes(PLACEHOLDER_URL)) continue;
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

/** Every placeholder string in an entry's data, with its field path (`path` is the walk's own, copied for each one found). */
function placeholdersIn(value: unknown, path: (string | number)[], found: { path: FieldPath; text: string }[] = []): { path: FieldPath; text: string }[] {
  if (typeof value === 'string') {
    if (isPlaceholder(value)) found.push({ path: [...path], text: value });
  } else if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      path.push(index);
      placeholdersIn(value[index], path, found);
      path.pop();
    }
  } else if (value !== null && typeof value === 'object') {
    // Keys, not [key, value] pairs: every field of 20,000 entries is walked, and the pairs were 5% of what a validation allocates.
    for (const key of Object.keys(value)) {
      path.push(key);
      placeholdersIn((value as Record<string, unknown>)[key], path, found);
      path.pop();
    }
  }
  return found;
}
