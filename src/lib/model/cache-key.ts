/**
 * A page's cache key for Astro's incremental build: a digest of what the
 * page can show, so a page is rendered again exactly when that changed.
 *
 * The model is a graph (a win links its boundary, which lists its wins), so
 * each entry is walked once (`walkEntry`): its own fields and body, written
 * with the entries it links to as ids, give its digest (`entryDigest`), and
 * the walk notes which entries those links reach. A page's key then reads
 * its own entry as that digest and the digests of the entries it links to,
 * in the order the links are written: the same facts as the entry written
 * out with each link replaced by the linked entry's digest, without writing
 * the entry out a second time. A key costs as much as the page has links,
 * and all keys together grow with the playbook, not with its square.
 *
 * An entry's text is gathered first and hashed once (a hash update per
 * field, a native call each, was about a tenth of a rebuild after one
 * changed entry at 20,000 entries). Fields are written in the order the
 * model's code creates them, not sorted: the same content read by the same
 * code gives the same order, and the code's build stamp is in every page's
 * key. A record whose order comes from a file (a translation's words)
 * changes its digest when the file's order changes, and the page renders
 * again, which costs time and never shows a stale page.
 */
import { createHash } from 'node:crypto';

/** What walking an entry once gave. */
interface Walked {
  /** The digest of its own fields and body, its links as ids. */
  digest: string;
  /** The entries its fields link to (not those they reach through another entry), in the order they are written. */
  links: object[];
}

const walked = new WeakMap<object, Walked>();

export function pageCacheKey(...parts: unknown[]): string {
  const text: Text = { value: '' };
  for (const part of parts) write(text, part, { open: new Set(), page: true });
  return createHash('sha1').update(text.value).digest('base64url');
}

/** An entry's own fields and body, with the entries it links to as ids only. */
export function entryDigest(entry: object): string {
  return walkEntry(entry).digest;
}

function walkEntry(entry: object): Walked {
  let done = walked.get(entry);
  if (done === undefined) {
    const text: Text = { value: '' };
    const links: object[] = [];
    writeFields(text, entry as Record<string, unknown>, { open: new Set(), page: false, links });
    done = { digest: createHash('sha1').update(text.value).digest('base64url'), links };
    walked.set(entry, done);
  }
  return done;
}

/** The text a key is the digest of, as it is written. */
interface Text {
  value: string;
}

/**
 * How a value is being written: `open` holds the records around it (a
 * cycle is written as one); `page` says an entry met here is one a page
 * shows (written with its links' digests), and `links` collects the entries
 * an entry's own walk meets.
 */
interface Writing {
  open: Set<object>;
  page: boolean;
  links?: object[];
}

function write(text: Text, value: unknown, writing: Writing): void {
  if (value === null || value === undefined) {
    text.value += '~';
    return;
  }
  if (typeof value !== 'object') {
    text.value += `${typeof value}:${String(value)};`;
    return;
  }
  if (Array.isArray(value) || value instanceof Set) {
    text.value += value instanceof Set ? 'set[' : '[';
    for (const item of value) write(text, item, writing);
    text.value += ']';
    return;
  }
  if (value instanceof Map) {
    text.value += 'map[';
    for (const [key, item] of value) {
      write(text, key, writing);
      write(text, item, writing);
    }
    text.value += ']';
    return;
  }
  const record = value as Record<string, unknown>;
  // An entry read from the store: its digest stands for its data and body.
  if ('digest' in record && 'collection' in record && 'data' in record) {
    text.value += `source:${String(record.digest)};`;
    return;
  }
  if (isEntry(record)) {
    if (writing.page && writing.open.size === 0) {
      // An entry a page shows: its own digest, then the digest of each entry it links to.
      const { digest, links } = walkEntry(record);
      text.value += `page:${digest}[`;
      for (const link of links) text.value += `${entryDigest(link)};`;
      text.value += ']';
    } else if (writing.page) {
      text.value += `entry:${entryDigest(record)};`;
    } else {
      writing.links?.push(record);
      text.value += `ref:${String(record.collection)}:${String(record.id)};`;
    }
    return;
  }
  if (writing.open.has(record)) {
    text.value += 'cycle;';
    return;
  }
  writeFields(text, record, writing);
}

function writeFields(text: Text, record: Record<string, unknown>, writing: Writing): void {
  writing.open.add(record);
  text.value += '{';
  for (const key of Object.keys(record)) {
    text.value += `${key}=`;
    write(text, record[key], writing);
  }
  text.value += '}';
  writing.open.delete(record);
}

function isEntry(record: Record<string, unknown>): boolean {
  return typeof record.collection === 'string' && typeof record.id === 'string' && 'path' in record;
}
