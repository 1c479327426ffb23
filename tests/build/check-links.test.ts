/**
 * `npm run check-links` after a build: a fixture built with and without
 * PLAYBOOK_BASE passes; a copy with a page removed and an anchor gone fails
 * with exit 1, naming each broken link under the page (or feed) it is on.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlaybook, FIXTURES, PROJECT_ROOT, run, type BuildResult } from '../support/build-playbook.ts';

const CONTENT = path.join(FIXTURES, 'canary');
const CLI = path.join(PROJECT_ROOT, 'src/cli/check-links.ts');
const SITE = 'https://playbook.example.org';

let plain: BuildResult;
let based: BuildResult;
let broken: string;

beforeAll(async () => {
  plain = await buildPlaybook(CONTENT);
  based = await buildPlaybook(CONTENT, { env: { PLAYBOOK_BASE: '/playbook', PLAYBOOK_SITE: SITE } });
  for (const result of [plain, based]) {
    if (result.exitCode !== 0) throw new Error(`build failed:\n${result.stdout}\n${result.stderr}`);
  }
  // A copy of the plain build with a page deleted and an anchor renamed.
  broken = await mkdtemp(path.join(os.tmpdir(), 'latitude-broken-links-'));
  await cp(plain.outDir, broken, { recursive: true });
  await rm(path.join(broken, 'guidelines/listen-first/index.html'));
  const boundary = path.join(broken, 'boundaries/refund/index.html');
  const html = await readFile(boundary, 'utf8');
  expect(html).toContain('id="change-2026-03-01"');
  await writeFile(boundary, html.replace('id="change-2026-03-01"', 'id="change-renamed"'));
});

afterAll(async () => {
  await plain?.cleanup();
  await based?.cleanup();
  if (broken) await rm(broken, { recursive: true, force: true });
});

const checkLinks = (args: string[], env: Record<string, string> = {}) =>
  run(process.execPath, [CLI, ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, INIT_CWD: '', PLAYBOOK_BASE: '', PLAYBOOK_SITE: '', PLAYBOOK_OUT_DIR: '', ...env },
  });

describe('npm run check-links', () => {
  it('passes a build without a base path', async () => {
    const result = await checkLinks([plain.outDir]);
    // The example is published in English and Canadian French: two feeds in each.
    expect(result.stdout).toMatch(/^every link and anchor resolves \(checked \d+ pages and 4 feeds\)\n$/);
    expect(result.exitCode).toBe(0);
  });

  it('passes a build under PLAYBOOK_BASE, taking base and site from the environment', async () => {
    const result = await checkLinks([based.outDir], { PLAYBOOK_BASE: '/playbook', PLAYBOOK_SITE: SITE });
    expect(result.stdout).toMatch(/^every link and anchor resolves/);
    expect(result.exitCode).toBe(0);
  });

  it('fails a build checked against the wrong base path', async () => {
    const result = await checkLinks([plain.outDir, '--base', '/playbook']);
    expect(result.stdout).toContain('the address is outside the base path');
    expect(result.exitCode).toBe(1);
  });

  it('lists a missing page and a missing anchor under each page and feed that links to them', async () => {
    const result = await checkLinks([broken]);
    expect(result.exitCode).toBe(1);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(/^\d+ broken links on \d+ pages \(checked \d+ pages and 4 feeds\)$/);
    // Every page that links to the deleted guideline says so.
    expect(result.stdout).toContain('/boundaries/refund/\n');
    expect(result.stdout).toContain('  /guidelines/listen-first/: nothing is published at this address\n');
    // The changes feed and page link to the renamed anchor.
    expect(result.stdout).toContain('/changes/rss.xml\n  http://localhost/boundaries/refund/#change-2026-03-01: the page has no element with this #id\n');
    expect(result.stdout).toMatch(/\/changes\/\n( {2}.*\n)* {2}\/boundaries\/refund\/#change-2026-03-01: the page has no element with this #id\n/);
  });

  it('exits 2 when there is no built site', async () => {
    const result = await checkLinks([path.join(broken, 'nothing-here')]);
    expect(result.stderr).toBe(`check-links: there is no built site at ${path.join(broken, 'nothing-here')}; run npm run build first, or name the folder\n`);
    expect(result.exitCode).toBe(2);
  });
});

describe("the build's last line", () => {
  const lastLine = (result: BuildResult) => result.stdout.trimEnd().split('\n').at(-1)!.replace(/^\S+ /, '');

  it('says how to open the site', () => {
    expect(lastLine(plain)).toBe(`[latitude:open] Open it with \`PLAYBOOK_OUT_DIR=${plain.outDir} npm run preview\`, then visit http://127.0.0.1:4321/`);
  });

  it('names the base path, in the address and for the preview server', () => {
    expect(lastLine(based)).toBe(
      `[latitude:open] Open it with \`PLAYBOOK_OUT_DIR=${based.outDir} PLAYBOOK_BASE=/playbook npm run preview\`, then visit http://127.0.0.1:4321/playbook/`,
    );
  });
});
