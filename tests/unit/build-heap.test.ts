/**
 * The build's heap growing factor (src/integrations/build-heap.ts): set in
 * `astro build` only, and never over a factor chosen on the command line.
 */
import v8 from 'node:v8';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BUILD_HEAP_FLAG, buildHeap, buildHeapFlags } from '../../src/integrations/build-heap.ts';

type Setup = (options: { command: string }) => void;
const setup = buildHeap().hooks['astro:config:setup'] as unknown as Setup;

describe('the build heap', () => {
  afterEach(() => vi.restoreAllMocks());

  it('asks V8 for a growing factor of 1.5 in a build', () => {
    const set = vi.spyOn(v8, 'setFlagsFromString').mockImplementation(() => undefined);
    setup({ command: 'build' });
    expect(BUILD_HEAP_FLAG).toBe('--heap-growing-percent=50');
    expect(process.execArgv.join(' ')).not.toContain('growing');
    expect(set.mock.calls).toEqual([['--heap-growing-percent=50']]);
  });

  it('leaves the dev server and the preview to V8', () => {
    const set = vi.spyOn(v8, 'setFlagsFromString').mockImplementation(() => undefined);
    setup({ command: 'dev' });
    setup({ command: 'preview' });
    expect(set).not.toHaveBeenCalled();
  });

  it('keeps a factor chosen on the command line', () => {
    expect(buildHeapFlags([])).toEqual(['--heap-growing-percent=50']);
    expect(buildHeapFlags(['--max-old-space-size=4096'])).toEqual(['--heap-growing-percent=50']);
    expect(buildHeapFlags(['--heap-growing-percent=20'])).toEqual([]);
    expect(buildHeapFlags(['--heap_growing_percent=80'])).toEqual([]);
  });
});
