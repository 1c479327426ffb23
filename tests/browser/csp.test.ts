/**
 * The Content Security Policy in Chromium, on the example playbook
 * (content/): one page of every type, the "Can I…?" helper answering a
 * deep link and search showing results — with no CSP violation, no console
 * message about the policy and no script error. Then proof that it blocks:
 * an inline <script> added to a page, an inline event handler, a
 * `javascript:` link and an inline script in the served HTML itself (as an
 * escaping bug would put it there) all fail to run, and each reports a
 * violation.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, type BuildResult } from '../support/build-playbook.ts';
import { browseBuiltPlaybook, type BrowsedSite } from '../support/browsed-site.ts';
import type { PreviewServer } from '../support/preview-server.ts';

interface Violation {
  directive: string;
  blocked: string;
  source: string;
}

let build: BuildResult;
let server: PreviewServer;
let browser: Browser;
let context: BrowserContext;
/** Everything the page, its workers and the console said about the policy, and any script error. */
let heard: { violations: Violation[]; console: string[]; errors: string[] };

/** Records securitypolicyviolation events from the first moment of every page. */
const RECORD_VIOLATIONS = `
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.__cspViolations.push({ directive: event.violatedDirective, blocked: event.blockedURI, source: event.sourceFile + ':' + event.lineNumber });
  });
`;
let site: BrowsedSite;

beforeAll(async () => {
  site = await browseBuiltPlaybook(path.join(PROJECT_ROOT, 'content'));
  ({ build, server, browser } = site);
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(RECORD_VIOLATIONS);
});

afterAll(() => site?.close());

