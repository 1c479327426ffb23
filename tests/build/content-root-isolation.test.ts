/**
 * Two organisations built in turn by one install, with Astro's default
 * cache (no PLAYBOOK_CACHE_DIR): the second site carries nothing of the
 * first, neither its words, nor its file paths, nor its pictures.
 */
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VALID_ROOT } from '../support/bad-input.ts';
import { buildPlaybook, type BuildResult } from '../support/build-playbook.ts';
import { filesIn, readDecoded } from '../support/built-site.ts';
import { contentRootCacheDir } from '../../src/lib/reading/cache-dir.ts';

const FIRST_ONLY = 'firstorgonlyqzx';
let work: string;
let first: BuildResult;
let second: BuildResult;
const roots: string[] = [];

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'latitude-two-orgs-'));
  const firstRoot = path.join(work, `${FIRST_ONLY}-content`);
  const secondRoot = path.join(work, 'second-content');
  roots.push(firstRoot, secondRoot);
  await cp(VALID_ROOT, firstRoot, { recursive: true });
  await cp(VALID_ROOT, secondRoot, { recursive: true });
  await mkdir(path.join(firstRoot, 'wins/2026'), { recursive: true });
  await cp(path.join(VALID_ROOT, 'assets/kettle.png'), path.join(firstRoot, `assets/${FIRST_ONLY}.png`));
  await writeFile(
    path.join(firstRoot, `wins/2026/${FIRST_ONLY}-win.md`),
    `---\ntitle: The ${FIRST_ONLY} win\ndate: 2026-03-01\npeople: [Sam]\nvalues: [own-the-outcome]\nimage: ../../assets/${FIRST_ONLY}.png\nimageAlt: A picture only the first organisation has\n---\n\nOnly the first organisation tells this story: ${FIRST_ONLY}.\n`,
  );
  // The default cache: what an install uses when nothing says otherwise.
  first = await buildPlaybook(firstRoot, { env: { PLAYBOOK_CACHE_DIR: '' } });
  second = await buildPlaybook(secondRoot, { env: { PLAYBOOK_CACHE_DIR: '' } });
});

afterAll(async () => {
  await first?.cleanup();
  await second?.cleanup();
  for (const root of roots) await rm(contentRootCacheDir(root), { recursive: true, force: true });
  await rm(work, { recursive: true, force: true });
});

describe('two content roots built in turn by one install', () => {
  it('both build', () => {
    expect(first.exitCode, first.stderr).toBe(0);
    expect(second.exitCode, second.stderr).toBe(0);
  });

  it('each have their own cache folder', () => {
    expect(contentRootCacheDir(roots[0])).not.toBe(contentRootCacheDir(roots[1]));
  });

  it('leave nothing of the first in the second', async () => {
    const firstFiles = await filesIn(first.outDir);
    expect(firstFiles.some((file) => file.includes(FIRST_ONLY))).toBe(true); // the test sees the marker where it is
    const files = await filesIn(second.outDir);
    const leaks = [];
    for (const file of files) {
      if (file.toLowerCase().includes(FIRST_ONLY)) leaks.push(file);
      else if ((await readDecoded(second.outDir, file)).toString('latin1').toLowerCase().includes(FIRST_ONLY)) leaks.push(file);
    }
    expect(leaks).toEqual([]);
  });
});
