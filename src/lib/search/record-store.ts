/**
 * The search documents a build kept for the next one, in one file.
 *
 * The indexer (src/integrations/pagefind.ts) keeps every page's search
 * document, so that a later build can give Pagefind the pages it restores
 * instead of rendering. They were a file each: at 20,000 entries a cold
 * build created 20,000 files while it rendered, 3.6 s of its main thread
 * (a profile; about 180 µs a file beside rendering, where appending the
 * same bytes to one open file takes a few). Now a build appends each
 * document to a pack of its own as it comes (`put`), and at the end
 * (`keep`) appends the documents of the pages it did not render, copied
 * from the last build's pack, and writes the index of the pack: where each
 * page's document starts and how long it is. Then it removes every other
 * file in the folder (the last pack, a stopped build's, older formats).
 *
 * A pack holds only what its index names; the index is written last
 * (through a temporary file and a rename), so a build that stops halfway
 * leaves the last build's pack and index as they were. Files are read and
 * written synchronously, at once: a document is asked for while pages
 * render, and a read that waited for its turn behind rendering arrived
 * seconds late (pagefind.ts).
 */
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import path from 'node:path';

/** The index of the pack the last build left (written last, so it never names a pack that is not whole). */
export const RECORD_INDEX_FILE = 'index.json';

interface PackIndex {
  format: 1;
  /** The pack's file name, in the same folder. */
  pack: string;
  /** Each page's document: its byte offset in the pack and its length in bytes. */
  records: Record<string, [number, number]>;
}

interface Pack {
  file: string;
  fd: number;
  records: Map<string, [number, number]>;
}

export class RecordStore {
  readonly dir: string;
  /** The last build's pack, opened on the first read (undefined: none, or it cannot be read). */
  private last: Pack | null | undefined;
  /** This build's pack, made by the first document put. */
  private current: Pack | undefined;
  private size = 0;

  constructor(dir: string) {
    this.dir = dir;
  }

  /** Appends a page's document to this build's pack; a page put twice keeps its last document. */
  put(url: string, document: string): void {
    this.putBytes(url, Buffer.from(document, 'utf8'));
  }

  /** A page's document: the one this build put, else the last build's, else undefined (also when the last pack is cut short). */
  get(url: string): string | undefined {
    const mine = this.current?.records.get(url);
    if (mine) return readAt(this.current!.fd, mine).toString('utf8');
    const last = this.lastPack();
    const theirs = last?.records.get(url);
    if (!theirs || !last) return undefined;
    try {
      return readAt(last.fd, theirs).toString('utf8');
    } catch {
      return undefined;
    }
  }

  /**
   * Keeps the documents of `urls` for the next build: those this build did
   * not put are copied from the last build's pack (a page neither has is
   * left out; `get` then answers undefined for it), the index is written,
   * and every other file of the folder removed. A build that put nothing
   * leaves the last pack in place and writes its index only when a page is gone.
   */
  keep(urls: Iterable<string>): void {
    const wanted = [...new Set(urls)];
    const last = this.lastPack();
    if (!this.current) {
      if (!last) return;
      const kept = wanted.filter((url) => last.records.has(url));
      if (kept.length === last.records.size) return;
      this.writeIndex(last.file, new Map(kept.map((url) => [url, last.records.get(url)!])));
      return;
    }
    const pack = this.current;
    // Copied in the last pack's order, so the old file is read from start to end.
    const copied = wanted.filter((url) => !pack.records.has(url) && last?.records.has(url)).sort((a, b) => last!.records.get(a)![0] - last!.records.get(b)![0]);
    for (const url of copied) {
      let bytes: Buffer;
      try {
        bytes = readAt(last!.fd, last!.records.get(url)!);
      } catch {
        continue; // the last pack was cut short: this page is left out, as a page neither build has
      }
      this.putBytes(url, bytes);
    }
    const keptUrls = new Set(wanted);
    this.writeIndex(path.basename(pack.file), new Map([...pack.records].filter(([url]) => keptUrls.has(url))));
    this.close();
    for (const name of readdirSync(this.dir)) if (name !== RECORD_INDEX_FILE && name !== path.basename(pack.file)) rmSync(path.join(this.dir, name), { recursive: true, force: true });
  }

  /** Closes the packs this store opened (a build that stops early). */
  close(): void {
    for (const pack of [this.current, this.last]) if (pack) closeSync(pack.fd);
    this.current = undefined;
    this.last = null;
  }

  private putBytes(url: string, bytes: Buffer): void {
    const pack = this.currentPack();
    writeAll(pack.fd, bytes);
    pack.records.set(url, [this.size, bytes.length]);
    this.size += bytes.length;
  }

  private currentPack(): Pack {
    if (!this.current) {
      mkdirSync(this.dir, { recursive: true });
      // A new name each build, never opened over another pack ('wx+'): the last build's is still being read.
      const file = path.join(this.dir, `records-${randomUUID()}.pack`);
      this.current = { file, fd: openSync(file, 'wx+'), records: new Map() };
    }
    return this.current;
  }

  private lastPack(): Pack | undefined {
    if (this.last === undefined) this.last = readLastPack(this.dir);
    return this.last ?? undefined;
  }

  private writeIndex(pack: string, records: ReadonlyMap<string, [number, number]>): void {
    const index: PackIndex = { format: 1, pack, records: Object.fromEntries(records) };
    const file = path.join(this.dir, RECORD_INDEX_FILE);
    writeFileSync(`${file}.${process.pid}.partial`, JSON.stringify(index));
    renameSync(`${file}.${process.pid}.partial`, file);
  }
}

/** The pack the folder's index names, opened; null when there is none or either cannot be read. */
function readLastPack(dir: string): Pack | null {
  let index: Partial<PackIndex>;
  try {
    index = JSON.parse(readFileSync(path.join(dir, RECORD_INDEX_FILE), 'utf8')) as Partial<PackIndex>;
  } catch {
    return null;
  }
  if (index.format !== 1 || typeof index.pack !== 'string' || !index.records || typeof index.records !== 'object') return null;
  const file = path.join(dir, path.basename(index.pack));
  try {
    return { file, fd: openSync(file, 'r'), records: new Map(Object.entries(index.records)) };
  } catch {
    return null;
  }
}

function writeAll(fd: number, bytes: Buffer): void {
  let written = 0;
  while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
}

function readAt(fd: number, [offset, length]: [number, number]): Buffer {
  const bytes = Buffer.allocUnsafe(length);
  let read = 0;
  while (read < length) {
    const got = readSync(fd, bytes, read, length - read, offset + read);
    if (got === 0) throw new Error(`a search record ends early: ${length} bytes from ${offset} were asked for, ${read} were there`);
    read += got;
  }
  return bytes;
}
