/**
 * The search behind both the header box and the search page: Pagefind's own
 * JS API (`pagefind.js`, loaded from the index's `core` part,
 * `<base>pagefind/core/`), the playbook's synonyms, and result data loaded
 * only for the results on screen.
 *
 * The index is in parts (src/lib/search/parts.ts, listed by
 * `<base>pagefind/parts.json`): `core` holds values, roles, guidelines,
 * boundaries and case studies (a large core also `core-2`, …, merged at
 * once); each year of wins is a part of its own (a large year one per
 * quarter or month). A search looks in the core alone until the reader asks
 * for wins: when the core
 * has fewer results than the box or the page shows, when they go past its
 * results ("Show more results"), choose the wins kind or "newest first".
 * Then the wins parts are merged with Pagefind's `mergeIndex` (results from
 * all parts ranked together by score, filters and counts added up; results
 * already on screen keep their place, `SearchOutcome.widen`). Merged parts
 * are searched with the core's WebAssembly, so a part costs only its page
 * list and the index chunks a query needs. Once merged, the wins stay merged
 * for the page. Pagefind searches a word an index lacks as the longest
 * prefix of it the index has, and each merged part does so on its own: a
 * word only the core has can bring low-ranked stand-in matches from wins.
 *
 * Why our own small UI on the raw API rather than Pagefind's Default UI
 * (pagefind-ui.js) or Component UI (pagefind-component-ui.js): measured with
 * `node bench/search.ts` on a generated 10,000-entry playbook (gzip, Chromium,
 * median of 3 fresh profiles per run, three runs on a shared 2-core machine; first
 * query "refund", then "courier"):
 *
 *   UI                          first query   second query   last key → results
 *   this UI, header box          159–164 kB    23–25 kB          0.2 s
 *   this UI, /search/ page       160–167 kB    25–27 kB          0.3–0.4 s
 *   Pagefind Default UI          285 kB        23–25 kB          0.7–1.0 s
 *   Pagefind Component UI        300 kB          8–9 kB          1.9–3.6 s
 *
 * Both ready-made UIs load every filter's index up front (86 kB here) and
 * 55–65 kB of their own script; the Component UI was slow on broad queries.
 * Neither shows a boundary's limits without templating, and ours also runs
 * synonyms, which Pagefind 1.6 lacks. Of our ~160 kB, Pagefind's wasm is
 * 58 kB and its page list 51 kB; the wins' date sort adds 23 kB (137–141 kB
 * without it). The search runs on the main thread (`noWorker`): it takes
 * milliseconds, and the worker script would add about 13 kB.
 */
import { PAGEFIND_SCRIPT, SYNONYMS_FILE } from '../lib/search/addresses.ts';
import { CORE_PART, readManifest, SEARCH_PARTS_DIR, SEARCH_PARTS_FILE, type SearchPart } from '../lib/search/parts.ts';
import { hasFilters, pagefindFilters, type SearchState } from '../lib/search/filters.ts';
import { splitLimitLines } from '../lib/search/meta.ts';
import { SEARCH_META_WEIGHTS } from '../lib/search/weights.ts';
import { worthPreloading } from '../lib/search/typing.ts';
import { expandQuery, mergeRanked, type SynonymMap } from '../lib/search/synonyms.ts';
import { withBase } from '../lib/links/href.ts';
import { pageHref, pageWords } from './page-words.ts';

/** What a result shows. */
export interface SearchHit {
  url: string;
  title: string;
  /** "Boundary", "Win", … in the page's language. */
  type: string;
  /** The language of the page's words when they are not the index's own (an entry not yet translated): `en-GB`. */
  language: string | undefined;
  summary: string;
  /** Boundaries: "Store associate: up to £75 per case", one per role. */
  limits: string[];
  /** Pagefind's excerpt: HTML-escaped text with `<mark>` around matches, safe as innerHTML. */
  excerpt: string;
}

