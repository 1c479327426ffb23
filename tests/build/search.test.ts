/**
 * The search index of a built playbook, read back through Pagefind's own JS
 * API in Chromium: what is in it (entry pages only; no listings, retired
 * entries or drafts), its filters and meta, and synonyms. Built once from
 * tests/fixtures/search/. The index is in parts, made while the pages
 * render (src/integrations/pagefind.ts): it must say exactly what one index
 * made from the built pages says (tests/support/old-search-index.ts), part
 * by part to the byte, and for a fixed set of queries once merged.
 */
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexedPageCount } from '../../src/integrations/pagefind.ts';
import { readManifest } from '../../src/lib/search/parts.ts';
import { expandQuery, type SynonymMap } from '../../src/lib/search/synonyms.ts';
import { injectScript } from '../support/inject-script.ts';
import { FIXTURES, PROJECT_ROOT, type BuildResult } from '../support/build-playbook.ts';
import { browseBuiltPlaybook, type BrowsedSite } from '../support/browsed-site.ts';
import { filesIn, pagefindFragments } from '../support/built-site.ts';
import { indexBuiltPages, indexBuiltSite } from '../support/old-search-index.ts';
import type { PreviewServer } from '../support/preview-server.ts';

interface Found {
  url: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  content: string;
  excerpt: string;
}

/** Every entry page of the fixture: what the index must hold, exactly. */
const ENTRY_PAGES = [
  '/values/care/',
  '/values/speed/',
  '/roles/agent/',
  '/roles/lead/',
  '/roles/manager/',
  '/roles/driver/',
  '/guidelines/agent-basics/',
  '/guidelines/driver-basics/',
  '/guidelines/for-everyone/',
  '/boundaries/quibblefree-voucher/',
  '/boundaries/money-back-faulty/',
  '/boundaries/doorstep-gesture/',
  '/case-studies/branch-pilot/',
  '/wins/2026-03-late-order-voucher/',
  '/wins/2025-11-faulty-kettle/',
];

/** Where the index made the old way goes: inside the built site, so the preview server serves it. */
const OLD_INDEX = '_old-pagefind';

let build: BuildResult;
let server: PreviewServer;
let browser: Browser;
let page: Page;
let site: BrowsedSite;

beforeAll(async () => {
  site = await browseBuiltPlaybook(path.join(FIXTURES, 'search'));
  ({ build, server, browser } = site);
  await indexBuiltSite(build.outDir, path.join(build.outDir, OLD_INDEX));
  page = await browser.newPage();
  await page.goto(`${server.url}/values/`);
  await injectScript(page, { content: PAGEFIND_IN_PAGE });
});

afterAll(() => site?.close());

/**
 * Pagefind's own JS API, loaded in the page the way the site loads it
 * (src/scripts/search-engine.ts): the core part, with every other part of
 * pagefind/parts.json merged, each marked with the filter "newest first"
 * asks for. `old` searches the index made the old way instead. Given as
 * text: the test runner rewrites `import()` in functions it compiles.
 */
const PAGEFIND_IN_PAGE = `
  window.pagefindSearch = async (term, options, which) => {
    const pagefind = await import(location.origin + '/pagefind/core/pagefind.js');
    window.pagefindIndexes ??= {};
    if (!window.pagefindIndexes[which]) {
      if (which === 'old') {
        const old = pagefind.createInstance({ basePath: '/${OLD_INDEX}/' });
        await old.options({ baseUrl: '/' });
        window.pagefindIndexes.old = old;
      } else {
        const merged = pagefind.createInstance({ basePath: '/pagefind/core/' });
        await merged.options({ baseUrl: '/' });
        const { parts } = await (await fetch('/pagefind/parts.json')).json();
        await Promise.all(parts.slice(1).map((part) => merged.mergeIndex('/pagefind/' + part.id + '/', { baseUrl: '/', mergeFilter: { searchPart: ['wins'] } })));
        window.pagefindIndexes.merged = merged;
      }
    }
    const sorted = which !== 'old' && options.sort ? { ...options, filters: { ...options.filters, searchPart: 'wins' } } : options;
    const { results } = await window.pagefindIndexes[which].search(term, sorted);
    return Promise.all(results.map(async (result) => {
      const { url, meta, filters, content, excerpt } = await result.data();
      return { url, meta, filters, content, excerpt };
    }));
  };
`;

/** Runs a search in the page (the parts merged, or the index made the old way) and loads every result's data, best first. */
function search(term: string | null, options: Record<string, unknown> = {}, which: 'merged' | 'old' = 'merged'): Promise<Found[]> {
  return page.evaluate(
    ({ term, options, which }) =>
      (window as unknown as { pagefindSearch(t: string | null, o: unknown, w: string): Promise<Found[]> }).pagefindSearch(term, options, which),
    { term, options, which },
  );
}

const urls = (found: Found[]) => found.map((f) => f.url);

