/**
 * The order a report is read in: the editor's own mistake first. Errors come
 * before warnings (an error stops the build; a warning deserves a look);
 * when the changed files are known (`--changed`, `--files`, the files saved
 * while the dev server runs, or the files git has uncommitted), their
 * findings come before everything else of the same severity, and warnings
 * that were there before the change are folded into one line.
 */
import type { Diagnostic } from './diagnostic.ts';
import { focusOn, type FocusInput } from './focus.ts';

const SEVERITY_ORDER = { error: 0, warning: 1 } as const;

/** Errors first, then by file, line, column and rule. */
export function reportOrder(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      a.rule.localeCompare(b.rule),
  );
}

export interface PresentedReport {
  /** What is printed one by one: every error (the changed files' first), then the warnings of the change. */
  listed: Diagnostic[];
  /** Warnings in files the change did not touch or cause: printed as one line (`formatOlderWarnings`). */
  older: Diagnostic[];
}

/**
 * Splits a report for reading. Without `focus` (nothing known about what
 * changed) everything is listed, errors first. With it, errors of the
 * changed files come first, then the errors they cause elsewhere, then
 * every other error; then the changed files' warnings and those they cause;
 * the other warnings are `older`.
 */
export function presentReport(diagnostics: readonly Diagnostic[], change?: Omit<FocusInput, 'diagnostics'>): PresentedReport {
  const ordered = reportOrder(diagnostics);
  if (!change) return { listed: ordered, older: [] };
  const { focus, caused, others } = focusOn({ ...change, diagnostics: ordered });
  const errors = (list: Diagnostic[]) => list.filter((d) => d.severity === 'error');
  const warnings = (list: Diagnostic[]) => list.filter((d) => d.severity === 'warning');
  return {
    listed: [...errors(focus), ...errors(caused), ...errors(others), ...warnings(focus), ...warnings(caused)],
    older: warnings(others),
  };
}

/** How many files a rule's older warnings may name before they are only counted. */
const NAMED_FILES = 3;

/**
 * "2 older warnings: due-for-review in boundaries/community-donation.md and
 * guidelines/phone-and-chat-tone.md (add --all to list them)": one line,
 * grouped by rule, naming files while they are few.
 */
export function formatOlderWarnings(older: readonly Diagnostic[], howToList: string): string {
  const byRule = new Map<string, Set<string>>();
  for (const d of older) byRule.set(d.rule, (byRule.get(d.rule) ?? new Set()).add(d.file));
  const parts = [...byRule].map(([rule, files]) => `${rule} in ${files.size > NAMED_FILES ? `${files.size} files` : andList([...files])}`);
  return `${older.length} older ${older.length === 1 ? 'warning' : 'warnings'}: ${parts.join('; ')} (${howToList})`;
}

/**
 * The lines after the findings, the same in the validator, the build and the
 * dev server: the older warnings in one line, the counts, and last, when some
 * files could not be read whole, that a second run may find more.
 */
export function closingLines(counts: readonly string[], older: readonly Diagnostic[], notFullyChecked: number, howToList: string): string[] {
  return [
    ...(older.length > 0 ? [formatOlderWarnings(older, howToList)] : []),
    ...counts,
    ...(notFullyChecked > 0 ? [formatNotFullyChecked(notFullyChecked)] : []),
  ];
}

/** The report's last line when some files could not be read whole. */
export function formatNotFullyChecked(count: number): string {
  return count === 1
    ? '1 file could not be fully checked; run again after fixing it'
    : `${count} files could not be fully checked; run again after fixing them`;
}

function andList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
