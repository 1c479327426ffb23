/**
 * Reads a content root's entry files: each file read, parsed, checked and
 * rendered (`readEntryFile`). A large playbook's reading is almost all
 * per-file work (YAML, Markdown, schemas), so a large root keeps what each
 * file gave in a cache keyed by the file's bytes (`read-cache.ts`): a warm
 * build or a second validation parses only what changed.
 *
 * A file's own findings come back placed at their line and column, so only
 * the cross-entry rules, later, need a file's YAML again (`locateLater`).
 */
import { readFileSync } from 'node:fs';
import { COLLECTIONS, type CollectionName, type EntryStatus } from '../../../schemas/index.ts';
import { bodyOfRead, parseSource, readingOf, unreadable, type FieldLocator, type ReadSource } from './read-source.ts';
import { renderBody } from './render-body.ts';
import { bytesDigest, type EntryBytes } from './entry-bytes.ts';
import { entryBytesInOrder } from './read-ahead.ts';
import type { SourceFile } from './scan-content-root.ts';
import type { Finding } from '../diagnostics/diagnostic.ts';
import { checkWithSchema } from '../diagnostics/schema-issues.ts';
import type { CheckedEntry } from './checked-content.ts';
import { openReadCache, type ReadCache } from './read-cache.ts';
import { checkTranslation, type ReadTranslation } from './read-translation.ts';

/** An entry as read: its checked data, and its body rendered (Markdown collections). */
export type ReadEntry<C extends CollectionName = CollectionName> = CheckedEntry<C> & {
  /** The body as HTML with BoundaryRef markers; undefined for YAML entries and trusted MDX (Astro renders those). */
  html: string | undefined;
  /**
   * The digest of the file's bytes (`bytesDigest`), when the root was read
   * with a read cache: everything above is what the reader's code makes of
   * those bytes, so the loader can tell an entry it stored before is
   * unchanged without making its stored form again.
   */
  bytesDigest?: string;
};

export interface EntryJob {
  collection: CollectionName;
  source: SourceFile;
  /** Set for a translation (`translations/<language>/…`): the file holds words of a base entry, read with its translation schema. */
  language?: string;
}

/** What reading one file gave. */
export interface FileRead {
  collection: CollectionName;
  source: SourceFile;
  status: EntryStatus | undefined;
  /** The file's own problems (encoding, YAML, schema, body), placed. */
  findings: Finding[];
  /** The entry, when it passed its schema. */
  entry?: ReadEntry;
  /** What could be read of an entry that failed its schema: the fields that passed, for the reference checks. */
  salvaged?: CheckedEntry;
  /** A translation's words, when it passed its schema. */
  translation?: ReadTranslation;
}

/** Below this many files, reading them all costs less than loading and saving the cache. */
export const CACHE_FROM = 1000;

/**
 * Reads every entry file, in order. With `cacheFile`, a large root reuses
 * what the last run read of each file whose bytes are unchanged, and
 * `saved` settles once this run's reads are written for the next.
 */
export async function readEntryFiles(jobs: readonly EntryJob[], trusted: boolean, cacheFile?: string): Promise<{ reads: FileRead[]; saved: Promise<void> }> {
  // The bytes come from the read-ahead worker, started here: it reads while the cache loads and while this thread parses.
  const cached = cacheFile !== undefined && jobs.length >= CACHE_FROM;
  const batches = entryBytesInOrder(
    jobs.map((job) => job.source.absolutePath),
    { digests: cached },
  );
  const first = batches.next();
  const reads: FileRead[] = [];
  let cache: ReadCache<CachedRead> | undefined;
  try {
    cache = cached ? openReadCache<CachedRead>(cacheFile, trusted) : undefined;
    for (let batch = await first; !batch.done; batch = await batches.next())
      for (const got of batch.value) reads.push(readEntryFile(jobs[reads.length]!, got, trusted, cache));
  } finally {
    // Whatever stopped the reading, the worker stops with it.
    await batches.return(undefined);
  }
  // The cache file is written while the cross-entry rules run; the caller awaits `saved` before it is done.
  return { reads, saved: cache?.save() ?? Promise.resolve() };
}

