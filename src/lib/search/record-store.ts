/**
 * The search documents a build kept for the next one, in a few pack files.
 *
 * The indexer (src/integrations/pagefind.ts) keeps every page's search
 * document, so that a later build can give Pagefind the pages it restores
 * instead of rendering them. They were a file each: at 20,000 entries a cold
 * build created 20,000 files while it rendered, 3.6 s of its main thread
 * (a profile; about 180 µs a file beside rendering, where appending the
 * same bytes to one open file takes a few). Now a build appends each
 * document to a pack of its own as it comes (`put`), and at the end
 * (`keep`) writes an index: for each page, the pack, offset and length of
 * its document, this build's if it put one, else the last build's. A
 * rebuild after one change so adds a small pack beside the large one and
 * copies nothing. When the packs hold more than twice the bytes the index
 * names, or more than `MOST_PACKS` packs, the documents still named are
 * copied into this build's pack and the others dropped. Files the index
 * does not name (older packs, a stopped build's, the old one-file-a-page
 * records) are removed.
 *
 * The index is written last (through a temporary file and a rename), so a
 * build that stops halfway leaves the last build's packs and index as they
 * were. Files are read and written synchronously, at once: a document is
 * asked for while pages render, and a read that waited for its turn behind
 * rendering arrived seconds late (pagefind.ts).
 */
import { randomUUID } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';

/** The index of the packs the last build left (written last, so it never names a pack that is not whole). */
export const RECORD_INDEX_FILE = 'index.json';

/** The most packs an index names before they are joined into one. */
export const MOST_PACKS = 8;

/** Documents put are written to this build's pack in runs of about this many bytes (a write each was 20,000 system calls). */
const WRITE_BYTES = 256 * 1024;

interface PackIndex {
  format: 2;
  /** The packs' file names, in the same folder. */
  packs: string[];
  /** Each page's document: which pack (by its place in `packs`), the byte offset there and the length in bytes. */
  records: Record<string, Location>;
}

type Location = [pack: number, offset: number, length: number];

interface Pack {
  name: string;
  fd: number;
  /** Its size in bytes. */
  size: number;
}

/** Where a document is: an open pack, the offset and the length. */
interface Placed {
  pack: Pack;
  offset: number;
  length: number;
}

export class RecordStore {
  readonly dir: string;
  /** The last build's documents, read on the first use (null: none, or its index cannot be read). */
  private last: Map<string, Placed> | null | undefined;
  private lastPacks: Pack[] = [];
  /** This build's pack, made by the first document put, and what is in it. */
  private current: Pack | undefined;
  private readonly mine = new Map<string, Placed>();
  /** Documents put and not written yet (`flush`), and how many bytes of this build's pack are written. */
  private pending: Buffer[] = [];
  private written = 0;

  constructor(dir: string) {
    this.dir = dir;
  }

  /** Appends a page's document to this build's pack; a page put twice keeps its last document. */
  put(url: string, document: string): void {
    this.putBytes(url, Buffer.from(document, 'utf8'));
  }

  /** A page's document: the one this build put, else the last build's, else undefined (also when a pack is cut short). */
  get(url: string): string | undefined {
    const placed = this.mine.get(url) ?? this.lastRecords().get(url);
    if (!placed) return undefined;
    if (placed.pack === this.current && placed.offset + placed.length > this.written) this.flush();
    try {
      return readAt(placed).toString('utf8');
    } catch {
      return undefined;
    }
  }

  /**
   * Keeps the documents of `urls` for the next build: this build's, else
   * the last build's where it had one (a page neither has is left out;
   * `get` then answers undefined for it), writes the index and removes
   * every file of the folder it does not name.
   */
  keep(urls: Iterable<string>): void {
    this.flush();
    const last = this.lastRecords();
    const kept = new Map<string, Placed>();
    for (const url of urls) {
      const placed = this.mine.get(url) ?? last.get(url);
      if (placed && placed.offset + placed.length <= placed.pack.size) kept.set(url, placed);
    }
    if (!this.current && kept.size === last.size) return; // nothing put, nothing gone: the index stands as it is
    let packs = [...new Set([...kept.values()].map((placed) => placed.pack))];
    const named = [...kept.values()].reduce((sum, placed) => sum + placed.length, 0);
    const held = packs.reduce((sum, pack) => sum + pack.size, 0);
    if (packs.length > MOST_PACKS || held > 2 * named) {
      // Joined into this build's pack, in each old pack's order, so every file is read from start to end.
      const moving = [...kept]
        .filter(([, placed]) => placed.pack !== this.current)
        .sort(([, a], [, b]) => a.pack.name.localeCompare(b.pack.name) || a.offset - b.offset);
      for (const [url, placed] of moving) kept.set(url, this.putBytes(url, readAt(placed)));
      this.flush();
      packs = this.current ? [this.current] : [];
    }
    const place = new Map(packs.map((pack, i) => [pack, i]));
    const index: PackIndex = {
      format: 2,
      packs: packs.map((pack) => pack.name),
      records: Object.fromEntries([...kept].map(([url, placed]): [string, Location] => [url, [place.get(placed.pack)!, placed.offset, placed.length]])),
    };
    const file = path.join(this.dir, RECORD_INDEX_FILE);
    mkdirSync(this.dir, { recursive: true });
    writeFileSync(`${file}.${process.pid}.partial`, JSON.stringify(index));
    renameSync(`${file}.${process.pid}.partial`, file);
    this.close();
    const keep = new Set([RECORD_INDEX_FILE, ...index.packs]);
    for (const name of readdirSync(this.dir)) if (!keep.has(name)) rmSync(path.join(this.dir, name), { recursive: true, force: true });
  }

