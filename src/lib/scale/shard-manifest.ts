/**
 * What a shard build leaves beside its pages for the merge: which shard it
 * is, what it was built for (the date, the base path) and which pages it
 * rendered, out of every page of the whole site. Every shard computes the
 * whole site's page list the same way (each runs every `getStaticPaths`),
 * so the merge can tell a missing page from one no shard was meant to build.
 */
import type { ExpectedPage } from '../search/record-sink.ts';
import { shardPlan, type Shard } from './shard.ts';

/** The manifest's file name at the root of a shard's output (no leading dot: CI artifact uploads skip hidden files). */
export const SHARD_MANIFEST = 'latitude-shard.json';

export interface ShardManifest {
  /** The manifest's own format; a merge refuses one it does not know. */
  format: 1;
  /** "K/N". */
  shard: string;
  /** The build date every shard must share (PLAYBOOK_TODAY): review status, feeds and "new" marks depend on it. */
  today: string;
  /** The base path the site was built for. */
  base: string;
  /** The pages this shard rendered, by Astro's pathname (`/boundaries/refund/`, `/404`, `/can-i.json`), sorted, each with the file it was written to. */
  pages: ShardPage[];
  /** Every page of the whole site, by pathname, sorted: the same list in every shard. */
  allPages: string[];
}

/** A page a shard rendered. */
export interface ShardPage {
  /** Astro's pathname: `/boundaries/refund/`, `/can-i`, `/404`, `/can-i.json`. */
  path: string;
  /** The file it was written to, relative to the output folder: `boundaries/refund/index.html`, `404.html`, `can-i.json`. */
  file: string;
}

/**
 * The file Astro writes a page to with `build.format: 'directory'` (the
 * rule of Astro's core/output-filename.js): an endpoint at its own path,
 * the status pages as `.html`, every other page as `index.html` in its folder.
 */
export function pageFile(pathname: string, isEndpoint: boolean): string {
  const name = pathname.replace(/^\/+/, '');
  if (isEndpoint) return name;
  if (name === '') return 'index.html';
  const bare = name.replace(/\/+$/, '');
  return bare === '404' || bare === '500' ? `${bare}.html` : `${bare}/index.html`;
}

/**
 * The pages (by pathname) of the whole site that `shard` renders (`shardPlan`):
 * each indexed page with its part of the search index, the rest evening out
 * the shards. `indexed` is every page the search index holds.
 */
export function pagesOfShard<P extends { pathname: string }>(paths: readonly P[], indexed: readonly ExpectedPage[], shard: Shard | undefined): P[] {
  if (!shard || shard.count === 1) return [...paths];
  const plan = shardPlan(
    paths.map((path) => path.pathname),
    indexed,
    shard.count,
  );
  return paths.filter((path) => plan.get(path.pathname) === shard.index);
}

/** Reads a manifest's JSON; throws with a plain reason when it is not one. */
export function parseShardManifest(text: string): ShardManifest {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error('it is not JSON');
  }
  const record = (data ?? {}) as Partial<Record<keyof ShardManifest, unknown>>;
  if (typeof data !== 'object' || record.format !== 1) throw new Error('it has no "format": 1');
  for (const key of ['shard', 'today', 'base'] as const) if (typeof record[key] !== 'string') throw new Error(`"${key}" is not text`);
  const pages = record.pages;
  if (!Array.isArray(pages) || !pages.every((page: Partial<ShardPage>) => typeof page?.path === 'string' && typeof page.file === 'string'))
    throw new Error('"pages" is not a list of pages');
  const all = record.allPages;
  if (!Array.isArray(all) || !all.every((item) => typeof item === 'string')) throw new Error('"allPages" is not a list of pages');
  return record as ShardManifest;
}
