/**
 * Past one machine: the canary fixture (drafts that must leave no trace, a
 * second language, pictures) built whole, and built as three shards
 * (`astro build --shard K/3`, each its own output and cache, as on three CI
 * machines) joined by `npm run merge`. The merged site must be the whole
 * build, file for file and byte for byte: every page is rendered from the
 * same whole model by whichever shard owns it, the shared files are the
 * same code's output, each part of the search index is written whole by the
 * one shard that renders all of its pages, and the service worker is made by
 * the merge over the joined site as the whole build makes it over its own.
 * So every check the build tests run on a whole build holds for the merged
 * one; the links, the drafts and search are checked here again directly.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLinks } from '../../src/lib/quality/link-check.ts';
import { SHARD_MANIFEST, type ShardManifest } from '../../src/lib/scale/shard-manifest.ts';
import { readManifest, SEARCH_PARTS_FILE } from '../../src/lib/search/parts.ts';
import { buildPlaybook, FIXTURES, PROJECT_ROOT, run, type BuildResult } from '../support/build-playbook.ts';
import { filesIn, readDecoded } from '../support/built-site.ts';

const CONTENT = path.join(FIXTURES, 'canary');
const SHARDS = 3;

let whole: BuildResult;
const shards: BuildResult[] = [];
let merged: string;
let mergeRun: Awaited<ReturnType<typeof run>>;

beforeAll(async () => {
  // One after the other: Astro keeps prerender chunks in the project's .astro/ folder.
  whole = await buildPlaybook(CONTENT);
  for (let k = 1; k <= SHARDS; k++) shards.push(await buildPlaybook(CONTENT, { args: ['--shard', `${k}/${SHARDS}`] }));
  for (const result of [whole, ...shards]) if (result.exitCode !== 0) throw new Error(`build failed:\n${result.stdout}\n${result.stderr}`);
  merged = path.join(path.dirname(shards[0]!.outDir), 'merged');
  mergeRun = await run(process.execPath, [path.join(PROJECT_ROOT, 'src/cli/merge.ts'), ...shards.map((shard) => shard.outDir), '--out', merged], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, INIT_CWD: PROJECT_ROOT },
  });
}, 600_000);

afterAll(async () => {
  await whole?.cleanup();
  for (const shard of shards) await shard.cleanup();
});

const manifest = async (shard: BuildResult): Promise<ShardManifest> =>
  JSON.parse(await readFile(path.join(shard.outDir, SHARD_MANIFEST), 'utf8')) as ShardManifest;

describe('a build in three shards', () => {
  it('splits the pages: each rendered by one shard, all of them by some shard', async () => {
    const manifests = await Promise.all(shards.map(manifest));
    const all = manifests[0]!.allPages;
    expect(all).toContain('/');
    expect(all).toContain('/fr-ca/values/speak-up/');
    for (const [i, m] of manifests.entries()) {
      expect(m.shard).toBe(`${i + 1}/${SHARDS}`);
      expect(m.allPages).toEqual(all);
      expect(m.pages.length, m.shard).toBeGreaterThan(all.length / SHARDS / 2);
    }
    expect(manifests.flatMap((m) => m.pages.map((page) => page.path)).sort()).toEqual(all);
    // A shard holds its own pages only (and no service worker: the merge writes it).
    const first = await filesIn(shards[0]!.outDir);
    const others = new Set(manifests.slice(1).flatMap((m) => m.pages.map((page) => page.file)));
    expect(first.filter((file) => others.has(file))).toEqual([]);
    expect(first).not.toContain('sw.js');
  });

  it('writes each part of the search index whole in one shard, so the merge only copies it', async () => {
    const { parts } = readManifest(await readFile(path.join(shards[0]!.outDir, SEARCH_PARTS_FILE), 'utf8'));
    expect(parts.length).toBeGreaterThan(1);
    const written = await Promise.all(
      shards.map(async (shard) => (await filesIn(shard.outDir)).filter((file) => file.endsWith('/pagefind-entry.json')).map((file) => file.split('/')[1])),
    );
    expect(written.flat().sort()).toEqual(parts.map((part) => part.id).sort());
    for (const shard of shards) expect((await filesIn(shard.outDir)).filter((file) => file.startsWith('pagefind/records/'))).toEqual([]);
  });

  it('merges into exactly the whole build: the same files with the same bytes', async () => {
    expect(mergeRun.stderr).toBe('');
    expect(mergeRun.exitCode).toBe(0);
    expect(mergeRun.stdout).toMatch(/^merged 3 shards into .*merged: \d+ pages, \d+ files, one search index \(each part from the shard that owns it\)/m);
    const files = await filesIn(whole.outDir);
    expect(await filesIn(merged)).toEqual(files);
    const different: string[] = [];
    for (const file of files) {
      const [a, b] = await Promise.all([readFile(path.join(whole.outDir, file)), readFile(path.join(merged, file))]);
      if (!a.equals(b)) different.push(file);
    }
    expect(different).toEqual([]);
  });

  it('passes the link check, holds one search index and no trace of a draft', async () => {
    expect(await checkLinks(merged)).toEqual([]);
    const entry = JSON.parse(await readFile(path.join(merged, 'pagefind/core/pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(Object.keys(entry.languages).length).toBe(2);
    for (const language of Object.values(entry.languages)) expect(language.page_count).toBeGreaterThan(5);
    const files = await filesIn(merged);
    let published = 0;
    for (const file of files) {
      const text = (await readDecoded(merged, file)).toString('latin1').toLowerCase();
      expect(text.includes('canarydraftqzx'), file).toBe(false);
      if (text.includes('publishedbeaconqzx')) published++;
    }
    expect(published).toBeGreaterThan(10);
  });
  // Last: it spends the shards' folders.
  it("with --move, moves the shards' files into the same site, leaving them out of the shards", async () => {
    const moved = path.join(path.dirname(shards[0]!.outDir), 'moved');
    const page = (await manifest(shards[0]!)).pages[0]!.file;
    const result = await run(
      process.execPath,
      [path.join(PROJECT_ROOT, 'src/cli/merge.ts'), ...shards.map((shard) => shard.outDir), '--out', moved, '--move'],
      {
        cwd: PROJECT_ROOT,
        env: { ...process.env, INIT_CWD: PROJECT_ROOT },
      },
    );
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^merged 3 shards into .*moved: \d+ pages, \d+ files, .* moved \d+ ms/m);
    expect(await filesIn(moved)).toEqual(await filesIn(merged));
    for (const file of await filesIn(merged)) expect((await readFile(path.join(moved, file))).equals(await readFile(path.join(merged, file))), file).toBe(true);
    expect(existsSync(path.join(shards[0]!.outDir, page)), page).toBe(false);
  });
});
