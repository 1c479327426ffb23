/**
 * "Your own change first": splits a validation report into the findings in
 * the files an editor changed, the findings elsewhere that the change
 * causes, and a count of the rest.
 *
 * A finding in another file counts as caused by the change when any of:
 * - it names the id of a changed entry (a reference to an id the change
 *   removed or renamed; a ladder finding that names a changed role), as the
 *   finding's `found` value or as a whole id in its message;
 * - `playbook.yaml` changed (every entry depends on its settings);
 * - a base report is given (`--changed`) and the finding is not in it: the
 *   other file did not change, so a finding it did not have before is the
 *   change's doing, whatever the rule.
 * The first two need no second run, so `--files` has them too; the third is
 * what makes `--changed` sound for rules that do not name ids.
 */
import { PLAYBOOK_FILE } from '../../../schemas/index.ts';
import type { Diagnostic } from './diagnostic.ts';

export interface FocusInput {
  diagnostics: readonly Diagnostic[];
  /** The file of a diagnostic relative to the content root, posix separators. */
  fileOf: (diagnostic: Diagnostic) => string;
  /** The changed files, relative to the content root. */
  focus: readonly string[];
  /** Keys (see `diagnosticKey`) of the findings the base version had, when known. */
  base?: ReadonlySet<string>;
}

export interface FocusedReport {
  /** Findings in the changed files. */
  focus: Diagnostic[];
  /** Findings in other files that the change causes. */
  caused: Diagnostic[];
  /** Everything else, counted. */
  rest: { errors: number; warnings: number; files: number };
  /** Everything else, in the order given. */
  others: Diagnostic[];
}

/** Identifies a finding across two versions of a content root. */
export function diagnosticKey(diagnostic: Diagnostic, file: string): string {
  return [file, diagnostic.line, diagnostic.column, diagnostic.severity, diagnostic.rule, diagnostic.message].join('\u0000');
}

/** `roles/store-associate.yaml` → `store-associate`; undefined for files that are not entries. */
function entryIdOf(file: string): string | undefined {
  if (!file.includes('/')) return undefined;
  return file
    .split('/')
    .pop()!
    .replace(/\.[^.]+$/, '');
}

const ID_TOKEN = /[a-z0-9]+(?:-[a-z0-9]+)*/g;

export function focusOn({ diagnostics, fileOf, focus, base }: FocusInput): FocusedReport {
  const focusFiles = new Set(focus);
  const ids = new Set(focus.map(entryIdOf).filter((id): id is string => id !== undefined));
  const settingsChanged = focusFiles.has(PLAYBOOK_FILE);
  const namesChangedEntry = (d: Diagnostic) => (d.found !== undefined && ids.has(d.found)) || (d.message.match(ID_TOKEN) ?? []).some((token) => ids.has(token));

  const report: FocusedReport = { focus: [], caused: [], rest: { errors: 0, warnings: 0, files: 0 }, others: [] };
  const restFiles = new Set<string>();
  for (const diagnostic of diagnostics) {
    const file = fileOf(diagnostic);
    if (focusFiles.has(file)) report.focus.push(diagnostic);
    else if (settingsChanged || namesChangedEntry(diagnostic) || (base !== undefined && !base.has(diagnosticKey(diagnostic, file)))) {
      report.caused.push(diagnostic);
    } else {
      report.others.push(diagnostic);
      if (diagnostic.severity === 'error') report.rest.errors++;
      else report.rest.warnings++;
      restFiles.add(file);
    }
  }
  report.rest.files = restFiles.size;
  return report;
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The summary lines of a focused report: "1 error, 0 warnings in 2 changed
 * files, and 1 error they cause elsewhere", then, when there is more,
 * "and 12 errors, 3 warnings in 9 other files: run without --changed to see them".
 */
export function formatFocusSummary(report: FocusedReport, focusCount: number, flag: string): string[] {
  const errors = (list: Diagnostic[]) => list.filter((d) => d.severity === 'error').length;
  const focusErrors = errors(report.focus);
  const causedErrors = errors(report.caused);
  const causedWarnings = report.caused.length - causedErrors;
  let first = `${count(focusErrors, 'error', 'errors')}, ${count(report.focus.length - focusErrors, 'warning', 'warnings')} in ${count(focusCount, 'changed file', 'changed files')}`;
  if (report.caused.length > 0)
    first += `, and ${count(causedErrors, 'error', 'errors')}, ${count(causedWarnings, 'warning', 'warnings')} they cause in other files`;
  const lines = [first];
  const { errors: restErrors, warnings: restWarnings, files } = report.rest;
  if (restErrors + restWarnings > 0) {
    lines.push(
      `and ${count(restErrors, 'error', 'errors')}, ${count(restWarnings, 'warning', 'warnings')} in ${count(files, 'other file', 'other files')}: run without ${flag} to see them`,
    );
  }
  return lines;
}
