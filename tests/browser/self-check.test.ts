/**
 * Issue 18: a store associate takes the self-check on a 375 × 812 phone,
 * gets one wrong, sees the reason in the verdict's words and the boundary's
 * link, reloads and finds the score kept; offline the self-check still
 * works; axe finds nothing. Without JavaScript the page is a question sheet
 * with the answers in <details>, in every language the playbook publishes.
 */
import path from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeCheck } from '../support/axe.ts';
import { PROJECT_ROOT } from '../support/build-playbook.ts';
import { browseBuiltPlaybook, type BrowsedSite } from '../support/browsed-site.ts';

const PHONE = { width: 375, height: 812 };

let site: BrowsedSite;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  site = await browseBuiltPlaybook(path.join(PROJECT_ROOT, 'content'));
  context = await site.browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close();
  await site?.close();
});

const url = (address: string) => `${site.server.url}${address}`;
const current = () => page.locator('[data-check-question]:visible');
const score = () => page.locator('[data-check-score]');

/** Taps an answer of the question on screen: the right one, or one that is not. */
async function answer(question: Locator, right: boolean): Promise<string> {
  const expected = (await question.getAttribute('data-check-answer'))!;
  const buttons = question.locator('[data-check-choices] button');
  const choices = await buttons.evaluateAll((all) => all.map((b) => (b as HTMLButtonElement).dataset.answer!));
  const chosen = right ? expected : choices.find((choice) => choice !== expected)!;
  await question.locator(`[data-check-choices] button[data-answer="${chosen}"]`).tap();
  return chosen;
}

describe('the self-check on a phone', () => {
  it('is linked from the role page, "Can I…?" and the pocket card', async () => {
    for (const address of ['/roles/store-associate/', '/can-i/store-associate/', '/roles/store-associate/card/']) {
      await page.goto(url(address));
      expect(await page.locator('a[href="/roles/store-associate/check/"]').count(), address).toBe(1);
    }
  });

  it('asks one question at a time; a wrong answer shows the reason in the verdict’s words and the boundary link', async () => {
    await page.goto(url('/roles/store-associate/check/'));
    await expect.poll(() => current().count()).toBe(1);
    const first = current();
    expect(await first.locator('h2').textContent()).toMatch(/^Question 1 of \d+$/);
    await answer(first, false);
    await expect.poll(async () => (await first.locator('[data-check-feedback]').textContent())?.trim()).toMatch(/^Not quite\. You chose: /);
    const details = first.locator('[data-check-details]');
    expect(await details.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await details.textContent()).toMatch(/The playbook says: .*(Yes — you may decide|No — |Not allowed)/s);
    const link = details.locator('a[href^="/boundaries/"]');
    expect(await link.isVisible()).toBe(true);
    // The answer cannot be changed once given.
    expect(await first.locator('[data-check-choices] button').first().isDisabled()).toBe(true);

    await page.getByRole('button', { name: 'Next question' }).tap();
    const second = current();
    expect(await second.locator('h2').textContent()).toMatch(/^Question 2 of /);
    await answer(second, true);
    await expect.poll(async () => (await second.locator('[data-check-feedback]').textContent())?.trim()).toBe('Right.');
    expect(await score().textContent()).toMatch(/^Score: 1 of 2 so far/);
  });

  it('keeps the score on the device across a reload, and axe finds nothing', async () => {
    await page.reload();
    await expect.poll(async () => (await score().textContent())?.trim()).toMatch(/^Score: 1 of 2 so far/);
    expect(await current().locator('h2').textContent()).toMatch(/^Question 3 of /);
    const { violations, passes } = await axeCheck(page);
    expect(passes).toBeGreaterThan(10);
    expect(violations).toEqual([]);
    await answer(current(), false);
    const { violations: after } = await axeCheck(page);
    expect(after).toEqual([]);
  });

  it('works offline, and starts again on request', async () => {
    await page.goto(url('/'));
    await expect
      .poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.state ?? 'none'), { timeout: 30_000 })
      .toBe('activated');
    await context.setOffline(true);
    try {
      const response = await page.goto(url('/roles/store-associate/check/'));
      expect(response?.ok()).toBe(true);
      // Back where the reader left off: the first question not answered yet.
      await expect.poll(async () => (await score().textContent())?.trim()).toMatch(/^Score: 1 of 3 so far/);
      expect(await current().locator('h2').textContent()).toMatch(/^Question 4 of /);
      await answer(current(), true);
      await expect.poll(async () => (await score().textContent())?.trim()).toMatch(/^Score: 2 of 4 so far/);
    } finally {
      await context.setOffline(false);
    }
    await page.getByRole('button', { name: 'Start again' }).tap();
    expect(await score().isHidden()).toBe(true);
    expect(await current().locator('h2').textContent()).toMatch(/^Question 1 of /);
    await page.reload();
    expect(await score().isHidden()).toBe(true);
  });
});

