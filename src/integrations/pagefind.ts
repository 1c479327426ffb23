/**
 * Search: Pagefind indexes the entry pages while `astro build` renders them.
 * The search middleware (src/integrations/pagefind-records.ts) hands each
 * rendered entry page's search document (its `<main>`, the only element
 * with `data-pagefind-body`) to this integration, which feeds it to
 * Pagefind's own process at once, so indexing runs beside rendering and
 * nothing reads the built pages back. Listings, review, changes, "Can I…?"
 * and the search page are not entry pages; retired entries are not in the
 * model's published lists (and their pages carry no marker); drafts have no
 * page at all. Pagefind keys its indexes on each page's `<html lang>`, so
 * every language keeps its own index, stemmed in that language.
 *
 * The index is in parts (src/lib/search/parts.ts): `core` and one part per
 * year of wins, each its own bundle under `<outDir>/pagefind/<part>/`, listed
 * by `<outDir>/pagefind/parts.json`. Each part is cached by a digest of its
 * pages' search documents: a part none of whose pages changed is copied
 * from the last build, so one changed win re-indexes only its year. Pages an
 * incremental build restores instead of rendering keep their search
 * document from the last build's record cache.
 *
 * A shard of a build (`LATITUDE_SHARD`, src/lib/scale/shard.ts) owns whole
 * parts (`partOwners`) and renders every page of each: it writes the whole
 * manifest and its own parts, finished, in the same order and bytes as a
 * whole build, so the merge only copies them.
 *
 * It also emits the header's search box script at a fixed address,
 * `<base>_latitude/search-box.js`, so an inline bootstrap can load it the
 * moment someone focuses the box — content pages load no script before that.
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { cp, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { lastPageKeys } from './kept-pages.ts';
import type { Plugin } from 'vite';
import { SEARCH_BOX_SCRIPT } from '../lib/search/addresses.ts';
import { CORE_PART, manifestText, partsManifest, SEARCH_PARTS_FILE } from '../lib/search/parts.ts';
import { pagesToFeedAhead, partChangedForSure } from '../lib/search/feed-ahead.ts';
import { RecordStore } from '../lib/search/record-store.ts';
import { installRecordSink, type ExpectedPage, type SearchRecordSink } from '../lib/search/record-sink.ts';
import { isLinkedTree, linkTree } from '../lib/scale/link-tree.ts';
import { currentShard, partOwners, type Shard } from '../lib/scale/shard.ts';

/**
 * Pagefind's own UIs, which the playbook does not use (see src/scripts/search-engine.ts for why):
 * removed after indexing so only one search UI ships.
 */
export const UNUSED_BUNDLE_FILES = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
];

/**
 * A page that only marks a part as using `data-pagefind-body`: every
 * search document has the marker, but a part must never fall back to
 * indexing whole pages. The marked element is empty, so the page itself is
 * never a result.
 */
const BODY_MARKER_PAGE = '<!doctype html><html lang="en"><head><title>-</title></head><body><div data-pagefind-body></div></body></html>';
const BODY_MARKER_URL = '/_latitude/search-marker/';

/**
 * The search documents' digests of the last build's pages, in the indexer's
 * cache folder: a page a rebuild restores has the same record, so the same
 * digest, and its record need not be read again to check its part.
 */
const DIGESTS_FILE = 'digests.json';

/** The last build's pages (`ExpectedPage`), in the indexer's cache folder: for a build that renders none, and to tell what changed. */
const PAGES_FILE = 'pages.json';

/**
 * The last build's digests; the file is removed once read, so a build that
 * stops before writing its own (its records maybe newer) leaves none, and
 * the next one reads the records.
 */
async function lastDigestsOf(file: string): Promise<Map<string, string>> {
  try {
    const digests = new Map(Object.entries(JSON.parse(await readFile(file, 'utf8')) as Record<string, string>));
    await rm(file, { force: true });
    return digests;
  } catch {
    return new Map();
  }
}

