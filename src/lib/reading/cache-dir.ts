/**
 * Where Astro keeps its cache and data store for a content root. Astro
 * keeps one per project by default, so a second organisation built by the
 * same install would start from the first one's stored entries (file paths,
 * pictures). Keyed by the content root's real path, each root has its own.
 */
import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT, resolveContentRoot } from './resolve-content-root.ts';

export function contentRootCacheDir(contentRoot: string = resolveContentRoot(), projectRoot: string = PROJECT_ROOT): string {
  let real = path.resolve(contentRoot);
  try {
    real = realpathSync(real);
  } catch {
    // A root that does not exist yet: the validator says so; any folder name will do.
  }
  const key = createHash('sha256').update(real).digest('hex').slice(0, 16);
  return path.join(projectRoot, 'node_modules/.astro', `content-${key}`);
}
