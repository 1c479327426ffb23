/**
 * A folder put in place by hard links instead of copies: the search index's
 * parts move between the cache and `dist/pagefind/` on every build (an
 * unchanged part from the cache, a new one into it), about 2,800 files a
 * part at 20,000 entries, 100 MB and 20,000 files in all, which `cp` copied
 * byte by byte (docs/scale.md). A link shares the file's bytes; nothing
 * writes to these files in place afterwards (a build writes a part into a
 * new folder and only ever removes files from it), so the two names never
 * differ. Where links cannot be made (another file system, a file system
 * without them) the folder is copied as before.
 */
import { cp, link, mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';

/** Puts a tree like `from` at `to` (which must not exist): its files hard-linked, or the whole tree copied when linking fails. */
export async function linkTree(from: string, to: string): Promise<void> {
  try {
    await linkFiles(from, to);
  } catch {
    await rm(to, { recursive: true, force: true });
    await cp(from, to, { recursive: true });
  }
}

async function linkFiles(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  const entries = await readdir(from, { withFileTypes: true });
  await Promise.all(
    entries.map((entry) =>
      entry.isDirectory() ? linkFiles(path.join(from, entry.name), path.join(to, entry.name)) : link(path.join(from, entry.name), path.join(to, entry.name)),
    ),
  );
}