export interface SearchOutcome {
  /** Every matching page (of the parts searched). */
  total: number;
  /** Whether every part that may hold a match was searched: false while the wins are left out. */
  complete: boolean;
  /** Data for results `from` to `from + count`. */
  hits(from: number, count: number): Promise<SearchHit[]>;
  /**
   * The same search over every part: these results first, in their order,
   * then the wins' (ranked among themselves), so results on screen stay
   * where they are. Itself when complete.
   */
  widen(): Promise<SearchOutcome>;
}

interface PagefindFragment {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}

interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindFragment>;
}

interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(indexPath: string, options?: Record<string, unknown>): Promise<void>;
  preload(term: string, options?: Record<string, unknown>): Promise<void>;
  search(term: string | null, options?: Record<string, unknown>): Promise<{ results: PagefindResult[] } | null>;
}

/**
 * A synthetic filter every merged wins part carries (Pagefind's `mergeFilter`):
 * "newest first" sorts wins by date, and the core part has no date to sort
 * by, so that order asks for this filter and gets the wins alone, as one
 * index gave them.
 */
const WINS_PART_FILTER = 'searchPart';

export interface SearchEngine {
  /**
   * Searches what a first look needs: the index's `core` part alone, until
   * the wins are asked for ("newest first", the wins kind among the type
   * filters, or `widen()` once), then every part.
   */
  search(state: SearchState): Promise<SearchOutcome>;
  /** Fetches the index chunks for a half-typed query, once its last word is long enough to narrow them (src/lib/search/typing.ts). */
  preload(query: string): void;
}

const base = import.meta.env.BASE_URL;
let engine: Promise<SearchEngine> | undefined;

/** The one engine of the page, loaded on first use. */
export function loadSearchEngine(): Promise<SearchEngine> {
  engine ??= createEngine().catch((error: unknown) => {
    engine = undefined; // let a later attempt retry
    throw error;
  });
  return engine;
}

async function createEngine(): Promise<SearchEngine> {
  const [pagefind, synonyms, parts] = await Promise.all([
    import(/* @vite-ignore */ withBase(PAGEFIND_SCRIPT, base)) as Promise<PagefindApi>,
    loadSynonyms(),
    loadParts(),
  ]);
  // Options every part is searched with: Pagefind's `options` sets the core's only.
  const shared = {
    baseUrl: withBase('', base),
    excerptLength: 24,
    // Boundary pages are long (grants, ladder, examples); without this,
    // short win stories that mention a word once outrank the boundary about it.
    ranking: { pageLength: 0.3, metaWeights: SEARCH_META_WEIGHTS },
  };
  await pagefind.options({
    ...shared,
    // Searching a playbook takes milliseconds on the main thread; the worker
    // would cost another 12 kB (gzip) before the first result.
    noWorker: true,
  });
  await pagefind.init();
  // A large core comes in several parts (parts.ts: about 5,000 pages each at most); the first search looks in all of them.
  await Promise.all(
    parts
      .filter((part) => part.kind === 'core' && part.id !== CORE_PART)
      .map((part) => pagefind.mergeIndex(withBase(`${SEARCH_PARTS_DIR}${part.id}/`, base), shared)),
  );
  const wins = parts.filter((part) => part.kind === 'wins');
  const merged = new Set<string>();
  let merging: Promise<boolean> | undefined;
  /**
   * Merges the wins parts not merged yet, newest first (results of
   * equal score keep this order); true once every part is in. A part that
   * cannot be reached (offline, and not stored on this device) is left out
   * for now and tried again on the next search: Pagefind would otherwise
   * keep a part it could not open and wait on it.
   */
  const mergeWins = () =>
    (merging ??= (async () => {
      const folders = wins.filter((part) => !merged.has(part.id)).map((part) => ({ id: part.id, folder: withBase(`${SEARCH_PARTS_DIR}${part.id}/`, base) }));
      const reachable = await Promise.all(
        folders.map(({ folder }) =>
          fetch(`${folder}pagefind-entry.json`).then(
            (r) => r.ok,
            () => false,
          ),
        ),
      );
      const ready = folders.filter((_, i) => reachable[i]);
      await Promise.all(ready.map(({ folder }) => pagefind.mergeIndex(folder, { ...shared, mergeFilter: { [WINS_PART_FILTER]: ['wins'] } })));
      for (const { id } of ready) merged.add(id);
      const all = merged.size === wins.length;
      if (!all) merging = undefined;
      return all;
    })());
  const cache = new Map<string, Promise<SearchHit>>();
  const hitFor = (result: PagefindResult) => {
    let hit = cache.get(result.id);
    if (!hit) {
      hit = result.data().then(toHit);
      cache.set(result.id, hit);
    }
    return hit;
  };

  const winsKind = (await pageWords('search')).t('kind.wins');
  /** Whether a search may find wins: no type filter, or the wins among the types. */
  const mayFindWins = (state: SearchState) => !state.filters.type?.length || state.filters.type.includes(winsKind);

  const find = async (state: SearchState): Promise<PagefindResult[]> => {
    const query = state.query.trim();
    const newest = state.order === 'newest';
    const filters = { ...pagefindFilters(state.filters), ...(newest ? { [WINS_PART_FILTER]: 'wins' } : {}) };
    const options = { filters, ...(newest ? { sort: { date: 'desc' } } : {}) };
    const run = async (term: string | null) => (await pagefind.search(term, options))?.results ?? [];
    const [typed, ...viaSynonyms] = await Promise.all([run(query || null), ...(query ? expandQuery(query, synonyms) : []).map(run)]);
    // A date order is Pagefind's own; synonym-only finds follow it rather than interleave by score.
    return newest ? mergeInOrder(typed!, viaSynonyms) : mergeRanked(typed!, viaSynonyms);
  };

  const outcome = (state: SearchState, results: readonly PagefindResult[], complete: boolean): SearchOutcome => {
    const self: SearchOutcome = {
      total: results.length,
      complete,
      hits: (from, count) => Promise.all(results.slice(from, from + count).map(hitFor)),
      async widen() {
        if (self.complete) return self;
        const all = await mergeWins();
        return outcome(state, mergeInOrder(results, [await find(state)]), all);
      },
    };
    return self;
  };

  return {
    preload(query) {
      if (worthPreloading(query)) void pagefind.preload(query.trim());
    },
    async search(state) {
      const newest = state.order === 'newest';
      const empty = !state.query.trim() && !hasFilters(state.filters) && !newest;
      const all = !empty && (newest || (merged.size > 0 && mayFindWins(state))) ? await mergeWins() : merged.size === wins.length;
      const complete = all || !mayFindWins(state);
      return outcome(state, empty ? [] : await find(state), complete || empty);
    },
  };
}

