/**
 * `npm run bench` is where the performance targets live, so it must run:
 * a constant declared after the first build's phases were read made every
 * run stop after its cold build for two days, and nothing noticed; and at
 * its smallest size (100 entries, no wins) the one-change rebuild looked
 * for a win that was not there. This runs it whole at that size (cold
 * build, warm rebuild, one changed entry, validation cold and after that
 * change; no floor, search or MDX cost, which need more time than a test
 * has) and checks it reports each figure.
 * The figures themselves are not judged here: performance is measured by
 * the bench, not by timed tests.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/build-playbook.ts';

function runBench(args: readonly string[]): Promise<{ exitCode: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'bench/run.ts'), ...args], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, NO_COLOR: '1' },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (exitCode) => resolve({ exitCode, output }));
  });
}

describe('npm run bench', () => {
  it('runs whole at 100 entries and reports the cold build, both rebuilds, both validations and dist/', { timeout: 600_000 }, async () => {
    const { exitCode, output } = await runBench(['--entries', '100', '--no-floor', '--no-search', '--no-mdx-cost']);
    expect(output).not.toMatch(/\w+Error: |bench: .* failed/);
    expect(exitCode, output).toBe(0);
    // Each a row of the report: the figure, then its value after the column's padding.
    for (const figure of [
      'cold build, incl. validation and indexing',
      'warm rebuild, no change',
      'rebuild after one changed entry',
      'rebuild after one changed entry, without Pagefind',
      'npm run validate, cold (no read cache), as a command',
      "npm run validate after one changed entry, from the last build's cache (a pull request's check)",
      'dist/ size',
      'what a page repeats outside <main>',
    ])
      expect(output, figure).toMatch(new RegExp(`^${figure.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\s{2,}\\S`, 'm'));
    expect(output).toMatch(/^Rebuild after one changed entry by phase:$/m);
  });
});
