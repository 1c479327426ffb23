/**
 * A rebuild into the same folder leaves unchanged pages where they are
 * (src/integrations/kept-pages.ts), and must still publish exactly what a
 * cold build of the same content does: the changed entry's page changed,
 * the removed entry's page gone, every other file byte for byte the same.
 * The removed win sits between two wins that link nothing it links, so only
 * their pagers (newer, older) tell that it is gone. The edited boundary's
 * limit changes too, which the ladder's pages (a role's "Can I…?" table)
 * show; a second rebuild after only a win's words changed keeps them, and
 * the authority register's files.
 */
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlaybook, type BuildResult } from '../support/build-playbook.ts';
import { VALID_ROOT } from '../support/bad-input.ts';
import { siteDifferences } from '../support/built-site.ts';

const EDITED = 'boundaries/refund-a-purchase.md';
const REMOVED = 'wins/2026/2026-03-kettle-swap.md';
const ADDED = 'A sentence the editor added after the first build.';
/** Wins either side of the removed one (2026-03-14), under a value it does not show. */
const NEIGHBOURS = {
  'wins/2026/2026-05-spare-umbrella.md': ['A spare umbrella for the walk home', '2026-05-02'],
  'wins/2026/2026-01-receipt-by-email.md': ['A receipt sent by email', '2026-01-20'],
};

/** Put into the first build's search index by hand; the byte-for-byte comparison with a cold build checks they are gone. */
const STRAY_SEARCH_FILES = ['pagefind/wins-1999/pagefind-entry.json', 'pagefind/core/stray.js'];

let work: string;
let root: string;
let first: BuildResult;
let rebuilt: BuildResult;
let cold: BuildResult;
let removedPage: string;
/** The output folder of the first build and the rebuild (`BuildResult.outDir` is the folder it would have chosen). */
let outDir: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'latitude-rebuild-'));
  root = path.join(work, 'content');
  await cp(VALID_ROOT, root, { recursive: true });
  for (const [file, [title, date]] of Object.entries(NEIGHBOURS))
    await writeFile(
      path.join(root, file),
      `---\ntitle: ${title}\ndate: ${date}\npeople: [Sam Lee]\nvalues: [keep-it-simple]\n---\n\nA small thing done well.\n`,
    );
  // The same output folder and cache for both builds, as `npm run build` twice.
  outDir = path.join(work, 'dist');
  const env = { PLAYBOOK_OUT_DIR: outDir, PLAYBOOK_CACHE_DIR: path.join(work, 'cache') };
  first = await buildPlaybook(root, { env });
  if (first.exitCode !== 0) throw new Error(`build failed:\n${first.stdout}\n${first.stderr}`);
  removedPage = path.join(outDir, 'wins', '2026-03-kettle-swap', 'index.html');
  await readFile(removedPage); // built the first time
  const file = path.join(root, EDITED);
  await writeFile(file, `${(await readFile(file, 'utf8')).replace('limit: { amount: 75 }', 'limit: { amount: 90 }')}\n${ADDED}\n`);
  await rm(path.join(root, REMOVED));
  // Files no build made in the search index's folder, which the rebuild puts right part by part: a part it does not have, and
  // a stray file in one it has.
  for (const stray of STRAY_SEARCH_FILES) {
    await mkdir(path.dirname(path.join(outDir, stray)), { recursive: true });
    await writeFile(path.join(outDir, stray), 'not from this build');
  }
  rebuilt = await buildPlaybook(root, { env });
  if (rebuilt.exitCode !== 0) throw new Error(`build failed:\n${rebuilt.stdout}\n${rebuilt.stderr}`);
  cold = await buildPlaybook(root);
  if (cold.exitCode !== 0) throw new Error(`build failed:\n${cold.stdout}\n${cold.stderr}`);
}, 300_000);

afterAll(async () => {
  await first?.cleanup();
  await rebuilt?.cleanup();
  await cold?.cleanup();
  await rm(work, { recursive: true, force: true });
});

describe('a rebuild into the same folder after one entry changed and one was removed', () => {
  it('leaves unchanged pages in place and removes the page no longer built', async () => {
    expect(rebuilt.stdout).toMatch(/[1-9]\d* unchanged page\(s\) left in place/);
    expect(rebuilt.stdout).toContain('1 page(s) no longer built, removed');
    await expect(readFile(removedPage)).rejects.toThrow();
    expect(await readFile(path.join(outDir, 'boundaries', 'refund-a-purchase', 'index.html'), 'utf8')).toContain(ADDED);
    // The neighbours' pagers now point at each other.
    expect(await readFile(path.join(outDir, 'wins', '2026-05-spare-umbrella', 'index.html'), 'utf8')).toMatch(/rel="next"[^>]*>[^]*?A receipt sent by email/);
    // The ladder's pages carry a key: the new limit renders them again.
    expect(await readFile(path.join(outDir, 'can-i', 'store-associate', 'index.html'), 'utf8')).toContain('£90');
  });

  it('publishes the same files as a cold build, byte for byte', async () => {
    expect(await siteDifferences(outDir, cold.outDir)).toEqual({ onlyFirst: [], onlySecond: [], differing: [] });
  });
});

describe('a rebuild after only a win’s words changed', () => {
  const WIN = 'wins/2026/2026-05-spare-umbrella.md';
  const WORDS = 'The umbrella came back the next day.';
  let again: BuildResult;
  /**
   * Each part's folder before this rebuild: its inode and change time (a file's would not tell, as a part is linked from the
   * cache; a folder made again may get the inode just freed).
   */
  const partsBefore = new Map<string, string>();
  const folderOf = async (part: string) => {
    const seen = await stat(path.join(outDir, 'pagefind', part));
    return `${seen.ino} ${seen.ctimeMs}`;
  };

  beforeAll(async () => {
    for (const part of await readdir(path.join(outDir, 'pagefind'), { withFileTypes: true }))
      if (part.isDirectory()) partsBefore.set(part.name, await folderOf(part.name));
    const file = path.join(root, WIN);
    await writeFile(file, `${await readFile(file, 'utf8')}\n${WORDS}\n`);
    again = await buildPlaybook(root, { env: { PLAYBOOK_OUT_DIR: outDir, PLAYBOOK_CACHE_DIR: path.join(work, 'cache') } });
    if (again.exitCode !== 0) throw new Error(`build failed:\n${again.stdout}\n${again.stderr}`);
  }, 120_000);

  it('renders the win again and keeps the ladder’s pages and the authority register', async () => {
    expect(await readFile(path.join(outDir, 'wins', '2026-05-spare-umbrella', 'index.html'), 'utf8')).toContain(WORDS);
    for (const page of [
      '/roles/store-associate/card/index.html',
      '/roles/store-associate/check/index.html',
      '/roles/store-associate/start/index.html',
      '/roles/store-associate/changes.json',
      '/changes/store-associate/index.html',
      '/can-i/store-associate/index.html',
      '/can-i/store-associate.json',
      '/boundaries/index.html',
      '/authority.csv',
      '/authority.json',
    ])
      expect(again.stdout).toContain(`${page} (cached)`);
  });

  it('leaves the parts that did not change where they are, and writes the changed win’s year again', async () => {
    // The win is from 2026: its year's part is written again; the core is left as it was.
    expect([...partsBefore.keys()]).toContain('wins-2026');
    expect([...partsBefore.keys()]).toContain('core');
    for (const [part, before] of partsBefore) {
      const now = await folderOf(part);
      if (part === 'wins-2026') expect({ part, same: now === before }).toEqual({ part, same: false });
      else expect({ part, same: now === before }).toEqual({ part, same: true });
    }
  });
});
