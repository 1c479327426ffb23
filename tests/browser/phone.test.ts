/**
 * The example playbook on a 375 × 812 phone in Chromium (issue 11): the
 * "Can I…?" verdict on the first screen with its conditions, the Decision
 * menu narrowed to the role, the role remembered and answering a search
 * ("refund £80") above the results, the matrix's header row and first
 * column staying in view, and offline use after one visit: a boundary page,
 * search and a verdict with the network gone.
 */
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HelperData } from '../../src/lib/decision/helper-data.ts';
import { roleDecisionMenu } from '../../src/lib/decision/decision-table.ts';
import { PROJECT_ROOT } from '../support/build-playbook.ts';
import { browseBuiltPlaybook, type BrowsedSite } from '../support/browsed-site.ts';

const PHONE = { width: 375, height: 812 };

let site: BrowsedSite;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  site = await browseBuiltPlaybook(path.join(PROJECT_ROOT, 'content'));
});

afterAll(() => site?.close());

async function phone(): Promise<void> {
  await context?.close();
  context = await site.browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
  page = await context.newPage();
}

const url = (address: string) => `${site.server.url}${address}`;
const role = () => page.getByLabel('Role', { exact: true });
const decision = () => page.getByLabel('Decision', { exact: true });
const amount = () => page.getByLabel('Amount', { exact: true });
const verdictBox = () => page.locator('main [role="status"]');

async function roleFile(roleId: string): Promise<HelperData> {
  return (await (await fetch(url(`/can-i/${roleId}.json`))).json()) as HelperData;
}

describe('"Can I…?" on a phone', () => {
  beforeAll(phone);

  it('shows the verdict on the first screen once the form is complete, without scrolling', async () => {
    await page.goto(url('/can-i/'));
    await role().selectOption('store-associate');
    await decision().selectOption('store-goodwill-gesture');
    await amount().fill('80');
    await expect.poll(async () => (await verdictBox().textContent())?.trim()).toMatch(/^No — £80 is above your limit of £75 per case\./);
    expect(await page.evaluate(() => scrollY)).toBe(0);
    const box = (await verdictBox().boundingBox())!;
    expect(box.y).toBeGreaterThan(0);
    expect(box.y + box.height).toBeLessThanOrEqual(PHONE.height);
  });

  it("narrows the Decision menu to the role's own decisions first, the others after", async () => {
    await page.goto(url('/can-i/?role=delivery-driver'));
    const data = await roleFile('delivery-driver');
    const menu = roleDecisionMenu(data, 'delivery-driver');
    await expect.poll(() => decision().locator('optgroup').count()).toBeGreaterThan(0);
    const own = await decision()
      .locator('optgroup[label="Your decisions"] option')
      .evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value));
    expect(own).toEqual(menu.own.map((d) => d.id));
    expect(own).toContain('canada-delivery-make-good');
    expect(own).not.toContain('store-goodwill-gesture');
    const all = await decision()
      .locator('option')
      .evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value).filter(Boolean));
    expect(all.slice(0, own.length)).toEqual(own);
  });

  it("shows the grant's conditions, the guardrails and whom to call, on the phone", async () => {
    await page.goto(url('/can-i/?role=store-associate&decision=refund-without-receipt&amount=20'));
    await expect.poll(async () => (await verdictBox().textContent())?.trim()).toMatch(/^Yes — you may decide\./);
    const conditions = page.locator('[data-can-i-conditions]');
    expect(await conditions.isVisible()).toBe(true);
    expect(await conditions.textContent()).toMatch(/^Check the item is ours/);
    expect(await page.getByRole('heading', { name: 'Guardrails' }).isVisible()).toBe(true);
  });

  it('remembers the role on the device, and a search naming a decision and an amount answers for it above the results', async () => {
    await page.goto(url('/can-i/'));
    await role().selectOption('store-associate');
    await page.goto(url('/can-i/'));
    expect(await role().inputValue()).toBe('store-associate');

    await page.goto(url('/search/?q=refund%20%C2%A380'));
    const card = page.getByRole('region', { name: /^Store associate: Refund a purchase without a receipt, £80/ });
    await expect.poll(() => card.isVisible()).toBe(true);
    expect(await card.textContent()).toContain('No — £80 is above your limit of £50 per customer per day.');
    expect(await card.getByRole('link', { name: /Can I…\?/ }).getAttribute('href')).toBe(
      '/can-i/?role=store-associate&decision=refund-without-receipt&amount=80',
    );
    expect(await card.getByRole('link', { name: /^Read the boundary/ }).getAttribute('href')).toBe('/boundaries/refund-without-receipt/');
    const cardBox = (await card.boundingBox())!;
    const results = (await page.locator('[data-search-results]').boundingBox())!;
    expect(cardBox.y).toBeLessThan(results.y);

    // Through a synonym: "voucher" is a goodwill gesture.
    await page.goto(url('/search/?q=voucher%2025'));
    const voucher = page.getByRole('region', { name: /^Store associate: Give a customer a goodwill gesture in a UK store, £25/ });
    await expect.poll(() => voucher.isVisible()).toBe(true);
    expect(await voucher.textContent()).toContain('Yes — you may decide. £25 is within your limit of £75 per case.');

    // No amount, no card.
    await page.goto(url('/search/?q=refund'));
    await expect.poll(() => page.locator('[data-search-results] li').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-search-answer]').isVisible()).toBe(false);
  });
});

