/**
 * Which built files the service worker stores at install (its precache),
 * within a byte budget. Files come in tiers, most needed first; a tier is
 * taken whole while it fits, so the precache never holds half of a tier
 * (half of search's index would be worse than none of it). Whatever is
 * left out is cached at run time, the first time a reader opens it.
 *
 * - core: the scripts, styles, icons, search's engine and the pages that
 *   answer (home, search, "Can I…?") — always taken, whatever their size;
 * - listings: the section indexes and each role's "Can I…?" data;
 * - boundaries and roles: their pages and the search index;
 * - values and guidelines;
 * - case studies and wins (each win's page and the wins wall's pages);
 * - every other page (changes, results, review, ladders, pocket cards);
 * - images.
 *
 * The budget counts the bytes a phone downloads: pages, scripts, styles and
 * data gzipped, as deploy/nginx.conf serves them (`downloadedSize`), the
 * search index and pictures as they are (already compressed). For the
 * example playbook every tier fits; at 20,000 entries the core and the
 * listings do, and the rest is cached as it is read.
 *
 * Pure: paths relative to the build folder, with `/` separators.
 */

/** What the precache may download, in bytes as sent (compressed). */
export const PRECACHE_BUDGET = 2 * 1024 * 1024;

export interface BuiltFile {
  /** Relative to the build folder: `boundaries/x/index.html`. */
  path: string;
  /** Bytes as downloaded (`downloadedSize`), which the budget counts. */
  size: number;
}

export const TIERS = ['core', 'listings', 'boundaries-and-roles', 'values-and-guidelines', 'case-studies-and-wins', 'pages', 'images'] as const;
export type Tier = (typeof TIERS)[number];

const CORE_PAGES = new Set([
  'index.html',
  '404.html',
  // A language's own 404 page (the base language's is 404.html).
  '404/index.html',
  'interface.json',
  'search/words.json',
  'offline/index.html',
  'search/index.html',
  'can-i/index.html',
  'manifest.webmanifest',
  'search/synonyms.json',
  'can-i.json',
]);
const IMAGE = /\.(?:png|jpe?g|webp|avif|gif|svg)$/i;

