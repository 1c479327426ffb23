/**
 * The per-root read cache (src/lib/reading/read-cache.ts): what one run
 * read comes back to the next for files whose bytes are the same, written
 * and read in slices; a cache of another version, layout or a damaged one
 * is not used at all.
 */
import { mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { serialize } from 'node:v8';
import { afterEach, describe, expect, it } from 'vitest';
import { openReadCache, SLICE_FILES, worthWriting } from '../../src/lib/reading/read-cache.ts';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function cacheFile(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'latitude-read-cache-'));
  dirs.push(dir);
  return path.join(dir, 'cache', 'latitude-reads.v8');
}

/** Files enough for three slices, the last one part full. */
const FILES = Array.from({ length: SLICE_FILES * 2 + 7 }, (_, i) => ({ name: `wins/w-${i}.md`, digest: `d${i}`, read: { id: `w-${i}`, html: `<p>${i}</p>` } }));

async function written(file: string, trusted = false) {
  const cache = openReadCache<{ id: string; html: string }>(file, trusted);
  for (const { name, digest, read } of FILES) cache.set(name, digest, read);
  await cache.save();
}

describe('the read cache', () => {
  it('is not written, and leaves nothing behind, when a reading cannot be stored', async () => {
    const file = await cacheFile();
    const cache = openReadCache<unknown>(file, false);
    for (const { name, digest, read } of FILES) cache.set(name, digest, read);
    // A function cannot be serialised: the last slice fails while the one before it is being written.
    cache.set('wins/odd.md', 'd-odd', { id: 'odd', html: () => '' });
    await expect(cache.save()).resolves.toBeUndefined();
    await expect(readFile(file)).rejects.toThrow(/ENOENT/);
    expect(await readdir(path.dirname(file))).toEqual([]);
  });

  it('gives back what the last run read of every file whose bytes are the same, across slices', async () => {
    const file = await cacheFile();
    await written(file);
    const cache = openReadCache<{ id: string; html: string }>(file, false);
    for (const { name, digest, read } of FILES) expect(cache.get(name, digest)).toEqual(read);
    expect(cache.get('wins/w-3.md', 'changed')).toBeUndefined();
    expect(cache.has('wins/w-3.md')).toBe(true);
    expect(cache.has('wins/new.md')).toBe(false);
  });

  it('keeps only the files this run saw', async () => {
    const file = await cacheFile();
    await written(file);
    const second = openReadCache<{ id: string; html: string }>(file, false);
    expect(second.get('wins/w-1.md', 'd1')).toEqual(FILES[1]!.read);
    second.set('wins/w-2.md', 'new', { id: 'w-2', html: '<p>new</p>' });
    await second.save();
    const third = openReadCache<{ id: string; html: string }>(file, false);
    expect(third.get('wins/w-1.md', 'd1')).toEqual(FILES[1]!.read);
    expect(third.get('wins/w-2.md', 'new')).toEqual({ id: 'w-2', html: '<p>new</p>' });
    expect(third.has('wins/w-3.md')).toBe(false);
  });

  it('is not written again for a few files read anew: the next run reads them again, for less than writing it all', async () => {
    const file = await cacheFile();
    await written(file);
    const before = await readFile(file);
    const second = openReadCache<{ id: string; html: string }>(file, false);
    for (const { name, digest } of FILES.slice(3)) second.get(name, digest);
    for (const { name } of FILES.slice(0, 3)) second.set(name, 'edited', { id: name, html: '<p>edited</p>' });
    await second.save();
    expect(await readFile(file)).toEqual(before);
    const third = openReadCache<{ id: string; html: string }>(file, false);
    expect(third.get('wins/w-0.md', 'd0')).toEqual(FILES[0]!.read);
    expect(third.get('wins/w-0.md', 'edited')).toBeUndefined();
  });

  it('is written again once a twentieth of its files are new or gone', () => {
    expect(worthWriting(0, 0, 0)).toBe(false); // nothing held, nothing read
    expect(worthWriting(0, 0, 5)).toBe(true); // the first run
    expect(worthWriting(2000, 2000, 0)).toBe(false); // nothing changed
    expect(worthWriting(2000, 1997, 3)).toBe(false); // three files edited
    expect(worthWriting(2000, 1950, 50)).toBe(true); // fifty edited: a hundred entries new or gone
    expect(worthWriting(2000, 1900, 0)).toBe(true); // a hundred files deleted
    expect(worthWriting(2000, 2000, 99)).toBe(false);
    expect(worthWriting(2000, 2000, 100)).toBe(true); // a hundred files added
  });

  it('is not used when the trust setting differs, the file is cut off or damaged, or holds the one-piece layout of before', async () => {
    const file = await cacheFile();
    await written(file);
    expect(openReadCache(file, true).has('wins/w-1.md')).toBe(false);
    const whole = await readFile(file);
    await truncate(file, whole.length - 10);
    expect(openReadCache(file, false).has('wins/w-1.md')).toBe(false);
    await writeFile(file, Buffer.concat([whole.subarray(0, 40), Buffer.alloc(200, 7)]));
    expect(openReadCache(file, false).has('wins/w-1.md')).toBe(false);
    await writeFile(file, serialize({ version: 'x', files: new Map([['wins/w-1.md', { digest: 'd1', read: {} }]]) }));
    expect(openReadCache(file, false).has('wins/w-1.md')).toBe(false);
  });

  it('is not written, and does not fail, when its folder cannot be made', async () => {
    const file = await cacheFile();
    await writeFile(path.dirname(path.dirname(file)) + '/cache', 'a file where the folder would be');
    await written(file);
    expect(openReadCache(file, false).has('wins/w-1.md')).toBe(false);
  });
});
