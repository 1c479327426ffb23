/** Ids are file names: kebab-case, and unique within a collection. */
import { COLLECTION_NAMES, ENTRY_ID_PATTERN } from '../../../schemas/index.ts';
import { unexpectedCharactersNote } from '../diagnostics/characters.ts';
import type { Finding } from '../diagnostics/diagnostic.ts';
import type { Rule } from './rule.ts';

export const checkEntryIds: Rule = ({ sources, translationSources }) => {
  const findings: Finding[] = [];
  // Each language's translations are one more set of collections: one file per id there too.
  for (const [group, collection] of [sources, ...translationSources].flatMap((group) => COLLECTION_NAMES.map((name) => [group, name] as const))) {
    const byId = new Map<string, string[]>();
    for (const source of group[collection]) {
      byId.set(source.id, [...(byId.get(source.id) ?? []), source.file]);
      if (!ENTRY_ID_PATTERN.test(source.id)) {
        findings.push({
          file: source.file,
          path: [],
          position: { line: 1, column: 1 },
          severity: 'error',
          rule: 'id-format',
          message: idMessage(source.id),
          found: source.id,
          expected: 'lower-case kebab-case',
          hint: `rename the file to ${kebabCase(source.id)}${source.file.slice(source.file.lastIndexOf('.'))}`,
        });
      }
    }
    for (const [id, files] of byId) {
      if (files.length < 2) continue;
      for (const file of files) {
        const others = files.filter((other) => other !== file);
        findings.push({
          file,
          path: [],
          position: { line: 1, column: 1 },
          severity: 'error',
          rule: 'duplicate-id',
          message: `the id "${id}" is also used by ${others.join(', ')}`,
          hint: 'ids are file names, even in sub-folders: rename one of the files',
        });
      }
    }
  }
  return findings;
};

export function kebabCase(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Why a file name is not an id, naming any character that cannot be seen or looks like a Latin letter. */
function idMessage(id: string): string {
  const note = unexpectedCharactersNote(id);
  return note
    ? `the file name "${id}" is not a valid id: ${note}, and ids are lower-case words of a-z and 0-9 joined by hyphens`
    : `the file name "${id}" is not a valid id: ids are lower-case words joined by hyphens`;
}
