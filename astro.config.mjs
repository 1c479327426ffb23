// @ts-check
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { defineConfig } from 'astro/config';
import { howToOpen } from './src/integrations/how-to-open.ts';
import { playbookLanguages } from './src/integrations/languages.ts';
import { playbookLogo } from './src/integrations/playbook-logo.ts';
import { playbookOffline } from './src/integrations/offline.ts';
import { playbookPageScript } from './src/integrations/page-script.ts';
import { playbookSearch } from './src/integrations/pagefind.ts';
import { playbookDev } from './src/integrations/playbook-dev.ts';
import { playbookPages } from './src/integrations/shard.ts';
import { playbookValidation } from './src/integrations/playbook-validation.ts';
import { dataStoreFromFile } from './src/integrations/data-store-file.ts';
import { buildHeap } from './src/integrations/build-heap.ts';
import { keptPages } from './src/integrations/kept-pages.ts';
import { contentBodyGate } from './src/integrations/satteri-gate.ts';
import { contentRootCacheDir } from './src/lib/reading/cache-dir.ts';
import { resolveContentRoot } from './src/lib/reading/resolve-content-root.ts';
import { pinContentRoot } from './src/loaders/playbook-read.ts';
import { buildOutDir, shardCacheDir, shardFromCommandLine } from './src/lib/scale/shard-flag.ts';

const base = process.env.PLAYBOOK_BASE || undefined;
// Astro exposes every environment variable as import.meta.env.*: an inherited BASE_URL
// (test runners and some CI set one) would replace the base that links are built from.
delete process.env.BASE_URL;
// The dev server is for content editors: Astro's "a new version is available, run
// npx @astrojs/upgrade" is advice for the project's developers, never for them.
process.env.ASTRO_DISABLE_UPDATE_CHECK = 'true';
const site = process.env.PLAYBOOK_SITE || undefined;
// The content root, resolved once: passed to every integration, and pinned for the loaders and the model.
const contentRoot = pinContentRoot(resolveContentRoot());
// `npm run build -- --shard K/N`: Astro ignores flags it does not know, so the flag is read here (docs/scale.md, "Past one machine").
const shard = readShard();

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  // Scoped styles by class, merged into the class attribute elements mostly have already: lighter pages than a data attribute on every element.
  scopedStyleStrategy: 'class',
  // Build tests build fixture playbooks side by side; each gets its own output and cache.
  // A shard writes to dist-shards/K-of-N/ unless told otherwise.
  outDir: buildOutDir(shard, process.env),
  // One cache (and data store) per content root, under PLAYBOOK_CACHE_DIR too: two organisations built by one install never share one.
  // Each shard has its own (it renders different pages).
  cacheDir: shardCacheDir(contentRootCacheDir(contentRoot), shard),
  // playbookOffline last: its service worker precaches what the others wrote (Pagefind's index, the icons).
  // A shard has only some of the pages: `npm run merge` writes the service worker for the joined site instead.
  integrations: [
    // First, before anything is read: a build collects garbage at 1.5× what it kept (a 100,000-entry shard: 3.0 → 2.1 GB).
    buildHeap(),
    // Then: it empties the output folder but for unchanged pages, and after the build removes pages no longer built, before others read the folder.
    keptPages(),
    playbookValidation(contentRoot),
    // The content data store is read from its file, not bundled (71 MB at 100,000 entries).
    dataStoreFromFile(),
    playbookLanguages(contentRoot),
    playbookDev(contentRoot),
    playbookLogo(contentRoot),
    mdx(),
    playbookSearch(),
    // Every shard writes the shared page script (the same bytes; the merge keeps one copy).
    playbookPageScript(),
    // Which pages render (a shard's only), in which order: the search index's first, those kept from the last build last.
    playbookPages(shard),
    // A shard is not a site to open: it says how to merge instead.
    ...(shard ? [] : [howToOpen(), playbookOffline()]),
  ],
  // Content bodies are checked again as they compile: no code from content runs.
  // No Shiki: its inline styles would need a looser Content Security Policy, and a
  // culture playbook has little code to colour.
  markdown: { processor: satteri({ mdastPlugins: [contentBodyGate({ contentRoot })] }), syntaxHighlight: false },
  // Stylesheets as files, never inline: each page then carries no <style> and no style hashes in its policy.
  build: { format: 'directory', inlineStylesheets: 'never' },
  // Unchanged pages (same cache key, same code) are copied from the last build instead of rendered again.
  experimental: { incrementalBuild: true },
  // No script is ever inlined into a page (nor a picture as a data: address): each is a file of the site,
  // so the base layout's Content Security Policy allows 'self' and lists no hash (src/lib/security/content-security-policy.ts).
  vite: {
    build: {
      assetsInlineLimit: 0,
      // Every style in one chunk, so one stylesheet for the site (32 kB, cached once) instead of a chunk for each set of
      // components pages share: a page linked up to 8 (about 55 bytes each, in each of 21,000 pages), and a reader's next
      // page often needed a file not yet fetched. Rules keep their scope (a route's class or a scoped style's), in any file.
      rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'site', test: /[?&]type=style|\.css$/ }] } } },
    },
    // The table of contents marks the section being read with scroll markers (`:target-current`, CSS Overflow 5), which
    // Lightning CSS parses only behind this flag: without it, every build warned that the selector was a typo.
    css: { lightningcss: { drafts: { scrollNavigationControls: true } } },
  },
});

/** The shard this build renders (`--shard K/N` or LATITUDE_SHARD), or undefined; a mistake in it stops here with one line. */
function readShard() {
  try {
    return shardFromCommandLine(process.argv.slice(2), process.env);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
