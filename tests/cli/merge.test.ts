/**
 * `npm run merge` as a command: shards that do not make one site are refused
 * with plain sentences (no stack trace), exit 1, and nothing is written;
 * usage mistakes exit 2. (A merge that succeeds is built and compared with a
 * whole build in tests/build/shards.test.ts.)
 */
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manifestText, partsManifest } from '../../src/lib/search/parts.ts';
import { SHARD_MANIFEST, type ShardManifest } from '../../src/lib/scale/shard-manifest.ts';
import { PROJECT_ROOT, run } from '../support/build-playbook.ts';

let root: string;

const merge = (...args: string[]) =>
  run(process.execPath, [path.join(PROJECT_ROOT, 'src/cli/merge.ts'), ...args], { cwd: root, env: { ...process.env, INIT_CWD: root } });

async function shard(name: string, manifest: Partial<ShardManifest>, files: Record<string, string>) {
  const dir = path.join(root, name);
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
  await writeFile(path.join(dir, SHARD_MANIFEST), JSON.stringify({ format: 1, today: '2026-11-23', base: '/', allPages: ['/', '/a/', '/b/'], ...manifest }));
}

/** The search index's list of parts (the same in every shard), and its one part in the shard that owns it. */
const search = (index: number) => ({
  'pagefind/parts.json': manifestText(partsManifest(['core'])),
  ...(index === 1 ? { 'pagefind/core/pagefind-entry.json': '{}' } : {}),
});

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'latitude-merge-cli-'));
  await shard(
    'one',
    {
      shard: '1/2',
      pages: [
        { path: '/', file: 'index.html' },
        { path: '/a/', file: 'a/index.html' },
      ],
    },
    { 'index.html': 'home', 'a/index.html': 'a', '_astro/x.css': 'x{}', ...search(1) },
  );
  await shard('two', { shard: '2/2', pages: [{ path: '/a/', file: 'a/index.html' }] }, { 'a/index.html': 'A', '_astro/x.css': 'y{}', ...search(2) });
});

afterAll(() => rm(root, { recursive: true, force: true }));

describe('npm run merge', () => {
  it('names every problem, writes nothing and exits 1', async () => {
    const result = await merge('one', 'two', '--out', 'site');
    expect(result.stderr).toBe(
      [
        'Page /a/ was built by two shards: shard 1/2 (one) and shard 2/2 (two).',
        'Page /b/ was built by no shard.',
        '_astro/x.css: shard 1/2 (one) and shard 2/2 (two) wrote different bytes.',
        'a/index.html: shard 1/2 (one) and shard 2/2 (two) wrote different bytes.',
        'The shards were not merged: 4 problems.',
        '',
      ].join('\n'),
    );
    expect(result.exitCode).toBe(1);
    await expect(stat(path.join(root, 'site'))).rejects.toThrow();
  });

  it('says when a shard is missing or a folder is not a shard', async () => {
    const missing = await merge('one', '--out', 'site');
    expect(missing.stderr).toBe('Shard 2/2 is missing: give the merge every shard’s output folder.\nThe shards were not merged: 1 problem.\n');
    expect(missing.exitCode).toBe(1);
    const notShard = await merge('one', 'nowhere', '--out', 'site');
    expect(notShard.stderr).toBe('nowhere: no such folder.\nThe shards were not merged: 1 problem.\n');
    expect(notShard.exitCode).toBe(1);
  });

  it('refuses to write the site into a shard, and needs folders', async () => {
    const inside = await merge('one', 'two', '--out', 'one');
    expect(inside.stderr).toBe('merge: the joined site cannot go to one: it holds or is inside the shard folder one. Give another --out.\n');
    expect(inside.exitCode).toBe(2);
    const none = await merge();
    expect(none.stderr).toContain("merge: name the shards' output folders");
    expect(none.exitCode).toBe(2);
  });
});

describe('npm run build -- --shard', () => {
  it('stops at once, in one line, on a shard that is not K/N', async () => {
    const result = await run(process.execPath, [path.join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--shard', '5/4'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, PLAYBOOK_OUT_DIR: path.join(root, 'never'), ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
    });
    expect(result.stderr).toBe('--shard 5/4: K counts from 1 to 4.\n');
    expect(result.exitCode).toBe(1);
    await expect(stat(path.join(root, 'never'))).rejects.toThrow();
  });
});
