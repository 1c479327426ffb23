/**
 * Cache-busts files that have fixed names. It changes whenever the code
 * that makes them may change (the project's src/ and its locked
 * dependencies) and never otherwise, so two builds of the same checkout and
 * content are byte-identical (tests/build/determinism.test.ts). A build run
 * from outside the project folder falls back to the clock.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

function codeStamp(projectRoot: string): string {
  const hash = createHash('sha256');
  const source = path.join(projectRoot, 'src');
  const files = readdirSync(source, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(projectRoot, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
  for (const file of [...files, 'package-lock.json'])
    hash
      .update(`${file}\0`)
      .update(readFileSync(path.join(projectRoot, file)))
      .update('\0');
  return hash.digest('hex').slice(0, 10);
}

function buildStamp(): string {
  try {
    return codeStamp(process.cwd());
  } catch {
    return Date.now().toString(36);
  }
}

export const BUILD_STAMP = buildStamp();
