/**
 * A page's cache key for Astro's incremental build: a digest of what the
 * page can show, so a page is rendered again exactly when that changed.
 *
 * The model is a graph (a win links its boundary, which lists its wins), so
 * a key reads the page's own entry in full, and every other entry it reaches
 * only through that entry's own digest (`entryDigest`: its own fields and
 * body, with its links as ids), worked out once per entry. A page's key then
 * costs as much as the page has links, and all keys together grow with the
 * playbook, not with its square.
 */
import { createHash, type Hash } from 'node:crypto';

const entryDigests = new WeakMap<object, string>();

export function pageCacheKey(...parts: unknown[]): string {
  const hash = createHash('sha1');
  for (const part of parts) write(hash, part, 'linked', new Set());
  return hash.digest('base64url');
}

/** An entry's own fields and body, with the entries it links to as ids only. */
export function entryDigest(entry: object): string {
  let digest = entryDigests.get(entry);
  if (digest === undefined) {
    const hash = createHash('sha1');
    writeFields(hash, entry as Record<string, unknown>, 'ids', new Set());
    digest = hash.digest('base64url');
    entryDigests.set(entry, digest);
  }
  return digest;
}

/** How entries met below the top are written: by their own digest, or by id. */
type Links = 'linked' | 'ids';

function write(hash: Hash, value: unknown, links: Links, open: Set<object>): void {
  if (value === null || value === undefined) return void hash.update('~');
  if (typeof value !== 'object') return void hash.update(`${typeof value}:${String(value)};`);
  if (Array.isArray(value)) {
    hash.update('[');
    for (const item of value) write(hash, item, links, open);
    return void hash.update(']');
  }
  const record = value as Record<string, unknown>;
  // An entry read from the store: its digest stands for its data and body.
  if ('digest' in record && 'collection' in record && 'data' in record) return void hash.update(`source:${String(record.digest)};`);
  if (isEntry(record)) {
    if (open.size === 0 && links === 'linked') return writeFields(hash, record, links, open);
    return void hash.update(links === 'linked' ? `entry:${entryDigest(record)};` : `ref:${String(record.collection)}:${String(record.id)};`);
  }
  if (open.has(record)) return void hash.update('cycle;');
  writeFields(hash, record, links, open);
}

function writeFields(hash: Hash, record: Record<string, unknown>, links: Links, open: Set<object>): void {
  open.add(record);
  hash.update('{');
  for (const key of Object.keys(record).sort()) {
    hash.update(`${key}=`);
    write(hash, record[key], links, open);
  }
  hash.update('}');
  open.delete(record);
}

function isEntry(record: Record<string, unknown>): boolean {
  return typeof record.collection === 'string' && typeof record.id === 'string' && 'path' in record;
}
