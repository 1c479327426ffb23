/**
 * The example playbook in a real browser: axe (WCAG 2.2 AA rules) on one
 * page of each type in light and dark colour schemes, keyboard access to the
 * navigation with a visible focus indicator, and no horizontal scrolling at
 * 320px. Built once from content/, served like a static host.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeCheck } from '../support/axe.ts';
import { PROJECT_ROOT } from '../support/build-playbook.ts';
import { browseBuiltPlaybook, type BrowsedSite } from '../support/browsed-site.ts';
import { PAGES } from '../support/page-types.ts';
import type { PreviewServer } from '../support/preview-server.ts';

let site: BrowsedSite;
let server: PreviewServer;
let browser: Browser;

beforeAll(async () => {
  site = await browseBuiltPlaybook(path.join(PROJECT_ROOT, 'content'));
  ({ server, browser } = site);
});

afterAll(() => site?.close());

async function axeViolations(page: Page): Promise<string[]> {
  const { violations, passes } = await axeCheck(page);
  expect(passes, 'axe ran its rules').toBeGreaterThan(10);
  return violations;
}

describe.each(['light', 'dark'] as const)('accessibility in the %s colour scheme', (colorScheme) => {
  it.each(Object.entries(PAGES))('%s page has no axe violations', async (_name, url) => {
    const page = await browser.newPage();
    try {
      await page.emulateMedia({ colorScheme });
      const response = await page.goto(server.url + url);
      expect(response?.status()).toBe(url === PAGES['404'] ? 404 : 200);
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
      expect(reached).toEqual(['Can I…?', 'Values', 'Roles', 'Boundaries', 'Guidelines', 'Case studies', 'Wins']);
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
  it.each(['/', '/roles/store-associate/', '/boundaries/', '/results/'])('%s does not scroll sideways at 320px', async (url) => {
    const page = await browser.newPage({ viewport: { width: 320, height: 640 } });
    try {
      await page.goto(server.url + url);
      const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    } finally {
      await page.close();
    }
  });
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
      // Each shown row keeps the role's cell only: the one under its header (cells name no role; the filter goes by column).
      const driverColumn = await page
        .locator('[data-matrix] thead th')
        .evaluateAll((heads) => heads.findIndex((head) => (head as HTMLElement).dataset.role === 'delivery-driver'));
      const cellsShown = await page
        .locator('[data-matrix] tbody tr:visible')
        .evaluateAll((rows) => rows.map((row) => [...(row as HTMLTableRowElement).cells].filter((cell) => !cell.hidden).map((cell) => cell.cellIndex)));
      for (const cells of cellsShown) expect(cells).toEqual([0, driverColumn]);
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

describe('results in pictures', () => {
  /** Each chart as drawn: its title, and the boxes of its words, bars and figures on the screen. */
  const drawnCharts = (page: Page) =>
    page.locator('main svg[role="img"]').evaluateAll((charts) =>
      charts.map((chart) => {
        const box = (element: Element) => {
          const { left, right, top, bottom } = element.getBoundingClientRect();
          return { left, right, top, bottom };
        };
        return {
          title: chart.querySelector('title')?.textContent ?? '',
          chart: box(chart),
          bars: [...chart.querySelectorAll('rect')].map((rect) => ({
            ...box(rect),
            drawn: Number(rect.getAttribute('width')),
            fill: getComputedStyle(rect).fill,
          })),
          texts: [...chart.querySelectorAll('text')].map((text) => ({ ...box(text), text: text.textContent ?? '' })),
        };
      }),
    );
  type Box = { left: number; right: number; top: number; bottom: number };
  const overlap = (a: Box, b: Box) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;

  it('read correctly with styles off: bars to scale, every word and figure inside the chart and clear of the bars', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${server.url}/results/`);
      await page.evaluate(() => document.querySelectorAll('link[rel="stylesheet"], style').forEach((sheet) => sheet.remove()));
      expect(await page.evaluate(() => document.styleSheets.length)).toBe(0);
      const charts = await drawnCharts(page);
      expect(charts.map((chart) => chart.title)).toContain('CSAT rose from 78% to 91%');
      for (const { title, chart, bars, texts } of charts) {
        expect(bars, title).toHaveLength(2);
        expect(texts.map((text) => text.text).filter((text) => /\d/.test(text)).length, title).toBe(2);
        // Drawn at the scale worked out at build time: on screen, the two bars keep the ratio of their lengths.
        const [before, after] = bars as [(typeof bars)[number], (typeof bars)[number]];
        expect((before.right - before.left) / (after.right - after.left), title).toBeCloseTo(before.drawn / after.drawn, 1);
        for (const text of texts) {
          expect(text.left >= chart.left - 0.5 && text.right <= chart.right + 0.5, `${title}: ${text.text}`).toBe(true);
          for (const bar of bars) expect(overlap(text, bar), `${title}: ${text.text}`).toBe(false);
        }
      }
      // The table beside each chart holds the same figures.
      expect(await page.locator('main table').first().locator('tbody tr').first().innerText()).toMatch(/First-contact resolution \(FCR\)\s+64%\s+83%/);
    } finally {
      await page.close();
    }
  });

  it('keep before and after apart in dark mode and in print', async () => {
    const page = await browser.newPage();
    try {
      for (const media of [
        { colorScheme: 'dark', media: 'screen' },
        { colorScheme: 'light', media: 'print' },
      ] as const) {
        await page.emulateMedia(media);
        await page.goto(`${server.url}/case-studies/north-region-limit-pilot/`);
        const [chart] = await drawnCharts(page);
        const [before, after] = chart!.bars;
        expect(before!.fill, JSON.stringify(media)).not.toBe(after!.fill);
        const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
        for (const bar of chart!.bars) expect(bar.fill, JSON.stringify(media)).not.toBe(background);
      }
    } finally {
      await page.close();
    }
  });
});
