/**
 * A shard of a build: `npm run build -- --shard K/N` renders the K-th of N
 * disjoint parts of the site's pages (and writes its part of the search
 * index). Every shard reads the whole playbook, so links, backlinks and
 * ladders stay whole; only the output is split.
 *
 * Which shard owns a page is a pure function of the whole site's page
 * list, the search index's parts and N (`shardPlan`): each part of the
 * index goes whole to one shard, with all of its pages, so every shard
 * writes finished parts and the merge only copies them; the other pages
 * even out the shards' sizes. Every shard reads the same playbook, so
 * shards run on separate CI machines agree without talking to each other.
 *
 * The shard travels to the build's integrations and pages as the
 * `LATITUDE_SHARD` environment variable ("K/N"), set once from the command
 * line by the build command.
 */
import type { ExpectedPage } from '../search/record-sink.ts';

/** The K-th (1-based) of N parts of one build. */
export interface Shard {
  /** 1-based: 1 ≤ index ≤ count. */
  readonly index: number;
  /** How many shards the build is split into; at least 1. */
  readonly count: number;
}

/** The environment variable that carries the shard to every part of the build. */
export const SHARD_ENV = 'LATITUDE_SHARD';

/** Reads "K/N"; throws with a plain message naming what is wrong (for the command line to print). */
export function parseShard(text: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!match) throw new Error(`--shard takes K/N, for example --shard 1/4 (the first of four parts); got "${text}".`);
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1) throw new Error(`--shard ${text}: N is how many shards there are, at least 1.`);
  if (index < 1 || index > count) throw new Error(`--shard ${text}: K counts from 1 to ${count}.`);
  return { index, count };
}

/** The shard this process builds, from `LATITUDE_SHARD`; undefined for a whole build. */
export function currentShard(env: NodeJS.ProcessEnv = process.env): Shard | undefined {
  const text = env[SHARD_ENV];
  return text ? parseShard(text) : undefined;
}

/**
 * Which shard owns each part of the search index: parts by size (their
 * pages), largest first, each to the shard with the fewest pages so far
 * (ties to the lower shard). The shard that owns a part renders all of its
 * pages and writes its index, so no part is ever split between shards and
 * the merge only copies. Pure: every shard works out the same owners from
 * the same playbook, on any machine.
 */
export function partOwners(pages: readonly ExpectedPage[], count: number): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const page of pages) sizes.set(page.part, (sizes.get(page.part) ?? 0) + 1);
  const load = new Array<number>(count).fill(0);
  const owners = new Map<string, number>();
  const bySize = [...sizes].sort(([a, sa], [b, sb]) => sb - sa || (a < b ? -1 : a > b ? 1 : 0));
  for (const [part, size] of bySize) {
    const lightest = load.indexOf(Math.min(...load));
    load[lightest]! += size;
    owners.set(part, lightest + 1);
  }
  return owners;
}

/**
 * The shard (1-based) of every page of the site, by Astro's pathname: an
 * indexed page goes with its part (`partOwners`); every other page
 * (listings, feeds, the home page) goes, in address order, to the shard
 * with the fewest pages so far. Throws when the index lists a page no
 * route renders (the model and the routes disagree: a bug, not content).
 */
export function shardPlan(pathnames: Iterable<string>, indexed: readonly ExpectedPage[], count: number): Map<string, number> {
  const all = [...new Set(pathnames)].sort();
  const known = new Set(all);
  const owners = partOwners(indexed, count);
  const plan = new Map<string, number>();
  const load = new Array<number>(count).fill(0);
  for (const page of indexed) {
    if (!known.has(page.url)) throw new Error(`The search index lists ${page.url}, but no route renders that page.`);
    const owner = owners.get(page.part)!;
    plan.set(page.url, owner);
    load[owner - 1]!++;
  }
  for (const pathname of all) {
    if (plan.has(pathname)) continue;
    const lightest = load.indexOf(Math.min(...load));
    load[lightest]!++;
    plan.set(pathname, lightest + 1);
  }
  return plan;
}
