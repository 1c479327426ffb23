/**
 * The example playbook in a real browser: axe (WCAG 2.2 AA rules) on one
 * page of each type, in English and in Canadian French, in light and dark colour schemes, keyboard access to the
 * navigation with a visible focus indicator, and no horizontal scrolling at
 * 320px. Built once from content/, served like a static host.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { injectScript } from '../support/inject-script.ts';
import { PROJECT_ROOT } from '../support/build-playbook.ts';
import { browseBuiltPlaybook, type BrowsedSite } from '../support/browsed-site.ts';
import type { PreviewServer } from '../support/preview-server.ts';

const AXE = path.join(PROJECT_ROOT, 'node_modules/axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** One page of each type in the example playbook. */
const PAGES: Record<string, string> = {
  home: '/',
  'values index': '/values/',
  value: '/values/own-the-fix/',
  'roles index': '/roles/',
  role: '/roles/store-associate/',
  'guidelines index': '/guidelines/',
  guideline: '/guidelines/fix-it-first/',
  'boundaries index': '/boundaries/',
  boundary: '/boundaries/refund-without-receipt/',
  'retired boundary': '/boundaries/refund-without-receipt-2024/',
  'case studies index': '/case-studies/',
  'case study': '/case-studies/southwest-frontline-freedom/',
  'wins page 1': '/wins/',
  'wins page 2': '/wins/page/2/',
  win: '/wins/2026-04-first-75-pound-gesture/',
  changes: '/changes/',
  review: '/review/',
  'ladders index': '/ladders/',
  ladder: '/ladders/store-associate/',
  '404': '/no-such-page/',
  'matrix of a team': '/boundaries/team/stores/',
  "a role's decisions (Can I…? without JavaScript)": '/can-i/store-associate/',
  'pocket card': '/roles/store-associate/card/',
  offline: '/offline/',
  'can i': '/can-i/?role=store-associate&decision=store-goodwill-gesture&amount=80',
  'search with an answer card': '/search/?q=refund%20%C2%A380',
};

let site: BrowsedSite;
let server: PreviewServer;
let browser: Browser;

beforeAll(async () => {
  site = await browseBuiltPlaybook(path.join(PROJECT_ROOT, 'content'));
  ({ server, browser } = site);
});

afterAll(() => site?.close());

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: string[] }[];
}

async function axeViolations(page: Page): Promise<string[]> {
  await injectScript(page, { path: AXE });
  const { violations, passes } = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[]; passes: unknown[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return { violations: result.violations, passes: result.passes.length };
  }, TAGS);
  expect(passes, 'axe ran its rules').toBeGreaterThan(10);
  return violations.map(
    (v) =>
      `${v.id}: ${v.help} (${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 5)
        .join(', ')})`,
  );
}

/** The same pages in Canadian French (the example is published in fr-CA too); a language's own 404 page is at /fr-ca/404/. */
const FRENCH_PAGES: Record<string, string> = Object.fromEntries(
  Object.entries(PAGES).map(([name, url]) => [`${name} (fr-CA)`, url === PAGES['404'] ? '/fr-ca/404/' : `/fr-ca${url}`]),
);

describe.each(['light', 'dark'] as const)('accessibility in the %s colour scheme', (colorScheme) => {
  it.each(Object.entries({ ...PAGES, ...FRENCH_PAGES }))('%s page has no axe violations', async (_name, url) => {
    const page = await browser.newPage();
    try {
      await page.emulateMedia({ colorScheme });
      const response = await page.goto(server.url + url);
      expect(response?.status()).toBe(url === PAGES['404'] ? 404 : 200);
      if (url.startsWith('/fr-ca/')) expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr-CA');
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('keyboard', () => {
  it('Tab reaches the skip link, then the navigation links, each with a visible focus indicator', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${server.url}/values/`);
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
      const reached: string[] = [];
      for (let i = 0; i < 20 && reached.length < 7; i++) {
        await page.keyboard.press('Tab');
        const focused = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (!el?.closest('nav[aria-label="Main"]')) return undefined;
          const style = getComputedStyle(el);
          return { text: el.textContent?.trim() ?? '', outline: style.outlineStyle, width: parseFloat(style.outlineWidth) };
        });
        if (!focused) continue;
        expect(focused.outline, focused.text).not.toBe('none');
        expect(focused.width, focused.text).toBeGreaterThanOrEqual(2);
        reached.push(focused.text);
      }
      expect(reached).toEqual(['Values', 'Roles', 'Boundaries', 'Guidelines', 'Case studies', 'Wins', 'Can I…?']);
    } finally {
      await page.close();
    }
  });

  it('the skip link moves focus to the main content', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${server.url}/roles/store-associate/`);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    } finally {
      await page.close();
    }
  });
});

describe('small screens', () => {
  it.each(['/', '/roles/store-associate/', '/boundaries/', '/fr-ca/', '/fr-ca/roles/store-associate/', '/fr-ca/boundaries/'])(
    '%s does not scroll sideways at 320px',
    async (url) => {
      const page = await browser.newPage({ viewport: { width: 320, height: 640 } });
      try {
        await page.goto(server.url + url);
        const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
        expect(widths.scroll).toBeLessThanOrEqual(widths.client);
      } finally {
        await page.close();
      }
    },
  );
});

describe('boundaries matrix filter', () => {
  it('is hidden without JavaScript and filters by role and category with it', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const noJs = await context.newPage();
    await noJs.goto(`${server.url}/boundaries/`);
    expect(await noJs.locator('[data-matrix-filter]').isVisible()).toBe(false);
    const allRows = await noJs.locator('[data-matrix] tbody tr').count();
    expect(allRows).toBeGreaterThan(5);
    await context.close();

    const page = await browser.newPage();
    try {
      await page.goto(`${server.url}/boundaries/`);
      await page.locator('[data-matrix-filter]').getByLabel('Role', { exact: true }).selectOption('delivery-driver');
      const visibleRoles = await page.locator('[data-matrix] thead th[data-role]:visible').allTextContents();
      expect(visibleRoles.map((t) => t.trim())).toEqual([expect.stringContaining('Delivery driver')]);
      const shown = await page.locator('[data-matrix] tbody tr:visible').count();
      expect(shown).toBeGreaterThan(0);
      expect(shown).toBeLessThan(allRows);
      await expect.poll(() => page.locator('[data-matrix-count]').textContent()).toBe(`Showing ${shown} of ${allRows} boundaries`);
      expect(page.url()).toContain('?role=delivery-driver');

      await page.locator('[data-matrix-filter]').getByLabel('Role', { exact: true }).selectOption('');
      await page.locator('[data-matrix-filter]').getByLabel('Category', { exact: true }).selectOption('Returns');
      const categories = await page.locator('[data-matrix] tbody tr:visible').evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.category));
      expect(categories.length).toBeGreaterThan(0);
      expect(new Set(categories)).toEqual(new Set(['Returns']));
    } finally {
      await page.close();
    }
  });
});
