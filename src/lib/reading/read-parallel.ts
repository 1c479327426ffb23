/**
 * Reading many entry files on every core: the main thread and worker
 * threads (read-worker.ts) take chunks of the files no cache answers from
 * one queue, so a worker that starts late or runs on a busy core simply
 * takes fewer. Each file is read by the same `readEntryFile`, so the reading
 * is the same whichever thread made it; the main thread keeps the cache.
 *
 * A worker that cannot start or fails hands its chunk back to the main
 * thread: the run never depends on threads.
 */
import { availableParallelism } from 'node:os';
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { openReadCache } from './read-cache.ts';
import { readEntryFile, CACHE_FROM, type EntryJob, type FileRead } from './read-entries.ts';
import type { WorkerChunk, WorkerResult } from './read-worker.ts';

/** Files per chunk: large enough that messages are few, small enough that the threads finish together. */
const CHUNK = 200;
/** Below this many files to read, a worker costs more to start (its modules) than it saves. */
export const PARALLEL_FROM = 2000;
/** Workers beyond the main thread, at most. */
const MAX_WORKERS = 3;

/** `readEntryFiles`, spread over the machine's cores when there are enough files to read. */
export async function readEntryFilesInParallel(
  jobs: readonly EntryJob[],
  trusted: boolean,
  cacheFile?: string,
  workers = Math.min(MAX_WORKERS, availableParallelism() - 1),
): Promise<{ reads: FileRead[]; saved: Promise<void> }> {
  const cache = cacheFile && jobs.length >= CACHE_FROM ? openReadCache<FileRead>(cacheFile, trusted) : undefined;
  const reads: FileRead[] = new Array<FileRead>(jobs.length);
  // Files the cache has seen are read here (most are answered by it); the others are queued for all threads.
  const queue: number[] = [];
  jobs.forEach((job, index) => {
    if (cache?.has(job.source.file)) reads[index] = readEntryFile(job, trusted, cache);
    else queue.push(index);
  });
  let next = 0;
  const take = (): number[] => queue.slice(next, (next += CHUNK));

  const threads = queue.length >= PARALLEL_FROM ? Math.max(0, workers) : 0;
  const running = Array.from({ length: threads }, () => startWorker());
  while (next < queue.length) {
    for (const index of take()) reads[index] = readEntryFile(jobs[index]!, trusted, cache);
    // Let the workers' results in, and hand them their next chunks.
    if (threads > 0) await yieldToEvents();
  }
  await Promise.all(running);
  return { reads, saved: cache?.save() ?? Promise.resolve() };

  /** One worker, fed chunks until the queue is empty; settles when it is done (a chunk it could not finish is read here). */
  function startWorker(): Promise<void> {
    return new Promise((resolve) => {
      let held: number[] = [];
      let worker: Worker;
      const finish = () => {
        for (const index of held) reads[index] ??= readEntryFile(jobs[index]!, trusted, cache);
        held = [];
        resolve();
      };
      try {
        worker = new Worker(new URL('./read-worker.ts', import.meta.url), { workerData: { trusted, digests: cache !== undefined } });
      } catch {
        resolve();
        return;
      }
      worker.on('message', (message: WorkerResult | 'ready') => {
        if (message !== 'ready') {
          message.indices.forEach((index, at) => {
            const read = message.reads[at]!;
            reads[index] = read;
            const digest = message.digests[at];
            if (digest !== undefined) cache?.set(read.source.file, digest, read);
          });
        }
        held = take();
        worker.postMessage(held.length > 0 ? ({ indices: held, jobs: held.map((index) => jobs[index]!) } satisfies WorkerChunk) : null);
      });
      worker.on('error', () => finish());
      worker.on('exit', () => finish());
    });
  }
}
