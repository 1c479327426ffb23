/**
 * The dev loop an editor lives in: start `astro dev` on a content root, open
 * a boundary, break it, see the validator's message in the page, fix it, and
 * see the updated page, all without restarting the server. A server
 * started on broken content serves the list of problems instead of exiting.
 * And an unfinished new win (placeholders of npm run new) shows on its own
 * page with a notice, while every other page stays readable.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VALID_ROOT } from '../support/bad-input.ts';
import { launchBrowser } from '../support/browser.ts';
import { startDevServer, waitFor, type DevServer } from '../support/dev-server.ts';
import { FIXED_TODAY, PROJECT_ROOT, run } from '../support/build-playbook.ts';

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
    // One mistake, one message: the misspelt key, not also "owner: is required".
    expect(body).toContain('hint: did you mean "owner"? That key is required');
    expect(body).not.toContain('is required (required)');
    expect(body).toContain('1 file could not be fully checked; run again after fixing it.');
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
    // An editor is never told to upgrade Astro: that is the developers' business.
    expect(dev.output()).not.toMatch(/@astrojs\/upgrade|new version of Astro/i);
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

describe('npm run dev, with an unfinished new win', () => {
  let root: string;
  let dev: DevServer;
  let page: Page;
  const winPath = '/wins/2026-11-taxi-for-the-cot/';

  beforeAll(async () => {
    root = path.join(work, 'unfinished');
    await cp(VALID_ROOT, root, { recursive: true });
    dev = await startDevServer(root, path.join(work, 'unfinished-cache'));
    page = await browser.newPage();
    // The editor adds a win while the preview runs, the way the README says; without a terminal, npm run new asks nothing.
    const created = await run(process.execPath, [path.join(PROJECT_ROOT, 'src/cli/new-entry.ts'), 'wins', 'Taxi for the cot'], {
      cwd: root,
      env: { ...process.env, PLAYBOOK_CONTENT_DIR: root, PLAYBOOK_TODAY: FIXED_TODAY },
    });
    expect(created.stdout).toBe('wins/2026/2026-11-taxi-for-the-cot.md\n');
  }, 120_000);
  afterAll(() => dev?.stop());

  it('shows the win on its own page with a notice of what is left to write', async () => {
    // The page is read in one step inside the retry: the dev server may still send a reload for the new file, and a read it cuts short is tried again.
    let shown: { heading: string; landmark: string; title: string; items: string[] } | undefined;
    await waitFor(
      async () => {
        const response = await page.goto(`${dev.origin}${winPath}`).catch(() => null);
        if (response?.status() !== 200) return false;
        shown = await page
          .evaluate(() => {
            const notices = document.querySelectorAll('.unfinished-notice');
            const notice = notices[0];
            if (notices.length !== 1 || !notice) return undefined;
            return {
              heading: document.querySelector('h1')?.textContent ?? '',
              // A complementary landmark named by its title, as a screen reader lists it.
              landmark: `${notice.tagName.toLowerCase()} labelled by #${notice.getAttribute('aria-labelledby')}`,
              title: notice.querySelector('#unfinished-title')?.textContent ?? '',
              items: [...notice.querySelectorAll('li')].map((item) => item.textContent ?? ''),
            };
          })
          .catch(() => undefined);
        return shown !== undefined;
      },
      "the unfinished win's page",
      dev,
    );
    expect(shown?.heading).toBe('Taxi for the cot');
    expect(shown?.landmark).toBe('aside labelled by #unfinished-title');
    expect(shown?.title).toMatch(
      /^Not finished This win still holds 5 placeholders from npm run new, so\s+it cannot be published yet\. Only this preview shows it\.$/,
    );
    expect(shown?.items).toEqual([
      'wins/2026/2026-11-taxi-for-the-cot.md:4:10 people[0]: still holds the placeholder "TODO: who is celebrated"',
      expect.stringMatching(/^wins\/2026\/2026-11-taxi-for-the-cot\.md:5:7 role: still holds the placeholder "TODO: the role they acted in/),
      expect.stringMatching(/^wins\/2026\/2026-11-taxi-for-the-cot\.md:6:10 values\[0\]: still holds the placeholder "TODO: the value it shows/),
      expect.stringMatching(/^wins\/2026\/2026-11-taxi-for-the-cot\.md:7:11 boundary: still holds the placeholder "TODO: the decision boundary/),
      'wins/2026/2026-11-taxi-for-the-cot.md:10:1 the text still holds the placeholder "TODO: what happened, in a few sentences."',
    ]);
    expect(dev.output()).toContain('error people[0]: still holds the placeholder "TODO: who is celebrated" (placeholder)');
  });

  it('keeps every other page readable, without the notice', async () => {
    // The dev server may still send the win's page a reload for the new file's last refresh: a navigation it cuts short is tried again.
    await waitFor(
      async () => (await page.goto(`${dev.origin}/boundaries/refund-a-purchase/`).catch(() => null))?.status() === 200,
      'a boundary page beside the unfinished win',
      dev,
    );
    expect(await page.locator('h1').first().textContent()).toBe('Refund a purchase');
    expect(await page.locator('.unfinished-notice').count()).toBe(0);
    expect(await page.title()).not.toBe('The playbook has content errors');
  });
});