/** The tier of a built file, or undefined for files that are never precached (feeds, the worker itself, source maps). */
export function tierOf(path: string): Tier | undefined {
  if (/(?:^|\/)sw\.js$|^workbox-|\.map$|\.xml$/.test(path)) return undefined;
  if (CORE_PAGES.has(path)) return 'core';
  if (path.startsWith('_latitude/')) return 'core';
  if (path.startsWith('_astro/')) return IMAGE.test(path) ? 'images' : /\.(?:js|css)$/.test(path) ? 'core' : undefined;
  if (path.startsWith('pagefind/')) {
    // The index in parts (src/lib/search/parts.ts): a year of wins (`pagefind/wins-2024/`) goes with the wins' pages,
    // so a phone that keeps the wins can search them offline; a phone that does not searches the rest.
    if (/^pagefind\/wins-/.test(path)) return 'case-studies-and-wins';
    // The core part's index, fragments and filters (and the single index of a build from before the parts).
    if (/^pagefind\/(?:[a-z0-9-]+\/)?(?:index|fragment|filter)\//.test(path)) return 'boundaries-and-roles';
    // The engine: pagefind.js, the parts list, the core's entry file and page list, the wasm.
    return /\.(?:js|json|pagefind|pf_meta)$/.test(path) ? 'core' : undefined;
  }
  if (/^can-i\/[^/]+\.json$/.test(path)) return 'listings';
  if (!path.endsWith('.html')) return IMAGE.test(path) ? 'images' : undefined;
  if (/^[^/]+\/index\.html$/.test(path)) return 'listings';
  // A role's start-here path (issue 18) is read once, then cached as it is read; its self-check goes with the role's pages.
  if (/^roles\/[^/]+\/start\/index\.html$/.test(path)) return 'pages';
  if (/^(?:boundaries|roles|can-i)\//.test(path)) return 'boundaries-and-roles';
  if (/^(?:values|guidelines)\//.test(path)) return 'values-and-guidelines';
  if (/^(?:case-studies|wins)\//.test(path)) return 'case-studies-and-wins';
  return 'pages';
}

/**
 * A built file whose size is worked out the first time it is read, then
 * kept: measuring a file as downloaded means compressing it, and a plan
 * reads the sizes of the tiers it takes, and of the first it cannot only
 * until that tier is over the budget.
 */
export function lazySize(path: string, measure: () => number): BuiltFile {
  let size: number | undefined;
  return {
    path,
    get size() {
      return (size ??= measure());
    },
  };
}

/** Files a server compresses (deploy/nginx.conf's gzip_types, and HTML); the search index and pictures are sent as they are. */
const COMPRESSED = /\.(?:html|css|js|json|svg|webmanifest|txt|csv|xml)$/i;

/** The bytes a phone downloads for a file: `gzipped(contents)` for text a server compresses, else its size on disk. */
export function downloadedSize(path: string, size: number, gzipped: () => number): number {
  return path.startsWith('pagefind/') || !COMPRESSED.test(path) ? size : Math.min(size, gzipped());
}

export interface PrecachePlan {
  /** The files to precache, by tier order. */
  files: BuiltFile[];
  bytes: number;
  /** The tiers taken whole. */
  tiers: Tier[];
}

export function precachePlan(files: readonly BuiltFile[], budget = PRECACHE_BUDGET): PrecachePlan {
  const byTier = new Map<Tier, BuiltFile[]>(TIERS.map((tier) => [tier, []]));
  for (const file of files) {
    const tier = tierOf(file.path);
    if (tier) byTier.get(tier)!.push(file);
  }
  const plan: PrecachePlan = { files: [], bytes: 0, tiers: [] };
  for (const tier of TIERS) {
    const members = byTier.get(tier)!.sort((a, b) => a.path.localeCompare(b.path));
    // Summed only until the tier is over the budget: a size may mean compressing the file (`lazySize`).
    let size = 0;
    for (const file of members) {
      size += file.size;
      if (tier !== 'core' && plan.bytes + size > budget) break;
    }
    if (tier !== 'core' && plan.bytes + size > budget) break;
    plan.files.push(...members);
    plan.bytes += size;
    plan.tiers.push(tier);
  }
  return plan;
}

/**
 * One language's share of the built site, for its own service worker (each
 * language has one, at `<base><language>/sw.js`): its pages (the base
 * language's at the root, another's under its prefix), the files every
 * language shares (scripts, styles, icons, pictures, search's engine), and
 * only its own part of the search index. A French reader's phone stores the
 * French site, never the English pages, within the same budget.
 */
export interface PlanLanguage {
  /** The language's folder: '' for the base language, `fr-ca` for another. */
  prefix: string;
  /** The folders of the site's other languages (their pages are left out). */
  otherPrefixes: readonly string[];
  /** The language's key in Pagefind's file names: its `<html lang>` in lower case (`fr-ca`, `en-gb`). */
  searchKey: string;
}

export function languagePlan(files: readonly BuiltFile[], language: PlanLanguage, budget = PRECACHE_BUDGET): PrecachePlan {
  const mine: BuiltFile[] = [];
  const byTierPath = new Map<BuiltFile, BuiltFile>();
  for (const file of files) {
    const seen = languageView(file.path, language);
    if (seen === undefined) continue;
    const view = lazySize(seen, () => file.size);
    byTierPath.set(view, file);
    mine.push(view);
  }
  const plan = precachePlan(mine, budget);
  return { ...plan, files: plan.files.map((view) => byTierPath.get(view)!) };
}

/** How `path` looks to a language's plan (its prefix removed), or undefined when it belongs to another language. */
function languageView(path: string, { prefix, otherPrefixes, searchKey }: PlanLanguage): string | undefined {
  const first = path.split('/')[0]!;
  if (otherPrefixes.includes(first)) return undefined;
  if (path.startsWith('pagefind/')) {
    // Index, fragments, filters, metadata and wasm are named after their language, in every part: `fr-ca_…`, `pagefind.fr-ca_….pf_meta`, `wasm.fr-ca.pagefind`.
    const language = /^pagefind\/(?:[a-z0-9-]+\/)?(?:(?:index|fragment|filter)\/([a-z0-9-]+)_|pagefind\.([a-z0-9-]+)_|wasm\.([a-z0-9-]+)\.pagefind$)/.exec(
      path,
    );
    const key = language && (language[1] ?? language[2] ?? language[3]);
    return key && key !== searchKey && key !== 'unknown' ? undefined : path;
  }
  if (!prefix) return path;
  if (first === prefix) return path.slice(prefix.length + 1);
  // Shared files: scripts, styles, pictures, icons.
  return /^(?:_astro|_latitude)\//.test(path) || IMAGE.test(path) ? path : undefined;
}