/** Bumped when what a part's cache holds changes shape (Pagefind's own version goes with it: `cacheVersion`). */
const CACHE_VERSION = 'parts-3';

/** The cache's version with the installed Pagefind's, so an upgrade of Pagefind indexes every part again. */
async function cacheVersion(root: string): Promise<string> {
  try {
    const { version } = JSON.parse(await readFile(path.join(root, 'node_modules/pagefind/package.json'), 'utf8')) as { version: string };
    return `${CACHE_VERSION} pagefind-${version}`;
  } catch {
    return CACHE_VERSION;
  }
}

export function playbookSearch(): AstroIntegration {
  let cacheDir = '';
  let version: Promise<string> = Promise.resolve(CACHE_VERSION);
  let indexer: PartIndexer | undefined;
  const searchBox = fileURLToPath(new URL('../scripts/search-box.ts', import.meta.url));
  return {
    name: 'latitude:search',
    hooks: {
      'astro:config:setup': ({ command, updateConfig, addMiddleware }) => {
        if (command !== 'build') return;
        updateConfig({ vite: { plugins: [searchBoxEntry(searchBox)] } });
        addMiddleware({ entrypoint: new URL('./pagefind-records.ts', import.meta.url), order: 'post' });
      },
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
        version = cacheVersion(fileURLToPath(config.root));
      },
      'astro:build:start': async () => {
        // The last build's page keys, read before Astro writes this build's (src/lib/search/feed-ahead.ts).
        const previousKeys = await lastPageKeys(cacheDir);
        // Before the first page renders: Pagefind starts indexing with it.
        indexer = new PartIndexer(path.join(cacheDir, 'latitude-search'), currentShard(), previousKeys, await version);
        installRecordSink(indexer);
      },
      'astro:build:done': async ({ dir, logger }) => {
        installRecordSink(undefined);
        const outDir = fileURLToPath(dir);
        const started = performance.now();
        const done = await (indexer ?? new PartIndexer(path.join(cacheDir, 'latitude-search'), currentShard(), new Map(), await version)).finish(outDir);
        indexer = undefined;
        const shard = currentShard();
        const whose =
          shard && shard.count > 1 ? ` (the parts shard ${shard.index}/${shard.count} owns: ${[...done.written, ...done.reused].join(', ') || 'none'})` : '';
        const reused = done.reused.length > 0 ? `; ${done.reused.length} part(s) unchanged, copied from the last build` : '';
        const after = `${Math.round(performance.now() - started)} ms after rendering (${Math.round(done.catchUpMs)} ms taking the last pages, the rest writing)`;
        logger.info(
          `Indexed ${done.pages} pages for search in ${done.written.length + done.reused.length} part(s)${whose}${reused}; ${after} (${path.join(outDir, 'pagefind')})`,
        );
      },
    },
  };
}

/** The header's search box script as its own entry with a fixed name, in the browser build only. */
function searchBoxEntry(file: string): Plugin {
  return {
    name: 'latitude:search-box-entry',
    apply: 'build',
    applyToEnvironment: (environment) => environment.name === 'client',
    buildStart() {
      this.emitFile({ type: 'chunk', id: file, fileName: SEARCH_BOX_SCRIPT });
    },
  };
}

/** What a build's indexing did. */
export interface IndexingDone {
  /** Pages in the parts this build wrote or copied. */
  pages: number;
  /** Parts indexed in this build. */
  written: string[];
  /** Parts copied from the cache. */
  reused: string[];
  /** How long after rendering Pagefind was still taking pages (the part of indexing that did not overlap rendering, writing aside). */
  catchUpMs: number;
}

interface PartState {
  index: Promise<pagefind.PagefindIndex>;
  /** Settles once every page given so far is indexed: pages are sent in `PartQueue` order. */
  chain: Promise<unknown>;
}

/**
 * A part's pages in the order Pagefind is given them: by address, whatever
 * order Astro renders them in (Pagefind numbers pages in the order it gets
 * them, and that order is in its files and breaks ties in ranking), so a
 * part's bundle is the same bytes from a cold build, a warm one or a shard.
 * Pages wait here until every page before them has come.
 */