describe('start here', () => {
  it('leads through values, guidelines, decisions, ladder, self-check and pocket card, with progress kept on the device', async () => {
    await page.goto(url('/roles/store-associate/'));
    await page.getByRole('link', { name: 'Start here', exact: true }).tap();
    await page.waitForURL('**/roles/store-associate/start/');
    expect(await page.locator('[data-start-step] h2').allTextContents()).toEqual([
      '1. What we stand for',
      '2. Your guidelines',
      '3. What you may decide',
      '4. Whom you turn to',
      '5. Check yourself',
      '6. Your pocket card',
    ]);
    expect(await page.locator('[data-start-step="check"] a').getAttribute('href')).toBe('/roles/store-associate/check/');
    await page.locator('[data-start-step="values"] [data-start-done] button').tap();
    await expect.poll(async () => (await page.locator('[data-start-progress]').textContent())?.trim()).toBe('1 of 6 steps done');
    await page.reload();
    await expect.poll(async () => (await page.locator('[data-start-progress]').textContent())?.trim()).toBe('1 of 6 steps done');
    expect(await page.locator('[data-start-step="values"] [data-start-done] button').getAttribute('aria-pressed')).toBe('true');
    const { violations } = await axeCheck(page);
    expect(violations).toEqual([]);
  });
});

describe('without JavaScript', () => {
  it('is a printable question sheet with every answer in <details>, in English and French', async () => {
    const plain = await site.browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
    try {
      const sheet = await plain.newPage();
      await sheet.goto(url('/roles/store-associate/check/'));
      const questions = sheet.locator('[data-check-question]');
      const count = await questions.count();
      expect(count).toBeGreaterThan(3);
      expect(await sheet.locator('[data-check-question]:visible').count()).toBe(count);
      expect(await sheet.locator('details.check-answer').count()).toBe(count);
      expect(await questions.first().locator('[data-check-choices] li').allTextContents()).toEqual([
        'Decide on my own',
        'Decide, then inform',
        'Consult first, then decide',
        'Escalate',
        'Not allowed: a guardrail applies',
      ]);

      const french = await sheet.goto(url('/fr-ca/roles/delivery-driver/check/'));
      expect(french?.ok()).toBe(true);
      expect(await sheet.locator('h1').textContent()).toBe('Autoévaluation : Chauffeur-livreur');
      expect(await sheet.locator('.check-situation').first().textContent()).toBe(
        'En montant une armoire à l’étage, vous ébréchez la rampe d’escalier du client.',
      );
      expect(await sheet.locator('.check-situation').first().getAttribute('lang')).toBeNull();
      // Scenarios with no French words yet are shown in English, marked as such.
      await sheet.goto(url('/fr-ca/roles/store-associate/check/'));
      expect(await sheet.locator('.check-situation').first().getAttribute('lang')).toBe('en-GB');
    } finally {
      await plain.close();
    }
  });
});
