/**
 * The example playbook on a 375 × 812 phone in Chromium (issue 11): the
 * "Can I…?" verdict on the first screen with its conditions, the Decision
 * menu narrowed to the role, the role remembered and answering a search
 * ("refund £80") above the results, the matrix's header row and first
 * column staying in view, and offline use after one visit: a boundary page,
 * search and a verdict with the network gone. And at 320 × 640 and
 * 375 × 812 (issue 15): "Can I…?" one tap from a boundary page, "refund 80"
 * in the header's type-ahead answered first, the verdict in view with the
 * keyboard open (a 480 px viewport), and a boundary's limits (the reader's
 * own first) before its facts and table of contents.
 */
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roleDecisionMenu } from '../../src/lib/decision/decision-menu.ts';
import { unpackAnswers, type RoleHelperData } from '../../src/lib/decision/helper-data.ts';
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

async function roleFile(roleId: string): Promise<RoleHelperData> {
  return (await (await fetch(url(`/can-i/${roleId}.json`))).json()) as RoleHelperData;
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
    const menu = roleDecisionMenu(unpackAnswers(data));
    await expect.poll(() => decision().locator('optgroup').count()).toBeGreaterThan(0);
    const own = await decision()
      .locator('optgroup[label="Your decisions"] option')
      .evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value));
    expect(own).toEqual(menu.own.map((answer) => answer.decision.id));
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

describe('the answer within reach on a small phone (issue 15)', () => {
  for (const viewport of [
    { width: 320, height: 640 },
    { width: 375, height: 812 },
  ]) {
    describe(`at ${viewport.width} × ${viewport.height}`, () => {
      beforeAll(async () => {
        await context?.close();
        context = await site.browser.newContext({ viewport, isMobile: true, hasTouch: true });
        page = await context.newPage();
      });

      it('shows "Can I…?" on a boundary page, one tap away, and says the nav scrolls', async () => {
        await page.goto(url('/boundaries/waive-delivery-charge/'));
        const link = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Can I…?' });
        const box = (await link.boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
        expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
        const list = page.locator('nav[aria-label="Main"] ul');
        const scrolls = await list.evaluate((ul) => ({ overflow: ul.scrollWidth > ul.clientWidth, cue: getComputedStyle(ul).backgroundImage }));
        if (scrolls.overflow) expect(scrolls.cue).toContain('gradient');
        await link.tap();
        await page.waitForURL(/\/can-i\/$/);
        expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Can I…?');
      });

      it("shows the limits, the reader's own row first, before the page's facts and table of contents", async () => {
        await page.goto(url('/can-i/'));
        await page.evaluate(() => localStorage.clear());
        await role().selectOption('delivery-supervisor');
        await page.goto(url('/boundaries/waive-delivery-charge/'));
        const table = page.locator('table[data-grant-table="role"]');
        await expect.poll(() => table.locator('tbody tr').first().getAttribute('data-role')).toBe('delivery-supervisor');
        expect(await table.locator('tbody tr').first().textContent()).toContain('Your role');
        const limitsTop = (await table.boundingBox())!.y;
        const factsTop = (await page.locator('dl.facts').boundingBox())!.y;
        expect(limitsTop).toBeLessThan(factsTop);
        const contents = page.getByRole('navigation', { name: 'On this page' });
        expect(limitsTop).toBeLessThan((await contents.boundingBox())!.y);
        expect(limitsTop).toBeLessThan(viewport.height);
      });

      it('answers "refund 80" in the header type-ahead with the verdict first, for the remembered role', async () => {
        await page.goto(url('/can-i/'));
        await role().selectOption('store-associate');
        await page.goto(url('/values/own-the-fix/'));
        const box = page.getByRole('searchbox', { name: 'Search', exact: true });
        await box.click();
        await box.pressSequentially('refund 80');
        const popover = page.locator('.search-popover');
        const first = popover.locator('.search-popover__answer');
        await expect.poll(() => first.isVisible(), { timeout: 20_000 }).toBe(true);
        expect(await first.textContent()).toContain(
          'No — £80 is above your limit of £50 per customer per day. Escalate to Shift lead, who may approve up to £150 per customer per day.',
        );
        expect(await first.getByRole('link').getAttribute('href')).toBe('/can-i/?role=store-associate&decision=refund-without-receipt&amount=80');
        // First: above the results, which the amount did not narrow to pages that say "80".
        const hits = popover.locator('.search-hit');
        await expect.poll(() => hits.count()).toBeGreaterThan(1);
        expect((await first.boundingBox())!.y).toBeLessThan((await hits.first().boundingBox())!.y);
      });

      it('offers "Can I…? with £80" first when no role is remembered', async () => {
        await page.goto(url('/values/own-the-fix/'));
        await page.evaluate(() => localStorage.clear());
        await page.reload();
        const box = page.getByRole('searchbox', { name: 'Search', exact: true });
        await box.click();
        await box.pressSequentially('refund 80');
        const first = page.locator('.search-popover__answer');
        await expect.poll(() => first.isVisible(), { timeout: 20_000 }).toBe(true);
        const offer = first.getByRole('link', { name: 'Can I…? with £80' });
        expect(await offer.getAttribute('href')).toBe('/can-i/?amount=80');
      });
    });
  }

  it('keeps the verdict in view with the keyboard open (a 480 px viewport), fields in the order they are read', async () => {
    await context?.close();
    context = await site.browser.newContext({ viewport: { width: 375, height: 480 }, isMobile: true, hasTouch: true });
    page = await context.newPage();
    await page.goto(url('/can-i/?role=store-associate&decision=refund-without-receipt'));
    await expect.poll(() => decision().inputValue()).toBe('refund-without-receipt');
    // Role, Decision, Amount: top to bottom as they are tabbed through.
    const tops = await Promise.all([role(), decision(), amount()].map(async (field) => (await field.boundingBox())!.y));
    expect([...tops].sort((a, b) => a - b)).toEqual(tops);
    await amount().tap();
    await amount().pressSequentially('300');
    await expect.poll(async () => (await verdictBox().textContent())?.trim()).toMatch(/^No — £300 is above your limit/);
    const box = (await verdictBox().boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(480);
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
    // Active: the precache is complete (since issue 23 it holds every win and case study too, so give a busy machine time).
    await expect
      .poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.state ?? 'none'), { timeout: 120_000 })
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

      // A win never opened: since issue 23 the example playbook's wins are precached, so it opens (a page of the
      // site that was not stored would say "You are offline": tests/unit/offline-not-found.test.ts, reader.test.ts).
      const never = await page.goto(url('/wins/2024-05-taxi-for-the-cot/'));
      expect(never?.ok()).toBe(true);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^You are offline$|taxi/i);
    } finally {
      await context.setOffline(false);
    }
  });
});
