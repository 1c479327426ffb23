import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { bytesDigest, openEntryBytes, type EntryBytes } from '../../src/lib/reading/entry-bytes.ts';
import { entryBytesInOrder, READ_AHEAD_FROM } from '../../src/lib/reading/read-ahead.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'latitude-read-ahead-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `count` files, each with its own bytes, and among them a folder, a pipe, a missing file and one over the size limit. */
function files(name: string, count: number): string[] {
  const root = path.join(dir, name);
  mkdirSync(root);
  return Array.from({ length: count }, (_, index) => {
    const file = path.join(root, `${index}.md`);
    if (index === 7) mkdirSync(file);
    else if (index === Math.floor(count / 2)) execFileSync('mkfifo', [file]);
    else if (index === count - 3) writeFileSync(file, Buffer.alloc(2 * 1024 * 1024, 97));
    else if (index !== count - 1) writeFileSync(file, `---\ntitle: File ${index}\n---\n${'x'.repeat(index % 997)}\n`);
    return file;
  });
}

async function all(paths: readonly string[], worker?: URL): Promise<EntryBytes[]> {
  const got: EntryBytes[] = [];
  for await (const chunk of entryBytesInOrder(paths, { worker })) got.push(...chunk);
  return got;
}

/** What each file gives read on this thread alone, as the reader compares it. */
const expected = (paths: readonly string[]) => paths.map((file) => comparable(openEntryBytes(file)));
const comparable = (got: EntryBytes) => ('bytes' in got ? { bytes: Buffer.from(got.bytes).toString('latin1') } : got);

describe('entryBytesInOrder', () => {
  it('gives every file of a large root in order, as the main thread alone would read it', async () => {
    const paths = files('large', 3 * READ_AHEAD_FROM);
    const got: EntryBytes[] = [];
    const sizes: number[] = [];
    for await (const chunk of entryBytesInOrder(paths)) {
      got.push(...chunk);
      // The first chunk takes long to parse: the worker starts meanwhile (a tenth of a second, more on a busy machine) and claims the rest.
      if (sizes.push(chunk.length) === 1) await new Promise((resolve) => setTimeout(resolve, 2000));
    }
    expect(got.map(comparable)).toEqual(expected(paths));
    // The worker took part: its chunks are 128 files, this thread's 32.
    expect(Math.max(...sizes)).toBe(128);
    expect(got[7]).toEqual({ unreadable: 'EISDIR' });
    expect(got[paths.length / 2]).toEqual({ unreadable: 'ENOTFILE' });
    expect(got.at(-3)).toEqual({ tooLarge: 2 * 1024 * 1024 });
    expect(got.at(-1)).toEqual({ unreadable: 'ENOENT' });
  });

  it("gives the worker's files with their digest when asked", async () => {
    const paths = files('digests', 2 * READ_AHEAD_FROM);
    const digested: string[] = [];
    let chunks = 0;
    for await (const chunk of entryBytesInOrder(paths, { digests: true })) {
      for (const got of chunk) if ('bytes' in got && got.digest !== undefined) digested.push(got.digest === bytesDigest(got.bytes) ? 'same' : 'other');
      // As above: the worker starts while the first chunk is parsed.
      if (++chunks === 1) await new Promise((resolve) => setTimeout(resolve, 2000));
    }
    expect(digested.length).toBeGreaterThan(0);
    expect(new Set(digested)).toEqual(new Set(['same']));
  });

  it('reads a small root on this thread, in one chunk', async () => {
    const paths = files('small', 20);
    const chunks: EntryBytes[][] = [];
    for await (const chunk of entryBytesInOrder(paths)) chunks.push(chunk);
    expect(chunks).toHaveLength(1);
    expect(chunks[0]!.map(comparable)).toEqual(expected(paths));
  });

  it('reads every file on this thread when the worker cannot start', async () => {
    const paths = files('no-worker', READ_AHEAD_FROM + 10);
    expect((await all(paths, pathToFileURL(path.join(dir, 'no-such-worker.mjs')))).map(comparable)).toEqual(expected(paths));
  });

  it('reads the files a worker claimed and never gave', async () => {
    const paths = files('worker-gone', 2 * READ_AHEAD_FROM);
    // A worker that claims every file, gives none and ends.
    const gone = path.join(dir, 'gone.mjs');
    writeFileSync(gone, `import { workerData } from 'node:worker_threads';\nAtomics.store(new Int32Array(workerData.shared), 1, workerData.paths.length);\n`);
    expect((await all(paths, pathToFileURL(gone))).map(comparable)).toEqual(expected(paths));
  });

  it('ends the worker when the reader stops early', async () => {
    const paths = files('early', 2 * READ_AHEAD_FROM);
    let chunks = 0;
    for await (const chunk of entryBytesInOrder(paths)) {
      expect(chunk.length).toBeGreaterThan(0);
      if (++chunks === 2) break;
    }
    expect(chunks).toBe(2);
  });
});