describe('building the search index', () => {
  it('runs inside the build, as the pages render, and says how many pages it indexed in how many parts', () => {
    expect(build.stdout + build.stderr).toMatch(/Indexed 15 pages for search in 3 part\(s\)/);
  });

  it('writes a part per bundle under <outDir>/pagefind/, lists them, and ships only the search UI the playbook uses', async () => {
    const manifest = readManifest(await readFile(path.join(build.outDir, 'pagefind/parts.json'), 'utf8'));
    expect(manifest.parts.map((part) => part.id)).toEqual(['core', 'wins-2026', 'wins-2025']);
    expect((await readdir(path.join(build.outDir, 'pagefind'))).sort()).toEqual(['core', 'parts.json', 'wins-2025', 'wins-2026']);
    const core = await readdir(path.join(build.outDir, 'pagefind/core'));
    expect(core).toEqual(expect.arrayContaining(['pagefind.js', 'pagefind-entry.json', 'index', 'fragment', 'filter']));
    expect(core.filter((f) => /ui|highlight/.test(f))).toEqual([]);
    expect(await indexedPageCount(path.join(build.outDir, 'pagefind/core'))).toBe(13);
    expect(await indexedPageCount(path.join(build.outDir, 'pagefind/wins-2026'))).toBe(1);
    expect((await stat(path.join(build.outDir, '_latitude/search-box.js'))).isFile()).toBe(true);
    await expect(stat(path.join(PROJECT_ROOT, 'public/pagefind'))).rejects.toThrow();
  });

  it('holds exactly the published entry pages: no listings, search page, retired entries or drafts', async () => {
    expect(urls(await search(null)).sort()).toEqual([...ENTRY_PAGES].sort());
  });
});

