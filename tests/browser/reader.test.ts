/**
 * Issue 23, as a reader uses the example playbook (content/) in Chromium at
 * 375 × 812 and 1280 × 800: the Light/Dark/Auto control (the system's
 * setting without JavaScript, remembered on the device, no flash of the
 * other theme, in French too, axe clean in the chosen theme on every page
 * type), `/` and Ctrl/⌘-K to the search box, previous and next on entry
 * pages, "On this page" beside the text on wide screens, and the papercuts
 * (the phone's search placeholder, the ladder table's name, the search
 * page without JavaScript).
 */
import path from 'node:path';
import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnyEntry, Playbook } from '../../src/lib/model/types.ts';
import { THEME_STORAGE_KEY } from '../../src/lib/theme/theme-script.ts';
import { axeCheck } from '../support/axe.ts';
import { PROJECT_ROOT } from '../support/build-playbook.ts';
import { browseBuiltPlaybook, type BrowsedSite } from '../support/browsed-site.ts';
import { loadModel } from '../support/load-model.ts';
import { PAGES } from '../support/page-types.ts';

const CONTENT = path.join(PROJECT_ROOT, 'content');
const VIEWPORTS = {
  phone: { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true },
  desktop: { viewport: { width: 1280, height: 800 } },
} satisfies Record<string, BrowserContextOptions>;

/** Light and dark backgrounds (the --bg token of src/styles/global.css). */
const BACKGROUND = { light: 'rgb(255, 255, 255)', dark: 'rgb(17, 20, 24)' };

let site: BrowsedSite;
let model: Playbook<string>;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [site, model] = await Promise.all([browseBuiltPlaybook(CONTENT), loadModel(CONTENT)]);
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await site?.close();
});

const url = (address: string) => `${site.server.url}${address}`;

/**
 * A page in a context of its own. The offline worker is blocked but where a test asks for it: left to run, it registers
 * three seconds after a page is quiet and stores the whole site, and every context kept to the end did so beside the tests.
 */
async function open(options: BrowserContextOptions, address: string, { worker = false } = {}): Promise<Page> {
  const context = await site.browser.newContext({ serviceWorkers: worker ? 'allow' : 'block', ...options });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(url(address));
  return page;
}

const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const focused = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.outerHTML.slice(0, 200) ?? '');

