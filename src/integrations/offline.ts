/**
 * Offline: after the build (and after Pagefind has written its index), a
 * service worker made with Workbox's `generateSW` at `<base>sw.js`. It
 * precaches what `precachePlan` chooses within its budget (the whole
 * example playbook; the core and listings of a large one) and caches the
 * rest as it is read: pages network-first (a fresh page when online, the
 * stored one offline, `<base>offline/` when neither), search's index and
 * fragments and "Can I…?"'s per-role data stale-while-revalidate, images
 * cache-first. Each build's precache lists every file with its hash, so a
 * new deploy installs a new worker, which takes over at once and drops the
 * old caches. Caches are named after the base path, so two playbooks on one
 * host keep apart. The worker is one self-contained file (Workbox's runtime
 * inlined), served from the site itself: `worker-src 'self'`.
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { precachePlan, type BuiltFile } from '../lib/offline/precache-plan.ts';
import { precacheUrl, SERVICE_WORKER_FILE } from '../lib/offline/urls.ts';

/** Every file under `dir`, with `/`-separated relative paths and sizes. */
export async function builtFiles(dir: string): Promise<BuiltFile[]> {
  const files: BuiltFile[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files.push({ path: path.relative(dir, full).split(path.sep).join('/'), size: (await stat(full)).size });
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
        const outDir = fileURLToPath(dir);
        const plan = precachePlan(await builtFiles(outDir));
        const manifest = await Promise.all(
          plan.files.map(async (file) => ({
            url: precacheUrl(file.path, base),
            revision: createHash('md5')
              .update(await readFile(path.join(outDir, file.path)))
              .digest('hex'),
          })),
        );
        const { generateSW } = await import('workbox-build');
        const at = escape(base);
        const { warnings } = await generateSW({
          swDest: path.join(outDir, SERVICE_WORKER_FILE),
          globDirectory: outDir,
          globPatterns: [],
          additionalManifestEntries: manifest,
          // "Can I…?" and search keep their answer in the query string: the stored page serves them all.
          ignoreURLParametersMatching: [/.*/],
          cacheId: `latitude${base.replace(/\/+$/, '').replace(/[^a-z0-9-]+/gi, '-')}`,
          cleanupOutdatedCaches: true,
          skipWaiting: true,
          clientsClaim: true,
          inlineWorkboxRuntime: true,
          mode: 'production',
          sourcemap: false,
          runtimeCaching: [
            {
              urlPattern: ({ request }) => request.mode === 'navigate',
              handler: 'NetworkFirst',
              options: {
                cacheName: 'pages',
                networkTimeoutSeconds: 4,
                expiration: { maxEntries: 500 },
                precacheFallback: { fallbackURL: `${base}offline/` },
              },
            },
            {
              urlPattern: new RegExp(`${at}(?:pagefind/|can-i/[^/]+\\.json)`),
              handler: 'StaleWhileRevalidate',
              options: { cacheName: 'search-and-answers', expiration: { maxEntries: 2000 } },
            },
            {
              urlPattern: new RegExp(`${at}_astro/.*\\.(?:png|jpe?g|webp|avif|gif|svg)$`),
              handler: 'CacheFirst',
              options: { cacheName: 'images', expiration: { maxEntries: 300 } },
            },
          ],
        });
        for (const warning of warnings) logger.warn(warning);
        logger.info(
          `service worker: ${plan.files.length} files precached (${Math.round(plan.bytes / 1024)} kB: ${plan.tiers.join(', ')}), the rest cached when read`,
        );
      },
    },
  };
}
