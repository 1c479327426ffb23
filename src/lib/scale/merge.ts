/**
 * Joins the outputs of a sharded build (`npm run build -- --shard K/N`, one
 * folder per shard) into one site, and refuses to when the shards do not
 * make one site:
 *
 * - every shard 1…N is there once, all built for the same date and base
 *   path, and all agree on the whole site's page list;
 * - every page of that list was rendered by exactly one shard, and its file
 *   is in that shard's folder (no missing page, no doubled page);
 * - a file written by more than one shard (bundled scripts and styles,
 *   public/, icons, pictures; see src/integrations/shard.ts) has the same
 *   bytes in each; two shards that wrote different bytes at one path are
 *   an error naming the file and both shards;
 * - one search index (`searchIndexProblems`).
 *
 * Nothing is written until every check passes. Problems are plain
 * sentences naming the file or folder, for the command line to print.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { readManifest, SEARCH_PARTS_DIR, SEARCH_PARTS_FILE } from '../search/parts.ts';
import { filesUnder } from './files-under.ts';
import { parseShard, type Shard } from './shard.ts';
import { parseShardManifest, SHARD_MANIFEST, type ShardManifest } from './shard-manifest.ts';

/** One shard's output folder and what it says about itself. */
export interface ShardDir {
  /** The folder as the user named it (for messages). */
  name: string;
  /** Its absolute path. */
  dir: string;
  manifest: ShardManifest;
  shard: Shard;
}

/** How a shard is named in messages: `shard 2/3 (dist-shards/2-of-3)`. */
export const label = (shard: ShardDir) => `shard ${shard.manifest.shard} (${shard.name})`;

/** Reads each folder's shard manifest; a folder that is not a shard's output is a problem. */
export async function readShardDirs(dirs: readonly { name: string; dir: string }[]): Promise<{ shards: ShardDir[]; problems: string[] }> {
  const shards: ShardDir[] = [];
  const problems: string[] = [];
  for (const { name, dir } of dirs) {
    let text: string;
    try {
      if (!(await stat(dir)).isDirectory()) {
        problems.push(`${name}: not a folder.`);
        continue;
      }
      text = await readFile(path.join(dir, SHARD_MANIFEST), 'utf8');
    } catch {
      problems.push(
        (await exists(dir))
          ? `${name}: no ${SHARD_MANIFEST}, so it is not the output of a shard build (npm run build -- --shard K/N).`
          : `${name}: no such folder.`,
      );
      continue;
    }
    try {
      const manifest = parseShardManifest(text);
      shards.push({ name, dir, manifest, shard: parseShard(manifest.shard) });
    } catch (error) {
      problems.push(`${path.join(name, SHARD_MANIFEST)}: not a shard manifest (${(error as Error).message}).`);
    }
  }
  return { shards, problems };
}

/** Every shard of one split, each once, built for the same date, base path and page list. */
export function shardSetProblems(shards: readonly ShardDir[]): string[] {
  const problems: string[] = [];
  const first = shards[0];
  if (!first) return ['No shard folders to merge: name each shard’s output folder.'];
  for (const shard of shards.slice(1)) {
    if (shard.shard.count !== first.shard.count)
      problems.push(`${label(shard)} and ${label(first)} are parts of different splits (${shard.shard.count} and ${first.shard.count} shards).`);
  }
  if (problems.length > 0) return problems;
  const byIndex = new Map<number, ShardDir>();
  for (const shard of shards) {
    const other = byIndex.get(shard.shard.index);
    if (other) problems.push(`Shard ${shard.manifest.shard} is given twice: ${other.name} and ${shard.name}.`);
    else byIndex.set(shard.shard.index, shard);
  }
  for (let index = 1; index <= first.shard.count; index++) {
    if (!byIndex.has(index)) problems.push(`Shard ${index}/${first.shard.count} is missing: give the merge every shard’s output folder.`);
  }
  const allPages = first.manifest.allPages.join('\n');
  for (const shard of shards.slice(1)) {
    if (shard.manifest.today !== first.manifest.today)
      problems.push(
        `${label(shard)} was built for ${shard.manifest.today}, ${label(first)} for ${first.manifest.today}: build every shard with the same PLAYBOOK_TODAY.`,
      );
    if (shard.manifest.base !== first.manifest.base)
      problems.push(
        `${label(shard)} was built for the base path ${shard.manifest.base}, ${label(first)} for ${first.manifest.base}: build every shard with the same PLAYBOOK_BASE.`,
      );
    if (shard.manifest.allPages.join('\n') !== allPages)
      problems.push(`${label(shard)} and ${label(first)} list different pages for the whole site: build every shard from the same content and code.`);
  }
  return problems;
}

