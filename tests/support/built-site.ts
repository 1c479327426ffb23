/**
 * Reading a built site the way a browser and a search index would: every
 * file in it, each HTML page parsed by a real HTML parser (hast, via
 * parse5), and Pagefind's gzip-compressed index files decompressed.
 * For the security tests (hostile content, draft canary, determinism).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { filesUnder } from '../../src/lib/scale/files-under.ts';

/** CSS selectors over a parsed page (hast-util-select): the one way tests find things in built HTML. */
export { select, selectAll };

/** Every file under `dir`, as sorted `/`-separated paths relative to it. */
export async function filesIn(dir: string): Promise<string[]> {
  return filesUnder(dir).sort();
}

/**
 * How two built sites differ: files only one of them has, and files both
 * have with other bytes. A rebuild must publish what a cold build does:
 * all three empty.
 */
export async function siteDifferences(a: string, b: string): Promise<{ onlyFirst: string[]; onlySecond: string[]; differing: string[] }> {
  const [first, second] = await Promise.all([filesIn(a), filesIn(b)]);
  const inSecond = new Set(second);
  const inFirst = new Set(first);
  const differing: string[] = [];
  for (const file of first.filter((name) => inSecond.has(name))) {
    const [x, y] = await Promise.all([readFile(path.join(a, file)), readFile(path.join(b, file))]);
    if (!x.equals(y)) differing.push(file);
  }
  return { onlyFirst: first.filter((name) => !inSecond.has(name)), onlySecond: second.filter((name) => !inFirst.has(name)), differing };
}

/** A page parsed as a browser parses it. */
export function parsePage(html: string): Root {
  return fromHtml(html);
}

/** A page of a built site, parsed. */
export async function readPage(dir: string, file: string): Promise<Root> {
  return parsePage(await readFile(path.join(dir, file), 'utf8'));
}

/** Elements whose text runs on within a line; every other element is set off by a space. */
const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'cite',
  'code',
  'data',
  'dfn',
  'em',
  'i',
  'kbd',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
]);

/**
 * Text as a reader sees it on one line: scripts and styles left out, each
 * block (heading, paragraph, cell, list item…) set off by a space, runs of
 * white space collapsed. `<th>Refund</th><td>$75</td>` → "Refund $75".
 */
export function visibleText(node: Root | RootContent): string {
  const walk = (current: Root | RootContent): string => {
    if (current.type === 'text') return current.value;
    if (current.type === 'root') return current.children.map(walk).join('');
    if (current.type !== 'element' || current.tagName === 'script' || current.tagName === 'style') return '';
    const inner = current.children.map(walk).join('') + (current.content ? walk(current.content) : '');
    return INLINE.has(current.tagName) ? inner : ` ${inner} `;
  };
  return walk(node).replace(/\s+/g, ' ').trim();
}

/** Every element of a tree, document order, template contents included. */
export function elementsOf(tree: Root | Element): Element[] {
  const found: Element[] = [];
  const visit = (nodes: readonly RootContent[]) => {
    for (const node of nodes) {
      if (node.type !== 'element') continue;
      found.push(node);
      visit(node.children);
      if (node.content) visit(node.content.children);
    }
  };
  visit(tree.children);
  return found;
}

/** The elements with a tag name. */
export function byTag(tree: Root | Element, tag: string): Element[] {
  return elementsOf(tree).filter((element) => element.tagName === tag);
}

/** An element's textContent, as the DOM computes it. */
export function textOf(node: Element | Root | RootContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element' || node.type === 'root') {
    const own = node.children.map(textOf).join('');
    return node.type === 'element' && node.content ? own + textOf(node.content) : own;
  }
  return '';
}

/** An attribute as the DOM reads it (`class` joined with spaces), or undefined. */
export function attribute(element: Element, name: string): string | undefined {
  const key = name === 'class' ? 'className' : name === 'for' ? 'htmlFor' : name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
  const value = element.properties[key] ?? element.properties[name];
  if (value === undefined || value === null || value === false) return undefined;
  if (Array.isArray(value)) return value.join(name === 'class' ? ' ' : ',');
  return value === true ? '' : String(value);
}

/** Pagefind's index files: gzip-compressed (its `.pagefind` WebAssembly files are too). */
export const PAGEFIND_COMPRESSED = ['.pf_meta', '.pf_index', '.pf_fragment', '.pf_filter'];

/** True when bytes start with the gzip magic number. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * A file of the build as the bytes a reader or a search would see: gzip
 * files (Pagefind's index) are decompressed, the rest is returned as stored.
 */
export async function readDecoded(dir: string, file: string): Promise<Buffer> {
  const bytes = await readFile(path.join(dir, file));
  return isGzip(bytes) ? gunzipSync(bytes) : bytes;
}

/**
 * Pagefind's fragments (one per indexed page) as JSON: each decompressed
 * file starts with the marker `pagefind_dcd`, then the JSON record.
 */
export async function pagefindFragments(
  dir: string,
): Promise<{ file: string; url: string; content: string; meta: Record<string, string>; filters: Record<string, string[]> }[]> {
  const files = (await filesIn(dir)).filter((file) => file.endsWith('.pf_fragment'));
  return Promise.all(
    files.map(async (file) => {
      const text = (await readDecoded(dir, file)).toString('utf8');
      const json = text.slice(text.indexOf('{'));
      return { file, ...(JSON.parse(json) as { url: string; content: string; meta: Record<string, string>; filters: Record<string, string[]> }) };
    }),
  );
}
