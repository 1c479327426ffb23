/**
 * What reading each entry file gave last time, keyed by a digest of the
 * file's bytes, so a warm build (or a second `npm run validate`) parses only
 * the files that changed. The cross-entry rules still run on every entry,
 * every time: only the per-file work (YAML, schema, body) is reused.
 *
 * The cache is one file per content root, in the root's own cache folder
 * (next to Astro's data store). It is thrown away whole when the code that
 * reads content changes (`READER_VERSION`) or the trust setting does, and a
 * cache that cannot be read is simply not used.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { PROJECT_ROOT } from './resolve-content-root.ts';

interface Stored<T> {
  version: string;
  files: Map<string, { digest: string; read: T }>;
}

/** What one file's reading gave, whatever the reader stores (kept generic so the cache never imports the reader). */
export interface ReadCache<T> {
  /** The last reading of `file` when its bytes are the same. */
  get(file: string, digest: string): T | undefined;
  /** Whether the last run read a file of this name (whatever its bytes were). */
  has(file: string): boolean;
  set(file: string, digest: string, read: T): void;
  /**
   * Writes what this run read (only files seen in it), when anything changed.
   * The reads are taken at once; the file is written in the background (a
   * large playbook's cache is a hundred megabytes), so the caller goes on and
   * awaits the promise before it exits. Never rejects.
   */
  save(): Promise<void>;
}

/** The cache file of a content root, in its cache folder (Astro's `cacheDir` for that root). */
export function readCacheFile(cacheDir: string): string {
  return path.join(cacheDir, 'latitude-reads.v8');
}

/** The digest a file's bytes are cached under. */
export function bytesDigest(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('base64url');
}

export function openReadCache<T>(file: string, trusted: boolean): ReadCache<T> {
  const version = `${READER_VERSION}:${trusted}`;
  let old = new Map<string, { digest: string; read: T }>();
  try {
    const stored = deserialize(readFileSync(file)) as Stored<T>;
    if (stored.version === version) old = stored.files;
  } catch {
    // No cache yet, or one from another version: read everything.
  }
  const next = new Map<string, { digest: string; read: T }>();
  let changed = false;
  return {
    get(name, digest) {
      const hit = old.get(name);
      if (hit?.digest !== digest) return undefined;
      next.set(name, hit);
      return hit.read;
    },
    has(name) {
      return old.has(name);
    },
    set(name, digest, read) {
      changed = true;
      next.set(name, { digest, read });
    },
    async save() {
      if (!changed && next.size === old.size) return;
      const temporary = `${file}.${process.pid}.tmp`;
      try {
        const bytes = serialize({ version, files: next } satisfies Stored<T>);
        await mkdir(path.dirname(file), { recursive: true });
        await writeFile(temporary, bytes);
        await rename(temporary, file);
      } catch {
        // A read-only cache folder: the next run reads everything again.
        await rm(temporary, { force: true }).catch(() => undefined);
      }
    },
  };
}

/** A digest of the code that turns a file into a `FileRead`: schemas/, src/lib/ and the locked dependencies. */
export const READER_VERSION = codeDigest();

function codeDigest(): string {
  const hash = createHash('sha1');
  try {
    for (const folder of ['schemas', 'src/lib']) {
      const files = readdirSync(path.join(PROJECT_ROOT, folder), { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
        .map((entry) => path.join(entry.parentPath, entry.name))
        .sort();
      for (const name of files) hash.update(name).update(readFileSync(name));
    }
    hash.update(readFileSync(path.join(PROJECT_ROOT, 'package-lock.json')));
  } catch {
    hash.update(String(Date.now())); // cannot tell: never trust an old cache
  }
  return hash.digest('base64url');
}
