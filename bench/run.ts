/**
 * `npm run bench`: performance figures for the validator and the build on
 * generated playbooks, as per-entry and per-page numbers with the machine
 * noted. Targets live here, not in timed tests.
 *
 *   npm run bench                       validator at 1,000 and 10,000 entries, build at 1,000
 *   npm run bench -- --build 1000,5000  build sizes to measure (0 to skip)
 *   npm run bench -- --validate 1000    validator sizes to measure
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { validateContentRoot } from '../src/lib/validation/validate-content-root.ts';
import { buildPlaybook, PROJECT_ROOT, run } from '../tests/support/build-playbook.ts';
import { generatePlaybook } from './generate-playbook.ts';

const { values: flags } = parseArgs({
  options: { validate: { type: 'string', default: '1000,10000' }, build: { type: 'string', default: '1000' } },
});
const sizes = (list: string) => list.split(',').map(Number).filter((n) => n > 0);
const work = path.join(PROJECT_ROOT, 'bench/out');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function time<T>(task: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const result = await task();
  return [performance.now() - start, result];
}

async function htmlFiles(dir: string): Promise<string[]> {
  const items = await readdir(dir, { recursive: true, withFileTypes: true });
  return items.filter((i) => i.isFile() && i.name.endsWith('.html')).map((i) => path.join(i.parentPath, i.name));
}

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
console.log(`Machine: ${cpu}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()}`);

for (const size of sizes(flags.validate)) {
  const root = path.join(work, `playbook-${size}`);
  await generatePlaybook(root, size);
  await validateContentRoot(root); // warm up
  const runs: number[] = [];
  let report;
  for (let i = 0; i < 5; i++) {
    const [ms, result] = await time(() => validateContentRoot(root));
    runs.push(ms);
    report = result;
  }
  const [cliMs] = await time(() => run(process.execPath, [path.join(PROJECT_ROOT, 'src/cli/validate.ts'), '--content', root], { cwd: PROJECT_ROOT, env: process.env }));
  const ms = median(runs);
  console.log(
    `validate ${size} entries: ${ms.toFixed(0)} ms in process (median of 5; ${((ms * 1000) / size).toFixed(0)} µs/entry), ` +
      `${cliMs.toFixed(0)} ms as a command including Node start-up; ${report!.errorCount} errors, ${report!.warningCount} warnings`,
  );
}

for (const size of sizes(flags.build)) {
  const root = path.join(work, `playbook-${size}`);
  await generatePlaybook(root, size);
  const [ms, build] = await time(() => buildPlaybook(root, { env: { PLAYBOOK_TODAY: '2026-11-23' } }));
  if (build.exitCode !== 0) {
    console.log(`build ${size} entries FAILED:\n${build.stderr.slice(-2000)}`);
    process.exitCode = 1;
    continue;
  }
  const pages = await htmlFiles(build.outDir);
  const sizesBytes = await Promise.all(pages.map(async (p) => (await stat(p)).size));
  const total = sizesBytes.reduce((a, b) => a + b, 0);
  const largest = Math.max(...sizesBytes);
  const largestPage = path.relative(build.outDir, pages[sizesBytes.indexOf(largest)]!);
  const indexed = /Indexed (\d+) pages/.exec(build.stdout + build.stderr)?.[1];
  console.log(
    `build ${size} entries: ${(ms / 1000).toFixed(1)} s for ${pages.length} pages (${(ms / pages.length).toFixed(1)} ms/page), ` +
      `HTML ${(total / pages.length / 1024).toFixed(1)} kB/page on average, largest ${(largest / 1024).toFixed(1)} kB (${largestPage})` +
      (indexed ? `, ${indexed} pages in search` : ''),
  );
  const pagefind = path.join(build.outDir, 'pagefind/pagefind-entry.json');
  const entry = await readFile(pagefind, 'utf8').catch(() => undefined);
  if (entry) console.log(`  pagefind-entry.json: ${entry.length} bytes`);
  await build.cleanup();
}
