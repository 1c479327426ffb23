/**
 * `npm run new -- <collection> "<title>"`: writes a new entry with today's
 * date and every required key, prints its path, and never overwrites.
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { COLLECTIONS } from '../../schemas/index.ts';
import { collectionFromArgument, newEntry } from '../lib/authoring/new-entry.ts';
import { resolveContentRoot } from '../lib/content-root/resolve-content-root.ts';
import { buildDate } from '../lib/review.ts';

const USAGE = `Usage: npm run new -- <collection> "<title>"
  collection: ${Object.values(COLLECTIONS).map((c) => c.folder).join(', ')}`;

async function ids(folder: string): Promise<string[]> {
  try {
    const files = await readdir(folder, { recursive: true });
    return files.filter((f) => /\.(ya?ml|mdx?)$/.test(f)).map((f) => path.basename(f).replace(/\.[^.]+$/, '')).sort();
  } catch {
    return [];
  }
}

async function main([argument, title, ...rest]: string[]): Promise<number> {
  const collection = argument === undefined ? undefined : collectionFromArgument(argument);
  if (!collection || !title?.trim() || rest.length > 0) {
    process.stderr.write(`${argument && !collection ? `new: unknown collection "${argument}"\n` : ''}${USAGE}\n`);
    return 2;
  }
  const root = resolveContentRoot();
  const entry = newEntry({
    collection,
    title: title.trim(),
    today: buildDate(),
    existing: { roles: await ids(path.join(root, 'roles')), values: await ids(path.join(root, 'values')) },
  });
  const target = path.join(root, entry.file);
  await mkdir(path.dirname(target), { recursive: true });
  try {
    await writeFile(target, entry.text, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      process.stderr.write(`new: ${path.relative(process.cwd(), target)} already exists; nothing was written. Choose another title.\n`);
      return 1;
    }
    throw error;
  }
  process.stdout.write(`${path.relative(process.cwd(), target)}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`new: could not write the entry (${error instanceof Error ? error.message : String(error)})\n`);
    process.exitCode = 1;
  },
);
