/**
 * Search index parts move between the cache and dist/ as hard links
 * (src/lib/scale/link-tree.ts): the tree arrives whole, its files share the
 * source's bytes, and a tree that cannot be linked is copied instead.
 */
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { linkTree } from '../../src/lib/scale/link-tree.ts';
import { filesUnder } from '../../src/lib/scale/files-under.ts';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function tree(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'latitude-link-'));
  dirs.push(dir);
  await mkdir(path.join(dir, 'from', 'fragment', 'deeper'), { recursive: true });
  await writeFile(path.join(dir, 'from', 'pagefind-entry.json'), '{"version":"1"}');
  await writeFile(path.join(dir, 'from', 'fragment', 'en_1.pf_fragment'), 'one');
  await writeFile(path.join(dir, 'from', 'fragment', 'deeper', 'x'), 'two');
  return dir;
}

describe('linkTree', () => {
  it('puts every file of the tree in place as a link to the same bytes', async () => {
    const dir = await tree();
    await linkTree(path.join(dir, 'from'), path.join(dir, 'to'));
    expect(filesUnder(path.join(dir, 'to')).sort()).toEqual(filesUnder(path.join(dir, 'from')).sort());
    expect(await readFile(path.join(dir, 'to', 'fragment', 'deeper', 'x'), 'utf8')).toBe('two');
    const [a, b] = await Promise.all([stat(path.join(dir, 'from', 'pagefind-entry.json')), stat(path.join(dir, 'to', 'pagefind-entry.json'))]);
    expect(b.ino).toBe(a.ino);
    // Removing one name leaves the other.
    await rm(path.join(dir, 'from'), { recursive: true });
    expect(await readFile(path.join(dir, 'to', 'fragment', 'en_1.pf_fragment'), 'utf8')).toBe('one');
  });

  it('copies the tree when a file cannot be linked', async () => {
    const dir = await tree();
    // A file already at the destination makes its link fail: the tree is then copied whole, over a fresh folder.
    await mkdir(path.join(dir, 'to', 'fragment'), { recursive: true });
    await writeFile(path.join(dir, 'to', 'fragment', 'en_1.pf_fragment'), 'stale');
    await linkTree(path.join(dir, 'from'), path.join(dir, 'to'));
    expect(filesUnder(path.join(dir, 'to')).sort()).toEqual(filesUnder(path.join(dir, 'from')).sort());
    expect(await readFile(path.join(dir, 'to', 'fragment', 'en_1.pf_fragment'), 'utf8')).toBe('one');
  });
});