describe('the index in parts says what one index of the built pages says', () => {
  it('part by part, to the byte: the same words, filters, meta, sort keys and page lists', async () => {
    const fragments = await pagefindFragments(path.join(build.outDir, 'pagefind'));
    const manifest = readManifest(await readFile(path.join(build.outDir, 'pagefind/parts.json'), 'utf8'));
    const work = await mkdtemp(path.join(os.tmpdir(), 'latitude-search-old-'));
    try {
      for (const { id } of manifest.parts) {
        const pages = fragments
          .filter((fragment) => fragment.file.startsWith(`${id}/`))
          .map((fragment) => fragment.url)
          .sort();
        expect(pages.length, id).toBeGreaterThan(0);
        await indexBuiltPages(build.outDir, pages, path.join(work, id));
        const indexFiles = async (dir: string) => (await filesIn(dir)).filter((file) => /\.pf_(?:meta|index|fragment|filter)$/.test(file));
        expect(await indexFiles(path.join(build.outDir, 'pagefind', id)), id).toEqual(await indexFiles(path.join(work, id)));
      }
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });

  it.each([
    ['quibblefree', {}],
    ['voucher', {}],
    ['money back', {}],
    ['kettle', {}],
    ['late order', {}],
    ['customer', { filters: { type: 'Boundary' } }],
    [null, { filters: { role: 'Service agent' } }],
    [null, { filters: { value: 'Quick to act' } }],
    ['voucher', { filters: { type: 'Win' } }],
    [null, { sort: { date: 'desc' } }],
    ['order', { sort: { date: 'desc' } }],
  ] as const)('for %j %j, merged: the same pages, meta and filters (in the same order by date)', async (term, options) => {
    const parts = await search(term, options);
    const one = await search(term, options, 'old');
    const data = (found: Found[]) => found.map(({ url, meta, filters }) => ({ url, meta, filters }));
    if ('sort' in options) expect(data(parts)).toEqual(data(one));
    else expect(data(parts).sort((a, b) => a.url.localeCompare(b.url))).toEqual(data(one).sort((a, b) => a.url.localeCompare(b.url)));
  });

  it('ranks each part as one index does: its pages in the same order', async () => {
    const core = (found: Found[]) => urls(found).filter((url) => !url.startsWith('/wins/'));
    for (const term of ['quibblefree', 'voucher', 'money back', 'marmalade', 'doorstep', 'late order', 'customer']) {
      expect(core(await search(term)), term).toEqual(core(await search(term, {}, 'old')));
    }
  });

  it("finds a word only one part has in that part first; the others may add Pagefind's stand-in matches after it", async () => {
    // Pagefind searches a word no page of an index has as the longest prefix of it that one has
    // ("marmalade" as "mar", from "14 Mar 2026"): each merged part does so on its own.
    const found = await search('marmalade');
    expect(urls(found)[0]).toBe('/values/care/');
    expect(urls(await search('marmalade', {}, 'old'))).toEqual(['/values/care/']);
    expect(urls(found.slice(1)).every((url) => url.startsWith('/wins/'))).toBe(true);
  });
});

describe('searching the index', () => {
  it('finds an entry by a word in its title, first', async () => {
    const found = await search('quibblefree');
    expect(found[0]?.url).toBe('/boundaries/quibblefree-voucher/');
  });

  it('finds an entry by a word only in its body', async () => {
    // First (after it, only the wins parts' stand-in matches: see above).
    expect(urls(await search('marmalade'))[0]).toBe('/values/care/');
  });

  it('never finds a word that only a retired entry or a draft has', async () => {
    expect(await search('retiredcanary')).toEqual([]);
    expect(await search('draftsearchcanary')).toEqual([]);
  });

  it('filters by type', async () => {
    expect(urls(await search(null, { filters: { type: 'Boundary' } })).sort()).toEqual([
      '/boundaries/doorstep-gesture/',
      '/boundaries/money-back-faulty/',
      '/boundaries/quibblefree-voucher/',
    ]);
    expect(urls(await search('voucher', { filters: { type: 'Win' } }))).toEqual(['/wins/2026-03-late-order-voucher/']);
  });

  it('narrows by role to its boundaries, the guidelines for it, the role itself and its wins', async () => {
    const agent = urls(await search(null, { filters: { role: 'Service agent' } })).sort();
    expect(agent).toEqual([
      '/boundaries/money-back-faulty/',
      '/boundaries/quibblefree-voucher/',
      '/guidelines/agent-basics/',
      '/guidelines/for-everyone/',
      '/roles/agent/',
      '/wins/2026-03-late-order-voucher/',
    ]);
    const driverAnswers = urls(await search(null, { filters: { role: 'Van driver', type: { any: ['Boundary', 'Guideline'] } } })).sort();
    expect(driverAnswers).toEqual(['/boundaries/doorstep-gesture/', '/guidelines/driver-basics/', '/guidelines/for-everyone/']);
  });

  it('filters by value, team and category', async () => {
    expect(urls(await search(null, { filters: { value: 'Quick to act' } })).sort()).toEqual([
      '/boundaries/quibblefree-voucher/',
      '/case-studies/branch-pilot/',
      '/values/speed/',
      '/wins/2026-03-late-order-voucher/',
    ]);
    expect(urls(await search(null, { filters: { team: 'Delivery', type: 'Boundary' } }))).toEqual(['/boundaries/doorstep-gesture/']);
    expect(urls(await search(null, { filters: { category: 'Billing' } }))).toEqual(['/boundaries/money-back-faulty/']);
  });

  it('carries each role limit in words in a boundary meta, and keeps filter and meta text out of the page text', async () => {
    const [voucher] = await search('quibblefree');
    expect(voucher!.meta).toMatchObject({
      title: 'Quibblefree voucher for a late order',
      summary: 'When an order is late, give the customer a voucher without asking anyone.',
      limits: 'Service agent: up to £30 per case; Team lead: up to £100 per case; Branch manager: up to £500 per case',
    });
    expect(voucher!.filters).toEqual({
      type: ['Boundary'],
      role: ['Service agent', 'Team lead', 'Branch manager'],
      value: ['Care for every customer', 'Quick to act'],
      team: ['Front line', 'Management'],
      category: ['Service recovery'],
    });
    expect(voucher!.content).not.toContain('Service agent: up to £30 per case');
    expect(voucher!.content).not.toMatch(/type:|role:|limits:/);
    expect(voucher!.content).not.toContain('Skip to content'); // page chrome is not indexed
  });

  it('sorts wins by date', async () => {
    expect(urls(await search(null, { sort: { date: 'desc' } }))).toEqual(['/wins/2026-03-late-order-voucher/', '/wins/2025-11-faulty-kettle/']);
  });

  it('finds the money-back boundary for "refund" through the synonyms the build publishes', async () => {
    const synonyms = JSON.parse(await readFile(path.join(build.outDir, 'search/synonyms.json'), 'utf8')) as SynonymMap;
    expect(synonyms).toEqual({ refund: ['money back'] });
    expect(await search('refund')).toEqual([]); // the playbook never says "refund"
    const variants = expandQuery('refund', synonyms);
    expect(variants).toEqual(['money back']);
    expect(urls(await search(variants[0]!))[0]).toBe('/boundaries/money-back-faulty/');
  });

  it('shows the money-back boundary with its limits for "refund" on the search page', async () => {
    const searchPage = await browser.newPage();
    await searchPage.goto(`${server.url}/search/?q=refund`);
    const first = searchPage.locator('.search-hit').first();
    await expect.poll(() => first.locator('a').textContent(), { timeout: 15_000 }).toBe('Money back on a faulty item');
    expect(await first.locator('.search-hit__type').textContent()).toBe('Boundary');
    expect(await first.locator('.search-hit__limits li').allTextContents()).toEqual([
      'Service agent: up to £75 per case',
      'Team lead: up to £200 per case',
      'Branch manager: no monetary limit',
    ]);
    await searchPage.close();
  });
});
