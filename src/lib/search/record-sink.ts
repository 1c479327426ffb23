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

export function installIndexedPages(source: IndexedPagesSource | undefined): void {
  (globalThis as WithSource)[SOURCE] = source;
}

export function indexedPagesSource(): IndexedPagesSource | undefined {
  return (globalThis as WithSource)[SOURCE];
}

export function installRecordSink(sink: SearchRecordSink | undefined): void {
  (globalThis as WithSink)[SINK] = sink;
}

export function recordSink(): SearchRecordSink | undefined {
  return (globalThis as WithSink)[SINK];
}
