/**
 * The dev loop an editor lives in: start `astro dev` on a content root, open
 * a boundary, break it, see the validator's message in the page, fix it, and
 * see the updated page, all without restarting the server. And a server
 * started on broken content serves the list of problems instead of exiting.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VALID_ROOT } from '../support/bad-input.ts';
import { launchBrowser } from '../support/browser.ts';
import { startDevServer, waitFor, type DevServer } from '../support/dev-server.ts';

let work: string;
let browser: Browser;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'latitude-dev-'));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await rm(work, { recursive: true, force: true });
});

describe('npm run dev, editing', () => {
  let root: string;
  let dev: DevServer;
  let page: Page;
  const boundaryFile = () => path.join(root, 'boundaries/refund-a-purchase.md');
  const heading = () => page.locator('h1').first().textContent();

  beforeAll(async () => {
    root = path.join(work, 'editing');
    await cp(VALID_ROOT, root, { recursive: true });
    dev = await startDevServer(root, path.join(work, 'editing-cache'));
    page = await browser.newPage();
  }, 120_000);
  afterAll(() => dev?.stop());

  it('shows the boundary', async () => {
    await page.goto(`${dev.origin}/boundaries/refund-a-purchase/`);
    expect(await heading()).toBe('Refund a purchase');
  });

  it("shows the validator's message in the page once the boundary is broken, and in the terminal", async () => {
    const text = await readFile(boundaryFile(), 'utf8');
    await writeFile(boundaryFile(), text.replace(/^owner: .*$/m, 'ownr: Store operations'));
    // The page reloads by itself (Vite's client, then the problems page's own refresh); read it between loads.
    await waitFor(async () => (await page.content().catch(() => '')).includes('ownr: unknown key (unknown-key)'), 'the problems page', dev);
    const body = await page.locator('main').textContent();
    expect(await page.title()).toBe('The playbook has content errors');
    expect(body).toContain('boundaries/refund-a-purchase.md:');
    expect(body).toContain('error owner: is required (required)');
    expect(body).toContain('hint: did you mean "owner"?');
    expect(dev.output()).toContain('error ownr: unknown key (unknown-key)');
    expect(dev.output()).toContain('    hint: did you mean "owner"?');
  });

  it('recovers once the file is fixed, showing the updated page', async () => {
    const text = await readFile(boundaryFile(), 'utf8');
    await writeFile(
      boundaryFile(),
      text.replace('ownr: Store operations', 'owner: Store operations').replace(/^title: .*$/m, 'title: Refund a purchase, any store'),
    );
    await waitFor(async () => (await heading().catch(() => '')) === 'Refund a purchase, any store', 'the updated page', dev);
    expect(await page.locator('main').textContent()).not.toContain('unknown key');
  });
});

describe('npm run dev, started on broken content', () => {
  let dev: DevServer;

  beforeAll(async () => {
    const root = path.join(work, 'broken');
    await cp(VALID_ROOT, root, { recursive: true });
    await writeFile(path.join(root, 'roles/night-porter.yaml'), 'title: Night porter\nescalatesTo: night-manger\n');
    await writeFile(path.join(root, 'values/no-summary.md'), '---\ntitle: No summary\n---\n\nText.\n');
    dev = await startDevServer(root, path.join(work, 'broken-cache'));
  }, 120_000);
  afterAll(() => dev?.stop());

  it('keeps running and serves a page listing every problem', async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${dev.origin}/values/`);
    expect(response?.status()).toBe(500);
    const items = await page.locator('main li').allTextContents();
    expect(items).toHaveLength(2);
    expect(items[0]).toContain('roles/night-porter.yaml:2:14 error escalatesTo: there is no role "night-manger" (reference)');
    expect(items[1]).toContain('values/no-summary.md:2:1 error summary: is required (required)');
    expect(dev.output()).not.toContain('[the dev server exited');
  });
});
