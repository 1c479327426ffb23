/** Ids are file names: kebab-case, and unique within a collection. */
import { COLLECTION_NAMES, ENTRY_ID_PATTERN } from '../../../schemas/index.ts';
import { unexpectedCharactersNote } from '../diagnostics/characters.ts';
import type { Finding } from '../diagnostics/diagnostic.ts';
import { finding, MESSAGES, TOP } from '../diagnostics/catalogue.ts';
import type { Rule } from './rule.ts';

export const checkEntryIds: Rule = ({ sources, translationSources }) => {
  const findings: Finding[] = [];
  // Each language's translations are one more set of collections: one file per id there too.
  for (const [group, collection] of [sources, ...translationSources].flatMap((group) => COLLECTION_NAMES.map((name) => [group, name] as const))) {
    const byId = new Map<string, string[]>();
    for (const source of group[collection]) {
      byId.set(source.id, [...(byId.get(source.id) ?? []), source.file]);
      if (!ENTRY_ID_PATTERN.test(source.id)) {
        findings.push(
          finding(
            MESSAGES['id-format'],
            'default',
            { file: source.file, position: TOP, found: source.id, expected: 'lower-case kebab-case' },
            { id: source.id, note: unexpectedCharactersNote(source.id), renamed: `${kebabCase(source.id)}${source.file.slice(source.file.lastIndexOf('.'))}` },
          ),
        );
      }
    }
    for (const [id, files] of byId) {
      if (files.length < 2) continue;
      for (const file of files) {
        const others = files.filter((other) => other !== file);
        findings.push(finding(MESSAGES['duplicate-id'], 'default', { file, position: TOP }, { id, others }));
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
