/**
 * `npm run bench:shards -- --entries 2000 --shards 2` (also
 * `npm run bench -- --entries 100000 --shards 4`): what a sharded build
 * costs against one build of the same content, on this machine. It
 * generates a playbook (bench/generate-playbook.ts), builds each shard cold
 * one after another (`astro build --shard K/N`), merges them
 * (`npm run merge`), then builds it whole (cold) and checks the merged site
 * holds the same files as the whole build. Each shard stands for one CI
 * machine: the figures that matter are each shard's peak memory and the
 * slowest shard plus the merge against the whole build (issue 20: ≤ 2.5 GB,
 * ≤ 0.35×). The whole build comes last and may not fit (that is what shards
 * are for): its failure is reported, not fatal; `--no-whole` skips it.
 *
 * A table goes to stdout and every figure to bench/out/shards-<entries>-<N>.json.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SHARD_MANIFEST, type ShardManifest } from '../src/lib/scale/shard-manifest.ts';
import { generatePlaybook } from './generate-playbook.ts';
import { measureCommand, type Measured } from './process-tree.ts';

const { values: flags } = parseArgs({
  options: {
    entries: { type: 'string', default: '2000' },
    shards: { type: 'string', default: '2' },
    keep: { type: 'boolean', default: false },
    'no-whole': { type: 'boolean', default: false },
  },
});
const entries = Number(flags.entries);
const count = Number(flags.shards);
if (!Number.isInteger(entries) || entries < 100 || !Number.isInteger(count) || count < 2) {
  process.stderr.write('bench:shards: --entries must be at least 100 and --shards at least 2\n');
  process.exit(2);
}

const PROJECT_ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const node = process.execPath;
const astro = path.join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs');
const work = path.join(PROJECT_ROOT, 'bench/out', `shards-${entries}-${count}`);
const content = path.join(work, 'content');
const env = (outDir: string, cache: string): NodeJS.ProcessEnv => ({
  ...process.env,
  PLAYBOOK_CONTENT_DIR: content,
  PLAYBOOK_OUT_DIR: outDir,
  PLAYBOOK_CACHE_DIR: cache,
  // Every shard must be built for the same date (the merge checks it).
  PLAYBOOK_TODAY: '2026-11-23',
  ASTRO_TELEMETRY_DISABLED: '1',
  NO_COLOR: '1',
});

const step = (what: string) => process.stderr.write(`· ${what}\n`);
const failed = (what: string, run: Measured): never => {
  process.stderr.write(`${what} failed (exit ${run.exitCode}):\n${run.stdout.slice(-3000)}\n${run.stderr.slice(-3000)}\n`);
  process.exit(1);
};

await rm(work, { recursive: true, force: true });
await mkdir(work, { recursive: true });
step(`generating ${entries} entries`);
await generatePlaybook(content, entries);
const load = os.loadavg()[0]!.toFixed(1);

const shards: Measured[] = [];
for (let k = 1; k <= count; k++) {
  step(`shard ${k}/${count}, cold`);
  const run = await measureCommand(node, [astro, 'build', '--shard', `${k}/${count}`], {
    cwd: PROJECT_ROOT,
    // Its own empty cache, as each matrix job has (playbook-shards.yml): a cache shared here would let shard 1 read and store the playbook for the others.
    env: env(path.join(work, `shard-${k}`), path.join(work, `cache-shard-${k}`)),
  });
  if (run.exitCode !== 0) failed(`shard ${k}/${count}`, run);
  shards.push(run);
}

step('merge');
const shardDirs = Array.from({ length: count }, (_, i) => path.join(work, `shard-${i + 1}`));
// As the CI workflow merges (.github/workflows/playbook-shards.yml): the shards' files are moved, not copied.
const merge = await measureCommand(node, [path.join(PROJECT_ROOT, 'src/cli/merge.ts'), ...shardDirs, '--out', path.join(work, 'merged'), '--move'], {
  cwd: PROJECT_ROOT,
  env: env(path.join(work, 'merged'), path.join(work, 'cache-merge')),
});
if (merge.exitCode !== 0) failed('the merge', merge);

let whole: Measured | undefined;
if (!flags['no-whole']) {
  step('whole build, cold');
  whole = await measureCommand(node, [astro, 'build'], { cwd: PROJECT_ROOT, env: env(path.join(work, 'whole'), path.join(work, 'cache-whole')) });
  if (whole.exitCode !== 0) process.stderr.write(`the whole build did not finish (exit ${whole.exitCode}):\n${(whole.stdout + whole.stderr).slice(-1500)}\n`);
}
const wholeDone = whole?.exitCode === 0 ? whole : undefined;

// The merge's own account of where its time went (checks, copying, search, offline).
process.stderr.write(
  merge.stdout
    .split('\n')
    .filter((line) => /^(merged|search:)/.test(line))
    .join('\n') + '\n',
);

const filesOf = async (dir: string) =>
  (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((item) => item.isFile())
    .map((item) => path.relative(dir, path.join(item.parentPath, item.name)))
    .sort();
const sameFiles = wholeDone ? (await filesOf(path.join(work, 'whole'))).join('\n') === (await filesOf(path.join(work, 'merged'))).join('\n') : undefined;
const shardPages = await Promise.all(
  shardDirs.map(async (dir) => (JSON.parse(await readFile(path.join(dir, SHARD_MANIFEST), 'utf8')) as ShardManifest).pages.length),
);

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const gb = (bytes: number) => `${(bytes / 1e9).toFixed(2)} GB`;
/** The largest process's peak, and which process it was (the build's `node`, or Pagefind's). */
const largest = (run: Measured) => `${gb(run.peakProcessBytes)} (${run.peakProcessName})`;
const slowest = Math.max(...shards.map((run) => run.wallMs));
const maxShardBytes = Math.max(...shards.map((run) => run.peakProcessBytes));
const ratio = (ms: number) => (wholeDone ? ` (${(ms / wholeDone.wallMs).toFixed(2)}×)` : '');
const wholeRow = !whole
  ? ['whole build, cold', 'not run (--no-whole)', '', '']
  : wholeDone
    ? ['whole build, cold', s(wholeDone.wallMs), largest(wholeDone), gb(wholeDone.peakTreeBytes)]
    : ['whole build, cold', `did not finish: exit ${whole.exitCode} after ${s(whole.wallMs)}`, largest(whole), gb(whole.peakTreeBytes)];
