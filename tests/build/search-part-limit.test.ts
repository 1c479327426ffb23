/**
 * A core too large for one search part (src/lib/search/parts.ts): the
 * search fixture built with `PLAYBOOK_SEARCH_PART_PAGES=4`, so its 13 core
 * pages are cut into `core`, `core-2`, … by a hash of each entry, as a
 * playbook over 5,000 core pages is. The site's own search (the search
 * page, src/scripts/search-engine.ts) must open every core part for the
 * first search and find what one core finds.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexedPageCount } from '../../src/integrations/pagefind.ts';
import { readManifest } from '../../src/lib/search/parts.ts';
import { FIXTURES } from '../support/build-playbook.ts';
import { browseBuiltPlaybook, type BrowsedSite } from '../support/browsed-site.ts';
import { pagefindFragments } from '../support/built-site.ts';

let site: BrowsedSite;

beforeAll(async () => {
  site = await browseBuiltPlaybook(path.join(FIXTURES, 'search'), { env: { PLAYBOOK_SEARCH_PART_PAGES: '4' } });
});

afterAll(() => site?.close());

/** The titles the search page lists for `query` (a query string), once it has searched. */
async function hitsFor(query: string): Promise<string[]> {
  const page: Page = await site.browser.newPage();
  try {
    await page.goto(`${site.server.url}/search/?${query}`);
    const hits = page.locator('.search-hit a');
    await expect.poll(() => hits.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    // Results come in one go once every core part is open; give a widening a moment to settle.
    await page.waitForLoadState('networkidle');
    return await hits.allTextContents();
  } finally {
    await page.close();
  }
}

describe('a core over the part limit', () => {
  it('is cut into core, core-2, … with every core page in exactly one, and only the first carries the engine', async () => {
    const outDir = site.build.outDir;
    const ids = readManifest(await readFile(path.join(outDir, 'pagefind/parts.json'), 'utf8')).parts.map((part) => part.id);
    expect(ids).toEqual(['core', 'core-2', 'core-3', 'core-4', 'wins-2026', 'wins-2025']);
    const counts = await Promise.all(ids.slice(0, 4).map((id) => indexedPageCount(path.join(outDir, 'pagefind', id))));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(13);
    for (const count of counts) expect(count).toBeGreaterThan(0);
    expect(await readdir(path.join(outDir, 'pagefind/core'))).toEqual(expect.arrayContaining(['pagefind.js']));
    for (const id of ['core-2', 'core-3', 'core-4'])
      expect(
        (await readdir(path.join(outDir, 'pagefind', id))).filter((file) => /^pagefind\.js$|^wasm\./.test(file)),
        id,
      ).toEqual([]);
    expect(site.build.stdout + site.build.stderr).toMatch(/Indexed 15 pages for search in 6 part\(s\)/);
  });

  it('is searched whole by the first search: a filter finds every boundary, whichever part holds it', async () => {
    const fragments = await pagefindFragments(path.join(site.build.outDir, 'pagefind'));
    const boundaryParts = new Set(fragments.filter((fragment) => fragment.url.startsWith('/boundaries/')).map((fragment) => fragment.file.split('/')[0]));
    // The three boundaries are spread over more than one part, or this would prove nothing.
    expect(boundaryParts.size).toBeGreaterThan(1);
    expect((await hitsFor('type=Boundary')).sort()).toEqual([
      'Doorstep gesture by a driver',
      'Money back on a faulty item',
      'Quibblefree voucher for a late order',
    ]);
  });

  it('answers "refund" with the money-back boundary first, as one core does', async () => {
    expect((await hitsFor('q=refund'))[0]).toBe('Money back on a faulty item');
  });
});
