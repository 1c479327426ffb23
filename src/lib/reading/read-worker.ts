/**
 * A worker thread of `readEntryFilesInParallel` (read-parallel.ts): reads the
 * entry files it is handed, chunk by chunk, exactly as the main thread would
 * (`readEntryFile`), and gives back each reading with the digest of the
 * file's bytes, which the main thread keeps in the read cache.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readEntryFile, type EntryJob, type FileRead } from './read-entries.ts';
import type { ReadCache } from './read-cache.ts';

export interface WorkerChunk {
  indices: number[];
  jobs: EntryJob[];
}
export interface WorkerResult {
  indices: number[];
  reads: FileRead[];
  /** The digest of each file's bytes, when the main thread keeps a cache (undefined for a file that could not be read). */
  digests: (string | undefined)[];
}

const { trusted, digests: wantDigests } = workerData as { trusted: boolean; digests: boolean };
const port = parentPort!;

port.on('message', (chunk: WorkerChunk | null) => {
  if (chunk === null) {
    port.close();
    return;
  }
  const digests: (string | undefined)[] = [];
  const reads = chunk.jobs.map((job) => {
    let digest: string | undefined;
    // A cache that remembers nothing, only the digest the reading was made for.
    const recorder: ReadCache<FileRead> | undefined = wantDigests
      ? {
          get: () => undefined,
          has: () => false,
          set: (_file, bytesDigest) => {
            digest = bytesDigest;
          },
          save: () => Promise.resolve(),
        }
      : undefined;
    const read = readEntryFile(job, trusted, recorder);
    digests.push(digest);
    return read;
  });
  port.postMessage({ indices: chunk.indices, reads, digests } satisfies WorkerResult);
});
port.postMessage('ready');
