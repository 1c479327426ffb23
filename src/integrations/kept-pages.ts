/**
 * A rebuild leaves unchanged pages where they are. Astro empties the output
 * folder before every build and, with its incremental build, copies every
 * page whose cache key did not change back from its cache: at 20,000
 * entries that was about 7 s of deleting and 21,000 copies for a rebuild
 * after one changed entry (docs/scale.md). With `vite.build.emptyOutDir`
 * off, Astro leaves a page that is already in the folder; this integration
 * empties the folder itself first, except for the pages the last build's
 * manifest describes (src/lib/scale/kept-pages.ts says when), and after the
 * build removes the kept pages this build did not make, before any other
 * integration reads the folder. The search index's folder, `pagefind/`, is
 * left to the search integration (src/integrations/pagefind.ts), which
 * keeps each part still the same and replaces the rest. The folder then
 * holds what a cold build writes.
 *
 * Only for `astro build`, and listed first among the integrations, so its
 * `astro:build:done` runs before the ones that read the built pages.
 */
import type { AstroIntegration } from 'astro';
import { statSync } from 'node:fs';
import { readFile, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { filesUnder } from '../lib/scale/files-under.ts';
import { SEARCH_PARTS_DIR } from '../lib/search/parts.ts';
import {
  type KeptPagesNote,
  type ManifestPages,
  manifestOutputFiles,
  manifestPages,
  noteMatches,
  type OutFile,
  pagesToKeep,
  stalePages,
} from '../lib/scale/kept-pages.ts';

/** Astro's incremental build manifest in the cache folder (astro/dist/core/build/incremental.js, `INCREMENTAL_CACHE_FILE`). */
export const INCREMENTAL_MANIFEST_FILE = 'incremental-build.json';

/**
 * The last build's cache key of each keyed page, by address, from Astro's
 * manifest in `cacheDir` (`lastManifest`): read at `astro:build:start`,
 * before Astro writes this build's. None when there is no manifest (a first build).
 */
export async function lastPageKeys(cacheDir: string): Promise<ReadonlyMap<string, string>> {
  return (await lastManifest(cacheDir)).cacheKeys;
}

/**
 * Astro's manifest in `cacheDir` as the last build left it: its pages' output
 * files and cache keys (nothing when there is none). The kept pages, the search
 * indexer and the render order all ask at the start of a build: the manifest
 * (3.5 MB at 20,000 entries, 70–130 ms to read and parse) is read once for
 * all three, and again only when it is another file or has changed.
 */
async function lastManifest(cacheDir: string): Promise<{ outputFiles: ReadonlySet<string>; cacheKeys: ReadonlyMap<string, string> }> {
  const file = path.join(cacheDir, INCREMENTAL_MANIFEST_FILE);
  const seen = await stat(file).catch(() => undefined);
  if (!seen) return { outputFiles: new Set(), cacheKeys: new Map() };
  if (lastRead?.file !== file || lastRead.mtimeMs !== seen.mtimeMs || lastRead.size !== seen.size)
    lastRead = {
      file,
      mtimeMs: seen.mtimeMs,
      size: seen.size,
      pages: readFile(file, 'utf8').then(manifestPages, () => ({ outputFiles: new Set<string>(), cacheKeys: new Map<string, string>() })),
    };
  return lastRead.pages;
}

/** The manifest `lastManifest` read last, as it was then, and what it holds. */
let lastRead: { file: string; mtimeMs: number; size: number; pages: Promise<ManifestPages> } | undefined;

/** Latitude's note of the output folder that manifest describes. */
export const KEPT_PAGES_NOTE_FILE = 'latitude-kept-pages.json';

export function keptPages(): AstroIntegration {
  let outDir = '';
  let cacheDir = '';
  let kept = new Set<string>();
  return {
    name: 'latitude:kept-pages',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        if (command === 'build') updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:start': async ({ logger }) => {
        const started = performance.now();
        kept = await emptyAllButKeptPages(outDir, cacheDir);
        logger.info(`${kept.size} unchanged page(s) left in place for the incremental build (${Math.round(performance.now() - started)} ms)`);
      },
      'astro:build:done': async ({ assets, logger }) => {
        // What this build made: every page Astro reports, and (in case a route's pages go unreported) every keyed page its manifest records.
        const built = manifestOutputFiles(await readFile(path.join(cacheDir, INCREMENTAL_MANIFEST_FILE), 'utf8').catch(() => ''));
        for (const urls of assets.values()) for (const url of urls) built.add(relativeTo(outDir, fileURLToPath(url)));
        const stale = stalePages(kept, built);
        await removeFiles(outDir, stale);
        if (stale.length > 0) logger.info(`${stale.length} page(s) no longer built, removed`);
        const manifestMtimeMs = await mtimeOf(path.join(cacheDir, INCREMENTAL_MANIFEST_FILE));
        if (manifestMtimeMs !== undefined) {
          const note: KeptPagesNote = { outDir, manifestMtimeMs };
          await writeFile(path.join(cacheDir, KEPT_PAGES_NOTE_FILE), JSON.stringify(note));
        }
      },
    },
  };
}

