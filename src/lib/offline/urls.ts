/** Where the service worker lives, and the address a built file is fetched at. Pure: the integration and the page script share it. */

export const SERVICE_WORKER_FILE = 'sw.js';

/** A built file's address: `boundaries/x/index.html` → `<base>boundaries/x/`, the way pages are linked. */
export function precacheUrl(file: string, base: string): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  if (file === 'index.html') return root;
  return `${root}${file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file}`;
}

/**
 * Whether a built file's name changes with its content, so its address is
 * its version: Vite's `_astro/` files, and in each part of the search index
 * Pagefind's `index/`, `fragment/` and `filter/` chunks and its
 * `pagefind.<hash>.pf_meta`. deploy/nginx.conf lets browsers keep exactly
 * these for a year (tests/unit/offline-not-found.test.ts holds the two
 * together); the service worker lists them without a revision.
 */
export function versionedByName(file: string): boolean {
  return /^_astro\/|^pagefind\/[a-z0-9-]+\/(?:(?:fragment|index|filter)\/|pagefind\.[^/]+\.pf_meta$)/.test(file);
}
