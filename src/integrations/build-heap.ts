/**
 * A build asks V8 to collect its old space sooner: heap growing factor 1.5
 * (`--heap-growing-percent=50`) instead of V8's own, which lets the heap
 * grow to up to four times what the last full collection kept before it
 * collects again.
 *
 * Why: at 100,000 entries a shard's build process kept about 0.9 GB after a
 * full collection while pages began to render, then let its old space grow
 * with garbage to 2.3 GB before collecting again, which made the process's
 * peak (3.0 GB). With collections at 1.5× what was kept, the same shard
 * peaked at 2.1 GB and took less time (182 s against 208 s on the same
 * machine): a smaller heap is quicker to walk. It is not a limit: the
 * heap still grows as far as the build needs, up to V8's own maximum, so a
 * playbook larger than any measured never fails for it (a lower
 * `--max-old-space-size` would). docs/scale.md has the figures.
 *
 * Only `astro build`, set as its configuration is read, before the content
 * is: the dev server keeps V8's defaults. Someone who runs the build with
 * their own `--heap-growing-percent` keeps theirs.
 */
import type { AstroIntegration } from 'astro';
import v8 from 'node:v8';

/** The heap growing factor a build asks for, as V8's flag: 1 + 50/100 = 1.5. */
export const BUILD_HEAP_FLAG = '--heap-growing-percent=50';

/** The V8 flags a build sets: none when the command line already chose the heap's growing factor. */
export function buildHeapFlags(execArgv: readonly string[]): string[] {
  return execArgv.some((arg) => /^--heap[-_]growing[-_]percent(?:=|$)/.test(arg)) ? [] : [BUILD_HEAP_FLAG];
}

export function buildHeap(): AstroIntegration {
  return {
    name: 'latitude:build-heap',
    hooks: {
      'astro:config:setup': ({ command }) => {
        if (command !== 'build') return;
        for (const flag of buildHeapFlags(process.execArgv)) v8.setFlagsFromString(flag);
      },
    },
  };
}
