/**
 * A rebuild of a root large enough to be read with the read cache (1,000
 * entries and more, src/lib/reading/read-entries.ts), where the loader
 * leaves an entry whose file did not change as the last build stored it
 * (src/loaders/playbook-loader.ts), must still publish exactly what a cold
 * build of the same content does. Between the builds: a win's words and a
 * boundary's title change (wins' pages show it), a win is removed, and one
 * stored body is removed from the body store by hand, so its entry must be
 * stored again rather than left pointing at nothing.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePlaybook } from '../../bench/generate-playbook.ts';
import { buildPlaybook, type BuildResult } from '../support/build-playbook.ts';
import { siteDifferences } from '../support/built-site.ts';

const ENTRIES = 1100;
const WORDS = 'One more sentence, added after the first build.';

let work: string;
let root: string;
let outDir: string;
let first: BuildResult;
let rebuilt: BuildResult;
let cold: BuildResult;
/** The win whose words change: its id (its page's address). */
let editedWin: string;

/** A collection's entry files, relative to the root, sorted. */
async function entryFiles(collection: string): Promise<string[]> {
  const files = await readdir(path.join(root, collection), { recursive: true });
  return files
    .filter((file) => /\.mdx?$/.test(file))
    .map((file) => path.join(collection, file))
    .sort();
}

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'latitude-large-rebuild-'));
  root = path.join(work, 'content');
  await generatePlaybook(root, ENTRIES);
  outDir = path.join(work, 'dist');
  const cacheDir = path.join(work, 'cache');
  const env = { PLAYBOOK_OUT_DIR: outDir, PLAYBOOK_CACHE_DIR: cacheDir };
  first = await buildPlaybook(root, { env });
  if (first.exitCode !== 0) throw new Error(`build failed:\n${first.stdout}\n${first.stderr}`);

  const [winFile, removedFile] = await entryFiles('wins');
  const [boundaryFile] = await entryFiles('boundaries');
  editedWin = path.basename(winFile!).replace(/\.mdx?$/, '');
  const win = path.join(root, winFile!);
  await writeFile(win, `${await readFile(win, 'utf8')}\n${WORDS}\n`);
  const boundary = path.join(root, boundaryFile!);
  await writeFile(boundary, (await readFile(boundary, 'utf8')).replace(/^title: .*$/m, 'title: A boundary renamed after the first build'));
  await rm(path.join(root, removedFile!));
  // A stored body gone from the body store (its folder is in the root's own cache folder).
  const [rootCache] = await readdir(cacheDir);
  const bodies = path.join(cacheDir, rootCache!, 'latitude-bodies');
  const [body] = (await readdir(bodies)).sort();
  await rm(path.join(bodies, body!));

  rebuilt = await buildPlaybook(root, { env });
  if (rebuilt.exitCode !== 0) throw new Error(`build failed:\n${rebuilt.stdout}\n${rebuilt.stderr}`);
  cold = await buildPlaybook(root);
  if (cold.exitCode !== 0) throw new Error(`build failed:\n${cold.stdout}\n${cold.stderr}`);
}, 600_000);

afterAll(async () => {
  await first?.cleanup();
  await rebuilt?.cleanup();
  await cold?.cleanup();
  await rm(work, { recursive: true, force: true });
});

describe(`a rebuild of ${ENTRIES} entries, read with the read cache`, () => {
  it('leaves most entries as the last build stored them', () => {
    expect(first.stdout).not.toMatch(/unchanged entr(y|ies) left as stored/);
    const unchanged = Number(/(\d+) unchanged entr(?:y|ies) left as stored by the last build/.exec(rebuilt.stdout)?.[1]);
    // All but the two changed files, the removed one, the entry whose body went, and wins with pictures (stored again each time).
    expect(unchanged).toBeGreaterThan(ENTRIES * 0.9);
    expect(unchanged).toBeLessThan(ENTRIES - 3);
  });

  it('publishes the same files as a cold build, byte for byte', async () => {
    expect(await readFile(path.join(outDir, 'wins', editedWin, 'index.html'), 'utf8')).toContain(WORDS);
    expect(await siteDifferences(outDir, cold.outDir)).toEqual({ onlyFirst: [], onlySecond: [], differing: [] });
  });
});