const rows = [
  ...shards.map((run, i) => [
    `shard ${i + 1}/${count}, cold (${shardPages[i]} pages)`,
    `${s(run.wallMs)}${ratio(run.wallMs)}`,
    largest(run),
    gb(run.peakTreeBytes),
  ]),
  ['merge', s(merge.wallMs), largest(merge), gb(merge.peakTreeBytes)],
  wholeRow,
  ['slowest shard + merge', `${s(slowest + merge.wallMs)}${ratio(slowest + merge.wallMs)}`, '', ''],
];
const verdict = (met: boolean | undefined) => (met === undefined ? 'not known (no whole build)' : met ? 'met' : 'missed');
process.stdout.write(
  [
    `${entries} entries, ${count} shards built one after another; ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} CPUs, Node ${process.version}, load ${load} at start; merged site has the whole build's files: ${sameFiles === undefined ? 'not compared' : sameFiles ? 'yes' : 'NO'}`,
    '| run | wall time | peak RSS, largest process | peak RSS, process tree |',
    '|---|---|---|---|',
    ...rows.map((row) => `| ${row.join(' | ')} |`),
    '',
    `each shard's largest process ≤ 2.5 GB: ${gb(maxShardBytes)}, ${verdict(maxShardBytes <= 2.5e9)}`,
    `slowest shard + merge ≤ 0.35× one build: ${verdict(wholeDone && (slowest + merge.wallMs) / wholeDone.wallMs <= 0.35)}`,
  ].join('\n') + '\n',
);
await writeFile(
  path.join(PROJECT_ROOT, 'bench/out', `shards-${entries}-${count}.json`),
  JSON.stringify(
    {
      entries,
      shards: count,
      load: Number(load),
      sameFiles,
      whole: whole && { exitCode: whole.exitCode, wallMs: whole.wallMs, peakProcessBytes: whole.peakProcessBytes, peakTreeBytes: whole.peakTreeBytes },
      shardRuns: shards.map(({ wallMs, peakProcessBytes, peakTreeBytes }, i) => ({ pages: shardPages[i], wallMs, peakProcessBytes, peakTreeBytes })),
      merge: { wallMs: merge.wallMs, peakProcessBytes: merge.peakProcessBytes, peakTreeBytes: merge.peakTreeBytes },
    },
    null,
    2,
  ),
);
if (!flags.keep) await rm(work, { recursive: true, force: true });
