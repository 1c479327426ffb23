/**
 * Issue 18, what changed for me: after a visit, a limit change in a new build
 * shows under "What changed for you since your last visit" for the affected
 * role only, said as a raised limit; the first visit shows nothing, each
 * visit moves the mark on (the next shows nothing), and the reader can clear it.
 * Two builds of the example playbook: as it is, then with the store
 * associate's goodwill limit raised and a contact-centre limit changed.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/build-playbook.ts';
import { browseBuiltPlaybook, type BrowsedSite } from '../support/browsed-site.ts';

const PHONE = { width: 375, height: 812 };
let before: BrowsedSite;
let after: BrowsedSite;
let changed: string;

async function edit(file: string, from: string, to: string): Promise<void> {
  const text = await readFile(file, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} has no ${from}`);
  await writeFile(file, text.replace(from, to));
}

beforeAll(async () => {
  before = await browseBuiltPlaybook(path.join(PROJECT_ROOT, 'content'));
  changed = await mkdtemp(path.join(os.tmpdir(), 'latitude-changed-'));
  await cp(path.join(PROJECT_ROOT, 'content'), changed, { recursive: true });
  const goodwill = path.join(changed, 'boundaries/store-goodwill-gesture.md');
  await edit(goodwill, '    limit: { amount: 75 }\n', '    limit: { amount: 80 }\n');
  await edit(goodwill, 'changes:\n', 'changes:\n  - date: 2026-11-20\n    summary: Raised the store associate limit from £75 to £80.\n');
  const credit = path.join(changed, 'boundaries/contact-centre-goodwill-credit.md');
  await edit(credit, 'changes:\n', 'changes:\n  - date: 2026-11-20\n    summary: A new line for the contact centre only.\n');
  after = await browseBuiltPlaybook(changed);
});

afterAll(async () => {
  await before?.close();
  await after?.close();
  if (changed) await rm(changed, { recursive: true, force: true });
});

const box = (page: Page) => page.locator('[data-changes-for-me]');

/** A reader's device carried to the second build's site (same device, new deploy, a new visit: localStorage only). */
async function carryOver(context: BrowserContext): Promise<BrowserContext> {
  const state = await context.storageState();
  const origins = state.origins.map((origin) => ({ ...origin, origin: after.server.url }));
  return after.browser.newContext({ viewport: PHONE, storageState: { cookies: [], origins } });
}

async function visitAs(role: string): Promise<BrowserContext> {
  const context = await before.browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  await page.goto(`${before.server.url}/can-i/`);
  await page.getByLabel('Role', { exact: true }).selectOption(role);
  await page.goto(`${before.server.url}/`);
  // The first visit remembers what there is, and shows nothing.
  await expect.poll(() => page.evaluate((key) => localStorage.getItem(key), `latitude:/:seen-changes:${role}`)).not.toBeNull();
  expect(await box(page).isHidden()).toBe(true);
  return context;
}

describe('what changed for me', () => {
  it('shows the store associate the raised limit on the home page, the role page and "Can I…?", and nothing else; clearing hides it', async () => {
    const first = await visitAs('store-associate');
    const context = await carryOver(first);
    await first.close();
    try {
      const page = await context.newPage();
      for (const address of ['/', '/roles/store-associate/', '/can-i/']) {
        await page.goto(`${after.server.url}${address}`);
        await expect.poll(() => box(page).isVisible(), { message: address }).toBe(true);
        const items = await box(page).locator('li').allTextContents();
        expect(items, address).toEqual([
          expect.stringMatching(/Limit raised: Goodwill gesture in a UK store: Raised the store associate limit from £75 to £80\.$/),
        ]);
        expect(await box(page).locator('li').getAttribute('data-kind'), address).toBe('limit-raised');
      }
      expect(await box(page).getByRole('link', { name: 'All changes for your role' }).getAttribute('href')).toBe('/changes/store-associate/');
      await box(page).getByRole('button', { name: 'Clear' }).click();
      expect(await box(page).isHidden()).toBe(true);
      await page.reload();
      await page.waitForLoadState('networkidle');
      expect(await box(page).isHidden()).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('moves the mark on: the next visit shows only what changed after the last one', async () => {
    const first = await visitAs('store-associate');
    const second = await carryOver(first);
    await first.close();
    const third = await (async () => {
      try {
        const page = await second.newPage();
        await page.goto(`${after.server.url}/`);
        await expect.poll(() => box(page).isVisible()).toBe(true);
        return await carryOver(second);
      } finally {
        await second.close();
      }
    })();
    try {
      const page = await third.newPage();
      await page.goto(`${after.server.url}/roles/store-associate/`);
      await page.waitForLoadState('networkidle');
      expect(await box(page).isHidden()).toBe(true);
    } finally {
      await third.close();
    }
  });

  it('shows a role the change does not touch nothing', async () => {
    const first = await visitAs('delivery-driver');
    const context = await carryOver(first);
    await first.close();
    try {
      const page = await context.newPage();
      await page.goto(`${after.server.url}/`);
      await page.waitForLoadState('networkidle');
      expect(await box(page).isHidden()).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('has a per-role changes page that works without JavaScript', async () => {
    const context = await after.browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${after.server.url}/changes/`);
      await page.getByRole('link', { name: 'Store associate', exact: true }).click();
      await page.waitForURL('**/changes/store-associate/');
      const items = await page.locator('.role-changes li').allTextContents();
      expect(items[0]).toMatch(/Changed: Goodwill gesture in a UK store: Raised the store associate limit from £75 to £80\.$/);
      expect(items.join('\n')).not.toContain('contact centre only');
      expect(await page.locator('.role-changes li[data-kind="guideline"]').count()).toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  });
});
