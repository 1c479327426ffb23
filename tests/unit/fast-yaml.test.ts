/**
 * The fast YAML reader against the full parser: whatever it reads, it must
 * read exactly as the yaml library does (same data, no finding the full
 * reading would give), and it must leave everything else to the full parser.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePlaybook } from '../../bench/generate-playbook.ts';
import { fastYaml } from '../../src/lib/reading/fast-yaml.ts';
import { parseSource, splitFrontmatter } from '../../src/lib/reading/read-source.ts';
import type { SourceFile } from '../../src/lib/reading/scan-content-root.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const encode = (text: string) => new TextEncoder().encode(text);
const dataFile: SourceFile = { collection: 'roles', id: 'r', file: 'roles/r.yaml', absolutePath: '/x/roles/r.yaml' };

/** The full parser's reading of a YAML text, as parseSource gives it without the fast path. */
function full(text: string) {
  return parseSource(dataFile, 'data', encode(text), { fast: false });
}

/** What every text must satisfy: the fast reading is nothing, or the full reading's data with no finding. */
function agrees(text: string): 'fast' | 'full' {
  const quick = fastYaml(text);
  if (quick === undefined) return 'full';
  const reference = full(text);
  expect(reference.findings, text).toEqual([]);
  expect(quick, text).toStrictEqual(reference.data);
  return 'fast';
}

const READ_FAST = [
  'title: Refunds\nsummary: How far you can go.\n',
  'a: 1\nb: -2\nc: 0o17\nd: 0x1F\ne: 1.5\nf: .5\ng: 1e3\nh: .inf\ni: -.Inf\nj: .nan\nk: 007\nl: +3\n',
  'a: true\nb: False\nc: null\nd: ~\ne:\nf: NULL\ng: yes\nh: no\ni: on\n',
  'date: 2026-01-01\ntime: 1:30\npercent: 50%\nversion: 1.2.3\n',
  'list:\n  - a\n  - b\nsame:\n- c\n- d\n',
  'grants:\n  - role: agent\n    authority: decide\n    limit: { amount: 75 }\n    per: case\n  - role: lead\n',
  'values: [value-1, value-2]\nempty: []\nnone: {}\nmoney: {amount: 5, currency: EUR}\nspaced: [a  b,c]\n',
  "quote: \"It still smells like her house. I didn't want a new one\"\nsingle: 'it''s here'\nempty: \"\"\n",
  'a: value # a comment\n# a line comment\nb: other  \n\n\nc: x#y\n',
  'text: |\n  one\n  two\n\n  three\nnext: 1\n',
  'text: |-\n  one\n    indented\nnext: 1\n',
  'text: >\n  one\n  two\n\n  three\n\n\n  four\nnext: 1\n',
  'text: >-\n  folded\n  line\n',
  'text: |\n  at the end',
  'nested:\n  deeper:\n    deepest: 1\n  back: 2\ntop: 3\n',
  'items:\n  -\n    a: 1\n  - - x\n    - y\n  - # nothing\n',
  'key:\n# comment between\n  sub: 1\n',
  'url: https://example.com/a?b=c#d\npath: C:\\folder\nmix: a "quoted" word\n',
  'constructor: 1\ntoString: 2\nhasOwnProperty: 3\n',
  'k.e-y_1: v\nfr-CA: French\n',
  'a: -foo\nb: ?x\nc: :x\nd: x:y\n',
  'a: 12345678901234567890\nb: 0.1e-5\nc: -0\n',
  'money back: [refund]\nbon d’achat: [carte-cadeau, "gift card"]\nÉté: x\n',
  'metrics:\n  - { label: CSAT, before: "78%", value: \'90%\' }\n  - [ ]\n',
  'notes:\n  - Note: a map\n  - plain item\n',
];

const LEFT_TO_FULL = [
  'a:\tb\n',
  'a: b\r\nc: d\r\n',
  '\ufeffa: b\n',
  '%YAML 1.1\n---\na: b\n',
  '---\na: b\n',
  'a: b\n...\n',
  'a: &x 1\nb: *x\n',
  'a: !!str 1\n',
  '__proto__: 1\n',
  'a: 1\na: 2\n',
  '"quoted key": 1\n',
  '? complex\n: key\n',
  'a: multi\n  line plain\n',
  'a: "multi\n  line"\n',
  'a: "escape \\n"\n',
  'a: [nested, [list]]\n',
  'a: [unclosed\n',
  'a: {a: 1, a: 2}\n',
  'a: [a, ]\n',
  'a: |+\n  keep\n\n',
  'a: |2\n   x\n',
  'a: >\n  more\n    indented\n',
  'a: |\n  trailing \n',
  'a: |\n\n  leading blank\n',
  '- a\n- b\n',
  '  indented: top\n',
  'just text\n',
  '',
  '# only a comment\n',
  'a: b: c\n',
  'a: - b\n',
  'null: 1\n',
  'true: 1\n',
  '1: one\n',
  'a:b\n',
  'a: 1\n  b: 2\n',
  'a:\n    b: 1\n  c: 2\n',
  'a: @x\n',
  'a: `x`\n',
  "a: 'unclosed\n",
  'a: "x" y\n',
  'a : b\n',
  'a: [x: y]\n',
  'a: [x, y] z\n',
  'a: {b: 1,}\n',
  'a: [,]\n',
];

