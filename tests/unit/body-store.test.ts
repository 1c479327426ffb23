import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bodiesDir, keepBody, pruneBodies, storedBody } from '../../src/loaders/body-store.ts';

const made: string[] = [];
function cacheDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'latitude-bodies-'));
  made.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the body store', () => {
  it('keeps a body under its digest and gives the same HTML back', () => {
    const dir = bodiesDir(cacheDir());
    const name = keepBody(dir, '<p>Refund up to £80 – “on the spot”.</p>');
    expect(name).toMatch(/^[\w-]{27}\.html$/);
    expect(storedBody(name)).toBe('<p>Refund up to £80 – “on the spot”.</p>');
    expect(readdirSync(dir)).toEqual([name]);
  });

  it('writes a body once: two entries with the same text share one file, and a later round leaves it as it is', () => {
    const dir = bodiesDir(cacheDir());
    const first = keepBody(dir, '<p>Same words.</p>');
    expect(keepBody(dir, '<p>Same words.</p>')).toBe(first);
    const written = statSync(path.join(dir, first)).mtimeMs;
    pruneBodies();
    expect(keepBody(dir, '<p>Same words.</p>')).toBe(first);
    expect(statSync(path.join(dir, first)).mtimeMs).toBe(written);
    expect(readdirSync(dir)).toEqual([first]);
  });

  it('removes, once a reading is stored, the bodies it no longer names and what a stopped build left half-written', () => {
    const dir = bodiesDir(cacheDir());
    const old = keepBody(dir, '<p>Before the edit.</p>');
    pruneBodies();
    writeFileSync(path.join(dir, `${old}.123.partial`), '<p>Bef');
    const kept = keepBody(dir, '<p>After the edit.</p>');
    pruneBodies();
    expect(readdirSync(dir)).toEqual([kept]);
  });

  it('says which body was missing when its file is gone', () => {
    const dir = bodiesDir(cacheDir());
    const name = keepBody(dir, '<p>Gone.</p>');
    rmSync(path.join(dir, name));
    expect(() => storedBody(name)).toThrow(name);
  });
});
