/**
 * The reading of a content root never stops on one file: whatever throws
 * while a file is read becomes a finding on that file, and every other
 * file's findings are still reported, in the same run.
 */
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { VALID_ROOT } from '../support/bad-input.ts';

vi.mock('../../src/lib/reading/render-body.ts', async (original) => {
  const actual = await original<typeof import('../../src/lib/reading/render-body.ts')>();
  return {
    ...actual,
    renderBody: (input: Parameters<typeof actual.renderBody>[0]) => {
      if (input.file.endsWith('parser-breaker.md')) throw new RangeError('Maximum call stack size exceeded');
      return actual.renderBody(input);
    },
  };
});

const { readPlaybook } = await import('../../src/lib/validator/validate-content-root.ts');
const work = await mkdtemp(path.join(os.tmpdir(), 'latitude-read-'));
afterAll(() => rm(work, { recursive: true, force: true }));

async function rootWith(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(path.join(work, 'root-'));
  await cp(VALID_ROOT, root, { recursive: true });
  for (const [file, text] of Object.entries(files)) await writeFile(path.join(root, file), text);
  return root;
}

const lines = (report: Awaited<ReturnType<typeof readPlaybook>>['report']) =>
  report.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.message} (${d.rule})`);

describe('readPlaybook', () => {
  it('turns a file that makes a parser throw into a finding on that file, and reports every other file', async () => {
    const root = await rootWith({
      'values/parser-breaker.md': '---\ntitle: Breaker\nsummary: Breaks the parser.\n---\n\nText.\n',
      'values/missing-summary.md': '---\ntitle: No summary\n---\n\nText.\n',
    });
    const { report } = await readPlaybook(root, { today: '2026-11-23' });
    expect(lines(report)).toEqual([
      'values/missing-summary.md:2:1 error summary: is required (required)',
      'values/parser-breaker.md:1:1 error the file could not be read: reading it failed: Maximum call stack size exceeded (unreadable)',
    ]);
  });

  it('checks references on what could be read of an entry that failed its schema, in the same run', async () => {
    const root = await rootWith({
      'roles/night-porter.yaml': 'title: Night porter\nescalatesTo: night-manger\nteam: [nights, weekends]\nshift: nights\n',
    });
    const { report } = await readPlaybook(root, { today: '2026-11-23' });
    expect(lines(report)).toEqual([
      'roles/night-porter.yaml:2:14 error escalatesTo: there is no role "night-manger" (reference)',
      'roles/night-porter.yaml:3:7 error team: expected text, found a list (type)',
      'roles/night-porter.yaml:4:1 error shift: unknown key (unknown-key)',
    ]);
  });
});
