/**
 * Finds broken internal links in a built site: every href, src and srcset
 * of every HTML page must resolve to a file in the output folder (and a
 * `#fragment` to an id on that page). Used by the build tests; works on any
 * output folder and base path.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { baseFolder } from '../links/href.ts';
import { filesUnder } from '../scale/files-under.ts';

export interface BrokenLink {
  /** The page the link is on, as a site path: `/playbook/values/own-it/`. */
  page: string;
  /** The link as written. */
  link: string;
  reason: 'missing file' | 'missing fragment' | 'outside base';
}

export interface LinkCheckOptions {
  /** The site's absolute address; absolute links to it are checked too. */
  site?: string | undefined;
  /** Site paths (base included) that are known to exist elsewhere, such as pages another build step adds. */
  ignore?: (pathname: string) => boolean;
}

const ATTRIBUTE = /\s(href|src|srcset)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi;
const ID = /\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi;
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** The URLs an HTML page links to or loads, in order, entities decoded. Script and style bodies and comments are skipped. */
export function findLinks(html: string): string[] {
  const links: string[] = [];
  for (const tag of tagsOf(html)) {
    for (const match of tag.matchAll(ATTRIBUTE)) {
      const value = decodeEntities(match[2] ?? match[3] ?? match[4] ?? '').trim();
      if (match[1]!.toLowerCase() === 'srcset') {
        for (const candidate of value.split(',')) {
          const url = candidate.trim().split(/\s+/)[0];
          if (url) links.push(url);
        }
      } else {
        links.push(value);
      }
    }
  }
  return links;
}

/** The ids (and anchor names) on a page, for checking fragments. */
export function findIds(html: string): Set<string> {
  const ids = new Set<string>();
  for (const tag of tagsOf(html)) {
    for (const match of tag.matchAll(ID)) ids.add(decodeEntities(match[1] ?? match[2] ?? match[3] ?? ''));
  }
  return ids;
}

/** The site path a file in the output folder is served at: `values/a/index.html` → `/base/values/a/`. */
export function pagePathOf(file: string, base: string): string {
  const root = baseFolder(base);
  const relative = file.split(path.sep).join('/');
  return `${root}${relative.endsWith('index.html') ? relative.slice(0, -'index.html'.length) : relative}`;
}

/**
 * Where a link on `pagePath` points inside the site, or undefined for
 * links that leave it (other hosts, mailto:, data:, …).
 */
export function resolveInternal(link: string, pagePath: string, site?: string): URL | undefined {
  if (link === '' || (link.startsWith('//') && !site)) return undefined;
  const page = new URL(pagePath, 'http://latitude.invalid');
  if (SCHEME.test(link) || link.startsWith('//')) {
    if (!site) return undefined;
    const target = new URL(link, site);
    const own = new URL(site);
    if (target.origin !== own.origin) return undefined;
    return new URL(target.pathname + target.search + target.hash, page);
  }
  return new URL(link, page);
}

/** The file a site path is served from, relative to the output folder, trying `x/index.html` for folders. */
export function candidateFiles(pathname: string, base: string): string[] | undefined {
  const root = baseFolder(base);
  if (!pathname.startsWith(root) && `${pathname}/` !== root) return undefined;
  const relative = decodeURIComponent(pathname.slice(root.length));
  if (relative === '' || relative.endsWith('/')) return [`${relative}index.html`];
  return [relative, `${relative}/index.html`];
}

/**
 * Why an internal link of a built site is broken, or undefined when it
 * resolves: to a file under the base, and to an id on that page for a
 * `#fragment` (`#top` is the browser's own).
 */
export function brokenReason(
  target: URL,
  base: string,
  existing: ReadonlySet<string>,
  idsOf: (file: string) => ReadonlySet<string>,
): BrokenLink['reason'] | undefined {
  const candidates = candidateFiles(target.pathname, base);
  if (!candidates) return 'outside base';
  const found = candidates.find((candidate) => existing.has(candidate));
  if (!found) return 'missing file';
  const fragment = decodeURIComponent(target.hash.slice(1));
  if (fragment && found.endsWith('.html') && fragment !== 'top' && !idsOf(found).has(fragment)) return 'missing fragment';
  return undefined;
}

export async function checkLinks(outDir: string, base = '/', options: LinkCheckOptions = {}): Promise<BrokenLink[]> {
  const all = filesUnder(outDir);
  const files = all.filter((file) => file.endsWith('.html'));
  const pages = new Map<string, string>();
  for (const file of files) pages.set(file, await readFile(path.join(outDir, file), 'utf8'));
  const idsCache = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    let ids = idsCache.get(file);
    if (!ids) {
      ids = findIds(pages.get(file) ?? '');
      idsCache.set(file, ids);
    }
    return ids;
  };
  const existing = new Set(all);

  const broken: BrokenLink[] = [];
  for (const [file, html] of pages) {
    const page = pagePathOf(file, base);
    for (const link of findLinks(html)) {
      const target = resolveInternal(link, page, options.site);
      if (!target) continue;
      if (options.ignore?.(target.pathname)) continue;
      const reason = brokenReason(target, base, existing, idsOf);
      if (reason) broken.push({ page, link, reason });
    }
  }
  return broken;
}

function tagsOf(html: string): string[] {
  const stripped = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/(<script\b[^>]*>)[\s\S]*?<\/script>/gi, '$1')
    .replace(/(<style\b[^>]*>)[\s\S]*?<\/style>/gi, '$1');
  return stripped.match(/<[a-zA-Z][^>]*>/g) ?? [];
}

/** Decodes the character references HTML and XML share. */
export function decodeEntities(text: string): string {
  // One pass, so `&amp;#…;` stays text; a reference that names no character is U+FFFD, as in HTML.
  const named: Record<string, string> = { quot: '"', apos: "'", lt: '<', gt: '>', amp: '&' };
  return text.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(quot|apos|lt|gt|amp));/gi, (entity, hex?: string, dec?: string, name?: string) => {
    if (name !== undefined) return named[name.toLowerCase()] ?? entity;
    const code = hex !== undefined ? parseInt(hex, 16) : Number(dec);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
  });
}
