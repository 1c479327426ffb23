/**
 * How `npm run build -- --shard K/N` reaches the build. Astro's command line
 * accepts any flag and ignores the ones it does not know, so `--shard 1/4`
 * alone would quietly build the whole site. astro.config.mjs (loaded by the
 * same process) reads the flag here and sets `LATITUDE_SHARD`, the one
 * variable every part of the build reads (src/lib/scale/shard.ts); a build
 * started with `LATITUDE_SHARD` set and no flag is a shard too (CI may
 * prefer the variable).
 *
 * A shard build gets its own output and cache folders unless told
 * otherwise: building the shards one after another on one machine then
 * keeps each shard's output for the merge, and each shard's warm cache.
 */
import path from 'node:path';
import { parseShard, SHARD_ENV, type Shard } from './shard.ts';

/** The value of `--shard K/N` or `--shard=K/N` among command-line arguments, undefined when absent; throws with a plain message when the flag has no value. */
export function shardArgument(argv: readonly string[]): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--shard') {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) throw new Error('--shard takes K/N, for example --shard 1/4 (the first of four parts).');
      value = next;
      i++;
    } else if (arg.startsWith('--shard=')) value = arg.slice('--shard='.length);
  }
  return value;
}

/**
 * Reads `--shard` from `argv` into `env[LATITUDE_SHARD]` (checked, so a
 * mistake stops the build before it starts) and returns the shard of this
 * build: the flag's, else the variable's, else undefined (a whole build).
 */
export function shardFromCommandLine(argv: readonly string[], env: NodeJS.ProcessEnv): Shard | undefined {
  const flag = shardArgument(argv);
  if (flag !== undefined) {
    const shard = parseShard(flag);
    env[SHARD_ENV] = `${shard.index}/${shard.count}`;
    return shard;
  }
  const text = env[SHARD_ENV];
  return text ? parseShard(text) : undefined;
}

/** A shard's name in folder names: `2-of-4`. */
export function shardName(shard: Shard): string {
  return `${shard.index}-of-${shard.count}`;
}

/** The folder the shards' outputs go to by default, one folder per shard: `dist-shards/2-of-4/`. */
export const SHARDS_DIR = 'dist-shards';

/** Where a build writes: PLAYBOOK_OUT_DIR when set, else `dist/` for a whole build and `dist-shards/K-of-N/` for a shard. */
export function buildOutDir(shard: Shard | undefined, env: NodeJS.ProcessEnv): string {
  if (env.PLAYBOOK_OUT_DIR) return env.PLAYBOOK_OUT_DIR;
  return shard ? `./${SHARDS_DIR}/${shardName(shard)}` : './dist';
}

/** A shard's own cache folder beside the whole build's: each shard renders (and caches) different pages. */
export function shardCacheDir(cacheDir: string, shard: Shard | undefined): string {
  return shard ? path.join(path.dirname(cacheDir), `${path.basename(cacheDir)}-shard-${shardName(shard)}`) : cacheDir;
}