interface PartQueue {
  order: string[];
  next: number;
  waiting: Map<string, string>;
  /** Pages Astro restores (`pagesToFeedAhead`), which can go from their record without waiting for them. */
  candidates: Set<string>;
  /** The candidates, once a page of the part rendered with a document the last build did not have: then they are fed ahead. */
  ahead: Set<string>;
  /** The digests of the pages fed ahead, checked should one render after all. */
  fedAhead: Map<string, string>;
  /** A page fed ahead rendered with another document: the part is indexed again at the end. */
  spoiled: boolean;
  /** Every page was given, and the cache already held the part so given: `writeParts` copies it. */
  inCache: boolean;
  /** What follows the last page given (`partGiven`), started once: `finish` waits for it. */
  given: Promise<void> | undefined;
}

/**
 * Takes search documents as pages render, feeds each to its part's Pagefind
 * index at once, and at the end writes (or copies from the cache) every part
 * this build owns.
 */
export class PartIndexer implements SearchRecordSink {
  private expected: ExpectedPage[] | undefined;
  /** Search documents' digests of the pages rendered in this build. */
  private readonly rendered = new Map<string, string>();
  private readonly parts = new Map<string, PartState>();
  private readonly queues = new Map<string, PartQueue>();
  /** Parts written while pages still rendered (`writeEarly`), each to the folder it resolves to. */
  private readonly early = new Map<string, Promise<string>>();
  private ownedParts: Set<string> | undefined;
  private readonly errors: string[] = [];
  /** Each page's search document, kept between builds (src/lib/search/record-store.ts). */
  private readonly records: RecordStore;
  /** The first record that could not be stored: the build stops with it once every page has rendered (`writeParts`). */
  private recordFailure: Error | undefined;

  private readonly cacheDir: string;
  private readonly shard: Shard | undefined;
  /** The cache's version (`cacheVersion`): a part is cached under its pages' digests and this. */
  private readonly version: string;

  /** The last build's cache key of each keyed page, by address (Astro's incremental manifest). */
  private readonly previousKeys: ReadonlyMap<string, string>;
  /** The last build's search documents' digests, by address (`digests.json`). */
  private readonly lastDigests: Promise<Map<string, string>>;
  /** The last build's pages (`pages.json`), when it left their list. */
  private readonly lastPages: Promise<ExpectedPage[] | undefined>;
  /** Settles once the parts that changed for sure are fed ahead (`feedChangedPartsAhead`). */
  private aheadDecided: Promise<void> = Promise.resolve();

  constructor(cacheDir: string, shard: Shard | undefined, previousKeys: ReadonlyMap<string, string> = new Map(), version = CACHE_VERSION) {
    this.cacheDir = cacheDir;
    this.version = version;
    this.records = new RecordStore(path.join(cacheDir, 'records'));
    this.shard = shard;
    this.previousKeys = previousKeys;
    this.lastDigests = lastDigestsOf(path.join(cacheDir, DIGESTS_FILE));
    this.lastDigests.catch(() => undefined); // never rejects: `lastDigestsOf` answers an empty map
    this.lastPages = readFile(path.join(cacheDir, PAGES_FILE), 'utf8').then(
      (text) => JSON.parse(text) as ExpectedPage[],
      () => undefined,
    );
    this.lastPages.catch(() => undefined); // a list that cannot be read is taken as none: `lastExpected` says so
  }

