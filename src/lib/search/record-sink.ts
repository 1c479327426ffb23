/**
 * How rendered entry pages reach the search indexer during `astro build`:
 * the build integration (src/integrations/pagefind.ts) installs a sink
 * before Astro renders, and the search middleware
 * (src/integrations/pagefind-records.ts), which runs inside the same Node
 * process as each page is rendered, hands it every entry page's search
 * document. Outside a build (the dev server, tests) there is no sink and
 * the middleware does nothing.
 */

/** An indexed page: its address without the base (`/fr-ca/wins/x/`) and its part of the index. */
export interface ExpectedPage {
  url: string;
  part: string;
  /** The page's cache key in this build (src/data/playbook.ts): the indexer feeds a page whose key did not change before rendering ends. */
  cacheKey?: string;
  /**
   * The digest of the page's own entry (`entryDigest`: its fields and body, its links as ids). One the last build did not
   * have means the page's search document changed, so its part goes to Pagefind from the first page rendered.
   */
  sourceDigest?: string;
}

export interface SearchRecordSink {
  /**
   * Every page the index holds, from the whole playbook (every language's
   * published entries): called once, before the first record.
   */
  expect(pages: readonly ExpectedPage[]): void;
  /** A rendered entry page: `document` is its search document (`searchDocument`), undefined when Pagefind leaves it out (retired). */
  add(url: string, part: string, document: string | undefined): void;
}

const SINK = Symbol.for('latitude.search.record-sink');

type WithSink = typeof globalThis & { [SINK]?: SearchRecordSink | undefined };

/**
 * Every page the index holds, from the playbook model (src/data/playbook.ts
 * installs it when the build loads the model): a build asks it, before any
 * page renders, which pages go first and, for a shard, which pages go with
 * which part (src/integrations/shard.ts).
 */
export type IndexedPagesSource = () => Promise<ExpectedPage[]>;

const SOURCE = Symbol.for('latitude.search.indexed-pages');

type WithSource = typeof globalThis & { [SOURCE]?: IndexedPagesSource | undefined };

const WAITING = Symbol.for('latitude.search.indexed-pages-waiting');
const EXPECTED = Symbol.for('latitude.search.expected-parts');

type WithWaiting = typeof globalThis & {
  [WAITING]?: ((source: IndexedPagesSource) => void)[];
  [EXPECTED]?: WeakMap<SearchRecordSink, Promise<ReadonlyMap<string, string>>>;
};

export function installIndexedPages(source: IndexedPagesSource | undefined): void {
  (globalThis as WithSource)[SOURCE] = source;
  if (source) for (const resolve of (globalThis as WithWaiting)[WAITING]?.splice(0) ?? []) resolve(source);
}

export function indexedPagesSource(): IndexedPagesSource | undefined {
  return (globalThis as WithSource)[SOURCE];
}

/** The list's source as soon as the model's module installs it (at once when it has). */
export function whenIndexedPages(): Promise<IndexedPagesSource> {
  const source = indexedPagesSource();
  if (source) return Promise.resolve(source);
  return new Promise((resolve) => ((globalThis as WithWaiting)[WAITING] ??= []).push(resolve));
}

/**
 * Tells `sink` every page the index holds, once, and answers each page's
 * part by address. Whoever asks first makes the list: the render order, as
 * soon as the model is built (src/integrations/shard.ts), or else the first
 * page's search middleware (src/integrations/pagefind-records.ts). Kept on
 * the global object: the middleware runs in the site's bundle, with its own
 * copy of this module.
 */
export function expectIndexedPages(sink: SearchRecordSink, source: IndexedPagesSource): Promise<ReadonlyMap<string, string>> {
  const all = ((globalThis as WithWaiting)[EXPECTED] ??= new WeakMap());
  let parts = all.get(sink);
  if (!parts) {
    parts = source().then((pages) => {
      sink.expect(pages);
      return new Map(pages.map((page) => [page.url, page.part]));
    });
    all.set(sink, parts);
  }
  return parts;
}

export function installRecordSink(sink: SearchRecordSink | undefined): void {
  (globalThis as WithSink)[SINK] = sink;
}

export function recordSink(): SearchRecordSink | undefined {
  return (globalThis as WithSink)[SINK];
}
