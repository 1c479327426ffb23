import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/lib/diagnostics/diagnostic.ts';
import { closingLines, formatOlderWarnings, presentReport, reportOrder } from '../../src/lib/diagnostics/report-order.ts';

const finding = (file: string, severity: Diagnostic['severity'], rule = 'value', line = 1): Diagnostic => ({
  file,
  line,
  column: 1,
  severity,
  rule,
  field: '',
  message: `${rule} in ${file}`,
});
const shown = (list: Diagnostic[]) => list.map((d) => `${d.severity} ${d.file}`);

describe("the editor's own mistake first", () => {
  const standing = finding('boundaries/a.md', 'warning', 'due-for-review');
  const older = finding('guidelines/b.md', 'warning', 'due-for-review');
  const mine = finding('wins/new.md', 'error');
  const elsewhere = finding('roles/c.yaml', 'error');
  const myWarning = finding('wins/new.md', 'warning', 'spend-over-limit');

  it('puts errors before warnings, then orders by file and line', () => {
    expect(shown(reportOrder([standing, mine, older, elsewhere]))).toEqual([
      'error roles/c.yaml',
      'error wins/new.md',
      'warning boundaries/a.md',
      'warning guidelines/b.md',
    ]);
  });

  it("lists the changed files' errors first, every other error next, the change's warnings, and folds the rest", () => {
    const { listed, older: folded } = presentReport([standing, mine, older, elsewhere, myWarning], { fileOf: (d) => d.file, focus: ['wins/new.md'] });
    expect(shown(listed)).toEqual(['error wins/new.md', 'error roles/c.yaml', 'warning wins/new.md']);
    expect(shown(folded)).toEqual(['warning boundaries/a.md', 'warning guidelines/b.md']);
  });

  it('lists everything when nothing is known about what changed', () => {
    expect(presentReport([standing, mine]).older).toEqual([]);
  });

  it('folds older warnings into one line, naming files while they are few', () => {
    expect(formatOlderWarnings([standing, older], 'add --all to list them')).toBe(
      '2 older warnings: due-for-review in boundaries/a.md and guidelines/b.md (add --all to list them)',
    );
    const many = ['a', 'b', 'c', 'd'].map((name) => finding(`guidelines/${name}.md`, 'warning', 'due-for-review'));
    expect(formatOlderWarnings([...many, finding('case-studies/x.md', 'warning', 'case-study-headings')], 'add --all to list them')).toBe(
      '5 older warnings: due-for-review in 4 files; case-study-headings in case-studies/x.md (add --all to list them)',
    );
  });

  it('ends the report by saying when files could not be fully checked', () => {
    expect(closingLines(['1 error, 0 warnings in 9 entries'], [], 2, '')).toEqual([
      '1 error, 0 warnings in 9 entries',
      '2 files could not be fully checked; run again after fixing them',
    ]);
  });
});