  expect(pages: readonly ExpectedPage[]): void {
    this.expected = [...pages];
    const ids = partsManifest(pages.map((page) => page.part)).parts.map((part) => part.id);
    // A shard indexes the parts it owns, whole: it renders every page of each (src/lib/scale/shard.ts).
    const owners = this.shard && this.shard.count > 1 ? partOwners(pages, this.shard.count) : undefined;
    this.ownedParts = new Set(ids.filter((id) => !owners || owners.get(id) === this.shard!.index));
    const byPart = Map.groupBy(pages, (page) => page.part);
    for (const id of this.ownedParts) {
      const candidates = pagesToFeedAhead(byPart.get(id) ?? [], this.previousKeys);
      this.queues.set(id, {
        order: pageOrder(pages, id),
        next: 0,
        waiting: new Map(),
        candidates,
        ahead: new Set(),
        fedAhead: new Map(),
        spoiled: false,
        inCache: false,
        given: undefined,
      });
    }
    this.aheadDecided = this.feedChangedPartsAhead(byPart);
    this.aheadDecided.catch(() => undefined); // awaited by `writeParts`
  }

  /** Feeds ahead, before anything renders, each part whose documents changed for sure (`partChangedForSure`). */
  private async feedChangedPartsAhead(byPart: ReadonlyMap<string, readonly ExpectedPage[]>): Promise<void> {
    const last = await this.lastPages.catch(() => undefined);
    if (!last) return;
    const lastSources = new Map(last.map((page) => [page.url, page.sourceDigest]));
    for (const [id, queue] of this.queues) {
      if (queue.candidates.size === 0 || queue.ahead.size > 0) continue;
      if (!partChangedForSure(byPart.get(id) ?? [], lastSources)) continue;
      queue.ahead = queue.candidates;
      this.pump(id);
    }
  }

  add(url: string, part: string, document: string | undefined): void {
    if (document === undefined || !this.ownedParts?.has(part)) return;
    const digest = digestOf(document);
    this.rendered.set(url, digest);
    this.storeRecord(url, document);
    const queue = this.queues.get(part);
    if (!queue) return;
    const fed = queue.fedAhead.get(url);
    if (fed !== undefined) {
      if (fed !== digest) queue.spoiled = true;
      return;
    }
    queue.waiting.set(url, document);
    this.pump(part);
    // A page the last build indexed otherwise: its part is indexed again, so its unchanged pages go ahead. A part with a new or
    // edited entry went ahead already (`feedChangedPartsAhead`); the others wait for a page to tell: a page whose key changed
    // through another entry often renders the same search document (a boundary's page when one of its wins changed), and a
    // part fed ahead for nothing holds Pagefind's one queue up for the part that did change (a rebuild after one changed win
    // took 17 s instead of 10 s to index when every part with a changed key went ahead at once).
    if (queue.candidates.size > 0 && queue.ahead.size === 0)
      void this.lastDigests.then((last) => {
        if (last.get(url) === digest || queue.ahead.size > 0) return;
        queue.ahead = queue.candidates;
        this.pump(part);
      });
  }

  /** Feeds a part's next pages (`feedInOrder`), and once its last page is given, what follows (`partGiven`), once. */
  private pump(id: string): void {
    const queue = this.queues.get(id)!;
    this.feedInOrder(id, queue);
    if (queue.next < queue.order.length || queue.given) return;
    queue.given = this.partGiven(id, queue);
    queue.given.catch(() => undefined); // awaited, and its error thrown, by `finish`
  }

  /**
   * Every page up to the first one neither rendered yet nor fed ahead goes to
   * Pagefind, in order; a page fed ahead is read from its record. At once,
   * from start to end (records are read synchronously: `RecordStore.get`), so
   * no page can arrive while it runs.
   */
  private feedInOrder(id: string, queue: PartQueue): void {
    while (queue.next < queue.order.length) {
      const url = queue.order[queue.next]!;
      const rendered = queue.waiting.get(url);
      const document = rendered ?? (queue.ahead.has(url) ? this.records.get(url) : undefined);
      if (document === undefined) return;
      this.feed(id, url, document);
      if (rendered === undefined) queue.fedAhead.set(url, digestOf(document));
      else queue.waiting.delete(url);
      queue.next++;
    }
  }