  /** Closes the packs this store opened; it answers nothing more (what was put and not kept is dropped). */
  close(): void {
    for (const pack of [this.current, ...this.lastPacks]) if (pack) closeSync(pack.fd);
    this.current = undefined;
    this.lastPacks = [];
    this.mine.clear();
    this.last = null;
    this.pending = [];
  }

  /** Writes what was put and not written yet to this build's pack. */
  private flush(): void {
    if (!this.current || this.current.size === this.written) return;
    const bytes = this.pending.length === 1 ? this.pending[0]! : Buffer.concat(this.pending, this.current.size - this.written);
    let done = 0;
    while (done < bytes.length) done += writeSync(this.current.fd, bytes, done, bytes.length - done);
    this.written += bytes.length;
    this.pending = [];
  }

  private putBytes(url: string, bytes: Buffer): Placed {
    if (!this.current) {
      mkdirSync(this.dir, { recursive: true });
      // A new name each build, never opened over another pack ('wx+'): the last build's are still being read.
      const name = `records-${randomUUID()}.pack`;
      this.current = { name, fd: openSync(path.join(this.dir, name), 'wx+'), size: 0 };
      this.written = 0;
    }
    const pack = this.current;
    const placed = { pack, offset: pack.size, length: bytes.length };
    pack.size += bytes.length;
    this.pending.push(bytes);
    if (pack.size - this.written >= WRITE_BYTES) this.flush();
    this.mine.set(url, placed);
    return placed;
  }

  private lastRecords(): Map<string, Placed> {
    if (this.last === undefined) {
      const read = readIndex(this.dir);
      this.last = read?.records ?? null;
      this.lastPacks = read?.packs ?? [];
    }
    return this.last ?? new Map();
  }
}

/** The index the folder holds, with its packs opened; undefined when it or any of its packs cannot be read. */
function readIndex(dir: string): { packs: Pack[]; records: Map<string, Placed> } | undefined {
  let index: Partial<PackIndex>;
  try {
    index = JSON.parse(readFileSync(path.join(dir, RECORD_INDEX_FILE), 'utf8')) as Partial<PackIndex>;
  } catch {
    return undefined;
  }
  if (index.format !== 2 || !Array.isArray(index.packs) || !index.records || typeof index.records !== 'object') return undefined;
  const packs: Pack[] = [];
  try {
    for (const name of index.packs) {
      const fd = openSync(path.join(dir, path.basename(String(name))), 'r');
      packs.push({ name: path.basename(String(name)), fd, size: fstatSync(fd).size });
    }
  } catch {
    for (const pack of packs) closeSync(pack.fd);
    return undefined;
  }
  const records = new Map<string, Placed>();
  for (const [url, location] of Object.entries(index.records)) {
    const [at, offset, length] = Array.isArray(location) ? location : [];
    const pack = typeof at === 'number' ? packs[at] : undefined;
    // A negative offset would read from the file's current place (`readSync`): such an index names nothing.
    if (pack && Number.isSafeInteger(offset) && Number.isSafeInteger(length) && offset! >= 0 && length! >= 0)
      records.set(url, { pack, offset: offset!, length: length! });
  }
  return { packs, records };
}

function readAt({ pack, offset, length }: Placed): Buffer {
  const bytes = Buffer.allocUnsafe(length);
  let read = 0;
  while (read < length) {
    const got = readSync(pack.fd, bytes, read, length - read, offset + read);
    if (got === 0) throw new Error(`a search record ends early: ${length} bytes from ${offset} were asked for, ${read} were there`);
    read += got;
  }
  return bytes;
}
