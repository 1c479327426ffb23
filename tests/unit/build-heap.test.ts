/**
 * The build's heap growing factor (src/integrations/build-heap.ts): set in
 * `astro build` of a large playbook only, and never over a factor chosen on
 * the command line.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BUILD_HEAP_FLAG, buildHeap, buildHeapFlags, entryFileCount, LEAN_HEAP_FROM } from '../../src/integrations/build-heap.ts';

type Setup = (options: { command: string }) => void;

describe('the build heap', () => {
  afterEach(() => vi.restoreAllMocks());

  it('asks V8 for a growing factor of 1.5 in a build of a large playbook, and leaves a smaller one to V8', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'latitude-heap-'));
    try {
      mkdirSync(path.join(root, 'wins', '2026'), { recursive: true });
      const files = ['playbook.yaml', 'values/care.md', 'wins/2026/a.mdx', 'wins/2026/b.md', 'assets/photo.png', 'roles/agent.yml'];
      // Only the collections' and translations' folders count: never a repository's own files in the root.
      files.push('translations/fr-ca/values/care.md', '.git/objects/ab/cd.md', 'node_modules/x/readme.md', 'notes.md');
      for (const file of files) {
        mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
        writeFileSync(path.join(root, file), '');
      }
      expect(entryFileCount(root)).toBe(5);
      expect(entryFileCount(path.join(root, 'missing'))).toBe(0);
      const set = vi.spyOn(v8, 'setFlagsFromString').mockImplementation(() => undefined);
      (buildHeap(root).hooks['astro:config:setup'] as unknown as Setup)({ command: 'build' });
      expect(set).not.toHaveBeenCalled();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
    expect(BUILD_HEAP_FLAG).toBe('--heap-growing-percent=50');
    expect(LEAN_HEAP_FROM).toBe(30_000);
    expect(buildHeapFlags([], LEAN_HEAP_FROM)).toEqual(['--heap-growing-percent=50']);
    expect(buildHeapFlags([], LEAN_HEAP_FROM - 1)).toEqual([]);
  });

  it('leaves the dev server and the preview to V8', () => {
    const set = vi.spyOn(v8, 'setFlagsFromString').mockImplementation(() => undefined);
    const setup = buildHeap(tmpdir()).hooks['astro:config:setup'] as unknown as Setup;
    setup({ command: 'dev' });
    setup({ command: 'preview' });
    expect(set).not.toHaveBeenCalled();
  });

  it('keeps a factor chosen on the command line', () => {
    expect(buildHeapFlags([], 100_000)).toEqual(['--heap-growing-percent=50']);
    expect(buildHeapFlags(['--max-old-space-size=4096'], 100_000)).toEqual(['--heap-growing-percent=50']);
    expect(buildHeapFlags(['--heap-growing-percent=20'], 100_000)).toEqual([]);
    expect(buildHeapFlags(['--heap_growing_percent=80'], 100_000)).toEqual([]);
  });
});
