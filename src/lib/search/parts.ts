/**
 * The search index in parts: `core` (values, roles, guidelines, boundaries,
 * case studies: what readers ask about most) and the wins, one part per
 * year (`wins-2024`). Each part is its own Pagefind bundle under
 * `<base>pagefind/<part>/`; the browser opens `core` and merges the others
 * with Pagefind's `mergeIndex` (src/scripts/search-engine.ts). A changed win
 * re-indexes only its year's part (src/integrations/pagefind.ts caches each
 * part by a digest of its records).
 *
 * `<base>pagefind/parts.json` lists the parts. It is made from the whole
 * playbook, so every shard of a build writes the same bytes.
 *
 * Pure: the build integration and the browser both use it.
 */
import type { CollectionName } from '../../../schemas/index.ts';

/** The part every search opens first. */
export const CORE_PART = 'core';

/** Where the parts live, relative to the base. */
export const SEARCH_PARTS_DIR = 'pagefind/';

/** The manifest's address, relative to the base. */
export const SEARCH_PARTS_FILE = 'pagefind/parts.json';

/** The part of the index an entry's page belongs to: its win's year, or `core`. */
export function searchPartOf(collection: CollectionName, date?: string): string {
  if (collection !== 'wins') return CORE_PART;
  const year = /^(\d{4})-/.exec(date ?? '')?.[1];
  if (!year) throw new Error(`A win needs a YYYY-MM-DD date to find its search part; got "${date ?? ''}".`);
  return `wins-${year}`;
}

/** The kind of a part, for the browser: `core` is searched first, wins parts hold only wins. */
export type SearchPartKind = 'core' | 'wins';

export interface SearchPart {
  /** `core`, `wins-2024`: also its folder under `pagefind/`. */
  id: string;
  kind: SearchPartKind;
  /** Wins parts: the year, for "newest first" (newer parts first). */
  year?: number;
}

/** `<base>pagefind/parts.json`. */
export interface SearchPartsManifest {
  /** Bumped when the manifest's shape changes. */
  version: 1;
  /** `core` first, then wins parts, newest year first. */
  parts: SearchPart[];
}

/** The manifest for a set of part ids (any order, repeats allowed): always `core`, then wins parts newest first. */
export function partsManifest(ids: Iterable<string>): SearchPartsManifest {
  const years = new Set<number>();
  for (const id of ids) {
    if (id === CORE_PART) continue;
    const match = /^wins-(\d{4})$/.exec(id);
    if (!match) throw new Error(`"${id}" is not a search part: core or wins-YYYY.`);
    years.add(Number(match[1]));
  }
  const wins = [...years].sort((a, b) => b - a).map((year): SearchPart => ({ id: `wins-${year}`, kind: 'wins', year }));
  return { version: 1, parts: [{ id: CORE_PART, kind: 'core' }, ...wins] };
}

/** The manifest as the file holds it: the same bytes for the same parts, from any shard. */
export function manifestText(manifest: SearchPartsManifest): string {
  return `${JSON.stringify(manifest)}\n`;
}

/**
 * The manifest read back; throws with a plain message when it is not one,
 * or when a part is not one `partsManifest` makes (an id that is not `core`
 * or `wins-YYYY`, such as `../x`, never becomes a path).
 */
export function readManifest(text: string): SearchPartsManifest {
  const value = JSON.parse(text) as Partial<SearchPartsManifest>;
  if (value.version !== 1 || !Array.isArray(value.parts) || value.parts[0]?.id !== CORE_PART)
    throw new Error('pagefind/parts.json is not a search parts manifest (version 1, core first).');
  const ids = value.parts.map((part: Partial<SearchPart> | null) => String(part?.id));
  if (manifestText(partsManifest(ids)) !== manifestText(value as SearchPartsManifest))
    throw new Error('pagefind/parts.json does not list its parts as a build writes them (core, then wins-YYYY newest first).');
  return value as SearchPartsManifest;
}

/**
 * A rendered entry page cut to what Pagefind reads of it: the `<html>` tag
 * (its `lang` picks the part's language index) and the `<main>` element
 * (the only element with `data-pagefind-body`; everything Pagefind indexes,
 * filters, meta and sort keys included, is inside it). Undefined for a page
 * Pagefind would leave out: no `data-pagefind-body` (a retired entry).
 */
export function searchDocument(html: string): string | undefined {
  const start = html.search(/<main[\s>]/);
  const end = html.lastIndexOf('</main>');
  if (start < 0 || end < start) return undefined;
  const main = html.slice(start, end + '</main>'.length);
  const opening = main.slice(0, main.indexOf('>') + 1);
  if (!/\sdata-pagefind-body[\s=>]/.test(opening)) return undefined;
  const htmlTag = /<html[^>]*>/.exec(html)?.[0] ?? '<html>';
  return `<!doctype html>${htmlTag}<head></head><body>${main}</body></html>`;
}
