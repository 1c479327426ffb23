/**
 * A shard of a build: `npm run build -- --shard K/N` renders the K-th of N
 * disjoint parts of the site's pages (and writes its part of the search
 * index). Every shard reads the whole playbook, so links, backlinks and
 * ladders stay whole; only the output is split.
 *
 * Which shard owns a page (or a search-index part) is a pure function of its
 * key (a page's path, a part's id) and N: a stable hash, the same on every
 * machine and in every process, so shards run on separate CI machines agree
 * without talking to each other.
 *
 * The shard travels to the build's integrations and pages as the
 * `LATITUDE_SHARD` environment variable ("K/N"), set once from the command
 * line by the build command.
 */

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

/** The 1-based shard that owns `key` among `count` shards: FNV-1a over the key's UTF-16 code units. */
export function shardOf(key: string, count: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return (hash % count) + 1;
}

/** Whether `key` belongs to `shard`; with no shard (a whole build), everything does. */
export function inShard(key: string, shard: Shard | undefined): boolean {
  return !shard || shard.count === 1 || shardOf(key, shard.count) === shard.index;
}
