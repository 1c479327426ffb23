/**
 * Offline: after the build (and after Pagefind has written its index), a
 * service worker on Workbox's modules (src/scripts/service-worker.ts,
 * bundled here with its language's setup) at `<base>sw.js`, and one
 * per other language at `<base><language>/sw.js` whose scope is that
 * language's pages: a reader's phone keeps its own language only. Each
 * precaches what `precachePlan` chooses within its budget, counted as
 * downloaded (the whole example playbook; the core and listings of a large
 * one) and caches the
 * rest as it is read: pages network-first (a fresh page when online, the
 * stored one offline, `<base>offline/` when neither — or the not-found page
 * for an address the site does not have, src/lib/offline/not-found.ts),
 * search's index and
 * fragments and "Can I…?"'s per-role data stale-while-revalidate, images
 * cache-first. Each build's precache lists every file with its hash, so a
 * new deploy installs a new worker, which takes over at once and drops the
 * old caches; a file with a hashed name is listed without a revision (its
 * address is its version), and the precache revalidates what the browser
 * already holds rather than downloading it again. Caches are named after the base path, so two playbooks on one
 * host keep apart. The worker is one self-contained file (Workbox's runtime
 * inlined), served from the site itself: `worker-src 'self'`.
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { downloadedSize, languagePlan, lazySize, type BuiltFile, type PlanLanguage, type PrecachePlan, type Tier } from '../lib/offline/precache-plan.ts';
import { precacheUrl, SERVICE_WORKER_FILE, versionedByName } from '../lib/offline/urls.ts';
import { fallbackSource, knownPages } from '../lib/offline/not-found.ts';
import { CORE_PART } from '../lib/search/parts.ts';
import { filesUnder } from '../lib/scale/files-under.ts';

/**
 * Every file under `dir`, with `/`-separated relative paths and sizes: on
 * disk, or (`downloaded`) as a phone downloads them, which the precache
 * budget counts (`downloadedSize`).
 */
export function builtFiles(dir: string, measure: 'on-disk' | 'downloaded' = 'on-disk'): BuiltFile[] {
  const files: BuiltFile[] = [];
  // Listed synchronously (`filesUnder`): 42,000 files took 1.3 s as promises after a 20,000-entry build.
  for (const relative of filesUnder(dir)) {
    const full = path.join(dir, relative);
    if (measure === 'on-disk') {
      files.push({ path: relative, size: statSync(full).size });
      continue;
    }
    // Measured, and gzipped, only when a plan asks for its size: plans stop at the first tier over the budget, so a
    // large playbook's tens of thousands of entry pages and search files are never read just to be left out (see
    // `lazySize`; reading each one's size took 2–3 s of a rebuild at 20,000 entries).
    files.push(lazySize(relative, () => downloadedSize(relative, statSync(full).size, () => gzipSync(readFileSync(full)).length)));
  }
  return files;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

export function playbookOffline(): AstroIntegration {
  let base = '/';
  return {
    name: 'latitude:offline',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir, logger }) => {
        await writeOfflineFiles(fileURLToPath(dir), base, logger);
      },
    },
  };
}

/** What the offline step says as it works. */
export type OfflineLogger = Pick<AstroIntegrationLogger, 'info' | 'warn'>;

/**
 * The offline step over a whole built site at `outDir` (built for `base`,
 * ending in `/`): each language's service worker and offline page. Run after
 * a build, or by `npm run merge` over the joined shards (a shard alone has
 * only some of the pages).
 */
export async function writeOfflineFiles(outDir: string, base: string, logger: OfflineLogger): Promise<void> {
  const files = builtFiles(outDir, 'downloaded');
  for (const language of await siteLanguagesOf(outDir, files)) {
    const plan = languagePlan(files, language);
    const root = language.prefix ? `${base}${language.prefix}/` : base;
    await keepOfflineWordsExact(outDir, language.prefix, plan);
    const known = knownPages(pagesOf(files, language), root);
    await writeServiceWorker(outDir, root, base, plan, language.prefix, known, logger);
  }
}

/**
 * The site's languages, as the build wrote them: each has its interface
 * words at `<language>/interface.json` (the base language at the root), and
 * its own part of the search index, named after its `<html lang>`.
 */
async function siteLanguagesOf(outDir: string, files: readonly BuiltFile[]): Promise<PlanLanguage[]> {
  const prefixes = files.flatMap((file) => {
    const match = /^(?:([^/]+)\/)?interface\.json$/.exec(file.path);
    return match ? [match[1] ?? ''] : [];
  });
  if (prefixes.length === 0) prefixes.push('');
  let keys: string[] = [];
  try {
    // Every part of the index holds the same languages; the core part is always there in a whole build.
    keys = Object.keys(
      (JSON.parse(await readFile(path.join(outDir, 'pagefind', CORE_PART, 'pagefind-entry.json'), 'utf8')) as { languages?: object }).languages ?? {},
    );
  } catch {
    // No search index: no search files to share out.
  }
  return prefixes.map((prefix) => ({
    prefix,
    otherPrefixes: prefixes.filter((other) => other && other !== prefix),
    searchKey: prefix || (keys.find((key) => !prefixes.includes(key)) ?? ''),
  }));
}

