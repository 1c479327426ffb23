/**
 * An entry file's bytes, read the one way every reader reads them: opened
 * once, looked at, then read through the same handle. Only Node's own modules here:
 * the read-ahead worker (`read-ahead.ts`) runs this module on its own
 * thread, and what it gives is turned into findings on the main thread
 * (`readingOf` in read-source.ts). The digest of a file's bytes is here
 * too, so the worker can work it out.
 */
import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';

/** The largest entry file the validator reads: 1 MiB is hundreds of pages of text. */
export const MAX_ENTRY_BYTES = 1024 * 1024;

/** What opening an entry file gave: its bytes, or why they were not read. */
export type EntryBytes =
  /** `digest` (`bytesDigest`) when the reader was asked for it: the read-ahead worker works it out beside the main thread. */
  | { bytes: Uint8Array; digest?: string }
  /** The error code (`EACCES`, `EISDIR`, `ENOTFILE` for a pipe, socket or device), or the error's message when it has none. */
  | { unreadable: string }
  /** Larger than `MAX_ENTRY_BYTES`: left unread. */
  | { tooLarge: number };

/** The digest a file's bytes are known by (the read cache's key). */
export function bytesDigest(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('base64url');
}

export function openEntryBytes(absolutePath: string): EntryBytes {
  // Entries are small and many: one synchronous read costs less than the file-handle round trips of an async one,
  // and the path is looked up once (a stat before the read cost a tenth of a large root's reading).
  let fd: number | undefined;
  try {
    // Opened without waiting, as a pipe would never end; looked at before it is read, so a huge file is refused unread.
    fd = openSync(absolutePath, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const info = fstatSync(fd);
    if (info.isDirectory()) return { unreadable: 'EISDIR' };
    if (!info.isFile()) return { unreadable: 'ENOTFILE' };
    if (info.size > MAX_ENTRY_BYTES) return { tooLarge: info.size };
    return { bytes: readFileSync(fd) };
  } catch (error) {
    return { unreadable: (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error)) };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
