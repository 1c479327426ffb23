/**
 * Two organisations built in turn by one install, with Astro's default
 * cache (no PLAYBOOK_CACHE_DIR): the second site carries nothing of the
 * first, neither its words, nor its file paths, nor its pictures. Then two
 * more with one explicit, shared PLAYBOOK_CACHE_DIR, the second under a
 * folder whose name holds a space, `#`, `%`, `?` and non-ASCII letters, and
 * with the same picture path and texts as the first: it builds, with its own
 * "Edit this page" addresses and its own photo.
 */
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import sharp from 'sharp';
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

describe('two content roots built in turn with one PLAYBOOK_CACHE_DIR', () => {
  let base: string;
  let a: BuildResult;
  let b: BuildResult;
  /** A photo of one colour, under the same name in both roots. */
  const photo = (red: number, blue: number) =>
    sharp({ create: { width: 64, height: 48, channels: 3, background: { r: red, g: 0, b: blue } } })
      .png()
      .toBuffer();

  beforeAll(async () => {
    base = await mkdtemp(path.join(os.tmpdir(), 'latitude-shared-cache-'));
    const rootA = path.join(base, 'org-a');
    const rootB = path.join(base, 'R&D #2 (100%) ? é', 'org-b');
    for (const [root, org, picture] of [
      [rootA, 'a', await photo(255, 0)],
      [rootB, 'b', await photo(0, 255)],
    ] as const) {
      await cp(VALID_ROOT, root, { recursive: true });
      await writeFile(path.join(root, 'assets/kettle.png'), picture);
      const settings = await readFile(path.join(root, 'playbook.yaml'), 'utf8');
      await writeFile(path.join(root, 'playbook.yaml'), settings.replace('https://example.com/edit/', `https://example.com/org-${org}/edit/`));
    }
    const shared = { PLAYBOOK_CACHE_DIR: path.join(base, 'shared-cache') };
    a = await buildPlaybook(rootA, { env: shared });
    b = await buildPlaybook(rootB, { env: shared });
  });

  afterAll(async () => {
    await a?.cleanup();
    await b?.cleanup();
    await rm(base, { recursive: true, force: true });
  });

  it('both build, the second from a folder with a space, #, %, ? and é in its path', () => {
    expect(a.exitCode, a.stderr).toBe(0);
    expect(b.exitCode, b.stderr).toBe(0);
  });

  it("the second site has its own edit addresses, and none of the first's", async () => {
    const page = await readFile(path.join(b.outDir, 'wins/2026-03-kettle-swap/index.html'), 'utf8');
    expect(page).toContain('https://example.com/org-b/edit/main/content/wins/2026/2026-03-kettle-swap.md');
    for (const file of (await filesIn(b.outDir)).filter((name) => name.endsWith('.html'))) {
      expect(await readFile(path.join(b.outDir, file), 'utf8'), file).not.toContain('org-a');
    }
  });

  it("the second site's win shows its own photo", async () => {
    const page = await readFile(path.join(b.outDir, 'wins/2026-03-kettle-swap/index.html'), 'utf8');
    const src = decodeURIComponent(/<img[^>]*\ssrc="([^"]+)"/.exec(page)![1]!);
    const { dominant } = await sharp(path.join(b.outDir, src)).stats();
    expect(dominant.b).toBeGreaterThan(200);
    expect(dominant.r).toBeLessThan(50);
  });
});