  /**
   * Every page of a part given: Pagefind writes it while the rest of the
   * site renders (`writeEarly`), unless the cache already holds the part so
   * given (every page rendered as the last build had it, as after a change
   * of code). Then `writeParts` copies it, and indexes it from the records
   * should the copy fail; its index is dropped at once, as a shard's
   * Pagefind would otherwise hold every such part until the end.
   */
  private async partGiven(id: string, queue: PartQueue): Promise<void> {
    const digests = queue.order.map((url) => this.rendered.get(url) ?? queue.fedAhead.get(url)!);
    if (await hasPart(this.cachedPart(id, queue.order, digests))) {
      queue.inCache = true;
      await this.dropIndex(id);
      return;
    }
    const written = this.writeEarly(id);
    written.catch(() => undefined); // awaited, and its error thrown, by `finish`
    this.early.set(id, written);
  }

  /** Where the cache keeps a part of these pages, with these search documents (by digest). */
  private cachedPart(id: string, urls: readonly string[], digests: readonly string[]): string {
    const hash = createHash('sha256').update(`${this.version}\0`);
    urls.forEach((url, i) => hash.update(`${url}\0${digests[i]}\0`));
    return path.join(this.cacheDir, 'parts', `${id}-${hash.digest('hex').slice(0, 32)}`);
  }

  /** Drops what a spoiled part was given (its index, a copy written early), so `writeParts` indexes it from the start. */
  private async startOver(id: string, queue: PartQueue): Promise<void> {
    const early = this.early.get(id);
    this.early.delete(id);
    const staging = await early?.catch(() => undefined);
    if (staging) await rm(staging, { recursive: true, force: true });
    await this.dropIndex(id);
    queue.next = 0;
    queue.waiting.clear();
    queue.fedAhead.clear();
    queue.spoiled = false;
    queue.inCache = false;
    queue.given = undefined;
  }

  /** Drops what Pagefind was given for a part. */
  private async dropIndex(id: string): Promise<void> {
    const state = this.parts.get(id);
    this.parts.delete(id);
    if (!state) return;
    await state.chain.catch(() => undefined);
    await (await state.index).deleteIndex();
  }

  /**
   * Writes a part whose every page this build rendered, as soon as the last
   * one is given, to a folder of the cache; `finish` moves it into the site.
   * The wins route renders newest first, so each year's part is written while
   * older years render, on the core the renderer leaves to Pagefind.
   */
  private async writeEarly(id: string): Promise<string> {
    const staging = path.join(this.cacheDir, 'written', id);
    await rm(staging, { recursive: true, force: true });
    await this.writePart(id, staging, () => undefined);
    return staging;
  }

  /** Writes every owned part to `<outDir>/pagefind/<part>/` and the manifest to `<outDir>/pagefind/parts.json`. */
  async finish(outDir: string): Promise<IndexingDone> {
    try {
      return await this.writeParts(outDir);
    } catch (error) {
      if (error instanceof SearchIndexError) throw error;
      throw new SearchIndexError('build the search index', [error instanceof Error ? error.message : String(error)]);
    } finally {
      this.records.close();
      await pagefind.close();
    }
  }

