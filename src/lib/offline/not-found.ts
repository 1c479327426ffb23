/**
 * What a language's service worker shows for a page it can neither fetch
 * (no network) nor find stored: the offline page ("You are offline") for a
 * page of the site it has not stored, and the "not found" page for an
 * address the site does not have — when the worker knows the site's pages.
 * It knows them when there are at most KNOWN_PAGES_LIMIT (their addresses
 * travel in the worker); beyond that, every miss says offline, as a miss
 * could be either.
 *
 * Each language's worker is bundled with its own setup as source text
 * (src/integrations/offline.ts), so the fallback travels as source text: a
 * Workbox plugin's `handlerDidError`. Pure.
 */

/** Most pages whose addresses the worker carries (about 40 bytes each). */
export const KNOWN_PAGES_LIMIT = 5000;

/**
 * The addresses of a language's pages, as they are linked (`/values/x/`,
 * under the base), from its built HTML files (paths as the language sees
 * them: `values/x/index.html`); undefined beyond KNOWN_PAGES_LIMIT.
 */
export function knownPages(htmlFiles: readonly string[], root: string): string[] | undefined {
  const pages = htmlFiles.filter((file) => file.endsWith('.html') && file !== '404.html' && !/^404\//.test(file));
  if (pages.length > KNOWN_PAGES_LIMIT) return undefined;
  return pages.map((file) => `${root}${file === 'index.html' ? '' : file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file}`).sort();
}

/**
 * The source of the worker's `handlerDidError`: the stored offline page for
 * one of the `known` pages (with or without its trailing slash, or any
 * page when they are not known), else the not-found page, each looked up
 * in the worker's caches whatever its revision.
 */
export function fallbackSource(known: readonly string[] | undefined, offlineUrl: string, notFoundUrl: string): string {
  return `async ({ request }) => {
    const known = ${known ? `new Set(${JSON.stringify(known)})` : 'undefined'};
    const path = new URL(request.url).pathname;
    const isPage = !known || known.has(path) || known.has(path.endsWith('/') ? path : path + '/');
    return caches.match(isPage ? ${JSON.stringify(offlineUrl)} : ${JSON.stringify(notFoundUrl)}, { ignoreSearch: true });
  }`;
}
