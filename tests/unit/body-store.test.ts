import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bodiesDir, keepBody, pinBodiesDir, pruneBodies, storedBody } from '../../src/loaders/body-store.ts';

const made: string[] = [];
function cacheDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'latitude-bodies-'));
  made.push(dir);
  return dir;
}
/** A new build's body folder, pinned as the validation integration pins it. */
function pinned(): string {
  const dir = bodiesDir(cacheDir(), 'build');
  pinBodiesDir(dir);
  return dir;
}
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the body store', () => {
  it('keeps a body under its digest and gives the same HTML back', () => {
    const dir = pinned();
    const name = keepBody('<p>Refund up to £80 – “on the spot”.</p>');
    expect(name).toMatch(/^[\w-]{27}\.html$/);
    expect(storedBody(name)).toBe('<p>Refund up to £80 – “on the spot”.</p>');
    expect(readdirSync(dir)).toEqual([name]);
  });

  it('writes a body once: two entries with the same text share one file, and a later round leaves it as it is', () => {
    const dir = pinned();
    const first = keepBody('<p>Same words.</p>');
    expect(keepBody('<p>Same words.</p>')).toBe(first);
    const written = statSync(path.join(dir, first)).mtimeMs;
    pruneBodies();
    expect(keepBody('<p>Same words.</p>')).toBe(first);
    expect(statSync(path.join(dir, first)).mtimeMs).toBe(written);
    expect(readdirSync(dir)).toEqual([first]);
  });

  it('removes, once a reading is stored, the bodies it no longer names and what a stopped build left half-written', () => {
    const dir = pinned();
    const old = keepBody('<p>Before the edit.</p>');
    pruneBodies();
    writeFileSync(path.join(dir, `${old}.123.partial`), '<p>Bef');
    const kept = keepBody('<p>After the edit.</p>');
    pruneBodies();
    expect(readdirSync(dir)).toEqual([kept]);
  });

  it("writes none of the last build's bodies again, and writes again one removed between two readings", () => {
    const dir = pinned();
    const kept = keepBody('<p>Kept.</p>');
    const removed = keepBody('<p>Removed by hand.</p>');
    pruneBodies();
    const written = statSync(path.join(dir, kept)).mtimeMs;
    // The next build: another process pins the same folder (here: another folder first, then this one again).
    pinned();
    pinBodiesDir(dir);
    rmSync(path.join(dir, removed));
    expect(keepBody('<p>Kept.</p>')).toBe(kept);
    expect(keepBody('<p>Removed by hand.</p>')).toBe(removed);
    expect(statSync(path.join(dir, kept)).mtimeMs).toBe(written);
    expect(storedBody(removed)).toBe('<p>Removed by hand.</p>');
    // Between two readings of one process (the dev server), too.
    pruneBodies();
    rmSync(path.join(dir, removed));
    keepBody('<p>Removed by hand.</p>');
    expect(storedBody(removed)).toBe('<p>Removed by hand.</p>');
  });

  it("keeps the dev server's bodies apart from a build's, so neither removes the other's", () => {
    const cache = cacheDir();
    expect(bodiesDir(cache, 'build')).toBe(path.join(cache, 'latitude-bodies'));
    expect(bodiesDir(cache, 'dev')).toBe(path.join(cache, 'latitude-bodies-dev'));
  });

  it('says which body was missing when its file is gone', () => {
    const dir = pinned();
    const name = keepBody('<p>Gone.</p>');
    rmSync(path.join(dir, name));
    expect(() => storedBody(name)).toThrow(`an entry's body (${name}) is missing from ${dir}: something removed it during the build; build again`);
  });
});
