/** Issue 18: "start here" progress kept on the device. */
import { describe, expect, it } from 'vitest';
import { markStep, readDone, startStorageKey } from '../../src/lib/views/start-path.ts';

describe('start-here progress', () => {
  it('keeps the steps marked done, in the path’s order, per site and role', () => {
    const items = new Map<string, string>();
    const storage = {
      getItem: (k: string) => items.get(k) ?? null,
      setItem: (k: string, v: string) => void items.set(k, v),
      removeItem: (k: string) => void items.delete(k),
    };
    const key = startStorageKey('/', 'store-associate');
    expect(key).toBe('latitude:/:start:store-associate');
    expect(readDone(storage, key)).toEqual([]);
    expect(markStep(storage, key, 'ladder', true)).toEqual(['ladder']);
    expect(markStep(storage, key, 'values', true)).toEqual(['values', 'ladder']);
    expect(readDone(storage, key)).toEqual(['values', 'ladder']);
    expect(markStep(storage, key, 'ladder', false)).toEqual(['values']);
    markStep(storage, key, 'values', false);
    expect(items.has(key)).toBe(false);
    items.set(key, '{"not":"a list"}');
    expect(readDone(storage, key)).toEqual([]);
    items.set(key, '["card","nonsense"');
    expect(readDone(storage, key)).toEqual([]);
    expect(markStep(undefined, key, 'card', true)).toEqual(['card']);
  });
});
