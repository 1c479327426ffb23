/**
 * Which built pages a rebuild may leave in the output folder instead of
 * Astro emptying it and copying every unchanged page back from its cache
 * (src/integrations/kept-pages.ts does the file work; docs/scale.md has
 * the figures). A page is kept only when all of these hold, so what the
 * folder holds after the build is what a cold build writes:
 *
 * - the last build into this folder is the one Astro's incremental
 *   manifest describes (our note names the folder and the manifest's time:
 *   a build into another folder with the same cache, or one that stopped
 *   after writing the manifest, does not match);
 * - the manifest lists the file as a page's output, so Astro checks its
 *   cache key again and renders it anew when that changed;
 * - the file is no newer than the manifest (a build that stopped before
 *   writing its manifest may have left pages the manifest does not
 *   describe).
 *
 * Everything else (styles, scripts, the search index, files integrations
 * write, unkeyed pages) is removed before the build, as Astro would; pages
 * kept that the build then no longer makes (a removed entry) are removed
 * after it (`stalePages`).
 */

/** What Latitude notes after a build about the output folder the manifest describes. */
export interface KeptPagesNote {
  /** The output folder's absolute path. */
  outDir: string;
  /** The incremental manifest's modification time when the build ended. */
  manifestMtimeMs: number;
}

/** A file in the output folder, relative to it with `/` separators. */
export interface OutFile {
  path: string;
  mtimeMs: number;
}

/**
 * The output files (relative, decoded) Astro's incremental manifest records
 * for its keyed pages, or an empty set when the text is not such a manifest.
 * Astro stores each as the page's URL relative to the output folder, so
 * percent-encoded as `encodeURI` left it.
 */
export function manifestOutputFiles(manifestText: string): Set<string> {
  return manifestPages(manifestText).outputFiles;
}

/** What one reading of Astro's manifest gives: its pages' output files (`manifestOutputFiles`) and cache keys (`manifestCacheKeys`). */
export interface ManifestPages {
  outputFiles: Set<string>;
  cacheKeys: Map<string, string>;
}

/** The manifest's output files and cache keys, from one parse of its text (3.5 MB at 20,000 entries). */
export function manifestPages(manifestText: string): ManifestPages {
  const outputFiles = new Set<string>();
  const cacheKeys = new Map<string, string>();
  for (const [pathname, entry] of manifestPaths(manifestText)) {
    if (typeof entry.cacheKey === 'string') cacheKeys.set(pathname, entry.cacheKey);
    if (typeof entry.outputFile !== 'string') continue;
    try {
      outputFiles.add(decodeURI(entry.outputFile));
    } catch {
      // Not a URL Astro wrote: the page is rendered again.
    }
  }
  return { outputFiles, cacheKeys };
}

/** Whether the note says the manifest, as it is now, describes the last build into `outDir`. */
export function noteMatches(note: KeptPagesNote | undefined, outDir: string, manifestMtimeMs: number | undefined): boolean {
  return note !== undefined && manifestMtimeMs !== undefined && note.outDir === outDir && note.manifestMtimeMs === manifestMtimeMs;
}

/** The files of the output folder to keep before a build; every other file goes. */
export function pagesToKeep(files: readonly OutFile[], manifestFiles: ReadonlySet<string>, manifestMtimeMs: number): Set<string> {
  return new Set(files.filter((file) => manifestFiles.has(file.path) && file.mtimeMs <= manifestMtimeMs).map((file) => file.path));
}

/** Pages kept before the build that it did not make again: an entry removed, or a page no longer built. */
export function stalePages(kept: ReadonlySet<string>, built: ReadonlySet<string>): string[] {
  return [...kept].filter((file) => !built.has(file)).sort();
}

/** Each keyed page's cache key in Astro's incremental manifest, by its address (`/wins/x/`); empty when the text is not such a manifest. */
export function manifestCacheKeys(manifestText: string): Map<string, string> {
  return manifestPages(manifestText).cacheKeys;
}

/** Every keyed page of Astro's incremental manifest, by its address, as written (fields unchecked); none when the text is not such a manifest. */
function* manifestPaths(manifestText: string): Generator<[string, { outputFile?: unknown; cacheKey?: unknown }]> {
  let manifest: unknown;
  try {
    manifest = JSON.parse(manifestText);
  } catch {
    return;
  }
  const routes = (manifest as { routes?: unknown } | null)?.routes;
  if (!routes || typeof routes !== 'object') return;
  for (const route of Object.values(routes as Record<string, { paths?: Record<string, unknown> } | null>))
    for (const [pathname, entry] of Object.entries(route?.paths ?? {})) if (entry && typeof entry === 'object') yield [pathname, entry];
}
