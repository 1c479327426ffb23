/**
 * The validator never stops on any input: a few thousand seeded, reproducible
 * mutations of the valid fixture's files (bytes, YAML structure, Markdown
 * structure) go through the public reader and validator, and every run must
 * end in findings or success, never an exception. Bounded in time: the loop
 * stops at its budget even if mutations remain. Set FUZZ_SEED to replay a run.
 */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseSource } from '../../src/lib/reading/read-source.ts';
import { checkBody } from '../../src/lib/reading/render-body.ts';
import { validateContentRoot } from '../../src/lib/validator/validate-content-root.ts';
import { VALID_ROOT } from '../support/bad-input.ts';
import { pick, random } from '../support/random.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const PER_FILE_RUNS = 3000;
const WHOLE_ROOT_RUNS = 150;
const BUDGET_MS = 45_000;

const SNIPPETS = [
  '&a [x, *a]',
  '*TBC',
  '!Ref x',
  '!!binary aGk=',
  '<<: *a',
  '{',
  '[',
  '"',
  "'",
  ': ',
  '- ',
  '? ',
  '|',
  '>',
  '---',
  '...',
  '\t',
  '\u0000',
  '\u0085',
  '\u202e',
  '\ufeff',
  '1e309',
  '-1',
  '.nan',
  '9007199254740993',
  '2026-02-30',
  '99999-01-01',
  '~',
  'null',
  '{a: 1, a: 2}',
  '%YAML 1.1',
  '#',
  '>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>',
  '*'.repeat(300),
  '['.repeat(200),
  '<div>',
  '</main>',
  '<!--',
  '<script>alert(1)</script>',
  '<Callout>',
  '</Callout>',
  '{1 + 1}',
  'import x from "y"',
  'export const a = 1',
  '<img src=x onerror=alert(1)>',
  '[x](javascript:alert(1))',
  '![p](../../etc/passwd)',
  '| a | b |\n|---|---|\n| 1 | 2 |',
  '```\ncode',
  '<BoundaryRef id="nope" />',
  '\\',
  '\r',
  '\r\n',
  '<details>',
  '<kbd>',
  '&#0;',
  '{/* note */}',
  '<>',
  '<a:b.c>',
];

type Mutation = (text: string, next: () => number) => string;
const at = (text: string, next: () => number) => Math.floor(next() * (text.length + 1));
const lineAt = (lines: string[], next: () => number) => Math.floor(next() * lines.length);

const MUTATIONS: readonly Mutation[] = [
  // bytes and characters
  (text, next) => {
    const i = at(text, next);
    return text.slice(0, i) + String.fromCharCode(Math.floor(next() * 0x250)) + text.slice(i);
  },
  (text, next) => {
    const i = at(text, next);
    return text.slice(0, i) + text.slice(i + 1 + Math.floor(next() * 20));
  },
  (text, next) => text.slice(0, at(text, next)),
  // YAML and Markdown structure
  (text, next) => {
    const i = at(text, next);
    return text.slice(0, i) + pick(SNIPPETS, next) + text.slice(i);
  },
  (text, next) => {
    const lines = text.split('\n');
    const i = lineAt(lines, next);
    lines[i] = `${' '.repeat(Math.floor(next() * 6))}${lines[i]}`;
    return lines.join('\n');
  },
  (text, next) => {
    const lines = text.split('\n');
    const i = lineAt(lines, next);
    lines.splice(i, 0, lines[lineAt(lines, next)] ?? '');
    return lines.join('\n');
  },
  (text, next) => {
    const lines = text.split('\n');
    lines.splice(lineAt(lines, next), 1);
    return lines.join('\n');
  },
  (text, next) => {
    const lines = text.split('\n');
    const i = lineAt(lines, next);
    lines[i] = (lines[i] ?? '').replace(/: .*/, `: ${pick(SNIPPETS, next)}`);
    return lines.join('\n');
  },
  (text, next) => text.replace(/\n(?=[^\n]*$)/, `\n${pick(SNIPPETS, next).repeat(1 + Math.floor(next() * 50))}\n`),
];

function mutate(text: string, next: () => number): string {
  let result = text;
  const count = 1 + Math.floor(next() * 4);
  for (let i = 0; i < count; i++) result = pick(MUTATIONS, next)(result, next);
  return result;
}

let files: { file: string; text: string }[];
beforeAll(async () => {
  const entries = await readdir(VALID_ROOT, { recursive: true, withFileTypes: true });
  files = await Promise.all(
    entries
      .filter((entry) => entry.isFile() && /\.(md|mdx|yaml)$/.test(entry.name))
      .map(async (entry) => {
        const absolute = path.join(entry.parentPath, entry.name);
        return { file: path.relative(VALID_ROOT, absolute).split(path.sep).join('/'), text: await readFile(absolute, 'utf8') };
      }),
  );
});

describe(`fuzz (seed ${SEED})`, () => {
  it('the reader and body check end in findings or success on every mutated file', () => {
    const next = random(SEED);
    const started = Date.now();
    let runs = 0;
    for (; runs < PER_FILE_RUNS && Date.now() - started < BUDGET_MS / 2; runs++) {
      const { file, text } = pick(files, next);
      const mutated = mutate(text, next);
      const kind = file.endsWith('.yaml') ? 'data' : 'markdown';
      const context = `run ${runs}, ${file}: ${JSON.stringify(mutated.slice(0, 300))}`;
      const source = { collection: 'values' as const, id: 'x', file, absolutePath: `/fuzz/${file}` };
      const read = (() => {
        try {
          return parseSource(source, kind, new TextEncoder().encode(mutated));
        } catch (error) {
          throw new Error(`the reader threw (${String(error)}) on ${context}`, { cause: error });
        }
      })();
      for (const finding of read.findings) expect(finding.position?.line, context).toBeGreaterThan(0);
      if (kind === 'markdown' && read.data) {
        for (const format of ['md', 'mdx'] as const) {
          const body = checkBody({ file, body: read.body, bodyLine: read.bodyLine, format, trusted: false });
          expect(
            body.findings.every((finding) => !/could not be checked/.test(finding.message)),
            context,
          ).toBe(true);
        }
      }
    }
    expect(runs).toBeGreaterThan(500);
  }, 60_000);

  it('the whole validator ends in findings or success on mutated content roots', async () => {
    const next = random(SEED + 1);
    const root = await mkdtemp(path.join(os.tmpdir(), 'latitude-fuzz-'));
    const started = Date.now();
    let runs = 0;
    try {
      for (; runs < WHOLE_ROOT_RUNS && Date.now() - started < BUDGET_MS / 2; runs++) {
        await rm(root, { recursive: true, force: true });
        await cp(VALID_ROOT, root, { recursive: true });
        const changed = Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(files, next));
        const written: Record<string, string> = {};
        for (const { file, text } of changed) {
          written[file] = mutate(written[file] ?? text, next);
          await writeFile(path.join(root, file), written[file]);
        }
        const report = await validateContentRoot(root, { today: '2026-11-23' }).catch((error: unknown) => {
          throw new Error(`the validator threw (${String(error)}) on run ${runs}: ${JSON.stringify(written).slice(0, 600)}`);
        });
        for (const diagnostic of report.diagnostics) {
          expect(diagnostic.message, JSON.stringify(written).slice(0, 600)).not.toMatch(/could not (finish|be checked)|at .*\.ts:\d+/);
          expect(diagnostic.line).toBeGreaterThan(0);
        }
      }
    } finally {
      await rm(root, { recursive: true, force: true });
    }
    expect(runs).toBeGreaterThan(20);
  }, 60_000);
});