/** Reads, parses, checks and renders one entry file. Never throws: a failure is a finding on the file. */
function readEntryFile({ collection, source, language }: EntryJob, got: EntryBytes, trusted: boolean, cache?: ReadCache<CachedRead>): FileRead {
  const kind = COLLECTIONS[collection].kind;
  let read: ReadSource;
  let digest: string | undefined;
  try {
    const bytes = readingOf(source, got);
    if (bytes instanceof Uint8Array) {
      digest = cache && (('digest' in got && got.digest) || bytesDigest(bytes));
      const hit = digest === undefined ? undefined : cache?.get(source.file, digest);
      if (hit) return withDigest(withBody(hit, bytes), digest!);
      read = parseSource(source, kind, bytes);
    } else {
      read = bytes;
    }
  } catch (error) {
    return { collection, source, status: undefined, findings: [unreadable(source, error)] };
  }
  let result: FileRead;
  try {
    const checked = language === undefined ? checkEntry(collection, read, trusted) : checkTranslation(collection, language, read, trusted);
    const status = language === undefined ? statusOf(read) : undefined;
    result = { collection, source, status, ...checked, findings: [...read.findings, ...checked.findings].map((f) => placed(f, read.locator)) };
  } catch (error) {
    result = { collection, source, status: statusOf(read), findings: [unreadable(source, error)] };
  }
  if (digest === undefined) return result;
  cache?.set(source.file, digest, withoutBody(result, read.body));
  return withDigest(result, digest);
}

/** A reading whose entry says the digest of its file's bytes; the reading given (which the cache may hold) is left as it is. */
function withDigest(result: FileRead, digest: string): FileRead {
  return result.entry ? { ...result, entry: { ...result.entry, bytesDigest: digest } } : result;
}

/** The parts of a reading that may hold the file's body. */
const BODY_HOLDERS = ['entry', 'salvaged', 'translation'] as const;

/**
 * A reading as the cache keeps it: without the file's body, which is as
 * large as the rendered HTML (51 of a 125 MB cache at 20,000 entries), and
 * which a hit reads back from the file's bytes (`bodyOfRead`); `bodyIn`
 * names the parts it was taken from.
 */
type CachedRead = FileRead & { bodyIn?: (typeof BODY_HOLDERS)[number][] };

function withoutBody(result: FileRead, body: string): CachedRead {
  if (body === '') return result;
  const bodyIn = BODY_HOLDERS.filter((holder) => result[holder]?.body === body);
  if (bodyIn.length === 0) return result;
  const lean: CachedRead = { ...result, bodyIn };
  for (const holder of bodyIn) Object.assign(lean, { [holder]: { ...result[holder], body: '' } });
  return lean;
}

/** A cached reading with its body back, read from the same bytes; the cached reading itself stays without it. */
function withBody({ bodyIn, ...hit }: CachedRead, bytes: Uint8Array): FileRead {
  if (!bodyIn) return hit;
  const body = bodyOfRead(bytes);
  const read: FileRead = { ...hit };
  for (const holder of bodyIn) Object.assign(read, { [holder]: { ...hit[holder], body } });
  return read;
}

/** A finding with its position worked out from the file's YAML. */
export function placed(finding: Finding, locator: FieldLocator): Finding {
  if (finding.position) return finding;
  try {
    return { ...finding, position: locator.locate(finding.path, finding.at) };
  } catch {
    // An odd document shape: the file's first line still names the file.
    return { ...finding, position: { line: 1, column: 1 } };
  }
}

