/**
 * Where dist/'s bytes go (issue 20, item 5): every built file by kind — HTML
 * pages by route kind, the Pagefind index, bundled assets, pictures, JSON
 * data — and what every HTML page repeats (the chrome: head and policy,
 * inline scripts, header, footer, scoped-style class names). For
 * `npm run bench`; also runs alone: `node bench/dist-breakdown.ts [dist]`.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { builtFiles } from '../src/integrations/offline.ts';

export interface DistKind {
  kind: string;
  files: number;
  bytes: number;
}

export interface PageChrome {
  /** HTML pages measured. */
  pages: number;
  /** Average bytes per page of each part that pages repeat. */
  perPage: Record<string, number>;
  /** The page with the most bytes outside <main>. */
  largest: { path: string; bytes: number };
}

/** The part of a page outside its <main>: what every page repeats. */
export const CHROME = 'outside <main> (the chrome)';

export interface DistBreakdown {
  bytes: number;
  kinds: DistKind[];
  chrome: PageChrome;
}

const ENTRY_COLLECTIONS = ['values', 'roles', 'guidelines', 'boundaries', 'case-studies', 'wins'];

/** The kind of one built file, by its path in dist/ (a language prefix such as `fr-ca/` is ignored). */
export function kindOf(file: string): string {
  const rel = file.replace(/^[a-z]{2}(-[a-z]{2})?\/(?=.)/, (prefix) => (/^(fr|de|es|it|nl|pt)(-[a-z]{2})?\/$/.test(prefix) ? '' : prefix));
  if (rel.startsWith('pagefind/')) return 'search index (pagefind/)';
  if (/\.(png|jpe?g|webp|avif|gif|svg|ico)$/.test(rel)) return 'pictures and icons';
  if (rel.startsWith('_astro/') || rel.startsWith('_latitude/')) return 'scripts and styles (_astro/, _latitude/)';
  if (rel.endsWith('.json')) {
    if (rel.startsWith('can-i/')) return 'JSON: can-i/<role>.json';
    if (/^roles\/[^/]+\/changes\.json$/.test(rel)) return 'JSON: roles/<role>/changes.json';
    return 'JSON: whole-playbook files (authority, playbook, …)';
  }
  if (!rel.endsWith('.html')) return 'other files (feeds, CSV, llms.txt, sw.js, …)';
  const parts = rel.split('/');
  const [first] = parts;
  if (parts.length === 3 && ENTRY_COLLECTIONS.includes(first!) && parts[1] !== 'page') return `HTML: ${first} entry pages`;
  // The floor's wins sit under their year folder: wins/2025/win-1/index.html.
  if (parts.length === 4 && first === 'wins' && /^\d{4}$/.test(parts[1]!)) return 'HTML: wins entry pages';
  if (first === 'roles' && parts.length === 4) return `HTML: role ${parts[2]} pages`;
  if (ENTRY_COLLECTIONS.includes(first!)) return 'HTML: collection listings and their pages';
  if (first === 'can-i' || first === 'changes' || first === 'ladders' || first === 'results') return `HTML: ${first}/ pages`;
  return 'HTML: other pages (home, search, review, 404, …)';
}

/**
 * The parts of one page that every page repeats, in bytes: the <head>
 * (policy, links, meta), the inline scripts, the site header and footer,
 * and the scoped-style class names (` astro-xxxxxxxx`) on every element.
 */
export function chromeOf(html: string): Record<string, number> {
  const size = (text: string | undefined) => Buffer.byteLength(text ?? '');
  const head = /<head>[\s\S]*?<\/head>/.exec(html)?.[0];
  const policy = /<meta http-equiv="content-security-policy"[^>]*>/.exec(html)?.[0];
  const inlineScripts = [...html.matchAll(/<script(?![^>]*\bsrc=)(?![^>]*type="application\/json")[^>]*>[\s\S]*?<\/script>/g)].map((m) => m[0]);
  const header = /<header class="site-header[\s\S]*?<\/header>(?=<main)/.exec(html)?.[0];
  const footer = /<footer class="site-footer[\s\S]*?<\/footer>/.exec(html)?.[0];
  const scopeClasses = [...html.matchAll(/ astro-[a-z0-9]{8}/g)].length * ' astro-xxxxxxxx'.length;
  const main = /<main[\s>][\s\S]*<\/main>/.exec(html)?.[0];
  return {
    page: size(html),
    [CHROME]: size(html) - size(main),
    head: size(head),
    'policy (CSP meta)': size(policy),
    'inline scripts': inlineScripts.reduce((sum, s) => sum + size(s), 0),
    'site header (incl. its inline scripts)': size(header),
    'site footer': size(footer),
    'scoped-style class names': scopeClasses,
  };
}

export async function distBreakdown(dir: string): Promise<DistBreakdown> {
  const files = builtFiles(dir);
  const kinds = new Map<string, DistKind>();
  for (const file of files) {
    const kind = kindOf(file.path);
    const row = kinds.get(kind) ?? { kind, files: 0, bytes: 0 };
    row.files++;
    row.bytes += file.size;
    kinds.set(kind, row);
  }
  const pages = files.filter((f) => f.path.endsWith('.html'));
  const sums: Record<string, number> = {};
  let largest = { path: '', bytes: 0 };
  for (const page of pages) {
    const parts = chromeOf(await readFile(path.join(dir, page.path), 'utf8'));
    for (const [part, bytes] of Object.entries(parts)) sums[part] = (sums[part] ?? 0) + bytes;
    if (parts[CHROME]! > largest.bytes) largest = { path: page.path, bytes: parts[CHROME]! };
  }
  const perPage = Object.fromEntries(Object.entries(sums).map(([part, bytes]) => [part, Math.round(bytes / Math.max(pages.length, 1))]));
  return {
    bytes: files.reduce((sum, f) => sum + f.size, 0),
    kinds: [...kinds.values()].sort((a, b) => b.bytes - a.bytes),
    chrome: { pages: pages.length, perPage, largest },
  };
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;

export function formatDistBreakdown(b: DistBreakdown): string {
  const lines = [`dist/: ${mb(b.bytes)}`];
  for (const k of b.kinds)
    lines.push(
      `  ${k.kind.padEnd(52)} ${String(k.files).padStart(6)} files  ${mb(k.bytes).padStart(10)}  ${((k.bytes / b.bytes) * 100).toFixed(1).padStart(5)}%`,
    );
  lines.push(`What an HTML page repeats (average over ${b.chrome.pages} pages, bytes):`);
  for (const [part, bytes] of Object.entries(b.chrome.perPage)) lines.push(`  ${part.padEnd(52)} ${String(bytes).padStart(8)}`);
  lines.push(`  ${'largest outside <main>'.padEnd(52)} ${String(b.chrome.largest.bytes).padStart(8)}  ${b.chrome.largest.path}`);
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(formatDistBreakdown(await distBreakdown(path.resolve(process.argv[2] ?? 'dist'))));
}
