/**
 * An entry's words, as a translation holds them: the base entry's data seen
 * through its collection's translation schema (title, summary, the word
 * fields, grants as `{ role, note }`…), and its body. Their digest is the
 * entry's words version (`sourceVersion`): it changes when the words change
 * and never when only facts do (a limit, an owner, a date).
 */
import { createHash } from 'node:crypto';
import { TRANSLATION_SCHEMAS, type CollectionName } from '../../../schemas/index.ts';
import type { FieldPath } from '../diagnostics/diagnostic.ts';
import { keysAt } from '../diagnostics/schema-issues.ts';

/** The base entry's data reduced to what a translation of it may hold (without `sourceVersion`). */
export function entryWords(collection: CollectionName, data: object): Record<string, unknown> {
  return project(data, [], TRANSLATION_SCHEMAS[collection]) as Record<string, unknown>;
}

/** Letters only, so YAML reads the version as text, never as a number (`12e4` would be one). */
const VERSION_LETTERS = 'abcdefghijklmnop';

/**
 * The short digest of an entry's words and body: ten letters, such as
 * `kdbaopgnmf`. Line endings and space around the body do not count.
 */
export function sourceVersion(collection: CollectionName, data: object, body: string): string {
  const words = JSON.stringify(entryWords(collection, data));
  const text = body.replace(/\r\n?/g, '\n').trim();
  const hex = createHash('sha256').update(words).update('\0').update(text).digest('hex').slice(0, 10);
  return [...hex].map((digit) => VERSION_LETTERS[Number.parseInt(digit, 16)]).join('');
}

function project(value: unknown, path: FieldPath, schema: unknown): unknown {
  if (Array.isArray(value)) return value.map((item, index) => project(item, [...path, index], schema));
  if (value === null || typeof value !== 'object') return value;
  const keys = keysAt(schema as never, path).filter((key) => key !== 'sourceVersion');
  const words: Record<string, unknown> = {};
  for (const key of keys) {
    const item = (value as Record<string, unknown>)[key];
    if (item !== undefined) words[key] = project(item, [...path, key], schema);
  }
  return words;
}

/** The base entry a translation's version is compared with: its data and body. */
export interface VersionedEntry {
  data: object;
  body: string;
}

/** Whether a translation was made from other words than the base entry's now (a translation with no version counts as stale). */
export function isStale(collection: CollectionName, writtenVersion: string | undefined, base: VersionedEntry): boolean {
  return writtenVersion !== sourceVersion(collection, base.data, base.body);
}
