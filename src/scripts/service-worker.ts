/**
 * The offline service worker, on Workbox's modules: src/integrations/offline.ts
 * bundles it once per language into one self-contained `sw.js`, with that
 * language's precache, cache names and fallback (`WorkerSetup`). What it does
 * is described there.
 *
 * One thing Workbox's own generated worker cannot do: Workbox downloads every
 * precached file that carries a revision with `cache: 'reload'`, around the
 * browser's HTTP cache, so on a first visit the files the page has just
 * fetched for its first search (the WebAssembly, `pagefind.js`, the page
 * script) were downloaded a second time. `revalidate` asks with
 * `cache: 'no-cache'` instead: the server answers 304 when the browser's
 * copy is current, and a changed file is still fetched whole, never a stale
 * copy. Files whose address is their version (hashed names) carry no
 * revision and are taken from the HTTP cache as they are.
 */
import { clientsClaim, setCacheNameDetails, type WorkboxPlugin } from 'workbox-core';
import { ExpirationPlugin } from 'workbox-expiration';
import { addPlugins, cleanupOutdatedCaches, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { CacheFirst, NetworkFirst, StaleWhileRevalidate } from 'workbox-strategies';

export interface WorkerSetup {
  /** Prefix of the precache's name: one set of caches per playbook (base path) and language. */
  cacheId: string;
  /** The precache: revision null for a file whose address changes with its content. */
  precache: PrecacheEntry[];
  /** Search's index and "Can I…?"'s per-role data: stale-while-revalidate as they are read. */
  searchAndAnswers: RegExp;
  /** Pictures: cache-first as they are read. */
  images: RegExp;
  /** A page neither fetched nor stored: the offline page, or not found (src/lib/offline/not-found.ts). */
  fallback: NonNullable<WorkboxPlugin['handlerDidError']>;
}

/** Precache downloads through the browser's HTTP cache, revalidated: a 304 for what the page has already fetched. */
const revalidate: WorkboxPlugin = {
  requestWillFetch: async ({ request }) => (request.cache === 'reload' ? new Request(request, { cache: 'no-cache' }) : request),
};

export function startServiceWorker(setup: WorkerSetup): void {
  setCacheNameDetails({ prefix: setup.cacheId });
  // A service worker's global scope; the project's types are the page's (the DOM's).
  void (self as unknown as { skipWaiting(): Promise<void> }).skipWaiting();
  clientsClaim();
  addPlugins([revalidate]);
  // "Can I…?" and search keep their answer in the query string: the stored page serves them all.
  precacheAndRoute(setup.precache, { ignoreURLParametersMatching: [/.*/] });
  cleanupOutdatedCaches();
  registerRoute(
    ({ request }) => request.mode === 'navigate',
    new NetworkFirst({
      cacheName: 'pages',
      networkTimeoutSeconds: 4,
      plugins: [new ExpirationPlugin({ maxEntries: 500 }), { handlerDidError: setup.fallback }],
    }),
  );
  registerRoute(setup.searchAndAnswers, new StaleWhileRevalidate({ cacheName: 'search-and-answers', plugins: [new ExpirationPlugin({ maxEntries: 2000 })] }));
  registerRoute(setup.images, new CacheFirst({ cacheName: 'images', plugins: [new ExpirationPlugin({ maxEntries: 300 })] }));
}
