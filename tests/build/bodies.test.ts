/**
 * Entry bodies are kept beside Astro's data store (src/loaders/body-store.ts):
 * a rebuild with the same cache after an editor changed one entry's text shows
 * the new text on that page, keeps the other pages' text, and leaves no body
 * in the cache that no entry names any more.
 */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlaybook, type BuildResult } from '../support/build-playbook.ts';
import { VALID_ROOT } from '../support/bad-input.ts';
import { contentRootCacheDir } from '../../src/lib/reading/cache-dir.ts';

const EDITED = 'boundaries/refund-a-purchase.md';
const ADDED = 'A sentence the editor added after the first build.';

let root: string;
let cache: string;
let first: BuildResult;
let second: BuildResult;
let bodiesBefore: string[];

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'latitude-bodies-'));
  await cp(VALID_ROOT, root, { recursive: true });
  cache = path.join(root, '..', `${path.basename(root)}-cache`);
  const env = { PLAYBOOK_CACHE_DIR: cache };
  first = await buildPlaybook(root, { env });
  if (first.exitCode !== 0) throw new Error(`build failed:\n${first.stdout}\n${first.stderr}`);
  bodiesBefore = await readdir(bodies());
  const file = path.join(root, EDITED);
  await writeFile(file, `${await readFile(file, 'utf8')}\n${ADDED}\n`);
  second = await buildPlaybook(root, { env });
  if (second.exitCode !== 0) throw new Error(`build failed:\n${second.stdout}\n${second.stderr}`);
}, 240_000);

afterAll(async () => {
  await first?.cleanup();
  await second?.cleanup();
  await rm(root, { recursive: true, force: true });
  await rm(cache, { recursive: true, force: true });
});

function bodies(): string {
  return path.join(contentRootCacheDir(root, undefined, cache), 'latitude-bodies');
}

const page = (build: BuildResult, address: string) => readFile(path.join(build.outDir, address, 'index.html'), 'utf8');

describe('a rebuild after one entry’s text changed', () => {
  it('shows the new text on its page, and the other pages’ text as before', async () => {
    expect(await page(first, 'boundaries/refund-a-purchase')).not.toContain(ADDED);
    expect(await page(second, 'boundaries/refund-a-purchase')).toContain(ADDED);
    const untouched = 'guidelines/fix-first';
    expect(await page(second, untouched)).toBe(await page(first, untouched));
  });

  it('keeps one body file for each body, and drops the old text of the edited entry', async () => {
    const after = await readdir(bodies());
    expect(after.length).toBe(bodiesBefore.length);
    expect(after.filter((name) => !bodiesBefore.includes(name))).toHaveLength(1);
    expect(after.every((name) => name.endsWith('.html'))).toBe(true);
  });
});