  private async writeParts(outDir: string): Promise<IndexingDone> {
    await this.aheadDecided;
    await Promise.all([...this.queues.values()].map((queue) => queue.given));
    if (this.recordFailure) throw this.recordFailure;
    const expected = this.expected ?? (await this.lastExpected(outDir));
    if (!this.ownedParts) this.expect(expected);
    const manifest = partsManifest(expected.map((page) => page.part));
    const bundleRoot = path.join(outDir, 'pagefind');
    await clearAllBut(bundleRoot, this.ownedParts!);
    await writeFile(path.join(outDir, SEARCH_PARTS_FILE), manifestText(manifest));
    const done: IndexingDone = { pages: 0, written: [], reused: [], catchUpMs: 0 };
    const known = new Map<string, string>();
    const last = await this.lastDigests;
    const started = performance.now();
    const writing: Promise<void>[] = [];
    /** Unchanged parts, put in place once every part to write is in Pagefind's hands (`placeCached`). */
    const unchanged: { cached: string; outputPath: string }[] = [];
    try {
      for (const { id } of manifest.parts) {
        if (!this.ownedParts!.has(id)) continue;
        const urls = pageOrder(expected, id);
        // A page not rendered has the record, so the digest, the last build had (read back only when the last build left none).
        const digests = urls.map((url) => this.rendered.get(url) ?? last.get(url) ?? digestOf(this.restoredRecord(url)));
        urls.forEach((url, i) => known.set(url, digests[i]!));
        const cached = this.cachedPart(id, urls, digests);
        const outputPath = path.join(bundleRoot, id);
        done.pages += urls.length;
        const queue = this.queues.get(id);
        if (queue?.spoiled) await this.startOver(id, queue);
        const early = this.early.get(id);
        if (early) {
          writing.push(
            early.then(async (staging) => {
              await rm(outputPath, { recursive: true, force: true });
              await moved(staging, outputPath);
              await keepPart(outputPath, cached, path.join(this.cacheDir, 'parts'), id);
            }),
          );
          done.written.push(id);
          continue;
        }
        if (await hasPart(cached)) {
          unchanged.push({ cached, outputPath });
          done.reused.push(id);
          continue;
        }
        await rm(outputPath, { recursive: true, force: true });
        // The rest of the part, in order: pages rendered after a gap, and pages restored from the last build.
        // A part found in the cache was dropped once given whole: all of it, from the records.
        for (const url of urls.slice(queue && !queue.inCache ? queue.next : 0)) this.feed(id, url, queue?.waiting.get(url) ?? this.restoredRecord(url));
        done.written.push(id);
        // Parts are written side by side: Pagefind's process takes them together.
        writing.push(
          this.writePart(id, outputPath, () => (done.catchUpMs = Math.max(done.catchUpMs, performance.now() - started))).then(() =>
            keepPart(outputPath, cached, path.join(this.cacheDir, 'parts'), id),
          ),
        );
      }
      // While Pagefind's process writes the changed parts, this thread checks the unchanged ones, a part at a time: a check
      // is synchronous, and the event loop turns between parts so Pagefind's replies are read.
      for (const { cached, outputPath } of unchanged) {
        await new Promise((resolve) => setImmediate(resolve));
        await placeCached(cached, outputPath);
      }
    } catch (error) {
      // A page missing from a part stops the build: parts already being written are let finish (or fail) first, so none is left
      // waiting on Pagefind's process when `finish` closes it.
      await Promise.allSettled(writing);
      throw error;
    }
    await Promise.all(writing);
    await this.keepRecords(expected, known);
    if (this.errors.length > 0) throw new SearchIndexError('index the entry pages', this.errors);
    return done;
  }

  /**
   * Sends a page to its part's index at once, without waiting for the reply
   * to the page before: Pagefind's service takes requests one at a time in
   * the order they arrive (its pages are numbered in that order), so the
   * order is kept, and Pagefind no longer idles while a reply waits for the
   * renderer to give the event loop a turn. At 100,000 entries a shard spent
   * 40 s after its last page waiting for Pagefind to catch up that way.
   */
  private feed(part: string, url: string, content: string): void {
    const state = this.part(part);
    const added = state.index
      .then((index) => index.addHTMLFile({ url, content }))
      .then(
        (response) => this.note(response, url),
        (error: unknown) => void this.errors.push(`${url}: ${error instanceof Error ? error.message : String(error)}`),
      );
    state.chain = Promise.all([state.chain, added]);
    // Awaited by `writePart`; a build stopped before that (a page missing) closes Pagefind and must not leave it unhandled.
    state.chain.catch(() => undefined);
  }

  /** A part's Pagefind index, started on its first page. */
  private part(id: string): PartState {
    let state = this.parts.get(id);
    if (!state) {
      const index = pagefind.createIndex({}).then((created) => {
        const { index: made } = check('start the search indexer', created);
        if (!made) throw new SearchIndexError('start the search indexer', ['no index was returned']);
        return made;
      });
      index.catch(() => undefined); // awaited by `writePart`, as above
      state = { index, chain: index };
      this.parts.set(id, state);
    }
    return state;
  }

