/**
 * Every file under a folder, for the steps that list a whole built site:
 * the kept pages before a rebuild, the offline plan after a build, the
 * merge of shards and the link check. A 20,000-entry site's `dist/` holds
 * 42,000 files in 21,000 folders (a folder a page). Node's
 * `readdir(dir, { recursive: true })` reads the folders one after another
 * through the thread pool, with a promise for each: 1.3–1.6 s for that
 * folder on the 2-core machine, where this walk, synchronous and folder by
 * folder, takes 0.5 s (docs/scale.md). It holds the event loop for that
 * time, so it is for steps that have nothing else to do meanwhile.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * The files under `dir`, relative to it with `/` separators, in no set
 * order. As `readdir`'s recursive listing: a link is not followed, folders
 * are not listed, and neither are links and other entries that are not
 * plain files unless `links` asks for them (to remove everything but the
 * folders). Throws as `readdirSync` does when `dir` cannot be read
 * (`ENOENT` when it is not there).
 */
export function filesUnder(dir: string, { links = false }: { links?: boolean } = {}): string[] {
  const files: string[] = [];
  const walk = (folder: string, relative: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const name = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path.join(folder, entry.name), name);
      else if (links || entry.isFile()) files.push(name);
    }
  };
  walk(dir, '');
  return files;
}
