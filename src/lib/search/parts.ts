/**
 * The search index in parts: `core` (values, roles, guidelines, boundaries,
 * case studies: what readers ask about most) and the wins, one part per
 * year (`wins-2024`). Each part is its own Pagefind bundle under
 * `<base>pagefind/<part>/`; the browser opens `core` and merges the others
 * with Pagefind's `mergeIndex` (src/scripts/search-engine.ts). A changed win
 * re-indexes only its part (src/integrations/pagefind.ts caches each part by
 * a digest of its records).
 *
 * A part holds about `PART_PAGES` pages at most (`searchPartPlan`):
 * Pagefind holds a part's every page while it writes it, about 200 kB a
 * page, so the largest part sets what Pagefind's process needs on one
 * machine (or one shard). A larger core is cut into `core`, `core-2`, …
 * (each entry by a hash of its id, so an entry stays in its part as others
 * come and go; the parts come out about the same size, not exactly), all
 * opened for the first search; a larger year of wins into quarters
 * (`wins-2024-q3`), or months (`wins-2024-07`) when a quarter is still too
 * large (a month is not cut further). A playbook under the limit keeps one
 * `core` and a part per year.
 *
 * `<base>pagefind/parts.json` lists the parts. It is made from the whole
 * playbook, so every shard of a build writes the same bytes.
 *
 * Pure: the build integration and the browser both use it.
 */
import type { CollectionName } from '../../../schemas/index.ts';

/** The part every search opens first: the one that holds Pagefind's script and WebAssembly. */
export const CORE_PART = 'core';

/** Where the parts live, relative to the base. */
export const SEARCH_PARTS_DIR = 'pagefind/';

/** The manifest's address, relative to the base. */
export const SEARCH_PARTS_FILE = 'pagefind/parts.json';

/**
 * The most pages a part is planned to hold. Pagefind's process peaked at
 * 4.1 GB writing a 19,090-page core (100,000 entries, docs/scale.md), about
 * 160 kB a page on top of the 60 kB a page it holds while pages arrive; at
 * 5,000 pages a part's write needs about 1 GB, and a playbook of 20,000
 * entries still has one core and a part per year.
 */
export const PART_PAGES = 5000;

/** An indexed page, as the plan sees it: its entry, and a win's date. */
export interface PartSubject {
  collection: CollectionName;
  /** The entry's id: a page of every language of one entry goes to the same part. */
  id: string;
  /** A win's date, YYYY-MM-DD. */
  date?: string | undefined;
}

/**
 * The part of every indexed page of a playbook (every language's pages
 * counted, since a part holds them all), planned so that a part holds about
 * `limit` pages at most where the rule allows (a single month of wins is not
 * cut further). Throws for a win without a date.
 */
export function searchPartPlan(subjects: readonly PartSubject[], limit = PART_PAGES): (subject: PartSubject) => string {
  let core = 0;
  const years = new Map<string, { pages: number; quarters: number[]; months: number[] }>();
  for (const subject of subjects) {
    if (subject.collection !== 'wins') {
      core++;
      continue;
    }
    const [year, month] = winDate(subject.date);
    const counts = years.get(year) ?? { pages: 0, quarters: [0, 0, 0, 0], months: new Array<number>(12).fill(0) };
    counts.pages++;
    counts.quarters[Math.floor((month - 1) / 3)]!++;
    counts.months[month - 1]!++;
    years.set(year, counts);
  }
  const coreParts = Math.max(1, Math.ceil(core / limit));
  const cut = new Map<string, 'year' | 'quarter' | 'month'>();
  for (const [year, counts] of years) cut.set(year, counts.pages <= limit ? 'year' : Math.max(...counts.quarters) <= limit ? 'quarter' : 'month');
  return (subject) => {
    if (subject.collection !== 'wins') {
      const bucket = coreParts === 1 ? 0 : fnv1a(`${subject.collection}/${subject.id}`) % coreParts;
      return bucket === 0 ? CORE_PART : `${CORE_PART}-${bucket + 1}`;
    }
    const [year, month] = winDate(subject.date);
    const by = cut.get(year) ?? 'year';
    if (by === 'year') return `wins-${year}`;
    if (by === 'quarter') return `wins-${year}-q${Math.floor((month - 1) / 3) + 1}`;
    return `wins-${year}-${String(month).padStart(2, '0')}`;
  };
}

function winDate(date: string | undefined): [string, number] {
  const match = /^(\d{4})-(\d{2})-/.exec(date ?? '');
  const month = Number(match?.[2]);
  if (!match || month < 1 || month > 12) throw new Error(`A win needs a YYYY-MM-DD date to find its search part; got "${date ?? ''}".`);
  return [match[1]!, month];
}

