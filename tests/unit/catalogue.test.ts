/**
 * The catalogue of messages (src/lib/diagnostics/catalogue.ts): its ids are
 * stable, the authoring guide lists exactly them, and no finding is made
 * outside it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUE, finding, MESSAGES, problem } from '../../src/lib/diagnostics/catalogue.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * Every id ever published, in the catalogue's order. Editors, CI scripts and
 * `--format json` readers match on them: an id is never renamed or removed
 * (a rule no longer checked keeps its entry). Add a new rule's id here.
 */
const PUBLISHED_IDS = [
  'content-root',
  'playbook',
  'file-name',
  'folder',
  'file-type',
  'symlink',
  'content-link',
  'unreadable',
  'file-size',
  'encoding',
  'frontmatter',
  'yaml',
  'id-format',
  'duplicate-id',
  'unknown-key',
  'required',
  'type',
  'value',
  'reference',
  'draft-reference',
  'escalation-cycle',
  'escalate-to-retired',
  'retired-role-grant',
  'duplicate-grant',
  'escalate-to-self',
  'escalate-nowhere',
  'unused-limit',
  'overlapping-grants',
  'grant-dates',
  'grant-ended',
  'scenario-role',
  'scenario-answer',
  'scenario-currency',
  'ladder-narrows',
  'ladder-gap',
  'needs-change-line',
  'currency',
  'currency-decimals',
  'spend-over-limit',
  'consent',
  'image-alt',
  'image',
  'future-date',
  'nesting',
  'complexity',
  'character-reference',
  'sources',
  'case-study-headings',
  'due-for-review',
  'mdx-import',
  'mdx-expression',
  'mdx-component',
  'mdx-attribute',
  'mdx-syntax',
  'html',
  'body-image',
  'body-link',
  'placeholder',
  'translation-language',
  'translation-fact',
  'translation-source',
  'translation-draft',
  'translation-list',
  'translation-extra',
  'translation-version',
  'translation-stale',
  'interface-words',
  'internal',
];

/** The ids in the first column of every table under docs/authoring.md's "Every rule". */
function documentedIds(): string[] {
  const guide = readFileSync(path.join(ROOT, 'docs/authoring.md'), 'utf8');
  const start = guide.indexOf('\n### Every rule\n');
  expect(start).toBeGreaterThan(-1);
  const section = guide.slice(start, guide.indexOf('\n## ', start));
  return section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .flatMap((line) => [...line.split('|')[1]!.matchAll(/`([a-z0-9-]+)`/g)].map((match) => match[1]!));
}

function sourceFiles(folder: string): string[] {
  return readdirSync(path.join(ROOT, folder), { recursive: true, withFileTypes: true })
    .filter((item) => item.isFile() && /\.(ts|astro)$/.test(item.name))
    .map((item) => path.relative(ROOT, path.join(item.parentPath, item.name)));
}

describe('the catalogue of messages', () => {
  it('has one entry per published id, each keyed by its own id, and never loses or renames one', () => {
    expect(CATALOGUE.map((entry) => entry.id)).toEqual(PUBLISHED_IDS);
    for (const [key, entry] of Object.entries(MESSAGES)) expect(entry.id).toBe(key);
  });

  it('gives every entry a severity, a title and at least one wording', () => {
    for (const entry of CATALOGUE) {
      expect(['error', 'warning']).toContain(entry.severity);
      expect(entry.title.length).toBeGreaterThan(10);
      expect(Object.keys(entry.wordings).length).toBeGreaterThan(0);
    }
  });

  it('is listed exactly by the authoring guide\'s "Every rule" tables', () => {
    expect([...documentedIds()].sort()).toEqual([...PUBLISHED_IDS].sort());
  });

  it("makes findings with the entry's id and severity, and the wording chosen by name", () => {
    expect(
      finding(MESSAGES['duplicate-grant'], 'default', { file: 'boundaries/x.md', path: ['grants', 1, 'role'] }, { index: 1, role: 'a', earlier: 0 }),
    ).toEqual({
      file: 'boundaries/x.md',
      path: ['grants', 1, 'role'],
      severity: 'error',
      rule: 'duplicate-grant',
      message: 'grants[1].role: "a" already has a grant on this boundary (grants[0])',
      hint: 'keep one grant per role; merge the two into one',
    });
    expect(problem(MESSAGES.html, 'never-closed', { tag: 'div' })).toEqual({
      rule: 'html',
      severity: 'error',
      message: 'the <div> tag is never closed',
      hint: 'add </div> where its text ends; a tag left open takes the rest of the page into it',
    });
    // A rule whose severity depends on the case says so at the call.
    expect(finding(MESSAGES.placeholder, 'text', { file: 'x.md', severity: 'warning' }, { text: 'TODO: x' }).severity).toBe('warning');
  });

  it('is the only place a finding gets its rule: no rule id is written as a literal anywhere else', () => {
    const outside = ['src/lib', 'src/integrations', 'src/loaders', 'src/cli']
      .flatMap(sourceFiles)
      .filter((file) => !file.endsWith('diagnostics/catalogue.ts'))
      .filter((file) => /\brule: ['"`]/.test(readFileSync(path.join(ROOT, file), 'utf8')));
    expect(outside).toEqual([]);
  });

  it('chooses a value hint by the check the schema made, never by the words of its message', () => {
    const schemaIssues = readFileSync(path.join(ROOT, 'src/lib/diagnostics/schema-issues.ts'), 'utf8');
    expect(schemaIssues).not.toMatch(/\.includes\(/);
  });
});
