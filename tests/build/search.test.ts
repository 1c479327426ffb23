/**
 * The search index of a built playbook, read back through Pagefind's own JS
 * API in Chromium: what is in it (entry pages only; no listings, retired
 * entries or drafts), its filters and meta, and synonyms. Built once from
 * tests/fixtures/search/.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexSite } from '../../src/integrations/pagefind.ts';
import { expandQuery, type SynonymMap } from '../../src/lib/search/synonyms.ts';
import { injectScript } from '../support/inject-script.ts';
import { FIXTURES, PROJECT_ROOT, type BuildResult } from '../support/build-playbook.ts';
import { browseBuiltPlaybook, type BrowsedSite } from '../support/browsed-site.ts';
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

let build: BuildResult;
let server: PreviewServer;
let browser: Browser;
let page: Page;
let site: BrowsedSite;

beforeAll(async () => {
  site = await browseBuiltPlaybook(path.join(FIXTURES, 'search'));
  ({ build, server, browser } = site);
  page = await browser.newPage();
  await page.goto(`${server.url}/values/`);
  await injectScript(page, { content: PAGEFIND_IN_PAGE });
});

afterAll(() => site?.close());

/**
 * Pagefind's own JS API, loaded in the page the way a site loads it. Given
 * as text: the test runner rewrites `import()` in functions it compiles.
 */
const PAGEFIND_IN_PAGE = `
  window.pagefindSearch = async (term, options) => {
    const pagefind = await import(location.origin + '/pagefind/pagefind.js');
    const { results } = await pagefind.search(term, options);
    return Promise.all(results.map(async (result) => {
      const { url, meta, filters, content, excerpt } = await result.data();
      return { url, meta, filters, content, excerpt };
    }));
  };
`;

/** Runs `pagefind.search` in the page and loads every result's data, best first. */
function search(term: string | null, options: Record<string, unknown> = {}): Promise<Found[]> {
  return page.evaluate(
    ({ term, options }) => (window as unknown as { pagefindSearch(t: string | null, o: unknown): Promise<Found[]> }).pagefindSearch(term, options),
    { term, options },
  );
}

const urls = (found: Found[]) => found.map((f) => f.url);

describe('building the search index', () => {
  it('runs inside the build and says how many pages it indexed', () => {
    expect(build.stdout + build.stderr).toMatch(/Indexed 15 pages/);
  });

  it('writes the index to <outDir>/pagefind/ and ships only the search UI the playbook uses', async () => {
    const files = await readdir(path.join(build.outDir, 'pagefind'));
    expect(files).toEqual(expect.arrayContaining(['pagefind.js', 'pagefind-entry.json', 'index', 'fragment', 'filter']));
    expect(files.filter((f) => /ui|highlight/.test(f))).toEqual([]);
    expect((await stat(path.join(build.outDir, '_latitude/search-box.js'))).isFile()).toBe(true);
    await expect(stat(path.join(PROJECT_ROOT, 'public/pagefind'))).rejects.toThrow();
  });

  it('holds exactly the published entry pages: no listings, search page, retired entries or drafts', async () => {
    expect(urls(await search(null)).sort()).toEqual([...ENTRY_PAGES].sort());
  });

  it('indexes nothing, rather than whole listing pages, when no page is an entry page', async () => {
    const site = await mkdtemp(path.join(os.tmpdir(), 'latitude-search-empty-'));
    try {
      await mkdir(path.join(site, 'values'));
      await writeFile(path.join(site, 'values/index.html'), '<!doctype html><html lang="en"><body><main><h1>Values</h1><p>A listing.</p></main></body></html>');
      expect(await indexSite(site)).toBe(0);
    } finally {
      await rm(site, { recursive: true, force: true });
    }
  });

  it('fails with a plain message when there is nothing to index', async () => {
    const site = await mkdtemp(path.join(os.tmpdir(), 'latitude-search-none-'));
    try {
      await expect(indexSite(site)).rejects.toThrow(`Search index: could not read the built pages. Pagefind said: no HTML pages in ${site}`);
    } finally {
      await rm(site, { recursive: true, force: true });
    }
  });
});

describe('searching the index', () => {
  it('finds an entry by a word in its title, first', async () => {
    const found = await search('quibblefree');
    expect(found[0]?.url).toBe('/boundaries/quibblefree-voucher/');
  });

  it('finds an entry by a word only in its body', async () => {
    expect(urls(await search('marmalade'))).toEqual(['/values/care/']);
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
