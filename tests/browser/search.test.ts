/**
 * Search on the example playbook (content/) in Chromium, as an employee uses
 * it: the header box on a content page (no script until it is used), the
 * search page with `?q=`, filters and keyboard, every boundary findable by a
 * word of its title, drafts never found, axe on the results, and a build
 * under PLAYBOOK_BASE=/playbook.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { axeCheck } from '../support/axe.ts';
import { buildPlaybook, PROJECT_ROOT, type BuildResult } from '../support/build-playbook.ts';
import { browseBuiltPlaybook, type BrowsedSite } from '../support/browsed-site.ts';
import { previewSite, type PreviewServer } from '../support/preview-server.ts';

const CONTENT = path.join(PROJECT_ROOT, 'content');

let build: BuildResult;
let server: PreviewServer;
let browser: Browser;
let site: BrowsedSite;

beforeAll(async () => {
  site = await browseBuiltPlaybook(CONTENT);
  ({ build, server, browser } = site);
});

afterAll(() => site?.close());

async function withPage<T>(task: (page: Page) => Promise<T>, options: Parameters<Browser['newPage']>[0] = {}): Promise<T> {
  const page = await browser.newPage(options);
  try {
    return await task(page);
  } finally {
    await page.close();
  }
}

/** Waits until the search page has answered (its status says how many results, or none). */
async function settled(page: Page): Promise<string> {
  const status = page.locator('[data-search-status]');
  await expect.poll(async () => /result/.test((await status.textContent()) ?? ''), { timeout: 20_000 }).toBe(true);
  return (await status.textContent()) ?? '';
}

