/**
 * Links that respect the site's base path (PLAYBOOK_BASE) and, for feeds and
 * canonical links, its absolute address (PLAYBOOK_SITE). Every link and asset
 * the site renders goes through `href`.
 */

/** Used for absolute links when no PLAYBOOK_SITE is set, so feeds stay valid. */
export const FALLBACK_SITE = 'http://localhost/';

/** The base path as a folder, however it was written: `playbook`, `/playbook` → `/playbook/`; `` → `/`. */
export function baseFolder(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/** `withBase('/values/', '/playbook')` → `/playbook/values/`; the base may or may not end in a slash. */
export function withBase(path: string, base: string): string {
  return `${baseFolder(base)}${path.replace(/^\/+/, '')}`;
}

/** The page's path without the base: `/playbook/values/x/` → `/values/x/`; a path outside the base is returned as it is. */
export function stripBase(pathname: string, base: string): string {
  const root = baseFolder(base).slice(0, -1);
  if (root && (pathname === root || pathname.startsWith(`${root}/`))) return pathname.slice(root.length) || '/';
  return pathname;
}

/** A site path with the build's base in front: `href('/values/')`. */
export function href(path: string): string {
  return withBase(path, import.meta.env.BASE_URL);
}

/** An absolute URL for feeds: the site (or the fallback) plus base and path. */
export function absoluteUrl(path: string, site: string | URL | undefined, base: string = import.meta.env.BASE_URL): string {
  return new URL(withBase(path, base), site ?? FALLBACK_SITE).href;
}

/**
 * A page's address in files other tools read (the authority register,
 * /playbook.json, llms.txt): absolute when the site's URL is known
 * (PLAYBOOK_SITE), else its path with the base, never a made-up host.
 */
export function publicAddress(path: string, site: string | URL | undefined, base: string): string {
  return site ? new URL(withBase(path, base), site).href : withBase(path, base);
}
