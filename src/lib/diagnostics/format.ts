/** The three ways `npm run validate` prints diagnostics: text, json and GitHub annotations. */
import type { Diagnostic } from './diagnostic.ts';
import { visibleText } from './visible-text.ts';

export const OUTPUT_FORMATS = ['text', 'json', 'github'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/**
 * `path:line:column severity message (rule)`, then the hint indented on the
 * next line. File names and messages may quote content: what would act on a
 * terminal (a line break, an escape) is printed as an escape instead.
 */
export function formatText(diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .map((d) => {
      const line = `${visibleText(d.file)}:${d.line}:${d.column} ${d.severity} ${visibleText(d.message)} (${d.rule})`;
      return d.hint ? `${line}\n    hint: ${visibleText(d.hint)}` : line;
    })
    .join('\n');
}

/** An array of `{ file, line, column, severity, rule, message }`, plus field, expected, found and hint where known. */
export function formatJson(diagnostics: readonly Diagnostic[]): string {
  return JSON.stringify(
    diagnostics.map(({ file, line, column, severity, rule, message, field, expected, found, hint }) => ({
      file,
      line,
      column,
      severity,
      rule,
      message,
      field,
      expected,
      found,
      hint,
    })),
    null,
    2,
  );
}

/**
 * GitHub workflow commands: each diagnostic becomes an annotation on its
 * line of the pull request. GitHub finds the file by its path in the
 * repository: `contentRoot` is the content root's path there ('' when the
 * repository is the content root).
 */
export function formatGithub(diagnostics: readonly Diagnostic[], contentRoot = ''): string {
  return diagnostics
    .map((d) => {
      const command = d.severity === 'error' ? 'error' : 'warning';
      const file = contentRoot === '' || d.file.startsWith('/') ? d.file : `${contentRoot}/${d.file}`;
      const properties = `file=${escapeProperty(visibleText(file))},line=${d.line},col=${d.column},title=${escapeProperty(`Latitude: ${d.rule}`)}`;
      const text = visibleText(d.hint ? `${d.message}\nHint: ${d.hint}` : d.message).replace(/\\n(?=Hint: )/, '\n');
      return `::${command} ${properties}::${escapeData(text)}`;
    })
    .join('\n');
}

/** One line summing up: "2 errors, 1 warning in 48 entries". */
export function formatSummary(errors: number, warnings: number, entries: number): string {
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return `${count(errors, 'error', 'errors')}, ${count(warnings, 'warning', 'warnings')} in ${count(entries, 'entry', 'entries')}`;
}

/** Diagnostics in `format`; `contentRoot` is where GitHub annotations find the files (see `formatGithub`). */
export function formatDiagnostics(diagnostics: readonly Diagnostic[], format: OutputFormat, contentRoot = ''): string {
  if (format === 'json') return formatJson(diagnostics);
  if (format === 'github') return formatGithub(diagnostics, contentRoot);
  return formatText(diagnostics);
}

function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