/** Where a field is written in a file, read again when a cross-entry rule needs it. */
export function locateLater(source: SourceFile, kind: 'markdown' | 'data'): FieldLocator {
  let locator: FieldLocator | undefined;
  return {
    locate(path, at) {
      try {
        locator ??= parseSource(source, kind, readFileSync(source.absolutePath)).locator;
      } catch {
        locator = { locate: () => ({ line: 1, column: 1 }) };
      }
      return locator.locate(path, at);
    },
  };
}

function checkEntry(collection: CollectionName, read: ReadSource, trusted: boolean): Pick<FileRead, 'findings' | 'entry' | 'salvaged'> {
  if (!read.data) return { findings: [] };
  const schema = COLLECTIONS[collection].schema;
  const source = read.source;
  const common = { collection, id: source.id, file: source.file, absolutePath: source.absolutePath, body: read.body, bodyLine: read.bodyLine };
  const unread = new Set(read.unreadKeys);
  const checked = checkWithSchema(schema, read.data, source.file);
  // A key on a line the YAML could not read is not missing: say nothing about it until it can be read.
  const schemaFindings = checked.ok ? [] : checked.findings.filter((finding) => !unread.has(String(finding.path[0])));
  const markdown = COLLECTIONS[collection].kind === 'markdown';
  const body = markdown
    ? renderBody({ file: source.file, body: read.body, bodyLine: read.bodyLine, format: source.file.endsWith('.mdx') ? 'mdx' : 'md', trusted })
    : undefined;
  const fromBody = { bodyReferences: body?.boundaryRefs ?? [], bodyLinks: body?.links ?? [], headings: body?.headings ?? [] };
  if (!checked.ok || read.unreadKeys) {
    return {
      findings: [...schemaFindings, ...(body?.findings ?? [])],
      salvaged: { ...common, data: (salvage(schema, read.data) ?? {}) as never, ...fromBody, brokenKeys: brokenKeys(unread, schemaFindings) },
    };
  }
  const entry = { ...common, data: checked.data, ...fromBody, brokenKeys: [], html: body?.html } as ReadEntry;
  return { findings: body?.findings ?? [], entry };
}

/** The top-level keys of a partly read entry that cannot be relied on: unread, or named by a schema finding. */
function brokenKeys(unread: ReadonlySet<string>, findings: readonly Finding[]): string[] {
  return [...new Set([...unread, ...findings.map((finding) => String(finding.path[0] ?? ''))])].filter(Boolean).sort();
}

/** A zod schema, seen through the parts `salvage` looks at. */
interface SchemaNode {
  safeParse(value: unknown): { success: boolean; data?: unknown };
  _zod: { def: { type: string; innerType?: SchemaNode; element?: SchemaNode; shape?: Record<string, SchemaNode>; in?: SchemaNode } };
}

/**
 * What passes of `value`: the value itself when it passes `schema`, else, for
 * objects and lists, the fields and items that pass their own part of it
 * (a boundary whose third grant is broken keeps its other grants' roles).
 */
function salvage(schema: unknown, value: unknown): unknown {
  let node = schema as SchemaNode;
  const whole = node.safeParse(value);
  if (whole.success) return whole.data;
  while (node._zod.def.innerType || node._zod.def.in) node = (node._zod.def.innerType ?? node._zod.def.in)!;
  const { type, element, shape } = node._zod.def;
  if (type === 'array' && element && Array.isArray(value)) return value.map((item) => salvage(element, item));
  if (type === 'object' && shape && typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const kept: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(value)) {
      // The schema's own keys only: `constructor` or `toString` written in a file are not keys of the schema.
      const part = Object.hasOwn(shape, key) ? salvage(shape[key], field) : undefined;
      if (part !== undefined) kept[key] = part;
    }
    return kept;
  }
  return undefined;
}

function statusOf(read: ReadSource): EntryStatus | undefined {
  const status = read.data?.status;
  return status === 'draft' || status === 'published' || status === 'retired' ? status : read.data ? 'published' : undefined;
}
