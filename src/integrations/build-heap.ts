/**
 * A build of a large playbook asks V8 to collect its old space sooner: heap
 * growing factor 1.5 (`--heap-growing-percent=50`) instead of V8's own,
 * which lets the heap grow to up to four times what the last full
 * collection kept before it collects again.
 *
 * Why: at 100,000 entries a shard's build process kept about 0.9 GB after a
 * full collection while pages began to render, then let its old space grow
 * with garbage to 2.3 GB before collecting again, which made the process's
 * peak (3.0 GB). With collections at 1.5× what was kept, the same shard
 * peaked at 2.1 GB and took less time (182 s against 208 s on the same
 * machine): a smaller heap is quicker to walk. It is not a limit: the
 * heap still grows as far as the build needs, up to V8's own maximum, so a
 * playbook larger than any measured never fails for it (a lower
 * `--max-old-space-size` would).
 *
 * Only from `LEAN_HEAP_FROM` entry files: a smaller playbook fits V8's own
 * growth easily, and collecting sooner costs it CPU. At 20,000 entries V8's
 * own factor took 7–19 s less CPU a cold build (107–114 s against
 * 121–126 s of user time, two pairs) for a build process of 1.41–1.52 GB
 * against 1.03 GB, well within the 2 GB asked of it. docs/scale.md has the figures.
 *
 * Only `astro build`, set as its configuration is read, before the content
 * is: the dev server keeps V8's defaults. Someone who runs the build with
 * their own `--heap-growing-percent` keeps theirs.
 */
import type { AstroIntegration } from 'astro';
import path from 'node:path';
import v8 from 'node:v8';
import { COLLECTIONS } from '../../schemas/index.ts';
import { filesUnder } from '../lib/scale/files-under.ts';
import { TRANSLATIONS_FOLDER } from '../lib/reading/scan-translations.ts';

/** The heap growing factor a build asks for, as V8's flag: 1 + 50/100 = 1.5. */
export const BUILD_HEAP_FLAG = '--heap-growing-percent=50';

/**
 * Entry files (Markdown, MDX and YAML under the content root, translations
 * included) from which a build collects sooner. Between the two sizes
 * measured, 20,000 (1.4–1.5 GB with V8's own factor) and 100,000 (3.0 GB),
 * the build process would pass 2 GB at about 40,000.
 */
export const LEAN_HEAP_FROM = 30_000;

/** The V8 flags a build of `entryFiles` entries sets: none for a smaller playbook, or when the command line chose the factor. */
export function buildHeapFlags(execArgv: readonly string[], entryFiles: number): string[] {
  if (execArgv.some((arg) => /^--heap[-_]growing[-_]percent(?:=|$)/.test(arg))) return [];
  return entryFiles >= LEAN_HEAP_FROM ? [BUILD_HEAP_FLAG] : [];
}

/** The folders entries are read from: each collection's, and the translations'. */
const ENTRY_FOLDERS = [...Object.values(COLLECTIONS).map((collection) => collection.folder), TRANSLATIONS_FOLDER];

/**
 * How many entry files the content root holds, in its collections' and
 * translations' folders only (a `.git` or `node_modules` in the root is
 * never walked); a folder that cannot be listed counts none (the
 * validation says why).
 */
export function entryFileCount(contentRoot: string): number {
  let count = 0;
  for (const folder of ENTRY_FOLDERS) {
    try {
      count += filesUnder(path.join(contentRoot, folder)).filter((file) => /\.(?:mdx?|ya?ml)$/.test(file)).length;
    } catch {
      // No such folder.
    }
  }
  return count;
}

export function buildHeap(contentRoot: string): AstroIntegration {
  return {
    name: 'latitude:build-heap',
    hooks: {
      'astro:config:setup': ({ command }) => {
        if (command !== 'build') return;
        for (const flag of buildHeapFlags(process.execArgv, entryFileCount(contentRoot))) v8.setFlagsFromString(flag);
      },
    },
  };
}