describe.each(Object.entries(VIEWPORTS))('on a %s', (name, options) => {
  describe('the theme control', () => {
    it('is absent without JavaScript, where the system setting decides', async () => {
      for (const colorScheme of ['light', 'dark'] as const) {
        const page = await open({ ...options, javaScriptEnabled: false, colorScheme }, '/values/');
        expect(await page.getByLabel('Theme', { exact: true }).isVisible()).toBe(false);
        expect(await background(page)).toBe(BACKGROUND[colorScheme]);
      }
    });

    it('follows the system on Auto, and a choice of Dark or Light wins over it, remembered on this device across pages', async () => {
      const page = await open({ ...options, colorScheme: 'light' }, '/values/');
      const control = page.getByLabel('Theme', { exact: true });
      expect(await control.isVisible()).toBe(true);
      expect(await control.inputValue()).toBe('auto');
      expect(await background(page)).toBe(BACKGROUND.light);

      await control.selectOption('dark');
      expect(await background(page)).toBe(BACKGROUND.dark);
      expect(await page.evaluate((key) => localStorage.getItem(key), THEME_STORAGE_KEY)).toBe('dark');

      await page.goto(url('/roles/store-associate/'));
      expect(await background(page)).toBe(BACKGROUND.dark);
      expect(await page.getByLabel('Theme', { exact: true }).inputValue()).toBe('dark');

      await page.emulateMedia({ colorScheme: 'dark' });
      await page.getByLabel('Theme', { exact: true }).selectOption('light');
      expect(await background(page)).toBe(BACKGROUND.light);

      await page.getByLabel('Theme', { exact: true }).selectOption('auto');
      expect(await background(page)).toBe(BACKGROUND.dark);
      expect(await page.evaluate((key) => localStorage.getItem(key), THEME_STORAGE_KEY)).toBeNull();
    });

    it('is applied before anything is drawn: no flash of the light page when Dark was chosen', async () => {
      const page = await open({ ...options, colorScheme: 'light' }, '/values/');
      await page.evaluate((key) => localStorage.setItem(key, 'dark'), THEME_STORAGE_KEY);
      // Notes the theme at the moment the first thing that can be drawn (the skip link) is inserted.
      await page.addInitScript(() => {
        new MutationObserver((_changes, observer) => {
          if (!document.querySelector('.skip-link')) return;
          (window as unknown as { themeAtBody: string | undefined }).themeAtBody = document.documentElement.dataset.theme;
          observer.disconnect();
        }).observe(document, { childList: true, subtree: true });
      });
      await page.goto(url('/guidelines/fix-it-first/'));
      expect(await page.evaluate(() => (window as unknown as { themeAtBody: string | undefined }).themeAtBody)).toBe('dark');
    });

    it('speaks the page language', async () => {
      const page = await open(options, '/fr-ca/values/');
      const control = page.getByLabel('Thème', { exact: true });
      expect(await control.isVisible()).toBe(true);
      expect((await control.locator('option').allTextContents()).map((text) => text.trim())).toEqual(['Automatique', 'Clair', 'Sombre']);
    });
  });

  describe('the search shortcut', () => {
    it('/ and Ctrl-K or ⌘-K put the cursor in the search box, which names its shortcut for screen readers', async () => {
      const page = await open(options, '/values/own-the-fix/');
      const box = page.locator('header input[type="search"]');
      expect(await box.getAttribute('aria-keyshortcuts')).toBe('/ Control+K Meta+K');
      const description = await box.evaluate((input) => document.getElementById(input.getAttribute('aria-describedby') ?? '')?.textContent?.trim());
      expect(description).toMatch(/^Shortcut: press \/ or Ctrl\+K/);
      for (const keys of ['/', 'Control+k', 'Meta+k']) {
        await page.locator('h1').click();
        await page.keyboard.press(keys);
        expect(await focused(page), keys).toContain('data-search-shortcut');
        // The key itself is not typed into the box.
        expect(await box.inputValue(), keys).toBe('');
      }
    });

    it('goes to the search page’s own box there', async () => {
      const page = await open(options, '/search/');
      await page.locator('h1').click();
      await page.keyboard.press('/');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-input');
    });

    it('never takes a key typed in a field', async () => {
      const page = await open(options, '/search/');
      const box = page.locator('#search-input');
      await box.click();
      await page.keyboard.type('a/b');
      expect(await box.inputValue()).toBe('a/b');

      const canI = await open(options, '/can-i/?role=store-associate&decision=store-goodwill-gesture');
      const amount = canI.getByLabel('Amount', { exact: true });
      await amount.click();
      await canI.keyboard.press('/');
      await canI.keyboard.press('Control+k');
      expect(await canI.evaluate(() => document.activeElement?.getAttribute('name') ?? document.activeElement?.id)).not.toBe('q');
    });
  });

  describe('previous and next', () => {
    const collections = ['values', 'roles', 'guidelines', 'boundaries', 'caseStudies', 'wins'] as const;

    it.each(collections)('%s: each entry page leads to the one before and after it in the listing', async (collection) => {
      const list: AnyEntry<string>[] = model[collection];
      expect(list.length, collection).toBeGreaterThan(2);
      const page = await open(options, list[1]!.path);
      const pager = page.getByRole('navigation', { name: 'Previous and next' });
      expect(await pager.locator('a[rel="prev"]').getAttribute('href')).toBe(list[0]!.path);
      expect(await pager.locator('a[rel="next"]').getAttribute('href')).toBe(list[2]!.path);
      await pager.locator('a[rel="next"]').click();
      await page.waitForURL(url(list[2]!.path));

      await page.goto(url(list[0]!.path));
      expect(await page.getByRole('navigation', { name: 'Previous and next' }).locator('a[rel="prev"]').count()).toBe(0);
      await page.goto(url(list.at(-1)!.path));
      expect(await page.getByRole('navigation', { name: 'Previous and next' }).locator('a[rel="next"]').count()).toBe(0);
    });

    it('wins say newer and older, as before', async () => {
      const page = await open(options, model.wins[1]!.path);
      const pager = page.getByRole('navigation', { name: 'Previous and next' });
      expect((await pager.locator('a[rel="prev"]').innerText()).trim()).toBe(`← Newer: ${model.wins[0]!.title}`);
      expect((await pager.locator('a[rel="next"]').innerText()).trim()).toBe(`Older: ${model.wins[2]!.title} →`);
    });
  });

  describe('"On this page"', () => {
    const BOUNDARY = '/boundaries/refund-without-receipt/';
    const box = (page: Page, selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((element) => element.getBoundingClientRect().toJSON() as DOMRect);

    it(
      name === 'desktop' ? 'stays beside the text, in view, and marks the section being read' : 'is a compact block after the answer, not beside the text',
      async () => {
        const page = await open(options, BOUNDARY);
        const toc = await box(page, 'nav.toc');
        const limits = await box(page, 'main .entry-header');
        if (name === 'desktop') {
          expect(toc.left).toBeGreaterThanOrEqual(limits.right);
          expect(toc.top).toBeLessThan(options.viewport.height);
          const sections = await page.locator('nav.toc a').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
          expect(sections.length).toBeGreaterThanOrEqual(3);
          for (const section of sections.slice(1, 4)) {
            await page.evaluate((id) => document.querySelector(id)!.scrollIntoView(), section);
            await expect
              .poll(() =>
                page.locator('nav.toc a').evaluateAll((links) => links.filter((a) => a.matches(':target-current')).map((a) => a.getAttribute('href'))),
              )
              .toEqual([section]);
            const inView = await box(page, 'nav.toc');
            expect(inView.top, section).toBeGreaterThanOrEqual(0);
            expect(inView.bottom, section).toBeLessThanOrEqual(options.viewport.height);
          }
        } else {
          // Below the boundary's limits, full width, a few lines high.
          expect(toc.top).toBeGreaterThanOrEqual(limits.bottom);
          expect(toc.height).toBeLessThan(200);
          const text = await box(page, 'main .entry-text');
          expect(text.top).toBeGreaterThanOrEqual(toc.bottom);
        }
      },
    );
  });

  describe('offline, after one visit', () => {
    it('keeps every win and case study, says "not found" for an address the site does not have, and its offline page says what is kept', async () => {
      const page = await open(options, '/', { worker: true });
      // Active once the whole precache (the example playbook: every page) is stored; slow on a busy machine.
      await expect
        .poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.state ?? 'none'), { timeout: 120_000 })
        .toBe('activated');
      const context = page.context();
      await context.setOffline(true);
      try {
        for (const entry of [model.wins.at(-1)!, model.caseStudies.at(-1)!]) {
          const response = await page.goto(url(entry.path));
          expect(response?.ok(), entry.path).toBe(true);
          expect((await page.getByRole('heading', { level: 1 }).textContent())?.trim()).toBe(entry.title);
        }
        await page.goto(url('/wins/no-such-win/'));
        expect((await page.getByRole('heading', { level: 1 }).textContent())?.trim()).toBe('Page not found');
        await page.goto(url('/offline/'));
        expect((await page.locator('[data-offline-kept] li').allTextContents()).map((text) => text.trim())).toEqual([
          'the home page, search and Can I…?',
          "the lists of values, roles, guidelines, boundaries, case studies and wins, and each role's answers in Can I…?",
          'every decision boundary and role, and the search index',
          'every value and guideline',
          'every case study and win',
          'the changes, results, review, ladders and pocket cards',
          'the pictures',
        ]);
      } finally {
        await context.setOffline(false);
      }
    });
  });

  describe('papercuts', () => {
    it("the header search box's placeholder fits in the box", async () => {
      for (const address of ['/values/', '/fr-ca/values/']) {
        const page = await open(options, address);
        const fit = await page.locator('header input[type="search"]').evaluate((input: HTMLInputElement) => {
          const style = getComputedStyle(input);
          const context = document.createElement('canvas').getContext('2d')!;
          context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
          const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
          return { room, needed: context.measureText(input.placeholder).width };
        });
        expect(fit.needed, address).toBeLessThanOrEqual(fit.room);
      }
    });

    it("the ladder table's name stays within the screen", async () => {
      const page = await open(options, '/ladders/store-associate/');
      const table = page.getByRole('table', { name: /^The limit each role holds/ });
      expect(await table.count()).toBe(1);
      const title = (await page.locator('#limits-caption').boundingBox())!;
      expect(title.x).toBeGreaterThanOrEqual(0);
      expect(title.x + title.width).toBeLessThanOrEqual(options.viewport.width);
    });

    it('the search page without JavaScript keeps the spaces between its links', async () => {
      const page = await open({ ...options, javaScriptEnabled: false }, '/search/');
      expect(await page.locator('main').innerText()).toContain('You can still find everything through values, roles, decision boundaries and guidelines.');
    });

    it('the matrix offers one way to pick a role', async () => {
      const page = await open(options, '/boundaries/');
      expect(await page.locator('main a[href^="/can-i/"][href$="/"]:not([href="/can-i/"])').count()).toBe(0);
      expect(await page.locator('main details').count()).toBe(0);
      expect(await page.locator('[data-matrix-filter]').getByLabel('Role', { exact: true }).count()).toBe(1);
    });
  });
});

describe('axe in the chosen theme, on every page type', () => {
  // The system says the opposite, so the page's colours come from the choice alone.
  describe.each([
    ['dark', 'light'],
    ['light', 'dark'],
  ] as const)('%s chosen (the system %s)', (choice, system) => {
    let context: BrowserContext;
    beforeAll(async () => {
      context = await site.browser.newContext({ ...VIEWPORTS.desktop, colorScheme: system });
      contexts.push(context);
      await context.addInitScript(
        ([key, value]) => {
          try {
            localStorage.setItem(key, value);
          } catch {
            // about:blank has no storage.
          }
        },
        [THEME_STORAGE_KEY, choice] as const,
      );
    });

    it.each(Object.entries(PAGES))('%s', async (_name, address) => {
      const page = await context.newPage();
      try {
        await page.goto(url(address));
        expect(await background(page)).toBe(BACKGROUND[choice]);
        const { violations, passes } = await axeCheck(page);
        expect(passes).toBeGreaterThan(10);
        expect(violations).toEqual([]);
      } finally {
        await page.close();
      }
    });
  });
});