  private note(response: { errors: string[] }, url?: string): void {
    for (const error of response.errors) this.errors.push(url ? `${url}: ${error}` : error);
  }

  private async writePart(id: string, outputPath: string, caughtUp: () => void): Promise<void> {
    const state = this.part(id);
    await state.chain;
    caughtUp();
    if (this.errors.length > 0) throw new SearchIndexError('index the entry pages', this.errors);
    const index = await state.index;
    // Last, as the index of the whole site had it.
    check('mark the search index', await index.addHTMLFile({ url: BODY_MARKER_URL, content: BODY_MARKER_PAGE }));
    check(`write the search index to ${outputPath}`, await index.writeFiles({ outputPath }));
    await Promise.all(UNUSED_BUNDLE_FILES.map((file) => rm(path.join(outputPath, file), { force: true })));
    await Promise.all((await unusedEngineFiles(id, outputPath)).map((file) => rm(path.join(outputPath, file), { force: true })));
    await index.deleteIndex();
    this.parts.delete(id);
  }

  /** Keeps a page's search document for the next build, at once (an append to this build's pack: `RecordStore`). */
  private storeRecord(url: string, document: string): void {
    if (this.recordFailure) return;
    try {
      this.records.put(url, document);
    } catch (error) {
      this.recordFailure = error instanceof Error ? error : new Error(String(error));
    }
  }

  /**
   * The search document of a page this build did not render (an
   * incremental build restored it, or another shard renders it): the last build's record. Every build
   * that renders a page stores its record, and a page is restored only for
   * the code that rendered it; the page itself cannot stand in, as it does
   * not carry the entry's filters and meta (`recordMarkup`).
   */
  private restoredRecord(url: string): string {
    const record = this.records.get(url);
    if (record === undefined)
      throw new SearchIndexError(
        'find the search record of every page',
        [
          `${url} was not rendered in this build, and no earlier build stored its search record in ${this.records.dir}: delete ${this.cacheDir} and build again`,
        ],
        true,
      );
    return record;
  }

  /**
   * The pages of the last build, for a build that rendered no page at all
   * (everything restored): nothing changed, so its pages are the last build's.
   */
  private async lastExpected(outDir: string): Promise<ExpectedPage[]> {
    const last = await this.lastPages.catch(() => undefined);
    if (!last) throw new SearchIndexError('find the pages to index', [`no page was rendered and no earlier build's list of pages is cached for ${outDir}`]);
    return last;
  }

  /** Keeps the records and the list of this build's pages, and drops records of pages that are gone. */
  private async keepRecords(expected: readonly ExpectedPage[], digests: ReadonlyMap<string, string>): Promise<void> {
    await mkdir(this.cacheDir, { recursive: true });
    await writeFile(path.join(this.cacheDir, DIGESTS_FILE), JSON.stringify(Object.fromEntries(digests)));
    await writeFile(path.join(this.cacheDir, PAGES_FILE), JSON.stringify(expected));
    this.records.keep(expected.map((page) => page.url));
  }
}

/** A part's pages in the order they go to Pagefind: by address. */
function pageOrder(pages: readonly ExpectedPage[], part: string): string[] {
  return pages
    .filter((page) => page.part === part)
    .map((page) => page.url)
    .sort();
}

function digestOf(document: string): string {
  return createHash('sha256').update(document).digest('hex').slice(0, 32);
}

/** Whether the cache holds a part there: Pagefind's entry file stands for it. */
async function hasPart(cached: string): Promise<boolean> {
  try {
    await readFile(path.join(cached, 'pagefind-entry.json'));
    return true;
  } catch {
    return false;
  }
}

/**
 * Puts a cached part into place (hard links: `linkTree`). A part the last
 * build put there and nothing has touched since is the cached part itself,
 * linked file by file (`isLinkedTree`), and stays: after one changed win,
 * six parts and 18,000 files were removed and linked again, about 1 s at
 * 20,000 entries.
 */
