/** A worker thread of `readEntryFiles`: reads the chunks of entry files it is sent. */
import { parentPort, workerData } from 'node:worker_threads';
import { readEntryFile, type EntryJob } from './read-entries.ts';

const { trusted } = workerData as { trusted: boolean };
parentPort!.on('message', (jobs: EntryJob[]) => {
  parentPort!.postMessage(jobs.map((job) => readEntryFile(job, trusted)));
});
parentPort!.postMessage('ready');