/** A fresh page whose console, workers and errors are heard. */
async function open(url: string): Promise<Page> {
  heard = { violations: [], console: [], errors: [] };
  const page = await context.newPage();
  page.on('console', (message) => heard.console.push(`${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => heard.errors.push(error.message));
  page.on('worker', (worker) => worker.on('console', (message) => heard.console.push(`worker ${message.type()}: ${message.text()}`)));
  await page.goto(`${server.url}${url}`, { waitUntil: 'load' });
  return page;
}

async function violationsOn(page: Page): Promise<Violation[]> {
  return page.evaluate('window.__cspViolations') as Promise<Violation[]>;
}

/** No violation event, no console line about the policy, no script error. */
async function expectClean(page: Page, where: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  expect(await violationsOn(page), `${where}: violations`).toEqual([]);
  expect(
    heard.console.filter((line) => /content security policy|refused to/i.test(line)),
    `${where}: console`,
  ).toEqual([]);
  expect(heard.errors, `${where}: script errors`).toEqual([]);
}

/** The first entry of a collection in the build, as its page address. */
function firstEntry(collection: string): string {
  const ids = readdirSync(path.join(build.outDir, collection), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'page')
    .map((entry) => entry.name)
    .sort();
  expect(ids.length, collection).toBeGreaterThan(0);
  return `/${collection}/${ids[0]}/`;
}

describe('the policy itself', () => {
  it('is in <head> before every script and style, and allows no inline script', async () => {
    const page = await open('/');
    const policy = await page.evaluate(() => {
      const meta = document.querySelector('head > meta[http-equiv="content-security-policy"]');
      const governed = Array.from(document.querySelectorAll('script, style, link[rel="stylesheet"], link[rel="modulepreload"]'));
      const before = governed.filter((element) => meta && meta.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_PRECEDING);
      return { content: meta?.getAttribute('content') ?? '', governed: governed.length, before: before.map((element) => element.outerHTML.slice(0, 80)) };
    });
    expect(policy.content).not.toBe('');
    expect(policy.governed).toBeGreaterThan(0);
    expect(policy.before).toEqual([]);
    const scriptSrc = /script-src ([^;]*)/.exec(policy.content)?.[1] ?? '';
    expect(scriptSrc).toContain("'self'");
    expect(scriptSrc).toContain("'wasm-unsafe-eval'");
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    expect(policy.content).toContain("object-src 'none'");
    expect(policy.content).toContain("base-uri 'none'");
    await page.close();
  });
});

describe('every kind of page works under the policy', () => {
  const pages = () => [
    '/',
    '/values/',
    firstEntry('values'),
    '/roles/',
    firstEntry('roles'),
    '/guidelines/',
    firstEntry('guidelines'),
    '/boundaries/',
    firstEntry('boundaries'),
    '/case-studies/',
    firstEntry('case-studies'),
    '/wins/',
    '/wins/page/2/',
    '/wins/2026-04-first-75-pound-gesture/',
    '/changes/',
    '/review/',
    '/no-such-page/',
  ];

  it('loads each page, and the header search box, with no violation', async () => {
    for (const url of pages()) {
      const page = await open(url);
      // Focusing the box loads its script and the search engine (Pagefind's WebAssembly).
      const box = page.getByRole('search').getByRole('searchbox', { name: 'Search' });
      if (await box.count()) {
        await box.focus();
        await box.fill('refund');
      }
      await expectClean(page, url);
      await page.close();
    }
  });

  it('the "Can I…?" helper answers a deep link', async () => {
    const page = await open('/can-i/?role=contact-agent&decision=contact-centre-goodwill-credit&amount=20');
    const verdict = page.getByRole('status').first();
    await expect.poll(() => verdict.textContent()).toMatch(/^Yes — you may decide/);
    await expectClean(page, '/can-i/');
    await page.close();
  });

  it('search shows results for ?q=refund', async () => {
    const page = await open('/search/?q=refund');
    const results = page.locator('[data-search-results] a[href]');
    await expect.poll(() => results.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const hrefs = await results.evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(
      hrefs.every((href) => /^\/(values|roles|guidelines|boundaries|case-studies|wins)\/[a-z0-9-]+\/(#.*)?$/.test(href ?? '')),
      hrefs.join(' '),
    ).toBe(true);
    await expectClean(page, '/search/?q=refund');
    await page.close();
  });
});

describe('the policy blocks injected code', () => {
  it('an inline <script> added to the page does not run, and reports a violation', async () => {
    const page = await open(firstEntry('values'));
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true';
      document.body.append(script);
    });
    await expect.poll(async () => (await violationsOn(page)).length).toBeGreaterThan(0);
    expect(await page.evaluate('window.__injected')).toBeUndefined();
    expect((await violationsOn(page)).map((violation) => violation.directive)).toContain('script-src-elem');
    await page.close();
  });

  it('an inline event handler does not run', async () => {
    const page = await open(firstEntry('values'));
    await page.evaluate(() => {
      const image = document.createElement('img');
      image.setAttribute('onerror', 'window.__handler = true');
      image.src = '/no-such-picture.png';
      document.body.append(image);
    });
    await expect.poll(async () => (await violationsOn(page)).length).toBeGreaterThan(0);
    expect(await page.evaluate('window.__handler')).toBeUndefined();
    expect((await violationsOn(page)).map((violation) => violation.directive)).toContain('script-src-attr');
    await page.close();
  });

  it('a javascript: link does not run', async () => {
    const page = await open(firstEntry('values'));
    await page.evaluate(() => {
      const link = document.createElement('a');
      link.href = 'javascript:window.__clicked = true';
      link.textContent = 'click me';
      link.id = 'injected-link';
      document.body.append(link);
    });
    await page.click('#injected-link');
    await expect.poll(async () => (await violationsOn(page)).length).toBeGreaterThan(0);
    expect(await page.evaluate('window.__clicked')).toBeUndefined();
    await page.close();
  });

  it('an inline script in the served HTML (an escaping bug) does not run', async () => {
    const url = firstEntry('guidelines');
    // A fresh context without the offline worker: the worker would answer from its stored copy, not the tampered response.
    const withWorker = context;
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
    await context.addInitScript(RECORD_VIOLATIONS);
    await context.route(`${server.url}${url}`, async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace('</main>', '<script>window.__fromServer = true</script></main>');
      await route.fulfill({ response, body: html });
    });
    try {
      const page = await open(url);
      expect(await page.content()).toContain('window.__fromServer = true');
      expect(await page.evaluate('window.__fromServer')).toBeUndefined();
      expect((await violationsOn(page)).map((violation) => violation.directive)).toContain('script-src-elem');
      await page.close();
    } finally {
      await context.close();
      context = withWorker;
    }
  });
});
