import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLLECTIONS, COLLECTION_NAMES } from '../../schemas/index.ts';
import { collectionFromArgument, newEntry } from '../../src/lib/authoring/new-entry.ts';
import { validateContentRoot } from '../../src/lib/validation/validate-content-root.ts';
import { PROJECT_ROOT, run } from '../support/build-playbook.ts';
import { VALID_ROOT } from '../support/bad-input.ts';

describe('collectionFromArgument', () => {
  it('takes folder names and collection names', () => {
    expect(collectionFromArgument('case-studies')).toBe('caseStudies');
    expect(collectionFromArgument('wins')).toBe('wins');
    expect(collectionFromArgument('win')).toBeUndefined();
  });
});

describe('npm run new', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'latitude-new-'));
    await cp(VALID_ROOT, root, { recursive: true });
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  const runNew = (...args: string[]) =>
    run(process.execPath, [path.join(PROJECT_ROOT, 'src/cli/new-entry.ts'), ...args], {
      cwd: root, env: { ...process.env, PLAYBOOK_CONTENT_DIR: root, PLAYBOOK_TODAY: '2026-11-23' },
    });

  it('writes a win with today\'s date, prints its path, and the result validates', async () => {
    const result = await runNew('wins', 'Taxi for the cot');
    expect(result).toMatchObject({ exitCode: 0, stdout: 'wins/2026-11-taxi-for-the-cot.md\n' });
    const text = await readFile(path.join(root, 'wins/2026-11-taxi-for-the-cot.md'), 'utf8');
    expect(text).toContain('date: 2026-11-23');
    expect(text).toContain('values: [keep-it-simple]');
  });

  it('never overwrites', async () => {
    const result = await runNew('wins', 'Taxi for the cot');
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe('new: wins/2026-11-taxi-for-the-cot.md already exists; nothing was written. Choose another title.\n');
  });

  it('refuses an unknown collection with usage, exit 2', async () => {
    const result = await runNew('win', 'X');
    expect(result.exitCode).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe('new: unknown collection "win"');
  });

  it('every template validates in a real content root', async () => {
    for (const collection of COLLECTION_NAMES) {
      const result = await runNew(COLLECTIONS[collection].folder, `Fresh ${collection} entry`);
      expect(result.exitCode, result.stderr).toBe(0);
    }
    const report = await validateContentRoot(root, { today: '2026-11-23' });
    expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('fills references with placeholders when the root has none', () => {
    const entry = newEntry({ collection: 'boundaries', title: 'Waive a fee', today: '2026-11-23', existing: { roles: [], values: [] } });
    expect(entry.file).toBe('boundaries/waive-a-fee.md');
    expect(entry.text).toContain('  - role: role-id\n');
  });
});