/** Result links in order, as site paths. */
async function resultPaths(page: Page): Promise<string[]> {
  return page.locator('ol[data-search-results] a.search-hit__link').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

/** Every result of the current search, pressing "Show more results" until all are shown. */
async function allResultPaths(page: Page): Promise<string[]> {
  const more = page.locator('button[data-search-more]');
  for (let i = 0; i < 20 && (await more.isVisible()); i++) {
    const before = await page.locator('.search-hit').count();
    await more.click();
    await expect.poll(() => page.locator('.search-hit').count()).toBeGreaterThan(before);
  }
  return resultPaths(page);
}

/** Entry pages in the built site (the ones carrying Pagefind's body marker), with their titles. */
async function indexedEntries(): Promise<{ path: string; title: string }[]> {
  const files = (await readdir(build.outDir, { recursive: true })).filter((f) => f.endsWith('index.html'));
  const entries = [];
  for (const file of files) {
    const html = await readFile(path.join(build.outDir, file), 'utf8');
    if (!html.includes('data-pagefind-body')) continue;
    const h1 = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? '';
    const title = h1
      .replace(/<[^>]+>/g, '')
      .replace(/&#39;|&#x27;/g, "'")
      .replace(/&amp;/g, '&')
      .trim();
    entries.push({ path: `/${file.replace(/index\.html$/, '')}`, title });
  }
  return entries;
}

const titleWords = (title: string) => title.toLowerCase().match(/[a-z0-9]+/g) ?? [];
/** Close enough to Pagefind's stemming for choosing words: "damage" and "damaged" count as one. */
const stem = (word: string) => word.slice(0, 5);

/**
 * For each boundary, the word of its title a person would type to find it:
 * one no other boundary title shares, in as few other titles as possible,
 * preferring real words to two-letter ones, then longer ones.
 */
async function boundaryWords(): Promise<{ path: string; title: string; word: string }[]> {
  const entries = await indexedEntries();
  const boundaries = entries.filter((e) => e.path.startsWith('/boundaries/'));
  return boundaries.map((boundary) => {
    const otherBoundaries = boundaries.filter((b) => b !== boundary).map((b) => new Set(titleWords(b.title).map(stem)));
    const others = entries.filter((e) => e !== boundary).map((e) => new Set(titleWords(e.title).map(stem)));
    const [word] = [...new Set(titleWords(boundary.title))]
      .filter((w) => !otherBoundaries.some((words) => words.has(stem(w))))
      .map((w) => ({ w, shared: others.filter((words) => words.has(stem(w))).length }))
      .sort((a, b) => a.shared - b.shared || Number(b.w.length > 2) - Number(a.w.length > 2) || b.w.length - a.w.length);
    return { ...boundary, word: word?.w ?? '' };
  });
}

/** Frontmatter of a content file. */
async function frontmatter(file: string): Promise<Record<string, unknown>> {
  const text = await readFile(file, 'utf8');
  return parse(/^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '') as Record<string, unknown>;
}

describe('the header search box on a content page', () => {
  it('has the accessible name "Search" and loads no script until it is used', async () => {
    await withPage(async (page) => {
      const scripts: string[] = [];
      page.on('request', (request) => {
        // The page script is the one script every page has (issue 20: the theme, the shortcut, this box's loader and the
        // offline worker's registration, once inline in every page), with the worker it registers (issue 11).
        if (/\/sw\.js$|\/_latitude\/page\.js\?v=[0-9a-f]+$/.test(request.url())) return;
        if (request.resourceType() === 'script' || /pagefind|\.js(\?|$)/.test(request.url())) scripts.push(request.url());
      });
      await page.goto(`${server.url}/boundaries/store-goodwill-gesture/`, { waitUntil: 'networkidle' });
      const box = page.getByRole('searchbox', { name: 'Search', exact: true });
      await expect.poll(() => box.count()).toBe(1);
      // The page's own scripts, as files (no script is inline: the policy lists no hash), are not the search's:
      // a boundary page marks the reader's own row with one.
      const own = await page.evaluate(() => Array.from(document.querySelectorAll('script[src]'), (script) => (script as HTMLScriptElement).src));
      expect(own.some((url) => url.includes('/_astro/'))).toBe(true);
      expect(scripts.filter((url) => !own.includes(url))).toEqual([]);

      await box.focus();
      await expect.poll(() => scripts.some((url) => url.includes('/_latitude/search-box.js'))).toBe(true);
    });
  });

  it('shows the top results as you type, reachable with the arrow keys', async () => {
    await withPage(async (page) => {
      await page.goto(`${server.url}/values/own-the-fix/`);
      const box = page.getByRole('searchbox', { name: 'Search', exact: true });
      await box.click();
      await box.pressSequentially('receipt');
      const first = page.locator('.search-popover a.search-hit__link').first();
      await expect.poll(() => first.textContent(), { timeout: 20_000 }).toBe('Refund without a receipt');
      await box.press('ArrowDown');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Refund without a receipt');
      await page.keyboard.press('ArrowDown');
      expect(await page.evaluate(() => document.activeElement?.classList.contains('search-hit__link'))).toBe(true);
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('ArrowUp');
      expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('q');
      await page.keyboard.press('Escape');
      expect(await page.locator('.search-popover').isHidden()).toBe(true);
    });
  });

  it('takes you to /search/?q= with results when you press Enter', async () => {
    await withPage(async (page) => {
      await page.goto(`${server.url}/roles/store-associate/`);
      const box = page.getByRole('searchbox', { name: 'Search', exact: true });
      await box.fill('price match');
      await box.press('Enter');
      await page.waitForURL(/\/search\/\?q=price(\+|%20)match$/);
      expect(await settled(page)).toMatch(/^\d+ results? for “price match”/);
      expect((await resultPaths(page))[0]).toBe('/boundaries/price-match/');
    });
  });
});

describe('the search page', () => {
  it('finds every boundary by a word of its title, as the first result', async () => {
    const table = await boundaryWords();
    expect(table.length).toBeGreaterThanOrEqual(10);
    await withPage(async (page) => {
      const misses: string[] = [];
      for (const { path: boundary, title, word } of table) {
        expect(word, `a word that finds "${title}"`).not.toBe('');
        await page.goto(`${server.url}/search/?q=${encodeURIComponent(word)}`);
        await settled(page);
        const first = (await resultPaths(page))[0];
        if (first !== boundary) misses.push(`"${word}" found ${first} before ${boundary}`);
      }
      expect(misses).toEqual([]);
    });
  });

  it('shows the type, summary and every role limit of a boundary', async () => {
    await withPage(async (page) => {
      await page.goto(`${server.url}/search/?q=refund`);
      await settled(page);
      const hit = page.locator('.search-hit', { has: page.locator('a[href="/boundaries/refund-without-receipt/"]') });
      expect(await hit.locator('.search-hit__type').textContent()).toBe('Boundary');
      expect(await hit.locator('.search-hit__summary').textContent()).toMatch(/^A customer who has lost the receipt/);
      expect(await hit.locator('.search-hit__limits li').allTextContents()).toContain('Store associate: up to £50 per customer per day');
    });
  });

  it('never finds a word that only drafts contain', async () => {
    await withPage(async (page) => {
      await page.goto(`${server.url}/search/?q=zanzibarquokka`);
      expect(await settled(page)).toMatch(/^No results for “zanzibarquokka”/);
      expect(await resultPaths(page)).toEqual([]);
    });
  });

  it('narrows by role to the boundaries it holds and the guidelines for it, and keeps the filters in the address', async () => {
    const boundaries: string[] = [];
    for (const file of await readdir(path.join(CONTENT, 'boundaries'))) {
      const data = await frontmatter(path.join(CONTENT, 'boundaries', file));
      const grants = data.grants as { role: string }[];
      if ((data.status ?? 'published') === 'published' && grants.some((g) => g.role === 'store-associate'))
        boundaries.push(`/boundaries/${file.replace(/\.mdx?$/, '')}/`);
    }
    const guidelines: string[] = [];
    for (const file of await readdir(path.join(CONTENT, 'guidelines'))) {
      const data = await frontmatter(path.join(CONTENT, 'guidelines', file));
      const roles = (data.roles ?? []) as string[];
      if ((data.status ?? 'published') === 'published' && (roles.length === 0 || roles.includes('store-associate')))
        guidelines.push(`/guidelines/${file.replace(/\.mdx?$/, '')}/`);
    }
    expect(boundaries.length).toBeGreaterThan(2);

    await withPage(async (page) => {
      await page.goto(`${server.url}/search/?q=customer`);
      const unfiltered = await settled(page);
      await page.locator('details[data-search-filters]').evaluate((details) => ((details as HTMLDetailsElement).open = true));
      await page.getByRole('group', { name: 'Role' }).getByRole('checkbox', { name: 'Store associate', exact: true }).check();
      await page.getByRole('group', { name: 'Type' }).getByRole('checkbox', { name: 'Boundary', exact: true }).check();
      await page.getByRole('group', { name: 'Type' }).getByRole('checkbox', { name: 'Guideline', exact: true }).check();
      await expect.poll(() => page.url()).toMatch(/\?q=customer&type=Boundary&type=Guideline&role=Store\+associate$/);
      await expect
        .poll(() => page.locator('[data-search-status]').textContent(), { timeout: 20_000 })
        .toMatch(/filtered by Boundary, Guideline, Store associate\.$/);
      const found = await allResultPaths(page);
      expect(found.length).toBeGreaterThan(0);
      expect(found.length).toBeLessThan(Number(/^(\d+)/.exec(unfiltered)?.[1]));
      expect(found.filter((p) => !boundaries.includes(p) && !guidelines.includes(p))).toEqual([]);

      // Filters alone, linked to: the address restores them, and the results are exactly the role's.
      await page.goto(`${server.url}/search/?type=Boundary&role=Store+associate`);
      await settled(page);
      expect((await allResultPaths(page)).sort()).toEqual([...boundaries].sort());
      await page.goto(`${server.url}/search/?type=Guideline&role=Store+associate`);
      await settled(page);
      expect((await allResultPaths(page)).sort()).toEqual([...guidelines].sort());
      expect(await page.getByRole('checkbox', { name: 'Store associate', exact: true }).isChecked()).toBe(true);
    });
  });

  it('can be used with the keyboard: Tab into the results, arrow keys through them', async () => {
    await withPage(async (page) => {
      await page.goto(`${server.url}/search/?q=refund`);
      await settled(page);
      const input = page.getByRole('searchbox', { name: 'Search', exact: true });
      expect(await input.inputValue()).toBe('refund');

      // Tab from the last filter control lands on the first result.
      await page.locator('select[name="order"]').focus();
      await page.keyboard.press('Tab');
      const firstTitle = await page.locator('a.search-hit__link').first().textContent();
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(firstTitle);
      await page.keyboard.press('Tab');
      const secondTitle = await page.locator('a.search-hit__link').nth(1).textContent();
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(secondTitle);

      // Arrow keys from the box through the results and back.
      await input.focus();
      await page.keyboard.press('ArrowDown');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(firstTitle);
      await page.keyboard.press('ArrowDown');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(secondTitle);
      await page.keyboard.press('End');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(await page.locator('a.search-hit__link').last().textContent());
      await page.keyboard.press('Home');
      await page.keyboard.press('ArrowUp');
      expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.id)).toBe('search-input');

      // Enter on a result opens it.
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.pathname !== '/search/');
      expect(await page.locator('h1').textContent()).toBe(firstTitle);
    });
  });

  it.each(['light', 'dark'] as const)('has no axe violations with results showing (%s)', async (colorScheme) => {
    await withPage(async (page) => {
      await page.emulateMedia({ colorScheme });
      await page.goto(`${server.url}/search/?q=refund`);
      await settled(page);
      expect(await page.locator('.search-hit__limits').count()).toBeGreaterThan(0);
      const { violations, passes } = await axeCheck(page);
      expect(passes).toBeGreaterThan(10);
      expect(violations).toEqual([]);
    });
  });
});

describe('under a base path (PLAYBOOK_BASE=/playbook)', () => {
  it('loads the search from /playbook/ and links results inside it', async () => {
    const based = await buildPlaybook(CONTENT, { env: { PLAYBOOK_BASE: '/playbook' } });
    try {
      expect(based.exitCode, based.stderr).toBe(0);
      const basedServer = await previewSite(based.outDir, '/playbook');
      try {
        await withPage(async (page) => {
          const requested: string[] = [];
          page.on('request', (request) => requested.push(new URL(request.url()).pathname));
          await page.goto(`${basedServer.url}/boundaries/price-match/`);
          const box = page.getByRole('searchbox', { name: 'Search', exact: true });
          await box.fill('receipt');
          await box.press('Enter');
          await page.waitForURL(/\/playbook\/search\/\?q=receipt$/);
          await settled(page);
          expect((await resultPaths(page))[0]).toBe('/playbook/boundaries/refund-without-receipt/');
          expect(requested).toContain('/playbook/pagefind/core/pagefind.js');
          expect(requested.filter((p) => p.startsWith('/pagefind/') || p.startsWith('/_latitude/'))).toEqual([]);
        });
      } finally {
        await basedServer.close();
      }
    } finally {
      await based.cleanup();
    }
  });
});
