/**
 * In a build, the content data store is read from its file when the
 * prerenderer first asks for it, instead of being bundled.
 *
 * Astro answers its data-store module (`astro:data-layer-content`) with the
 * whole store as one string literal, `JSON.parse("…")`, which the bundler
 * (Rolldown, native code) then carries through parsing and output: at
 * 100,000 entries a 71 MB store raised a shard's build process from 2.4 to
 * 3.55 GB while it bundled, the peak of the whole build (docs/scale.md).
 * This plugin replaces that module's code with code that reads the same
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

/** The module's id once Astro has resolved it (astro/dist/content/consts.js, `RESOLVED_DATA_STORE_VIRTUAL_ID`). */
export const RESOLVED_DATA_STORE_MODULE = `\0${DATA_STORE_MODULE}`;

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
 * The Vite plugin. Astro's own plugin resolves and loads the store's module
 * before any other (both run first, Astro's registered first), so this one
 * replaces the loaded code before the bundler takes it: Astro has read the
 * file and quoted it as a string by then (a passing cost in JavaScript), but
 * the bundler only ever sees the three lines that read the file.
 */
export function dataStorePlugin(file: string) {
  return {
    name: 'latitude:data-store-file',
    enforce: 'pre' as const,
    transform(_code: string, id: string) {
      return id === RESOLVED_DATA_STORE_MODULE ? { code: dataStoreModule(file), map: { mappings: '' } } : undefined;
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
