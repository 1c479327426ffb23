/**
 * Where Astro keeps its cache and data store for a content root, and where
 * Latitude keeps its own caches (the read cache, the last search index).
 * Astro keeps one per project by default, so a second organisation built by
 * the same install would start from the first one's stored entries (file
 * paths, pictures, pages). Keyed by the content root's real path, each root
 * has its own folder: under `node_modules/.astro/`, or under
 * `PLAYBOOK_CACHE_DIR` when that is set, so one shared cache folder still
 * never hands one root's entries, pages or pictures to another.
 *
 * Each folder also records whose it is (`claimCacheDir`): a folder that
 * holds another root's cache (copied, restored by CI under the wrong key,
 * or met by a hash collision) is emptied before it is used.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT, resolveContentRoot } from './resolve-content-root.ts';

/** The file in a cache folder that names the content root it belongs to. */
export const CACHE_OWNER_FILE = 'latitude-content-root';

/** The content root's real path (its own path when it does not exist yet: the validator says so). */
export function realContentRoot(contentRoot: string): string {
  const resolved = path.resolve(contentRoot);
  try {
    return realpathSync(resolved);
  } catch {
    return resolved;
  }
}

export function contentRootCacheDir(
  contentRoot: string = resolveContentRoot(),
  projectRoot: string = PROJECT_ROOT,
  shared: string | undefined = process.env.PLAYBOOK_CACHE_DIR || undefined,
): string {
  const key = createHash('sha256').update(realContentRoot(contentRoot)).digest('hex').slice(0, 16);
  return path.join(shared ? path.resolve(shared) : path.join(projectRoot, 'node_modules/.astro'), `content-${key}`);
}

/**
 * Makes `cacheDir` the cache of `contentRoot`: when it names another root
 * (or cannot be read), it is emptied first; then it names this one. Returns
 * whether anything was thrown away.
 */
export function claimCacheDir(cacheDir: string, contentRoot: string): boolean {
  const owner = realContentRoot(contentRoot);
  const file = path.join(cacheDir, CACHE_OWNER_FILE);
  let recorded: string | undefined;
  try {
    recorded = readFileSync(file, 'utf8');
  } catch {
    // No record: a new folder, or one from before records were kept.
  }
  if (recorded === owner) return false;
  let emptied = false;
  if (recorded !== undefined || hasContent(cacheDir)) {
    rmSync(cacheDir, { recursive: true, force: true });
    emptied = true;
  }
  try {
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(file, owner);
  } catch {
    // A read-only cache folder: nothing will be written to it either.
  }
  return emptied;
}

/** Whether the folder exists and holds anything. */
function hasContent(dir: string): boolean {
  try {
    return readdirSync(dir).length > 0;
  } catch {
    return false;
  }
}