/** The index's parts (`<base>pagefind/parts.json`): `core` alone when the list cannot be read. */
async function loadParts(): Promise<SearchPart[]> {
  try {
    const response = await fetch(withBase(SEARCH_PARTS_FILE, base));
    return response.ok ? readManifest(await response.text()).parts : [{ id: CORE_PART, kind: 'core' }];
  } catch {
    return [{ id: CORE_PART, kind: 'core' }];
  }
}

let synonymsLoaded: Promise<SynonymMap> | undefined;

/** The synonyms of the page's language, fetched once per page (the search answer card uses them too). */
export function loadSynonyms(): Promise<SynonymMap> {
  synonymsLoaded ??= fetchSynonyms();
  return synonymsLoaded;
}

async function fetchSynonyms(): Promise<SynonymMap> {
  try {
    const response = await fetch(pageHref(SYNONYMS_FILE));
    return response.ok ? ((await response.json()) as SynonymMap) : {};
  } catch {
    return {}; // search still works on the words typed
  }
}

function toHit(data: PagefindFragment): SearchHit {
  return {
    url: data.url,
    title: data.meta.title ?? data.url,
    type: data.filters.type?.[0] ?? '',
    language: data.meta.language,
    summary: data.meta.summary ?? '',
    limits: splitLimitLines(data.meta.limits),
    excerpt: data.excerpt,
  };
}

/** `first` in its order, then what `rest` adds, each once. */
function mergeInOrder<R extends { id: string }>(first: readonly R[], rest: readonly (readonly R[])[]): R[] {
  const seen = new Set(first.map((r) => r.id));
  return [...first, ...rest.flat().filter((r) => !seen.has(r.id) && seen.add(r.id))];
}
