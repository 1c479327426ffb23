/**
 * What reading each entry file gave last time, keyed by a digest of the
 * file's bytes, so a warm build (or a second `npm run validate`) parses only
 * the files that changed since the cache was written (a run that read only a
 * few files anew does not write it again: `worthWriting`). The cross-entry
 * rules still run on every entry, every time: only the per-file work (YAML,
 * schema, body) is reused.
 *
 * The cache is one file per content root, in the root's own cache folder
 * (next to Astro's data store), written and read in slices of
 * `SLICE_FILES` files: a 100,000-entry playbook's cache is 600 MB, and as
 * one buffer it stayed in memory, beside the whole reading, until V8 next
 * collected its old space (half a minute of a build). It is thrown away whole when the code that
 * reads content changes (`READER_VERSION`) or the trust setting does, and a
 * cache that cannot be read is simply not used.
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { PROJECT_ROOT } from './resolve-content-root.ts';

/**
 * The file: a header slice (`{ version }`), then slices of entries, each
 * slice written as its length (4 bytes, big-endian) and its V8
 * serialization.
 */
interface Header {
  version: string;
}

type Slice<T> = [name: string, digest: string, read: T][];

/** Files per slice: a slice is a few megabytes, made and written one at a time. */
export const SLICE_FILES = 1000;

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

export function openReadCache<T>(file: string, trusted: boolean): ReadCache<T> {
  const version = `${READER_VERSION}:${trusted}`;
  const old = readSlices<T>(file, version);
  const next = new Map<string, { digest: string; read: T }>();
  /** Files read anew this run (not found, or changed). */
  let fresh = 0;
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
      if (!next.has(name)) fresh += 1;
      next.set(name, { digest, read });
    },
    async save() {
      if (!worthWriting(old.size, next.size - fresh, fresh)) return;
      const temporary = `${file}.${process.pid}.tmp`;
      // Taken now: what a slice holds is what this run read, whatever happens to the map later.
      const entries = [...next];
      try {
        await mkdir(path.dirname(file), { recursive: true });
        const handle = await open(temporary, 'w');
        let writing: Promise<unknown> = Promise.resolve();
        try {
          // Each slice is made while the one before it is written: one write in flight, so the file is done soon after the last slice is made.
          writing = handle.writev(framed(serialize({ version } satisfies Header)));
          for (let start = 0; start < entries.length; start += SLICE_FILES) {
            const slice: Slice<T> = entries.slice(start, start + SLICE_FILES).map(([name, { digest, read }]) => [name, digest, read]);
            const bytes = framed(serialize(slice));
            await writing;
            writing = handle.writev(bytes);
          }
          await writing;
        } finally {
          // A slice that could not be made leaves the write before it in flight: it settles before the file is closed.
          await writing.catch(() => undefined);
          await handle.close();
        }
        await rename(temporary, file);
      } catch {
        // A read-only cache folder: the next run reads everything again.
        await rm(temporary, { force: true }).catch(() => undefined);
      }
    },
  };
}

/**
 * Whether this run's reads are worth writing, given the files the cache
 * holds (`held`), those of them this run found unchanged (`kept`) and those
 * it read anew (`fresh`). Writing costs about 30 µs for every file the cache
 * holds (0.6 s at 20,000 files), reading one file again about 0.2 ms: a run
 * that read a few files anew (an editor's change, a pull request) leaves the
 * cache as it is, and the next run reads those few again. Once a twentieth
 * of the cache is new or gone, it is written.
 */
export function worthWriting(held: number, kept: number, fresh: number): boolean {
  if (held === 0) return fresh > 0;
  return (fresh + (held - kept)) * REWRITE_SHARE >= held;
}

/** The cache is written again once one file in this many is new or gone (see `worthWriting`). */
const REWRITE_SHARE = 20;

/** A slice as the file holds it: its length, then its bytes (written as they are: copying a slice of megabytes into one buffer cost more than the write). */
function framed(bytes: Buffer): Buffer[] {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length);
  return [length, bytes];
}

/**
 * The entries of a cache file of `version`, read a slice at a time; none
 * when there is no file, it is of another version, or any of it cannot be
 * read (a cut-off or damaged file is not used in part).
 */
function readSlices<T>(file: string, version: string): Map<string, { digest: string; read: T }> {
  const entries = new Map<string, { digest: string; read: T }>();
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const size = fstatSync(fd).size;
    const length = Buffer.alloc(4);
    let position = 0;
    const nextSlice = (): Buffer | undefined => {
      const got = readSync(fd!, length, 0, 4, position);
      if (got === 0) return undefined;
      const sliceLength = length.readUInt32BE(0);
      // A file of another layout gives any number here: never more than the file holds.
      if (got < 4 || position + 4 + sliceLength > size) throw new Error('cut off');
      const bytes = Buffer.alloc(sliceLength);
      if (readSync(fd!, bytes, 0, bytes.length, position + 4) < bytes.length) throw new Error('cut off');
      position += 4 + bytes.length;
      return bytes;
    };
    const header = nextSlice();
    if (!header || (deserialize(header) as Partial<Header>).version !== version) return new Map();
    for (let slice = nextSlice(); slice; slice = nextSlice())
      for (const [name, digest, read] of deserialize(slice) as Slice<T>) entries.set(name, { digest, read });
    return entries;
  } catch {
    // No cache yet, one from another version, or a damaged one: read everything.
    return new Map();
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
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
