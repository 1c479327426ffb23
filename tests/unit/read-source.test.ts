import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseSource, readEntryBytes, type ReadSource } from '../../src/lib/reading/read-source.ts';
import type { SourceFile } from '../../src/lib/reading/scan-content-root.ts';

const source: SourceFile = { collection: 'boundaries', id: 'b', file: 'boundaries/b.md', absolutePath: '/x/boundaries/b.md' };
const encode = (text: string) => new TextEncoder().encode(text);

const boundary = [
  '---',
  'title: Refunds',
  'grants:',
  '  - role: agent',
  '    authority: decide',
  '    limit: { amount: 75 }',
  'customer:',
  '  name: Ana',
  '---',
  '',
  'Body starts here.',
].join('\n');

describe('positions', () => {
  const read = parseSource(source, 'markdown', encode(boundary));

  it('splits frontmatter and body, with the body line', () => {
    expect(read.findings).toEqual([]);
    expect(read.body).toBe('\nBody starts here.');
    expect(read.bodyLine).toBe(10);
  });

  it('locates values and keys in file lines and columns', () => {
    expect(read.locator.locate(['title'])).toEqual({ line: 2, column: 8 });
    expect(read.locator.locate(['grants', 0, 'authority'])).toEqual({ line: 5, column: 16 });
    expect(read.locator.locate(['grants', 0, 'authority'], 'key')).toEqual({ line: 5, column: 5 });
    expect(read.locator.locate(['grants', 0, 'limit', 'amount'])).toEqual({ line: 6, column: 22 });
  });

  it('points at the parent when a key is missing', () => {
    expect(read.locator.locate(['customer', 'consent'])).toEqual({ line: 7, column: 1 });
    expect(read.locator.locate(['owner'])).toEqual({ line: 2, column: 1 });
  });

  it('handles Windows line endings and a byte-order mark', () => {
    const crlf = parseSource(source, 'markdown', encode(`\ufeff${boundary.replace(/\n/g, '\r\n')}`));
    expect(crlf.findings).toEqual([]);
    expect(crlf.locator.locate(['grants', 0, 'authority'])).toEqual({ line: 5, column: 16 });
  });
});

describe('problems with the file itself', () => {
  it('YAML files are located from line 1', () => {
    const role = parseSource({ ...source, collection: 'roles', file: 'roles/r.yaml' }, 'data', encode('title: Agent\nescalatesTo: lead\n'));
    expect(role.locator.locate(['escalatesTo'])).toEqual({ line: 2, column: 14 });
  });

  it('reports the first broken line of a non-UTF-8 file', () => {
    const bytes = new Uint8Array([...encode('---\ntitle: ok\nsummary: caf'), 0xe9, ...encode('\n---\n')]);
    expect(parseSource(source, 'markdown', bytes).findings).toMatchObject([{ rule: 'encoding', position: { line: 3, column: 1 } }]);
  });

  it('reports empty frontmatter and a list instead of keys', () => {
    expect(parseSource(source, 'markdown', encode('---\n---\nBody')).findings[0]!.message).toBe('there are no keys in the file');
    expect(parseSource(source, 'markdown', encode('---\n- a\n- b\n---\n')).findings[0]!.message).toBe(
      'the file must hold keys and values, not a single value or a list',
    );
  });

  it('reports a tab used for indentation', () => {
    const read = parseSource(source, 'markdown', encode('---\ntitle: A\ngrants:\n\t- role: x\n---\n'));
    expect(read.findings).toMatchObject([{ rule: 'yaml', position: { line: 4 } }]);
  });
});

describe('size', () => {
  it('refuses an entry file over 1 MB before reading it', () => {
    const big = encode(`---\ntitle: Big\n---\n${'x'.repeat(1024 * 1024)}`);
    expect(parseSource(source, 'markdown', big).findings).toEqual([
      {
        file: 'boundaries/b.md',
        path: [],
        severity: 'error',
        rule: 'file-size',
        position: { line: 1, column: 1 },
        message: 'the file is 1.0 MB, more than the 1 MB an entry may be',
        hint: 'split the text into several entries, or link to a longer document instead of copying it in',
      },
    ]);
  });
});