/**
 * Empties `outDir` as Astro would (its `.git` aside), but for the pages to
 * keep and the search index's folder, and returns the pages kept. The note goes first: a build that stops before
 * its end leaves none, so the next one starts from an empty folder.
 */
async function emptyAllButKeptPages(outDir: string, cacheDir: string): Promise<Set<string>> {
  const noteFile = path.join(cacheDir, KEPT_PAGES_NOTE_FILE);
  const note = await readFile(noteFile, 'utf8').then(
    (text) => JSON.parse(text) as KeptPagesNote,
    () => undefined,
  );
  await rm(noteFile, { force: true });
  const manifest = path.join(cacheDir, INCREMENTAL_MANIFEST_FILE);
  const manifestMtimeMs = await mtimeOf(manifest);
  // Listed and checked synchronously (`filesUnder`, `statSync`): nothing else runs yet, and 21,000 pages took 2 s as promises.
  const files = existingFiles(outDir);
  let keep = new Set<string>();
  if (noteMatches(note, outDir, manifestMtimeMs)) {
    const listed = (await lastManifest(cacheDir)).outputFiles;
    const candidates: OutFile[] = files
      .filter((file) => listed.has(file))
      .map((file) => ({ path: file, mtimeMs: statSync(path.join(outDir, file), { throwIfNoEntry: false })?.mtimeMs ?? Infinity }));
    keep = pagesToKeep(candidates, listed, manifestMtimeMs!);
  }
  // A top folder with no page to keep goes whole (fast, as Astro empties); in the others, file by file. The search index's
  // folder is the search integration's to put right: it leaves each part that is still the same in place (`writeParts`).
  const keptTops = new Set([...keep].map(topOf));
  const tops = new Set(files.map(topOf).filter((top) => top !== '.git' && top !== SEARCH_FOLDER && !keptTops.has(top)));
  await Promise.all([...tops].map((top) => rm(path.join(outDir, top), { recursive: true, force: true })));
  await removeFiles(
    outDir,
    files.filter((file) => !keep.has(file) && keptTops.has(topOf(file))),
  );
  return keep;
}

/** Removes `files` (relative to `dir`), then each folder they leave empty, deepest first (never `dir` itself). */
async function removeFiles(dir: string, files: readonly string[]): Promise<void> {
  await Promise.all(files.map((file) => rm(path.join(dir, file), { force: true })));
  const folders = new Set<string>();
  for (const file of files) for (let folder = path.posix.dirname(file); folder !== '.'; folder = path.posix.dirname(folder)) folders.add(folder);
  const deepestFirst = [...folders].sort((a, b) => b.split('/').length - a.split('/').length);
  for (const folder of deepestFirst) {
    // A folder something is left in stays.
    await rmdir(path.join(dir, folder)).catch(() => undefined);
  }
}

/** Everything in the output folder but its folders (`filesUnder`); nothing when there is no folder yet. */
function existingFiles(outDir: string): string[] {
  try {
    return filesUnder(outDir, { links: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** The search index's folder in the output folder (`pagefind`). */
const SEARCH_FOLDER = SEARCH_PARTS_DIR.replace(/\/$/, '');

/** The first segment of a relative path: `wins/x/index.html` → `wins`. */
function topOf(file: string): string {
  return file.split('/', 1)[0]!;
}

/** `file` relative to `dir`, with `/` separators (as Astro's manifest has it). */
function relativeTo(dir: string, file: string): string {
  return path.relative(dir, file).split(path.sep).join('/');
}

async function mtimeOf(file: string): Promise<number | undefined> {
  try {
    return (await stat(file)).mtimeMs;
  } catch {
    return undefined;
  }
}
