/**
 * Entry files' bytes, in order, read by two threads: a worker and the main
 * thread, while the main thread parses the files before them. Opening and
 * reading 20,000 small files is about 40 µs of system calls each (0.8 s of
 * a cold validation; with a warm cache, where a file's reading is taken
 * from the cache by its digest, a large share of what is left). Only the
 * system calls and the digests go to the worker (`read-ahead-worker.ts`,
 * which loads nothing but Node's own modules and the two small ones it
 * shares with this one): parsing there too was measured slower
 * (docs/scale.md).
 *
 * Both threads claim files in chunks from one shared counter (`CLAIMED`).
 * The worker's chunks come back as batches, each batch's bytes in one
 * transferred buffer, and the main thread takes them in order. When the
 * next chunk in order is the worker's and has not come yet (at the start,
 * as the worker loads, and whenever parsing is faster than reading), the
 * main thread claims and reads a chunk itself rather than wait. What is
 * read and not yet taken stays under `AHEAD_BYTES` on each side (a chunk
 * beyond it at most), so a playbook of any size is never held in memory
 * whole; below that, the worker may run far ahead, as it does while the
 * main thread loads the read cache.
 *
 * Small roots are read on the main thread alone. Should the worker fail to
 * start or stop early, the files it claimed and did not give are read on the
 * main thread: the same bytes, the same findings, only slower.
 */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { openEntryBytes, type EntryBytes } from './entry-bytes.ts';

/** Below this many files, the main thread reads them (a worker takes a tenth of a second to start). */
export const READ_AHEAD_FROM = 500;

/** What the worker is given. */
export interface AheadSetup {
  paths: readonly string[];
  /** Int32s at `TAKEN`, `CLAIMED` and `POSTED`. */
  shared: SharedArrayBuffer;
  /** Where the worker posts its batches. */
  port: MessagePort;
  /** The worker posts no more batches while those not yet taken hold this many bytes. */
  aheadBytes: number;
  /** Files the worker claims at a time: one batch. */
  chunk: number;
  /** Whether the worker works out each file's digest (`bytesDigest`), for a reader with a cache. */
  digests: boolean;
}

/** In `AheadSetup.shared`: how many of the worker's batches the main thread has taken. */
export const TAKEN = 0;

/** In `AheadSetup.shared`: the first file no thread has claimed yet. */
export const CLAIMED = 1;

/** In `AheadSetup.shared`: how many batches the worker has posted. */
export const POSTED = 2;

/** One file of a batch: `length` bytes, next in the batch's buffer (and their digest, if asked), or why it was not read. */
export type AheadOutcome = { length: number; digest?: string } | Exclude<EntryBytes, { bytes: Uint8Array }>;

export interface AheadBatch {
  /** The index (in `paths`) of the batch's first file. */
  start: number;
  outcomes: AheadOutcome[];
  buffer: ArrayBuffer;
}

/** How many bytes each thread may hold read and not yet taken (a chunk beyond it at most): a hundred files of the largest size. */
export const AHEAD_BYTES = 100 * 1024 * 1024;

/** The worker's chunks are a few hundred kilobytes; the main thread's smaller, so it is soon back to parsing. */
const WORKER_SETUP = { aheadBytes: AHEAD_BYTES, chunk: 128 } as const;
const MAIN_CHUNK = 32;

/**
 * The worker's module. Named through a variable, not written into
 * `new URL(…)`, so a bundler leaves it alone: if this module is ever
 * bundled, the file is not found there and the main thread reads.
 */
const WORKER_MODULE = './read-ahead-worker.ts';

/**
 * Each file's bytes (or why there are none), in the order of `paths`, a
 * chunk at a time; with `digests`, the worker's files come with their
 * digest. `worker` is for tests: another worker module.
 */
export async function* entryBytesInOrder(
  paths: readonly string[],
  { digests = false, worker = new URL(WORKER_MODULE, import.meta.url) }: { digests?: boolean; worker?: URL } = {},
): AsyncGenerator<EntryBytes[]> {
  if (paths.length < READ_AHEAD_FROM) {
    yield paths.map(openEntryBytes);
    return;
  }
  const state = new Int32Array(new SharedArrayBuffer(12));
  const { port1: port, port2 } = new MessageChannel();
  let ended = false;
  let reader: Worker | undefined;
  let exited: Promise<void> = Promise.resolve();
  try {
    reader = new Worker(worker, {
      workerData: { paths, shared: state.buffer as SharedArrayBuffer, port: port2, digests, ...WORKER_SETUP } satisfies AheadSetup,
      transferList: [port2],
    });
    // An error ends the worker too: what it claimed and did not give is read on this thread.
    reader.on('error', () => undefined);
    exited = new Promise((resolve) => reader!.once('exit', () => resolve()));
    void exited.then(() => (ended = true));
  } catch {
    ended = true;
  }
  /** Chunks read and not yet given, by their first file. */
  const ready = new Map<number, EntryBytes[]>();
  const takeArrived = () => {
    for (let message = receiveMessageOnPort(port); message; message = receiveMessageOnPort(port)) {
      const batch = message.message as AheadBatch;
      ready.set(batch.start, unpack(batch));
      Atomics.add(state, TAKEN, 1);
      Atomics.notify(state, TAKEN);
    }
  };
  try {
    for (let given = 0; given < paths.length;) {
      takeArrived();
      const next = ready.get(given);
      if (next) {
        ready.delete(given);
        given += next.length;
        yield next;
        continue;
      }
      if (ended) {
        // The worker stopped with this file claimed and not given: read here, up to the next chunk in hand.
        const end = Math.min(paths.length, given + MAIN_CHUNK, ...[...ready.keys()].filter((start) => start > given));
        ready.set(given, paths.slice(given, end).map(openEntryBytes));
        continue;
      }
      const start = readyBytes(ready) < AHEAD_BYTES ? Atomics.add(state, CLAIMED, MAIN_CHUNK) : paths.length;
      if (start < paths.length) {
        // The next file in order is the worker's and not here yet (or no thread had claimed it): read a chunk meanwhile.
        ready.set(start, paths.slice(start, start + MAIN_CHUNK).map(openEntryBytes));
        continue;
      }
      // Every file is claimed (or this thread holds enough), and the next in order is the worker's: wait for its next batch, or its end.
      const seen = Atomics.load(state, POSTED);
      takeArrived();
      if (ready.has(given)) continue;
      const waited = Atomics.waitAsync(state, POSTED, seen);
      if (waited.async) await Promise.race([waited.value, exited]);
    }
  } finally {
    // Done, or the reader stopped early: a worker still reading is of no use (and one waiting for room is woken to end).
    Atomics.store(state, CLAIMED, paths.length);
    Atomics.store(state, TAKEN, 2 ** 30);
    Atomics.notify(state, TAKEN);
    port.close();
    void reader?.terminate();
  }
}

function readyBytes(ready: ReadonlyMap<number, readonly EntryBytes[]>): number {
  let bytes = 0;
  for (const chunk of ready.values()) for (const got of chunk) if ('bytes' in got) bytes += got.bytes.byteLength;
  return bytes;
}

function unpack({ outcomes, buffer }: AheadBatch): EntryBytes[] {
  let at = 0;
  return outcomes.map((outcome) => {
    if (!('length' in outcome)) return outcome;
    const bytes = new Uint8Array(buffer, at, outcome.length);
    at += outcome.length;
    return outcome.digest === undefined ? { bytes } : { bytes, digest: outcome.digest };
  });
}
