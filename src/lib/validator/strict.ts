/** `--strict`: warnings count as errors (the build and CI may ask for it). */
import type { ValidationReport } from './validate-content-root.ts';

export function applyStrict(report: ValidationReport, strict: boolean): ValidationReport {
  if (!strict || report.warningCount === 0) return report;
  return {
    ...report,
    diagnostics: report.diagnostics.map((d) => ({ ...d, severity: 'error' as const })),
    errorCount: report.diagnostics.length,
    warningCount: 0,
  };
}