describe('reading the bytes', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'latitude-bytes-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const at = (name: string): SourceFile => ({ collection: 'values', id: name, file: `values/${name}`, absolutePath: path.join(dir, name) });
  const findingOf = (name: string) => {
    const got = readEntryBytes(at(name));
    expect(got).not.toBeInstanceOf(Uint8Array);
    const [finding] = (got as ReadSource).findings;
    return `${finding!.rule}: ${finding!.message} | ${finding!.hint}`;
  };

  it('gives an ordinary file its bytes', () => {
    writeFileSync(path.join(dir, 'ok.md'), '---\ntitle: Ok\n---\n');
    expect(Buffer.from(readEntryBytes(at('ok.md')) as Uint8Array).toString()).toBe('---\ntitle: Ok\n---\n');
  });

  it('refuses a pipe without waiting for a writer, and a folder, by what they are', () => {
    // The scan reports both first; a file swapped for one after the scan still never stops the reading.
    execFileSync('mkfifo', [path.join(dir, 'pipe.md')]);
    mkdirSync(path.join(dir, 'folder.md'));
    expect(findingOf('pipe.md')).toBe(
      'unreadable: this is not an ordinary file (it is a pipe, socket or device), so it cannot be read | remove it from the content root; entries are ordinary text files',
    );
    expect(findingOf('folder.md')).toBe(
      'unreadable: this is a folder, but its name is that of an entry file | rename the folder so that it does not end in .md, .mdx or .yaml',
    );
  });

  it('refuses a file over 1 MB by its size, without reading it', () => {
    writeFileSync(path.join(dir, 'big.md'), '');
    truncateSync(path.join(dir, 'big.md'), 3 * 1024 * 1024);
    expect(findingOf('big.md')).toBe(
      'file-size: the file is 3.0 MB, more than the 1 MB an entry may be | split the text into several entries, or link to a longer document instead of copying it in',
    );
  });

  it('says a file that is gone is gone', () => {
    expect(findingOf('gone.md')).toBe(
      'unreadable: the file cannot be read (ENOENT) | check that the file still exists and is an ordinary file; then run the check again',
    );
  });
});

describe('YAML that cannot be read whole', () => {
  const data = (text: string) => parseSource({ ...source, file: 'roles/r.yaml' }, 'data', encode(text));
  const problems = (read: ReturnType<typeof data>) => read.findings.map((f) => `${f.position!.line}:${f.position!.column} ${f.message}`);

  it('still reads the keys outside the broken lines, and says which keys could not be read', () => {
    const read = data('title: Team lead\n\tsummary: Leads a team\nteam: Contact centre\nescalatesTo: contact-centre-manager\n');
    expect(read.data).toEqual({ title: 'Team lead', team: 'Contact centre', escalatesTo: 'contact-centre-manager' });
    expect(read.unreadKeys).toEqual(['summary']);
    expect(problems(read)).toEqual(['2:1 a tab is used for indentation']);
  });

  it('gives up only the top-level key a broken line is part of, and keeps every later key where it is written', () => {
    const read = data('title: R\ngrants:\n  - role: a\n   authority: decide\nowner: x\nlastReviewed: 2026-02-30\n');
    expect(read.data).toEqual({ title: 'R', owner: 'x', lastReviewed: '2026-02-30' });
    expect(read.unreadKeys).toEqual(['grants']);
    expect(read.locator.locate(['lastReviewed'])).toEqual({ line: 6, column: 15 });
  });

  it('reports an unclosed quote where its key starts, and each broken part once', () => {
    const read = data('title: "Refund\nsummary: a: b\nowner: y\n\tteam: z\nend: 1\n');
    expect(read.data).toEqual({ owner: 'y', end: 1 });
    expect(read.unreadKeys).toEqual(['title', 'summary', 'team']);
    expect(problems(read)).toEqual([
      '1:1 the YAML cannot be read here (Missing closing "quote)',
      '2:10 the YAML cannot be read here (Nested mappings are not allowed in compact mappings)',
      '4:1 a tab is used for indentation',
    ]);
  });

  it('reads nothing of a file that is not a group of keys, or whose every key is broken', () => {
    expect(data('- a\n- b: c: d\n').data).toBeUndefined();
    const all = data('\ttitle: A\n');
    expect(all.data).toBeUndefined();
    expect(problems(all)).toEqual(['1:1 a tab is used for indentation']);
  });
});
