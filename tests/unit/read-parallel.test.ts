/**
 * Reading on worker threads gives exactly what one thread gives: the same
 * report, entries and translations, in the same order, with or without a
 * read cache, and with a file that has findings.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePlaybook } from '../../bench/generate-playbook.ts';
import { PARALLEL_FROM } from '../../src/lib/reading/read-parallel.ts';
import { readPlaybook } from '../../src/lib/validator/validate-content-root.ts';

describe('reading on worker threads', () => {
  let root: string;
  let cacheDir: string;
  beforeAll(async () => {
    root = mkdtempSync(path.join(os.tmpdir(), 'read-parallel-'));
    cacheDir = mkdtempSync(path.join(os.tmpdir(), 'read-parallel-cache-'));
    await generatePlaybook(root, PARALLEL_FROM + 200);
    // A file with findings of its own (schema and YAML), placed by line.
    writeFileSync(path.join(root, 'roles', 'broken.yaml'), 'title: Broken\nteam: [unclosed\nescalatesTo: 5\n');
    writeFileSync(path.join(root, 'values', 'odd.md'), '---\ntitle: Odd\nsummary: "x"\nsummary: y\n---\n\nText.\n');
  }, 120_000);
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(cacheDir, { recursive: true, force: true });
  });

  it('gives what one thread gives, cold and then from the cache', async () => {
    const today = '2026-11-23';
    const single = await readPlaybook(root, { today });
    const cacheFile = path.join(cacheDir, 'reads.v8');
    const parallel = await readPlaybook(root, { today, workers: 1, cacheFile });
    expect(parallel.report.diagnostics.length).toBeGreaterThan(0);
    expect(parallel.report).toEqual(single.report);
    expect(parallel.entries).toEqual(single.entries);
    expect(parallel.translations).toEqual(single.translations);
    // The cache the threads wrote answers the next run the same way.
    const warm = await readPlaybook(root, { today, workers: 1, cacheFile });
    expect(warm.report).toEqual(single.report);
    expect(warm.entries).toEqual(single.entries);
  }, 240_000);
});
