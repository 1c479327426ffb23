/**
 * The build validates first: bad content fails `astro build` with exactly the
 * validator's messages and a non-zero exit; valid content builds a home page
 * and one page per published or retired entry, and nothing for drafts.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badCases, materialise } from '../support/bad-input.ts';
import { buildPlaybook, PROJECT_ROOT, run, type BuildResult } from '../support/build-playbook.ts';
import { VALID_ROOT } from '../support/bad-input.ts';

describe('a build of bad content', () => {
  // 80: a training scenario that contradicts its boundary's grants (issue 18) stops the build like any other error.
  it.each(['16-ladder-narrows', '80-scenario-disagrees'])("%s fails with the validator's own messages, before any page is built", async (name) => {
    const cases = await badCases();
    const badCase = cases.find((c) => c.name === name)!;
    const { root, cleanup } = await materialise(badCase);
    let build: BuildResult | undefined;
    try {
      const validated = await run(process.execPath, [path.join(PROJECT_ROOT, 'src/cli/validate.ts'), '--content', root], {
        cwd: PROJECT_ROOT,
        env: { ...process.env, PLAYBOOK_TODAY: '2026-11-23', INIT_CWD: '' },
      });
      build = await buildPlaybook(root);
      expect(build.exitCode).not.toBe(0);
      const messages = validated.stdout.split('\n').filter((line) => line.includes(' error ') || line.startsWith('    hint:'));
      expect(messages.length).toBeGreaterThan(0);
      for (const line of messages) expect(build.stderr).toContain(line);
      expect(build.stderr).toContain('The playbook was not built: fix the errors above and build again.');
      expect(build.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/); // no stack trace
      expect(existsSync(path.join(build.outDir, 'index.html'))).toBe(false);
    } finally {
      await cleanup();
      await build?.cleanup();
    }
  });
});

describe('a build of valid content', () => {
  let build: BuildResult;
  beforeAll(async () => {
    build = await buildPlaybook(VALID_ROOT, { env: { PLAYBOOK_SITE: '' } });
  });
  afterAll(() => build?.cleanup());

  it('succeeds', () => {
    expect(build.stderr.includes(' error ') ? build.stderr : '').toBe('');
    expect(build.exitCode).toBe(0);
  });

  it('without PLAYBOOK_SITE, warns in one line and leaves the QR code off the pocket cards', async () => {
    const [noSite] = (await badCases()).filter((badCase) => badCase.name === '52-no-playbook-site');
    expect(build.stderr).toBe(await readFile(path.join(noSite!.dir, 'expected.txt'), 'utf8'));
    const card = await readFile(path.join(build.outDir, 'roles/store-associate/card/index.html'), 'utf8');
    expect(card).toContain('Store associate');
    expect(card).not.toContain('<svg');
    expect(card).not.toContain('Scan for the full role page');
  });

  it('builds a home page and one page per entry', () => {
    const pages = [
      'index.html',
      'values/own-the-outcome/index.html',
      'values/keep-it-simple/index.html',
      'roles/store-associate/index.html',
      'roles/shift-lead/index.html',
      'roles/store-manager/index.html',
      'guidelines/fix-first/index.html',
      'boundaries/refund-a-purchase/index.html',
      'case-studies/ritz-carlton/index.html',
      'wins/2026-03-kettle-swap/index.html',
    ];
    for (const page of pages) expect(existsSync(path.join(build.outDir, page)), page).toBe(true);
  });
});
