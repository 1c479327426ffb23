/**
 * `filesUnder` lists a built site as Node's recursive `readdir` does, only
 * faster (src/lib/scale/files-under.ts): the kept pages, the offline plan,
 * the merge and the link check all rely on it naming every file and nothing
 * else.
 */
import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { filesUnder } from '../../src/lib/scale/files-under.ts';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function site(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'latitude-files-'));
  dirs.push(dir);
  await mkdir(path.join(dir, 'wins', 'win-1'), { recursive: true });
  await mkdir(path.join(dir, 'wins', 'page', '2'), { recursive: true });
  await mkdir(path.join(dir, 'empty', 'deeper'), { recursive: true });
  await mkdir(path.join(dir, 'fr-ca', 'valeurs', 'équipe d’accueil'), { recursive: true });
  await writeFile(path.join(dir, 'index.html'), 'home');
  await writeFile(path.join(dir, 'wins', 'win-1', 'index.html'), 'a win');
  await writeFile(path.join(dir, 'wins', 'page', '2', 'index.html'), 'a page');
  await writeFile(path.join(dir, 'fr-ca', 'valeurs', 'équipe d’accueil', 'index.html'), 'une valeur');
  await writeFile(path.join(dir, '.hidden'), 'dot file');
  await symlink(path.join(dir, 'index.html'), path.join(dir, 'link-to-a-file'));
  await symlink(path.join(dir, 'wins'), path.join(dir, 'link-to-a-folder'));
  return dir;
}

describe('filesUnder', () => {
  it('names every file under the folder, relative to it with /, and no folder or link', async () => {
    const dir = await site();
    expect(filesUnder(dir).sort()).toEqual([
      '.hidden',
      'fr-ca/valeurs/équipe d’accueil/index.html',
      'index.html',
      'wins/page/2/index.html',
      'wins/win-1/index.html',
    ]);
  });

  it('names the links too when asked, never what they lead to', async () => {
    const dir = await site();
    expect(filesUnder(dir, { links: true }).sort()).toEqual([
      '.hidden',
      'fr-ca/valeurs/équipe d’accueil/index.html',
      'index.html',
      'link-to-a-file',
      'link-to-a-folder',
      'wins/page/2/index.html',
      'wins/win-1/index.html',
    ]);
  });

  it('lists what Node’s recursive readdir lists as files', async () => {
    const dir = await site();
    const node = (await readdir(dir, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
    expect(filesUnder(dir).sort()).toEqual(node.sort());
  });

  it('lists nothing in an empty folder, and throws for one that is not there', async () => {
    const dir = await site();
    expect(filesUnder(path.join(dir, 'empty'))).toEqual([]);
    expect(() => filesUnder(path.join(dir, 'missing'))).toThrow(expect.objectContaining({ code: 'ENOENT' }) as unknown as Error);
  });
});
