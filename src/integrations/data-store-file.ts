/**
 * In a build, the content data store is read from its file when the
 * prerenderer first asks for it, instead of being bundled.
 *
 * Astro answers its data-store module (`astro:data-layer-content`) with the
 * whole store as one string literal, `JSON.parse("…")`, which the bundler
 * (Rolldown, native code) then carries through parsing and output: at
 * 100,000 entries a 71 MB store raised a shard's build process from 2.4 to
 * 3.55 GB while it bundled, the peak of the whole build (docs/scale.md).
 * This plugin answers that module first, with code that reads the same
 * file, `<cacheDir>/data-store.json`, which Astro has finished writing when
 * the content is synced, before anything is bundled. The store is the same
 * value either way: Astro's own module parses the same text.
 *
 * Only for `astro build`: the dev server keeps Astro's module, which it
 * reloads as the content changes. tests/unit/data-store-file.test.ts holds
 * the module's name and the file's to what the installed Astro uses, so an
 * Astro release that renames them fails a test rather than quietly bundling
 * the store again.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';

/** Astro's module of the content data store (astro/dist/content/consts.js, `DATA_STORE_VIRTUAL_ID`). */
export const DATA_STORE_MODULE = 'astro:data-layer-content';

/** The store's file in the cache folder after a build's sync (astro/dist/content/consts.js, `DATA_STORE_FILE`). */
export const DATA_STORE_FILE = 'data-store.json';

/** The module's id once this plugin has resolved it: not Astro's, so Astro's own loader never takes it. */
const RESOLVED = '\0latitude:data-store-file';

export function dataStoreFromFile(): AstroIntegration {
  return {
    name: 'latitude:data-store-file',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'build') return;
        updateConfig({ vite: { plugins: [dataStorePlugin(fileURLToPath(new URL(DATA_STORE_FILE, config.cacheDir)))] } });
      },
    },
  };
}

/**
 * The Vite plugin. Astro's own plugin is also one that runs first, and is
 * registered before this one, so this one's hooks ask to run before every
 * plugin's (`order: 'pre'`): it resolves the store's module to its own id,
 * and Astro never reads the file, quotes it or parses it to check it (at
 * 100,000 entries that check alone took 400 MB of heap while bundling).
 */
export function dataStorePlugin(file: string) {
  return {
    name: 'latitude:data-store-file',
    enforce: 'pre' as const,
    resolveId: {
      order: 'pre' as const,
      handler(id: string) {
        return id === DATA_STORE_MODULE ? RESOLVED : undefined;
      },
    },
    load: {
      order: 'pre' as const,
      handler(id: string) {
        return id === RESOLVED ? { code: dataStoreModule(file), map: { mappings: '' } } : undefined;
      },
    },
  };
}

/**
 * The module's code. A store that was never written (no collection stored
 * anything) is an empty Map, as Astro's own module gives.
 */
export function dataStoreModule(file: string): string {
  return [
    "import { existsSync, readFileSync } from 'node:fs';",
    `const file = ${JSON.stringify(file)};`,
    "export default existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : new Map();",
    '',
  ].join('\n');
}
