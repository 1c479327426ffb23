/**
 * A large root read from the read cache (src/lib/reading/read-entries.ts)
 * gives exactly what reading it fresh gives, though the cache keeps no
 * body it can read back from a file's bytes: line endings, a byte-order
 * mark, an empty body, MDX, a file that fails its schema, translations.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CACHE_FROM } from '../../src/lib/reading/read-entries.ts';
import { readPlaybook } from '../../src/lib/validator/validate-content-root.ts';
import { FIXED_TODAY } from '../support/build-playbook.ts';

const EXAMPLE = path.resolve(import.meta.dirname, '../../content');
/** A sentence only the added wins' bodies hold, and what only their Markdown says of it (the HTML has `<em>`). */
const MARK = 'The courier found the door';
const RAW = '_by the blue lamp_';

let work: string;
let root: string;

/** A win's file in one of the shapes a body can take. */
function win(i: number): { name: string; text: string } {
  const front = ['---', `title: Win number ${i}`, 'date: 2026-01-08', 'people: [Sam Lee]', 'values: [own-the-fix]', '---'];
  const body = ['', `## What happened ${i}`, '', `${MARK} ${RAW}, number ${i}.`, ''];
  switch (i % 6) {
    case 0:
      return { name: `w-${i}.md`, text: [...front, ...body].join('\n') };
    case 1:
      return { name: `w-${i}.md`, text: [...front, ...body].join('\r\n') };
    case 2:
      return { name: `w-${i}.md`, text: `\uFEFF${[...front, ...body].join('\r\n')}` };
    case 3:
      return { name: `w-${i}.md`, text: `${front.join('\n')}\n` };
    case 4:
      return { name: `w-${i}.mdx`, text: [...front, ...body, `<p>${MARK} in MDX.</p>`, ''].join('\n') };
    default:
      // Fails its schema (a date that is not one): read, with what passed salvaged.
      return { name: `w-${i}.md`, text: [...front.map((line) => (line.startsWith('date:') ? 'date: soon' : line)), ...body].join('\n') };
  }
}

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'latitude-read-entries-cache-'));
  root = path.join(work, 'content');
  await cp(EXAMPLE, root, { recursive: true });
  for (let i = 0; i < CACHE_FROM; i++) {
    const { name, text } = win(i);
    await writeFile(path.join(root, 'wins', '2026', name), text);
  }
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('a large root read again from the read cache', () => {
  it('gives the same entries, translations and report as reading it fresh, and the cache holds no body', async () => {
    const cacheFile = path.join(work, 'cache', 'latitude-reads.v8');
    const fresh = await readPlaybook(root, { today: FIXED_TODAY, cacheFile });
    const cached = await readPlaybook(root, { today: FIXED_TODAY, cacheFile });
    const uncached = await readPlaybook(root, { today: FIXED_TODAY });
    expect(fresh.report.errorCount).toBeGreaterThan(0); // the wins that fail their schema
    expect(cached.entries).toEqual(fresh.entries);
    expect(cached.translations).toEqual(fresh.translations);
    expect(cached.report).toEqual(fresh.report);
    // A root read with a cache gives each entry its file's digest too (the loader's check that a stored entry is unchanged).
    expect(fresh.entries.wins.every((entry) => typeof entry.bytesDigest === 'string')).toBe(true);
    const withoutDigests = (entries: typeof fresh.entries) =>
      Object.values(entries).flatMap((list) => list.map(({ bytesDigest: _, ...entry }: { bytesDigest?: string }) => entry));
    expect(withoutDigests(uncached.entries)).toEqual(withoutDigests(fresh.entries));
    const bodies = fresh.entries.wins.filter((entry) => entry.body.includes(RAW));
    expect(bodies.length).toBeGreaterThan(CACHE_FROM / 2);
    // V8 writes a string as Latin-1 or as UTF-16.
    const bytes = await readFile(cacheFile);
    expect(bytes.includes(MARK)).toBe(true);
    expect([bytes.includes(RAW), bytes.includes(Buffer.from(RAW, 'utf16le'))]).toEqual([false, false]);
  });
});
