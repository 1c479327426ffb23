/**
 * Search: after `astro build`, Pagefind's Node API indexes the built site
 * into `<outDir>/pagefind/`. Only entry pages carry `data-pagefind-body`
 * (EntryLayout), so listings, review, changes, "Can I…?" and the search page
 * stay out, as do retired entries (their pages have no marker). Drafts have
 * no page at all.
 *
 * It also emits the header's search box script at a fixed address,
 * `<base>_latitude/search-box.js`, so an inline bootstrap can load it the
 * moment someone focuses the box — content pages load no script before that.
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { cp, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import type { Plugin } from 'vite';
import { SEARCH_BOX_SCRIPT } from '../lib/search/addresses.ts';

/**
 * Pagefind's own UIs, which the playbook does not use (see src/scripts/search-engine.ts for why):
 * removed after indexing so only one search UI ships.
 */
const UNUSED_BUNDLE_FILES = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
];

/**
 * A page that only marks the site as using `data-pagefind-body`. Without any
 * marked page (a playbook whose entries are all retired), Pagefind would index
 * every page whole, listings included; with it, it indexes nothing instead.
 * The marked element is empty, so the page itself is never a result.
 */
const BODY_MARKER_PAGE = '<!doctype html><html lang="en"><head><title>-</title></head><body><div data-pagefind-body></div></body></html>';

export function playbookSearch(): AstroIntegration {
  let cacheDir = '';
  const searchBox = fileURLToPath(new URL('../scripts/search-box.ts', import.meta.url));
  return {
    name: 'latitude:search',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        if (command !== 'build') return;
        updateConfig({ vite: { plugins: [searchBoxEntry(searchBox)] } });
      },
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const started = performance.now();
        const { pages, reused } = await indexSiteCached(outDir, path.join(cacheDir, 'latitude-search'));
        const how = reused ? 'reused from the last build (no indexed page changed)' : 'for search';
        logger.info(`Indexed ${pages} pages ${how} in ${Math.round(performance.now() - started)} ms (${path.join(outDir, 'pagefind')})`);
      },
    },
  };
}

/** The header's search box script as its own entry with a fixed name, in the browser build only. */
function searchBoxEntry(file: string): Plugin {
  return {
    name: 'latitude:search-box-entry',
    apply: 'build',
    applyToEnvironment: (environment) => environment.name === 'client',
    buildStart() {
      this.emitFile({ type: 'chunk', id: file, fileName: SEARCH_BOX_SCRIPT });
    },
  };
}

/**
 * Entry pages, the only pages that carry `data-pagefind-body`, in every
 * language (`fr-ca/boundaries/…`): Pagefind need not read the rest. Pagefind
 * keys its indexes on each page's `<html lang>`, so every language gets its
 * own index, stemmed in that language.
 */
const ENTRY_PAGES = '**/{values,roles,guidelines,boundaries,case-studies,wins}/*/index.html';
const ENTRY_PAGE = /^(?:[a-z0-9-]+\/)?(values|roles|guidelines|boundaries|case-studies|wins)\/[^/]+\/index\.html$/;

/**
 * Indexes `outDir`, or copies the index of the last build when no entry page
 * changed (a warm build restores unchanged pages; indexing them again would
 * give the same files).
 */
export async function indexSiteCached(outDir: string, cacheDir: string): Promise<{ pages: number; reused: boolean }> {
  const digest = await entryPagesDigest(outDir);
  const cached = path.join(cacheDir, digest);
  const outputPath = path.join(outDir, 'pagefind');
  try {
    const pages = await indexedPageCount(cached);
    await cp(cached, outputPath, { recursive: true });
    return { pages, reused: true };
  } catch {
    // Nothing cached for these pages: index them.
  }
  const pages = await indexSite(outDir);
  await rm(cacheDir, { recursive: true, force: true });
  await mkdir(cacheDir, { recursive: true });
  await cp(outputPath, cached, { recursive: true });
  return { pages, reused: false };
}

/** A digest of every entry page's address and HTML. */
async function entryPagesDigest(outDir: string): Promise<string> {
  const hash = createHash('sha256');
  const items = await readdir(outDir, { recursive: true, withFileTypes: true });
  const pages = items
    .filter((item) => item.isFile() && item.name === 'index.html')
    .map((item) => path.relative(outDir, path.join(item.parentPath, item.name)).split(path.sep).join('/'))
    .filter((page) => ENTRY_PAGE.test(page))
    .sort();
  for (const page of pages)
    hash
      .update(`${page}\0`)
      .update(await readFile(path.join(outDir, page)))
      .update('\0');
  return hash.digest('hex').slice(0, 32);
}

/** Indexes `outDir` into `outDir/pagefind/`; returns how many pages are in the index. Throws with a plain message on any failure. */
export async function indexSite(outDir: string): Promise<number> {
  const outputPath = path.join(outDir, 'pagefind');
  try {
    const created = await pagefind.createIndex({});
    const index = check('start the search indexer', created).index;
    if (!index) throw new SearchIndexError('start the search indexer', ['no index was returned']);
    const read = check('read the built pages', await index.addDirectory({ path: outDir, glob: ENTRY_PAGES }));
    // No entry page can be right (every entry retired); no page at all is a broken build.
    if (read.page_count === 0 && !(await hasHtml(outDir))) throw new SearchIndexError('read the built pages', [`no HTML pages in ${outDir}`]);
    check('read the built pages', await index.addHTMLFile({ url: '/_latitude/search-marker/', content: BODY_MARKER_PAGE }));
    check(`write the search index to ${outputPath}`, await index.writeFiles({ outputPath }));
    await Promise.all(UNUSED_BUNDLE_FILES.map((file) => rm(path.join(outputPath, file), { force: true })));
    return await indexedPageCount(outputPath);
  } catch (error) {
    if (error instanceof SearchIndexError) throw error;
    throw new SearchIndexError('build the search index', [error instanceof Error ? error.message : String(error)]);
  } finally {
    await pagefind.close();
  }
}

async function hasHtml(dir: string): Promise<boolean> {
  const items = await readdir(dir, { recursive: true, withFileTypes: true });
  return items.some((item) => item.isFile() && item.name.endsWith('.html'));
}

/** Pages in the index, from Pagefind's own entry file (addDirectory counts every HTML file it read, indexed or not). */
async function indexedPageCount(outputPath: string): Promise<number> {
  const entry = JSON.parse(await readFile(path.join(outputPath, 'pagefind-entry.json'), 'utf8')) as {
    languages?: Record<string, { page_count?: number }>;
  };
  return Object.values(entry.languages ?? {}).reduce((sum, language) => sum + (language.page_count ?? 0), 0);
}

class SearchIndexError extends Error {
  constructor(step: string, errors: readonly string[]) {
    super(`Search index: could not ${step}. Pagefind said: ${errors.join('; ')}`);
    this.name = 'SearchIndexError';
  }
}

function check<T extends { errors: string[] }>(step: string, response: T): T {
  if (response.errors.length > 0) throw new SearchIndexError(step, response.errors);
  return response;
}
