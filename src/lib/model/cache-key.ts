/**
 * A page's cache key for Astro's incremental build: a digest of what the
 * page can show, so a page is rendered again exactly when that changed. The
 * model is a graph (a win links its boundary, which lists its wins), so the
 * key reads it to a fixed depth: the page's own entry in full, the entries it
 * links to with their own fields, and beyond that only which entry is linked
 * (collection, id, title, status). An entry's body is in the key through the
 * digest the loader stored with it.
 */
import { createHash } from 'node:crypto';

/** Linked entries are read this deep; pages never show more than two links away. */
const DEPTH = 3;

export function pageCacheKey(...parts: unknown[]): string {
  const hash = createHash('sha1');
  const seen = new Set<object>();
  const write = (value: unknown, depth: number): void => {
    if (value === null || value === undefined) return void hash.update('~');
    if (typeof value !== 'object') return void hash.update(`${typeof value}:${String(value)};`);
    if (Array.isArray(value)) {
      hash.update('[');
      for (const item of value) write(item, depth);
      return void hash.update(']');
    }
    const record = value as Record<string, unknown>;
    // An entry read from the store: its digest stands for its data and body.
    if ('digest' in record && 'collection' in record && 'data' in record) return void hash.update(`source:${String(record.digest)};`);
    if ('id' in record && (depth >= DEPTH || seen.has(record)))
      return void hash.update(`ref:${String(record.collection)}:${String(record.id)}:${String(record.title)}:${String(record.status)};`);
    seen.add(record);
    hash.update('{');
    for (const key of Object.keys(record).sort()) {
      hash.update(`${key}=`);
      write(record[key], depth + 1);
    }
    hash.update('}');
    seen.delete(record);
  };
  for (const part of parts) write(part, 0);
  return hash.digest('base64url');
}