describe('fastYaml', () => {
  it.each(READ_FAST)('reads %j as the full parser does', (text) => {
    expect(agrees(text)).toBe('fast');
  });

  it.each(LEFT_TO_FULL)('leaves %j to the full parser', (text) => {
    expect(fastYaml(text)).toBeUndefined();
  });

  it('agrees with the full parser on thousands of variants of real entries', () => {
    const samples = [...READ_FAST, ...contentYaml(path.join(ROOT, 'content')).slice(0, 40)];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pieces = [
      ' ',
      ':',
      ': ',
      '#',
      ' #',
      '-',
      '- ',
      "'",
      '"',
      '[',
      ']',
      '{',
      '}',
      ',',
      '\n',
      '\n  ',
      '|',
      '>',
      '&',
      '*',
      '!',
      '~',
      '0',
      '.',
      'x',
      '\n\n',
      '  ',
    ];
    let fast = 0;
    for (let round = 0; round < 4000; round++) {
      let text = samples[Math.floor(random() * samples.length)]!;
      const edits = 1 + Math.floor(random() * 3);
      for (let edit = 0; edit < edits; edit++) {
        const at = Math.floor(random() * (text.length + 1));
        const cut = random() < 0.3 ? Math.floor(random() * 3) : 0;
        text = text.slice(0, at) + pieces[Math.floor(random() * pieces.length)]! + text.slice(at + cut);
      }
      if (agrees(text) === 'fast') fast++;
    }
    // Most variants are still plain YAML: the comparison is not vacuous.
    expect(fast).toBeGreaterThan(1000);
  });
});

describe('content files', () => {
  let generated: string;
  beforeAll(async () => {
    generated = mkdtempSync(path.join(os.tmpdir(), 'fast-yaml-'));
    await generatePlaybook(generated, 400);
  });
  afterAll(() => rmSync(generated, { recursive: true, force: true }));

  it('reads the sample playbook, the fixtures and a generated playbook as the full parser does', () => {
    const texts = [...contentYaml(path.join(ROOT, 'content')), ...contentYaml(path.join(ROOT, 'tests/fixtures')), ...contentYaml(generated)];
    const counts = { fast: 0, full: 0 };
    for (const text of texts) counts[agrees(text)]++;
    // The generated playbook is plain YAML throughout: all of it is read fast.
    const generatedTexts = contentYaml(generated);
    expect(generatedTexts.every((text) => fastYaml(text) !== undefined)).toBe(true);
    expect(counts.fast).toBeGreaterThan(counts.full);
  });

  it('gives the same reading through parseSource, findings and positions included', () => {
    const files = listFiles(path.join(ROOT, 'tests/fixtures')).filter((file) => /\.(md|mdx|ya?ml)$/.test(file));
    for (const file of files) {
      const bytes = readFileSync(file);
      const kind = /\.ya?ml$/.test(file) ? 'data' : 'markdown';
      const source: SourceFile = { collection: 'boundaries', id: 'x', file: path.relative(ROOT, file), absolutePath: file };
      const quick = parseSource(source, kind, bytes);
      const reference = parseSource(source, kind, bytes, { fast: false });
      expect(quick.data, file).toStrictEqual(reference.data);
      expect(quick.findings, file).toEqual(reference.findings);
      expect([quick.body, quick.bodyLine], file).toEqual([reference.body, reference.bodyLine]);
      for (const key of Object.keys(reference.data ?? {})) {
        expect(quick.locator.locate([key]), `${file} ${key}`).toEqual(reference.locator.locate([key]));
        expect(quick.locator.locate([key, 0, 'x'], 'key'), `${file} ${key}`).toEqual(reference.locator.locate([key, 0, 'x'], 'key'));
      }
    }
  });
});

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** The YAML of every content file under `dir`: a YAML file whole, a Markdown file's frontmatter. */
function contentYaml(dir: string): string[] {
  const texts: string[] = [];
  for (const file of listFiles(dir).sort()) {
    if (/\.ya?ml$/.test(file)) texts.push(readFileSync(file, 'utf8'));
    else if (/\.mdx?$/.test(file)) {
      const lines = readFileSync(file, 'utf8').split('\n');
      const close = lines.findIndex((line, index) => index > 0 && line.trimEnd() === '---');
      if (lines[0]?.trimEnd() === '---' && close > 0) texts.push(lines.slice(1, close).join('\n'));
    }
  }
  return texts;
}

describe('splitFrontmatter', () => {
  /** The split as it was written first (every line split, then joined): the fast scan must give the same. */
  function reference(text: string) {
    const lines = text.split(/\r?\n/);
    if (lines[0]?.trimEnd() !== '---') return 'missing';
    const close = lines.findIndex((line, index) => index > 0 && line.trimEnd() === '---');
    if (close === -1) return 'unclosed';
    return { yaml: lines.slice(1, close).join('\n'), body: lines.slice(close + 1).join('\n'), bodyLine: close + 2 };
  }

  it('splits as every line split and joined would', () => {
    const pieces = ['---', '--- ', ' ---', '----', '-', '\n', '\r\n', 'a: b', '', ' ', '\u00a0', 'text', '---\n', '\n---\n'];
    let seed = 11;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const texts = ['', '---', '---\n', '---\n---', '---\n---\n', '---\na: 1\n---\nbody\n', '---\n\n---', 'x\n---\n---\n'];
    for (let round = 0; round < 3000; round++) {
      const parts = 1 + Math.floor(random() * 8);
      let text = '';
      for (let part = 0; part < parts; part++) text += pieces[Math.floor(random() * pieces.length)];
      texts.push(text);
    }
    for (const text of texts) expect(splitFrontmatter(text), JSON.stringify(text)).toEqual(reference(text));
  });
});
