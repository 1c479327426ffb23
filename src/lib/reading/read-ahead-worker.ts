/**
 * The read-ahead worker (`read-ahead.ts`): claims entry files a chunk at a
 * time, opens and reads them, and posts each chunk back as one batch, its
 * bytes in one transferred buffer. It posts no more while the batches the
 * main thread has not taken hold `aheadBytes`, so a playbook of any size is
 * never held in memory whole.
 */
import { workerData } from 'node:worker_threads';
import { bytesDigest, openEntryBytes } from './entry-bytes.ts';
import { CLAIMED, POSTED, TAKEN, type AheadBatch, type AheadOutcome, type AheadSetup } from './read-ahead.ts';

const { paths, shared, port, aheadBytes, chunk, digests } = workerData as AheadSetup;
const state = new Int32Array(shared);

/** The size of each batch posted; the main thread takes them in this order. */
const sizes: number[] = [];
/** Bytes in the batches posted and not yet taken. */
const waiting = (taken: number) => sizes.slice(taken).reduce((sum, size) => sum + size, 0);

for (;;) {
  // Wait while the batches not yet taken hold `aheadBytes`.
  for (let seen = Atomics.load(state, TAKEN); waiting(seen) >= aheadBytes; seen = Atomics.load(state, TAKEN)) Atomics.wait(state, TAKEN, seen);
  const start = Atomics.add(state, CLAIMED, chunk);
  if (start >= paths.length) break;
  const outcomes: AheadOutcome[] = [];
  const parts: Uint8Array[] = [];
  let size = 0;
  for (const path of paths.slice(start, start + chunk)) {
    const got = openEntryBytes(path);
    if ('bytes' in got) {
      outcomes.push(digests ? { length: got.bytes.byteLength, digest: bytesDigest(got.bytes) } : { length: got.bytes.byteLength });
      parts.push(got.bytes);
      size += got.bytes.byteLength;
    } else {
      outcomes.push(got);
    }
  }
  const buffer = new ArrayBuffer(size);
  const view = new Uint8Array(buffer);
  let at = 0;
  for (const part of parts) {
    view.set(part, at);
    at += part.byteLength;
  }
  port.postMessage({ start, outcomes, buffer } satisfies AheadBatch, [buffer]);
  sizes.push(size);
  Atomics.add(state, POSTED, 1);
  Atomics.notify(state, POSTED);
}
port.close();