describe('"Puis-je…?" on a phone, in Canadian French', () => {
  beforeAll(phone);

  it('gives the whole answer in French, with fr-CA money, on the first screen', async () => {
    await page.goto(url('/fr-ca/can-i/'));
    await page.getByLabel('Rôle', { exact: true }).selectOption('delivery-driver');
    await expect.poll(() => page.getByLabel('Décision', { exact: true }).locator('optgroup[label="Vos décisions"] option').count()).toBeGreaterThan(0);
    await page.getByLabel('Décision', { exact: true }).selectOption('canada-delivery-make-good');
    await page.getByLabel('Montant', { exact: true }).fill('30');
    await expect
      .poll(async () => (await verdictBox().textContent())?.trim())
      .toBe('Oui — vous pouvez décider. 30\u00a0$ respecte votre limite de 40\u00a0$ par dossier.');
    expect(await page.locator('[data-can-i-hint]').textContent()).toBe('Facultatif — en CAD, par dossier.');
    expect(await page.locator('[data-can-i-conditions]').textContent()).toBe(
      'Une carte-cadeau remise à la porte, ou un crédit que le chauffeur inscrit dans le terminal portatif.',
    );
    expect(await page.getByRole('heading', { name: 'Garde-fous' }).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: /^Lire la limite : Réparer une livraison/ }).getAttribute('href')).toBe(
      '/fr-ca/boundaries/canada-delivery-make-good/',
    );
    expect(await page.evaluate(() => scrollY)).toBe(0);
    const box = (await verdictBox().boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(PHONE.height);
  });

  it('answers "rembourser 80 $" above the search results as "refund $80" is answered in English', async () => {
    await page.goto(url('/fr-ca/can-i/'));
    await page.getByLabel('Rôle', { exact: true }).selectOption('store-associate');
    await page.goto(url('/fr-ca/search/?q=rembourser%2080%20%24'));
    const card = page.getByRole('region', { name: /^Store associate\s:\sRefund a purchase without a receipt, 80\s£/ });
    await expect.poll(() => card.isVisible()).toBe(true);
    expect(await card.textContent()).toContain('Non — 80\u00a0£ dépasse votre limite de 50\u00a0£ par client par jour.');
    expect(await card.getByRole('link', { name: /^Lire la limite/ }).getAttribute('href')).toBe('/fr-ca/boundaries/refund-without-receipt/');
  });
});

describe('the boundaries matrix on a phone', () => {
  beforeAll(phone);

  it('keeps its header row and first column in view while it scrolls, and every role can be reached', async () => {
    await page.goto(url('/boundaries/'));
    const region = page.getByRole('region', { name: 'Decision boundaries by role' });
    expect(await region.getAttribute('tabindex')).toBe('0');
    const before = (await region.boundingBox())!;
    await region.evaluate((element) => element.scrollTo({ top: 400, left: 600 }));
    await expect.poll(() => region.evaluate((element) => element.scrollTop)).toBeGreaterThan(100);
    const header = (await page.locator('[data-matrix] thead th').nth(2).boundingBox())!;
    const corner = (await page.locator('[data-matrix] thead th').first().boundingBox())!;
    const firstColumn = (await page.locator('[data-matrix] tbody tr:nth-child(8) th').boundingBox())!;
    expect(Math.abs(header.y - before.y)).toBeLessThanOrEqual(2);
    expect(Math.abs(corner.x - before.x)).toBeLessThanOrEqual(2);
    expect(Math.abs(firstColumn.x - before.x)).toBeLessThanOrEqual(2);
    // The last role's column scrolls into view inside the region.
    await region.evaluate((element) => element.scrollTo({ left: element.scrollWidth }));
    const last = (await page.locator('[data-matrix] thead th').last().boundingBox())!;
    expect(last.x + last.width).toBeLessThanOrEqual(PHONE.width);
  });

  it('filters by team with plain links', async () => {
    await page.goto(url('/boundaries/'));
    await page.getByRole('navigation', { name: 'Show the matrix for' }).getByRole('link', { name: 'Delivery', exact: true }).click();
    expect(new URL(page.url()).pathname).toBe('/boundaries/team/delivery/');
    const columns = await page.locator('[data-matrix] thead th[data-role]').allTextContents();
    expect(columns.map((c) => c.trim().replace(/\s+/g, ' '))).toEqual(columns.map(() => expect.stringMatching(/Delivery$/)));
  });
});

describe('offline, after one visit', () => {
  beforeAll(phone);

  it('opens a boundary page, searches and answers "Can I…?" with the network gone', async () => {
    await page.goto(url('/'));
    // Active: the precache is complete.
    await expect
      .poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.state ?? 'none'), { timeout: 30_000 })
      .toBe('activated');
    await context.setOffline(true);
    try {
      const boundary = await page.goto(url('/boundaries/store-goodwill-gesture/'));
      expect(boundary?.ok()).toBe(true);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Goodwill gesture in a UK store');

      await page.goto(url('/search/?q=goodwill'));
      await expect.poll(() => page.locator('[data-search-results] li').count(), { timeout: 10_000 }).toBeGreaterThan(0);

      await page.goto(url('/can-i/?role=store-associate&decision=store-goodwill-gesture&amount=80'));
      await expect.poll(async () => (await verdictBox().textContent())?.trim(), { timeout: 10_000 }).toMatch(/^No — £80 is above your limit of £75 per case\./);

      // A page never stored says so, rather than the browser's error.
      const never = await page.goto(url('/wins/2024-05-taxi-for-the-cot/'));
      expect(never?.ok()).toBe(true);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^You are offline$|Taxi/);
    } finally {
      await context.setOffline(false);
    }
  });
});
