/**
 * A build you can trust is a build you can repeat: the same content built
 * twice gives byte-identical output. The first build starts with an empty
 * cache, the second reuses it (as CI caches do), each into its own folder.
 * Any difference is listed with its path and the first differing bytes.
 * The output also must not record where it was built (folders of the
 * build machine).
 */
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlaybook, FIXTURES, PROJECT_ROOT, type BuildResult } from '../support/build-playbook.ts';
import { filesIn } from '../support/built-site.ts';

const CONTENT = path.join(FIXTURES, 'site-basic');
const ENV = { PLAYBOOK_SITE: 'https://playbook.example.org' };

let first: BuildResult;
let second: BuildResult;

beforeAll(async () => {
  first = await buildPlaybook(CONTENT, { env: ENV });
  if (first.exitCode !== 0) throw new Error(`build failed:\n${first.stdout}\n${first.stderr}`);
  second = await buildPlaybook(CONTENT, { env: { ...ENV, PLAYBOOK_CACHE_DIR: path.join(path.dirname(first.outDir), 'cache') } });
  if (second.exitCode !== 0) throw new Error(`build failed:\n${second.stdout}\n${second.stderr}`);
});

afterAll(async () => {
  await first?.cleanup();
  await second?.cleanup();
});

describe('two builds of the same content', () => {
  it('write the same files', async () => {
    const [a, b] = await Promise.all([filesIn(first.outDir), filesIn(second.outDir)]);
    expect(a.length).toBeGreaterThan(50);
    expect({ onlyInFirst: a.filter((file) => !b.includes(file)), onlyInSecond: b.filter((file) => !a.includes(file)) }).toEqual({
      onlyInFirst: [],
      onlyInSecond: [],
    });
  });

  it('write every file byte for byte the same', async () => {
    const differences: string[] = [];
    for (const file of await filesIn(first.outDir)) {
      const [a, b] = await Promise.all([readFile(path.join(first.outDir, file)), readFile(path.join(second.outDir, file)).catch(() => undefined)]);
      if (b && !a.equals(b)) differences.push(describeDifference(file, a, b));
    }
    expect(differences).toEqual([]);
  });

  it('record no folder of the machine that built them', async () => {
    const machinePaths = [PROJECT_ROOT, path.dirname(first.outDir), os.tmpdir(), os.homedir()].filter((dir) => dir.length > 1);
    for (const file of await filesIn(first.outDir)) {
      const text = (await readFile(path.join(first.outDir, file))).toString('latin1');
      for (const dir of machinePaths) expect(text.includes(dir), `${file} contains ${dir}`).toBe(false);
    }
  });
});

/** `file @ byte n: "…first…" vs "…second…"`. */
function describeDifference(file: string, a: Buffer, b: Buffer): string {
  let at = 0;
  while (at < a.length && at < b.length && a[at] === b[at]) at++;
  const around = (bytes: Buffer) => JSON.stringify(bytes.subarray(Math.max(0, at - 40), at + 40).toString('latin1'));
  return `${file} @ byte ${at} (sizes ${a.length} and ${b.length}): ${around(a)} vs ${around(b)}`;
}
