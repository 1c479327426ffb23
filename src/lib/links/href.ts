/**
 * Links that respect the site's base path (PLAYBOOK_BASE) and, for feeds and
 * canonical links, its absolute address (PLAYBOOK_SITE). Every link and asset
 * the site renders goes through `href`.
 */

/** Used for absolute links when no PLAYBOOK_SITE is set, so feeds stay valid. */
export const FALLBACK_SITE = 'http://localhost/';

/** `withBase('/values/', '/playbook')` → `/playbook/values/`; the base may or may not end in a slash. */
export function withBase(path: string, base: string): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  const prefix = root.startsWith('/') ? root : `/${root}`;
  return `${prefix}${path.replace(/^\/+/, '')}`;
}

/** A site path with the build's base in front: `href('/values/')`. */
export function href(path: string): string {
  return withBase(path, import.meta.env.BASE_URL);
}

/** An absolute URL for feeds: the site (or the fallback) plus base and path. */
export function absoluteUrl(path: string, site: string | URL | undefined, base: string = import.meta.env.BASE_URL): string {
  return new URL(withBase(path, base), site ?? FALLBACK_SITE).href;
}
