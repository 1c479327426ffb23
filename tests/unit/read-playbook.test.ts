/**
 * The reading of a content root never stops on one file: whatever throws
 * while a file is read becomes a finding on that file, and every other
 * file's findings are still reported, in the same run.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
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
      'values/parser-breaker.md:1:1 error the file cannot be read (Maximum call stack size exceeded) (unreadable)',
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

describe('a file that cannot be read whole', () => {
  it('is checked as far as it can be: the rest of its keys and its body, in the same run', async () => {
    const root = await rootWith({
      'guidelines/fix-first.md':
        '---\ntitle: Fix it first\nsummary: Put it right: then record it.\nowner: Retail operations\nlastReviewed: 2026-02-30\n---\n\nSee [the refunds](/boundaries/refund-a-purchse/).\n',
    });
    const { report } = await readPlaybook(root, { today: '2026-11-23' });
    expect(lines(report)).toEqual([
      'guidelines/fix-first.md:3:10 error the YAML cannot be read here (Nested mappings are not allowed in compact mappings) (yaml)',
      'guidelines/fix-first.md:5:15 error lastReviewed: is not a real calendar date, found "2026-02-30" (value)',
      'guidelines/fix-first.md:8:5 error the link to /boundaries/refund-a-purchse/ leads nowhere: there is no boundary "refund-a-purchse" (body-link)',
    ]);
    expect(report.notFullyChecked).toEqual(['guidelines/fix-first.md']);
  });

  it("skips what depends on the part that could not be read, rather than blaming another file: a role whose escalatesTo is unreadable has not 'nobody above it'", async () => {
    const root = await rootWith({
      // shift-lead must inform someone on refund-a-purchase: where it escalates is on the broken line.
      'roles/shift-lead.yaml': 'title: Shift lead\nteam: Stores\n\tescalatesTo: store-manager\n',
    });
    const { report } = await readPlaybook(root, { today: '2026-11-23' });
    expect(lines(report)).toEqual(['roles/shift-lead.yaml:3:1 error a tab is used for indentation (yaml)']);
    expect(report.notFullyChecked).toEqual(['roles/shift-lead.yaml']);
  });

  it('still lends its escalatesTo to the ladder checks when that line could be read', async () => {
    const boundary = await readFile(path.join(VALID_ROOT, 'boundaries/refund-a-purchase.md'), 'utf8');
    const root = await rootWith({
      'roles/shift-lead.yaml': '\ttitle: Shift lead\nteam: Stores\nescalatesTo: store-manager\n',
      // Above shift-lead (£250), the store manager may now commit only £100: found although shift-lead's file is broken.
      'boundaries/refund-a-purchase.md': boundary.replace(
        '  - role: store-manager\n    authority: decide\n',
        '  - role: store-manager\n    authority: decide\n    limit: { amount: 100 }\n',
      ),
    });
    const { report } = await readPlaybook(root, { today: '2026-11-23' });
    expect(lines(report)).toEqual([
      'boundaries/refund-a-purchase.md:12:22 error grants[1].limit: the ladder narrows: shift-lead may commit £250, but store-manager above it only £100 (ladder-narrows)',
      'roles/shift-lead.yaml:1:1 error a tab is used for indentation (yaml)',
    ]);
  });
});
