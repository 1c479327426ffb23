import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/lib/diagnostics/diagnostic.ts';
import { diagnosticKey, focusOn, formatFocusSummary } from '../../src/lib/diagnostics/focus.ts';

const d = (file: string, message: string, extra: Partial<Diagnostic> = {}): Diagnostic => ({
  file,
  line: 1,
  column: 1,
  severity: 'error',
  rule: 'x',
  field: '',
  message,
  ...extra,
});

describe('focusOn', () => {
  const diagnostics = [
    d('roles/lead.yaml', 'title: is required'),
    d('boundaries/refund.md', 'grants[0].role: there is no role "lead"', { found: 'lead' }),
    d('boundaries/refund.md', 'grants[1]: the ladder narrows: agent may commit £50, but lead above it only £20'),
    d('boundaries/other.md', 'grants[0].limit: the ladder narrows: agent may commit £50, but boss above it only £20'),
    d('values/care.md', 'summary: must not be empty', { severity: 'warning' }),
  ];
  const fileOf = (x: Diagnostic) => x.file;

  it('keeps the changed files, what names a changed id, and counts the rest', () => {
    const report = focusOn({ diagnostics, fileOf, focus: ['roles/lead.yaml'] });
    expect(report.focus.map((x) => x.message)).toEqual(['title: is required']);
    expect(report.caused.map((x) => x.file)).toEqual(['boundaries/refund.md', 'boundaries/refund.md']);
    expect(report.rest).toEqual({ errors: 1, warnings: 1, files: 2 });
    expect(formatFocusSummary(report, 1, '--changed')).toEqual([
      '1 error, 0 warnings in 1 changed file, and 2 errors, 0 warnings they cause in other files',
      'and 1 error, 1 warning in 2 other files: run without --changed to see them',
    ]);
  });

  it('with a base report, a finding the base did not have is caused too, whatever it names', () => {
    const base = new Set([diagnosticKey(diagnostics[4]!, 'values/care.md')]);
    const report = focusOn({ diagnostics, fileOf, focus: ['roles/lead.yaml'], base });
    expect(report.caused.map((x) => x.file)).toEqual(['boundaries/refund.md', 'boundaries/refund.md', 'boundaries/other.md']);
    expect(report.rest).toEqual({ errors: 0, warnings: 1, files: 1 });
  });

  it('a change to playbook.yaml shows everything', () => {
    const report = focusOn({ diagnostics, fileOf, focus: ['playbook.yaml'] });
    expect(report.caused).toHaveLength(5);
    expect(formatFocusSummary(report, 1, '--files')).toEqual(['0 errors, 0 warnings in 1 changed file, and 4 errors, 1 warning they cause in other files']);
  });
});
