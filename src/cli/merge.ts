/**
 * `npm run merge -- DIR… [--out DIR] [--move]`: joins the output folders of a
 * sharded build (`npm run build -- --shard K/N`, one per shard) into one
 * site and verifies it (src/lib/scale/merge.ts: every shard once, no missing
 * page, no doubled page, no two shards with different bytes at one path,
 * one search index: each part written whole by one shard). Then it does
 * what a whole build does after its pages and a shard cannot: the offline
 * service worker, which lists every file of the joined site. With `--move`
 * the shards' files are moved into the joined site instead of copied (a
 * rename each: CI downloads the shards only to merge them, and copying
 * 208,000 files was half of a 100,000-entry merge).
 *
 * Exit 0 when the site is merged, 1 when the shards do not make one site
 * (each problem is printed, nothing is written), 2 for a usage mistake.
 */
import { constants } from 'node:fs';
import { copyFile, mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeOfflineFiles } from '../integrations/offline.ts';
import { collectFiles, pageProblems, readShardDirs, searchIndexProblems, shardSetProblems } from '../lib/scale/merge.ts';
import { invocationDir } from '../lib/reading/resolve-content-root.ts';

const USAGE = `Usage: npm run merge -- DIR… [--out DIR] [--move]

  DIR…       every shard's output folder (npm run build -- --shard K/N writes dist-shards/K-of-N/)
  --out DIR  where the joined site goes (default: PLAYBOOK_OUT_DIR, else dist/); emptied first
  --move     move the shards' files into it instead of copying them (once the checks pass;
             the shard folders are spent): for CI, where they were downloaded only to be merged`;

/** At most this many problems are printed; the rest are counted. */
const SHOWN = 40;

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { out: { type: 'string' }, move: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    process.stderr.write(`merge: ${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (positionals.length === 0) {
    process.stderr.write(`merge: name the shards' output folders\n\n${USAGE}\n`);
    return 2;
  }
  const here = invocationDir();
  const outName = values.out ?? (process.env.PLAYBOOK_OUT_DIR || 'dist');
  const outDir = path.resolve(values.out === undefined && process.env.PLAYBOOK_OUT_DIR ? process.cwd() : here, outName);
  const inputs = positionals.map((name) => ({ name, dir: path.resolve(here, name) }));
  const overlapping = inputs.find(({ dir }) => dir === outDir || dir.startsWith(`${outDir}${path.sep}`) || outDir.startsWith(`${dir}${path.sep}`));
  if (overlapping) {
    process.stderr.write(`merge: the joined site cannot go to ${outName}: it holds or is inside the shard folder ${overlapping.name}. Give another --out.\n`);
    return 2;
  }

  const started = performance.now();
  const { shards, problems } = await readShardDirs(inputs);
  if (problems.length === 0) problems.push(...shardSetProblems(shards));
  // One split, every shard once: then every page, file and search part is checked, and every problem named.
  const whole = problems.length === 0;
  let files: Awaited<ReturnType<typeof collectFiles>> | undefined;
  if (whole) {
    shards.sort((a, b) => a.shard.index - b.shard.index);
    problems.push(...pageProblems(shards));
    problems.push(...(await searchIndexProblems(shards)));
    files = await collectFiles(shards);
    problems.push(...files.problems);
  }
  if (problems.length > 0 || !files) {
    printProblems(problems);
    return 1;
  }

  const checked = performance.now();
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const made = new Set<string>();
  const place = values.move ? moveFile : cloneFile;
  const queue = [...files.from];
  const placeNext = async (): Promise<void> => {
    for (let item = queue.pop(); item; item = queue.pop()) {
      const [file, shard] = item;
      const target = path.join(outDir, file);
      const folder = path.dirname(target);
      if (!made.has(folder)) {
        await mkdir(folder, { recursive: true });
        made.add(folder);
      }
      await place(path.join(shard.dir, file), target);
    }
  };
  await Promise.all(Array.from({ length: 16 }, placeNext));

  const log = {
    info: (message: string) => process.stdout.write(`${message}\n`),
    warn: (message: string) => process.stderr.write(`${message}\n`),
  };
  const placed = performance.now();
  const { base } = shards[0]!.manifest;
  await writeOfflineFiles(outDir, base.endsWith('/') ? base : `${base}/`, log);
  const pages = shards.reduce((sum, shard) => sum + shard.manifest.pages.length, 0);
  log.info(
    `merged ${shards.length} shards into ${outName}: ${pages} pages, ${files.from.size} files, one search index (each part from the shard that owns it) in ${ms(performance.now() - started)} (checked ${ms(checked - started)}, ${values.move ? 'moved' : 'copied'} ${ms(placed - checked)}, offline ${ms(performance.now() - placed)})`,
  );
  return 0;
}

const ms = (time: number) => `${Math.round(time)} ms`;

/** A copy-on-write clone where the file system has them, else a copy; never a link (the offline step rewrites a page in place). */
function cloneFile(from: string, to: string): Promise<void> {
  return copyFile(from, to, constants.COPYFILE_FICLONE);
}

/** Moved out of the shard's folder; copied when the shard is on another file system (a rename cannot cross one). */
async function moveFile(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await cloneFile(from, to);
  }
}

/** Each problem on its line (at most SHOWN, the rest counted), and that nothing was written. */
function printProblems(problems: readonly string[]): void {
  const lines = problems.slice(0, SHOWN);
  if (problems.length > SHOWN) lines.push(`… and ${problems.length - SHOWN} more.`);
  process.stderr.write(`${lines.join('\n')}\nThe shards were not merged: ${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}.\n`);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`merge: could not finish (${error instanceof Error ? error.message : String(error)}).\n`);
    process.exitCode = 1;
  },
);