/** Every page of the site rendered by exactly one shard. */
export function pageProblems(shards: readonly ShardDir[]): string[] {
  const problems: string[] = [];
  const owners = new Map<string, ShardDir>();
  for (const shard of shards) {
    for (const page of shard.manifest.pages) {
      const other = owners.get(page.path);
      if (other) problems.push(`Page ${page.path} was built by two shards: ${label(other)} and ${label(shard)}.`);
      else owners.set(page.path, shard);
    }
  }
  for (const page of shards[0]?.manifest.allPages ?? []) if (!owners.has(page)) problems.push(`Page ${page} was built by no shard.`);
  return problems;
}

/** Each shard's files (relative paths with `/`) but its manifest, and the shard of each file the merged site takes. */
export interface SiteFiles {
  /** For each file of the merged site, the first shard that has it. */
  from: Map<string, ShardDir>;
  problems: string[];
}

/**
 * Every file of every shard, one source per path: a path in more than one
 * shard must have the same bytes in each. `skip` leaves files out (the
 * search index, when the merge makes it again).
 */
export async function collectFiles(shards: readonly ShardDir[], skip: (file: string) => boolean = () => false): Promise<SiteFiles> {
  const from = new Map<string, ShardDir>();
  const problems: string[] = [];
  for (const shard of shards) {
    const files = filesUnder(shard.dir)
      .sort()
      .filter((file) => file !== SHARD_MANIFEST && !skip(file));
    const own = new Set(files);
    for (const page of shard.manifest.pages) {
      if (!own.has(page.file)) problems.push(`${path.join(shard.name, page.file)}: missing, though ${label(shard)} says it built ${page.path}.`);
    }
    for (const file of files) {
      const other = from.get(file);
      if (!other) {
        from.set(file, shard);
        continue;
      }
      if (!(await sameBytes(path.join(other.dir, file), path.join(shard.dir, file))))
        problems.push(`${file}: ${label(other)} and ${label(shard)} wrote different bytes.`);
    }
  }
  return { from, problems };
}

/**
 * One search index. Every shard writes the same list of parts
 * (`pagefind/parts.json`, worked out from the whole playbook) and the parts
 * it owns, finished (each part goes whole to one shard: src/lib/scale/shard.ts),
 * so every part of the list must be in exactly one shard, and the merge
 * copies it. The list is read by the one reader of it, `readManifest`
 * (src/lib/search/parts.ts).
 */
export async function searchIndexProblems(shards: readonly ShardDir[]): Promise<string[]> {
  const problems: string[] = [];
  const manifests = await Promise.all(shards.map((shard) => readFile(path.join(shard.dir, SEARCH_PARTS_FILE)).catch(() => undefined)));
  const withParts = shards.findIndex((_, i) => manifests[i] !== undefined);
  if (withParts < 0)
    return shards.map((shard) => `${path.join(shard.name, SEARCH_PARTS_FILE)}: missing, so the shard holds no search index to merge; build it again.`);
  const reference = manifests[withParts]!;
  shards.forEach((shard, i) => {
    const manifest = manifests[i];
    if (!manifest) problems.push(`${path.join(shard.name, SEARCH_PARTS_FILE)}: missing, though ${label(shards[withParts]!)} has one.`);
    else if (!manifest.equals(reference)) problems.push(`${SEARCH_PARTS_FILE}: ${label(shards[withParts]!)} and ${label(shard)} list different parts.`);
  });
  if (problems.length > 0) return problems;
  let ids: string[];
  try {
    ids = readManifest(reference.toString('utf8')).parts.map((part) => part.id);
  } catch (error) {
    return [`${path.join(shards[withParts]!.name, SEARCH_PARTS_FILE)}: ${(error as Error).message}`];
  }
  for (const id of ids) {
    const part = `${SEARCH_PARTS_DIR}${id}/`;
    const holders = [];
    for (const shard of shards) if (await exists(path.join(shard.dir, part, 'pagefind-entry.json'))) holders.push(shard);
    if (holders.length === 0) problems.push(`Search index part "${id}" (${part}) is in no shard: build every shard from the same content and code.`);
    else if (holders.length > 1) problems.push(`Search index part "${id}" (${part}) was written by more than one shard: ${holders.map(label).join(' and ')}.`);
  }
  return problems;
}

async function sameBytes(a: string, b: string): Promise<boolean> {
  const [sa, sb] = await Promise.all([stat(a), stat(b)]);
  if (sa.size !== sb.size) return false;
  const [ba, bb] = await Promise.all([readFile(a), readFile(b)]);
  return ba.equals(bb);
}

/** Whether a file or folder is there (nothing else is asked of it). */
export async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}