/** A language's HTML pages, as the language sees them (`values/x/index.html`, its prefix removed). */
function pagesOf(files: readonly BuiltFile[], { prefix, otherPrefixes }: PlanLanguage): string[] {
  return files.flatMap(({ path: file }) => {
    if (!file.endsWith('.html')) return [];
    const first = file.split('/')[0]!;
    if (prefix) return first === prefix ? [file.slice(prefix.length + 1)] : [];
    return otherPrefixes.includes(first) ? [] : [file];
  });
}

/**
 * The offline page lists what the worker keeps, one item per tier
 * (`data-precache-tier`); the items of the tiers this language's plan left
 * out are taken out here, before the page's own revision is worked out, so
 * it says exactly what this worker stores.
 */
async function keepOfflineWordsExact(outDir: string, prefix: string, plan: PrecachePlan): Promise<void> {
  const file = path.join(outDir, prefix, 'offline', 'index.html');
  let html: string;
  try {
    html = await readFile(file, 'utf8');
  } catch {
    return;
  }
  const kept = html.replace(/<li\b[^>]*\bdata-precache-tier="([a-z-]+)"[^>]*>[\s\S]*?<\/li>/g, (item, tier: string) =>
    plan.tiers.includes(tier as Tier) ? item : '',
  );
  if (kept !== html) await writeFile(file, kept);
}

/** One language's worker at `<root>sw.js`, for the pages under `root`: its precache, and the rest cached as it is read. */
async function writeServiceWorker(
  outDir: string,
  root: string,
  base: string,
  plan: PrecachePlan,
  prefix: string,
  known: readonly string[] | undefined,
  logger: OfflineLogger,
): Promise<void> {
  const precache = await Promise.all(
    plan.files.map(async (file) => ({
      url: precacheUrl(file.path, base),
      // A hashed name is the file's version: no revision, so the precache takes the copy the page has already fetched.
      revision: versionedByName(file.path)
        ? null
        : createHash('md5')
            .update(await readFile(path.join(outDir, file.path)))
            .digest('hex'),
    })),
  );
  const at = escape(base);
  const here = escape(root);
  const setup = [
    `cacheId: ${JSON.stringify(`latitude${root.replace(/\/+$/, '').replace(/[^a-z0-9-]+/gi, '-')}`)}`,
    `precache: ${JSON.stringify(precache)}`,
    `searchAndAnswers: ${String(new RegExp(`(?:${at}pagefind/|${here}can-i/[^/]+\\.json)`))}`,
    `images: ${String(new RegExp(`${at}_astro/.*\\.(?:png|jpe?g|webp|avif|gif|svg)$`))}`,
    // Not stored and no network: "You are offline" for a page of the site, "not found" for an address it does not have.
    `fallback: ${fallbackSource(known, `${root}offline/`, prefix ? `${root}404/` : `${base}404.html`)}`,
  ];
  const entry = `import { startServiceWorker } from ${JSON.stringify(WORKER_SOURCE)};\nstartServiceWorker({\n${setup.join(',\n')}\n});\n`;
  await writeFile(path.join(outDir, prefix, SERVICE_WORKER_FILE), await bundleWorker(entry));
  logger.info(
    `service worker${prefix ? ` (${prefix})` : ''}: ${plan.files.length} files precached (${Math.round(plan.bytes / 1024)} kB: ${plan.tiers.join(', ')}), the rest cached when read`,
  );
}

/** The worker's code (src/scripts/service-worker.ts), which each language's entry starts with its own setup. */
const WORKER_SOURCE = fileURLToPath(new URL('../scripts/service-worker.ts', import.meta.url));

/**
 * The worker as one self-contained classic script (Workbox's modules
 * inlined, minified, production mode: no Workbox logging), served from the
 * site itself (`worker-src 'self'`). `entry` is the module that starts it.
 */
async function bundleWorker(entry: string): Promise<string> {
  const { build } = await import('vite');
  const id = 'latitude-service-worker-entry';
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    publicDir: false,
    mode: 'production',
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    plugins: [
      {
        name: 'latitude:service-worker-entry',
        resolveId: (source) => (source === id ? `\0${id}` : undefined),
        load: (source) => (source === `\0${id}` ? entry : undefined),
      },
    ],
    build: {
      write: false,
      minify: true,
      sourcemap: false,
      copyPublicDir: false,
      modulePreload: false,
      rolldownOptions: { input: id, output: { format: 'iife', entryFileNames: SERVICE_WORKER_FILE } },
    },
  });
  const chunks = (Array.isArray(output) ? output : [output]).flatMap((result) => ('output' in result ? result.output : []));
  const [chunk, ...rest] = chunks.filter((item) => item.type === 'chunk');
  if (!chunk || rest.length > 0) throw new Error(`The service worker bundled into ${chunks.length} files, not one.`);
  return chunk.code;
}