/** FNV-1a, 32 bits: a stable spread of entries over the core's parts, the same in every shard and every run. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The kind of a part, for the browser: `core` is searched first, wins parts hold only wins. */
export type SearchPartKind = 'core' | 'wins';

export interface SearchPart {
  /** `core`, `core-2`, `wins-2024`, `wins-2024-q3`, `wins-2024-07`: also its folder under `pagefind/`. */
  id: string;
  kind: SearchPartKind;
  /** Wins parts: the year, for "newest first" (newer parts first). */
  year?: number;
}

/** `<base>pagefind/parts.json`. */
export interface SearchPartsManifest {
  /** Bumped when the manifest's shape changes. */
  version: 1;
  /** `core` first, then the core's other parts in order, then wins parts, newest first. */
  parts: SearchPart[];
}

/** The manifest for a set of part ids (any order, repeats allowed): always `core`, then the core's other parts in order, then wins parts newest first. */
export function partsManifest(ids: Iterable<string>): SearchPartsManifest {
  const cores = new Set<number>();
  const wins = new Map<string, number>();
  for (const id of ids) {
    // The core's other parts are numbered from 2: `core` is the first.
    const core = /^core(?:-([2-9]|[1-9]\d+))?$/.exec(id);
    if (core) {
      if (core[1]) cores.add(Number(core[1]));
      continue;
    }
    const win = /^wins-(\d{4})(?:-q[1-4]|-(?:0[1-9]|1[0-2]))?$/.exec(id);
    if (!win) throw new Error(`"${id}" is not a search part: core, core-N, wins-YYYY, wins-YYYY-qN or wins-YYYY-MM.`);
    wins.set(id, Number(win[1]));
  }
  const core: SearchPart[] = [
    { id: CORE_PART, kind: 'core' },
    ...[...cores].sort((a, b) => a - b).map((n): SearchPart => ({ id: `${CORE_PART}-${n}`, kind: 'core' })),
  ];
  // Newest first: ids of one year sort by their quarter or month, and a year is cut one way only.
  const newest = [...wins].sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0)).map(([id, year]): SearchPart => ({ id, kind: 'wins', year }));
  return { version: 1, parts: [...core, ...newest] };
}

/** The manifest as the file holds it: the same bytes for the same parts, from any shard. */
export function manifestText(manifest: SearchPartsManifest): string {
  return `${JSON.stringify(manifest)}\n`;
}

/**
 * The manifest read back; throws with a plain message when it is not one,
 * or when a part is not one `partsManifest` makes (an id that is not `core`
 * or a wins part, such as `../x`, never becomes a path).
 */
export function readManifest(text: string): SearchPartsManifest {
  const value = JSON.parse(text) as Partial<SearchPartsManifest>;
  if (value.version !== 1 || !Array.isArray(value.parts) || value.parts[0]?.id !== CORE_PART)
    throw new Error('pagefind/parts.json is not a search parts manifest (version 1, core first).');
  const ids = value.parts.map((part: Partial<SearchPart> | null) => String(part?.id));
  if (manifestText(partsManifest(ids)) !== manifestText(value as SearchPartsManifest))
    throw new Error('pagefind/parts.json does not list its parts as a build writes them (core and its other parts, then wins newest first).');
  return value as SearchPartsManifest;
}

/**
 * A rendered entry page cut to what Pagefind reads of it: the `<html>` tag
 * (its `lang` picks the part's language index) and the `<main>` element
 * (the only element with `data-pagefind-body`; every word Pagefind indexes
 * is inside it), with the entry's search record (`recordMarkup`: filters,
 * meta, sort key; the page itself does not carry them) first inside it.
 * Undefined for a page Pagefind would leave out: no `data-pagefind-body`
 * (a retired entry).
 */
export function searchDocument(html: string, record = ''): string | undefined {
  const start = html.search(/<main[\s>]/);
  const end = html.lastIndexOf('</main>');
  if (start < 0 || end < start) return undefined;
  const main = html.slice(start, end + '</main>'.length);
  const openingEnd = main.indexOf('>') + 1;
  const opening = main.slice(0, openingEnd);
  if (!/\sdata-pagefind-body[\s=>]/.test(opening)) return undefined;
  const htmlTag = /<html[^>]*>/.exec(html)?.[0] ?? '<html>';
  return `<!doctype html>${htmlTag}<head></head><body>${opening}${record}${main.slice(openingEnd)}</body></html>`;
}
