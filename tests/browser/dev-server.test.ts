/**
 * The dev loop an editor lives in: start `astro dev` on a content root, open
 * a boundary, break it, see the validator's message in the page, fix it, and
 * see the updated page, all without restarting the server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VALID_ROOT } from '../support/bad-input.ts';
import { launchBrowser } from '../support/browser.ts';
import { FIXED_TODAY, PROJECT_ROOT } from '../support/build-playbook.ts';

let work: string;
let root: string;
let dev: ChildProcess;
let output = '';
let browser: Browser;
let page: Page;
let origin: string;
const boundaryFile = () => path.join(root, 'boundaries/refund-a-purchase.md');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitFor(check: () => Promise<boolean> | boolean, what: string, timeout = 60_000): Promise<void> {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`timed out waiting for ${what}; the dev server printed:\n${output}`);
}

/** Vitest sets MODE, DEV, PROD, SSR and friends, which Astro's dev server would read as its own. */
function withoutTestRunnerEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const clean = { ...env };
  for (const key of Object.keys(clean)) if (/^(VITEST.*|TEST|NODE_ENV|MODE|DEV|PROD|SSR|BASE_URL)$/.test(key)) delete clean[key];
  return clean;
}

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'latitude-dev-'));
  root = path.join(work, 'content');
  await cp(VALID_ROOT, root, { recursive: true });
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  dev = spawn(process.execPath, [path.join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: PROJECT_ROOT,
    env: { ...withoutTestRunnerEnv(process.env), PLAYBOOK_CONTENT_DIR: root, PLAYBOOK_CACHE_DIR: path.join(work, 'cache'), PLAYBOOK_TODAY: FIXED_TODAY, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  dev.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  dev.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  dev.on('exit', (code, signal) => (output += `\n[the dev server exited: ${code ?? signal}]\n`));
  await waitFor(async () => (await fetch(`${origin}/`, { signal: AbortSignal.timeout(10_000) }).catch(() => undefined))?.ok === true, 'the dev server to start');
  browser = await launchBrowser();
  page = await browser.newPage();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  dev?.kill();
  await rm(work, { recursive: true, force: true });
});

const heading = () => page.locator('h1').first().textContent();

describe('npm run dev', () => {
  it('shows the boundary', async () => {
    await page.goto(`${origin}/boundaries/refund-a-purchase/`);
    expect(await heading()).toBe('Refund a purchase');
  });

  it('shows the validator\'s message in the page once the boundary is broken, and in the terminal', async () => {
    const text = await readFile(boundaryFile(), 'utf8');
    await writeFile(boundaryFile(), text.replace(/^owner: .*$/m, 'ownr: Store operations'));
    // The page reloads by itself (Vite's client, then the problems page's own refresh); read it between loads.
    await waitFor(async () => (await page.content().catch(() => '')).includes('ownr: unknown key (unknown-key)'), 'the problems page');
    const body = await page.locator('main').textContent();
    expect(await page.title()).toBe('The playbook has content errors');
    expect(body).toContain('boundaries/refund-a-purchase.md:');
    expect(body).toContain('error owner: is required (required)');
    expect(body).toContain('hint: did you mean "owner"?');
    expect(output).toContain('error ownr: unknown key (unknown-key)');
    expect(output).toContain('    hint: did you mean "owner"?');
  });

  it('recovers once the file is fixed, showing the updated page', async () => {
    const text = await readFile(boundaryFile(), 'utf8');
    await writeFile(boundaryFile(), text.replace('ownr: Store operations', 'owner: Store operations').replace(/^title: .*$/m, 'title: Refund a purchase, any store'));
    await waitFor(async () => (await heading().catch(() => '')) === 'Refund a purchase, any store', 'the updated page');
    expect(await page.locator('main').textContent()).not.toContain('unknown key');
  });
});
