/**
 * The read-ahead worker (`read-ahead.ts`): claims entry files a chunk at a
 * time, opens and reads them, and posts each chunk back as one batch, its
 * bytes in one transferred buffer. It stays at most `window` batches ahead
 * of what the main thread has taken, so a playbook of any size is never
 * held in memory whole.
 */
import { workerData } from 'node:worker_threads';
import { openEntryBytes } from './entry-bytes.ts';
import { CLAIMED, POSTED, TAKEN, type AheadBatch, type AheadOutcome, type AheadSetup } from './read-ahead.ts';

const { paths, shared, port, window, chunk } = workerData as AheadSetup;
const state = new Int32Array(shared);

for (let posted = 0; ; posted++) {
  // Wait while `window` batches are posted and not yet taken.
  for (let seen = Atomics.load(state, TAKEN); posted - seen >= window; seen = Atomics.load(state, TAKEN)) Atomics.wait(state, TAKEN, seen);
  const start = Atomics.add(state, CLAIMED, chunk);
  if (start >= paths.length) break;
  const outcomes: AheadOutcome[] = [];
  const parts: Uint8Array[] = [];
  let size = 0;
  for (const path of paths.slice(start, start + chunk)) {
    const got = openEntryBytes(path);
    if ('bytes' in got) {
      outcomes.push({ length: got.bytes.byteLength });
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
  Atomics.add(state, POSTED, 1);
  Atomics.notify(state, POSTED);
}
port.close();
