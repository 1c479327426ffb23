/**
 * When the part indexer (src/integrations/pagefind.ts) gives Pagefind a
 * rebuild's unchanged pages, and when it writes a part: observed through a
 * stand-in for Pagefind's Node API that logs what it is asked, in order.
 * tests/unit/search-parts.test.ts checks the real Pagefind's bundles.
 */
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ExpectedPage } from '../../src/lib/search/record-sink.ts';

/** What Pagefind was asked, in order: `add <url>`, `write <folder>`, `delete` (an index dropped). */
const asked: string[] = [];

vi.mock('pagefind', () => ({
  createIndex: () => {
    let pages = 0;
    return Promise.resolve({
      errors: [],
      index: {
        addHTMLFile: ({ url }: { url: string }) => {
          asked.push(`add ${url}`);
          pages++;
          return Promise.resolve({ errors: [] });
        },
        writeFiles: async ({ outputPath }: { outputPath: string }) => {
          asked.push(`write ${path.basename(outputPath)}`);
          await mkdir(outputPath, { recursive: true });
          await writeFile(path.join(outputPath, 'pagefind-entry.json'), JSON.stringify({ languages: { en: { page_count: pages } } }));
          return { errors: [] };
        },
        deleteIndex: () => {
          asked.push('delete');
          return Promise.resolve();
        },
      },
    });
  },
  close: () => Promise.resolve(),
}));

const { PartIndexer } = await import('../../src/integrations/pagefind.ts');

const PAGES = [
  { url: '/boundaries/refund/', part: 'core', sourceDigest: 'refund' },
  { url: '/values/care/', part: 'core', sourceDigest: 'care' },
  { url: '/wins/a/', part: 'wins-2024', sourceDigest: 'a' },
];
const DOCS: Record<string, string> = {
  '/boundaries/refund/': '<main data-pagefind-body><h1>Refund</h1></main>',
  '/values/care/': '<main data-pagefind-body><h1>Care</h1></main>',
  '/wins/a/': '<main data-pagefind-body><h1>Win A</h1></main>',
};
/**
 * The pages as a rebuild sees them: `changed` has a cache key the last build did not record, and its own entry changed too
 * when `edited` (else the key changed through another entry).
 */
const keyed = (changed: string, edited = false) =>
  PAGES.map((page) => ({
    ...page,
    cacheKey: page.url === changed ? 'new' : 'same',
    sourceDigest: page.url === changed && edited ? `${page.sourceDigest}, edited` : page.sourceDigest,
  }));
const previousKeys = new Map(PAGES.map((page) => [page.url, 'same']));

describe('what a rebuild gives Pagefind, and what it writes', () => {
  const dirs: string[] = [];
  const temp = async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'latitude-feed-ahead-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(async () => {
    asked.length = 0;
    await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });

  /**
   * A rebuild that has just learnt its pages (`pages`), after a first build of every page that stored each page's record
   * and part in the same cache (what that build asked of Pagefind is forgotten).
   */
  const rebuildOf = async (pages: readonly ExpectedPage[]) => {
    const cache = await temp();
    const first = new PartIndexer(cache, undefined);
    first.expect(PAGES);
    for (const page of PAGES) first.add(page.url, page.part, DOCS[page.url]);
    await first.finish(await temp());
    asked.length = 0;
    const rebuild = new PartIndexer(cache, undefined, previousKeys);
    rebuild.expect(pages);
    return rebuild;
  };

  it('once a page renders with another document, gives the pages before it in its part from their records, and writes the part', async () => {
    const rebuild = await rebuildOf(keyed('/values/care/'));
    rebuild.add('/values/care/', 'core', '<main data-pagefind-body><h1>Care, changed</h1></main>');
    await vi.waitFor(() => expect(asked).toContain('write core'), { timeout: 5_000, interval: 10 });
    expect(await rebuild.finish(await temp())).toMatchObject({ written: ['core'], reused: ['wins-2024'] });
    // In the part's order, the marker last; the win's part had no page to render: copied from the cache, never given to Pagefind.
    expect(asked).toEqual(['add /boundaries/refund/', 'add /values/care/', 'add /_latitude/search-marker/', 'write core', 'delete']);
  });

  it('gives a part whose own entry changed its pages before that entry renders, as soon as it knows the pages', async () => {
    const rebuild = await rebuildOf(keyed('/values/care/', true));
    // Nothing has rendered, yet the refund boundary (before the care value in the part's order) is given from its record.
    await vi.waitFor(() => expect(asked).toEqual(['add /boundaries/refund/']), { timeout: 5_000, interval: 10 });
    rebuild.add('/values/care/', 'core', '<main data-pagefind-body><h1>Care, changed</h1></main>');
    expect(await rebuild.finish(await temp())).toMatchObject({ written: ['core'], reused: ['wins-2024'] });
    expect(asked).toEqual(['add /boundaries/refund/', 'add /values/care/', 'add /_latitude/search-marker/', 'write core', 'delete']);
  });

  it('writes a part once when its last page, rendered with another document, completes it: a page rendered although its key held', async () => {
    const rebuild = await rebuildOf(keyed('/values/care/'));
    // As in a build, the last build's digests are read before pages render.
    await new Promise((resolve) => setTimeout(resolve, 100));
    // The refund boundary renders as before (Astro rendered it after all), then the care value, last in the part, with another
    // document: every page is given at once, and the care value's news (feed the unchanged pages ahead) comes after, while
    // the indexer looks for the part in the cache.
    rebuild.add('/boundaries/refund/', 'core', DOCS['/boundaries/refund/']);
    rebuild.add('/values/care/', 'core', '<main data-pagefind-body><h1>Care, changed</h1></main>');
    expect(await rebuild.finish(await temp())).toMatchObject({ written: ['core'], reused: ['wins-2024'] });
    expect(asked).toEqual(['add /boundaries/refund/', 'add /values/care/', 'add /_latitude/search-marker/', 'write core', 'delete']);
  });

  it('waits for a page whose key changed only through another entry: it may render as it did', async () => {
    const rebuild = await rebuildOf(keyed('/values/care/'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(asked).toEqual([]);
    rebuild.add('/values/care/', 'core', DOCS['/values/care/']);
    expect(await rebuild.finish(await temp())).toMatchObject({ written: [], reused: ['core', 'wins-2024'] });
    expect(asked).toEqual([]);
  });

  it('after a change of code (every page renders, each as the last build had it), writes no part: drops each as it is given, and copies it', async () => {
    const rebuild = await rebuildOf(PAGES);
    for (const page of PAGES) rebuild.add(page.url, page.part, DOCS[page.url]);
    const out = await temp();
    expect(await rebuild.finish(out)).toMatchObject({ written: [], reused: ['core', 'wins-2024'] });
    expect(asked.filter((step) => !step.startsWith('add'))).toEqual(['delete', 'delete']);
    for (const part of ['core', 'wins-2024']) expect(await readdir(path.join(out, 'pagefind', part))).toEqual(['pagefind-entry.json']);
  });

  it('copies a part from the cache, without writing it, when its changed page renders as the last build had it', async () => {
    const rebuild = await rebuildOf(keyed('/values/care/'));
    rebuild.add('/values/care/', 'core', DOCS['/values/care/']);
    const out = await temp();
    expect(await rebuild.finish(out)).toMatchObject({ written: [], reused: ['core', 'wins-2024'] });
    expect(asked.filter((step) => step.startsWith('write'))).toEqual([]);
    expect(await readdir(path.join(out, 'pagefind/core'))).toEqual(['pagefind-entry.json']);
  });
});