async function placeCached(cached: string, outputPath: string): Promise<void> {
  if (isLinkedTree(cached, outputPath)) return;
  await rm(outputPath, { recursive: true, force: true });
  await linkTree(cached, outputPath);
}

/**
 * Empties the search index's folder but for the parts this build owns,
 * which `writeParts` then keeps, replaces or writes one by one (the kept
 * pages' integration leaves the folder to this one). The manifest is
 * written again.
 */
async function clearAllBut(bundleRoot: string, parts: ReadonlySet<string>): Promise<void> {
  const present = await readdir(bundleRoot).catch(async (error: NodeJS.ErrnoException) => {
    // Not a folder (a file of that name): it goes, as the whole folder went before.
    if (error.code !== 'ENOENT') await rm(bundleRoot, { recursive: true, force: true });
    return [] as string[];
  });
  await Promise.all(present.filter((name) => !parts.has(name)).map((name) => rm(path.join(bundleRoot, name), { recursive: true, force: true })));
  await mkdir(bundleRoot, { recursive: true });
}

/** Moves a part written early into the site (a copy when the cache is on another file system). */
async function moved(staging: string, outputPath: string): Promise<void> {
  try {
    await rename(staging, outputPath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await cp(staging, outputPath, { recursive: true });
    await rm(staging, { recursive: true, force: true });
  }
}

/** Stores a freshly written part in the cache (hard links: `linkTree`), in place of that part's older copies. */
async function keepPart(outputPath: string, cached: string, partsDir: string, id: string): Promise<void> {
  const older = (await readdir(partsDir).catch(() => [] as string[])).filter((name) => name.startsWith(`${id}-`));
  await Promise.all(older.map((name) => rm(path.join(partsDir, name), { recursive: true, force: true })));
  await mkdir(partsDir, { recursive: true });
  await linkTree(outputPath, cached);
}

/**
 * Files of Pagefind's engine no reader loads: in a merged part, all of them
 * (it is searched with the core's script and WebAssembly); in the core, the
 * worker (search runs on the main thread, src/scripts/search-engine.ts) and
 * the WebAssembly of languages the index does not have (`wasm.unknown` is
 * only for a language Pagefind cannot stem). Each would otherwise be
 * precached by every reader's service worker.
 */
async function unusedEngineFiles(id: string, outputPath: string): Promise<string[]> {
  const files = await readdir(outputPath);
  if (id !== CORE_PART) return files.filter((file) => /^pagefind(?:-worker)?\.js$|^wasm\..*\.pagefind$/.test(file));
  const entry = JSON.parse(await readFile(path.join(outputPath, 'pagefind-entry.json'), 'utf8')) as { languages?: Record<string, { wasm?: string }> };
  const used = new Set(Object.values(entry.languages ?? {}).map((language) => `wasm.${language.wasm ?? 'unknown'}.pagefind`));
  return files.filter((file) => file === 'pagefind-worker.js' || (/^wasm\..*\.pagefind$/.test(file) && !used.has(file)));
}

/** Pages in a part's bundle, from Pagefind's own entry file. */
export async function indexedPageCount(outputPath: string): Promise<number> {
  const entry = JSON.parse(await readFile(path.join(outputPath, 'pagefind-entry.json'), 'utf8')) as {
    languages?: Record<string, { page_count?: number }>;
  };
  return Object.values(entry.languages ?? {}).reduce((sum, language) => sum + (language.page_count ?? 0), 0);
}

class SearchIndexError extends Error {
  /** `errors` are Pagefind's words, unless `ours`: then they are the build's own. */
  constructor(step: string, errors: readonly string[], ours = false) {
    super(`Search index: could not ${step}. ${ours ? '' : 'Pagefind said: '}${errors.join('; ')}`);
    this.name = 'SearchIndexError';
  }
}

function check<T extends { errors: string[] }>(step: string, response: T): T {
  if (response.errors.length > 0) throw new SearchIndexError(step, response.errors);
  return response;
}
