/**
 * Search index parts move between the cache and dist/ as hard links
 * (src/lib/scale/link-tree.ts): the tree arrives whole, its files share the
 * source's bytes, and a tree that cannot be linked is copied instead.
 */
import { cp, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isLinkedTree, linkTree } from '../../src/lib/scale/link-tree.ts';
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

describe('isLinkedTree', () => {
  it('says yes for a tree linked whole, and no for a copy or a missing tree', async () => {
    const dir = await tree();
    const from = path.join(dir, 'from');
    await linkTree(from, path.join(dir, 'to'));
    expect(isLinkedTree(from, path.join(dir, 'to'))).toBe(true);
    await cp(from, path.join(dir, 'copy'), { recursive: true });
    expect(isLinkedTree(from, path.join(dir, 'copy'))).toBe(false);
    expect(isLinkedTree(from, path.join(dir, 'missing'))).toBe(false);
  });

  it('says no once a file is removed, added, or written over by a new file with the same bytes', async () => {
    const dir = await tree();
    const from = path.join(dir, 'from');
    const to = path.join(dir, 'to');
    await linkTree(from, to);
    await rm(path.join(to, 'fragment', 'deeper', 'x'));
    expect(isLinkedTree(from, to)).toBe(false);

    await rm(to, { recursive: true });
    await linkTree(from, to);
    await writeFile(path.join(to, 'fragment', 'extra'), 'more');
    expect(isLinkedTree(from, to)).toBe(false);

    await rm(to, { recursive: true });
    await linkTree(from, to);
    await rm(path.join(to, 'pagefind-entry.json'));
    await writeFile(path.join(to, 'pagefind-entry.json'), '{"version":"1"}');
    expect(isLinkedTree(from, to)).toBe(false);
  });
});
