/**
 * `npm run validate`: checks a content root without building it.
 *
 *   --content DIR     the content root (default PLAYBOOK_CONTENT_DIR or content/)
 *   --strict          warnings fail too
 *   --format F        text (default), json or github
 *   --output FILE     write the findings to FILE instead of standard output
 *   --changed REF     findings in the files changed against a git ref first; a
 *                     boundary whose authority changed with no new changes line is an error
 *   --files A,B       the same for files named by hand
 *   --all             list every finding (otherwise warnings in files nobody is changing are one line)
 *
 * Paths are relative to the content root. Errors come first, the changed
 * files' first of all (see report-order.ts).
 *
 * Exit 0 when clean, 1 when there are errors (anywhere in the content root,
 * also with --changed or --files: the site would not build), 2 for a usage
 * mistake or a git ref that cannot be read.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { claimCacheDir, contentRootCacheDir } from '../lib/reading/cache-dir.ts';
import { readCacheFile } from '../lib/reading/read-cache.ts';
import { changedFiles, contentRootAt, GitProblem, uncommittedFiles } from '../lib/reading/git-content.ts';
import { posixRelative } from '../lib/reading/paths.ts';
import { invocationDir, resolveContentRoot } from '../lib/reading/resolve-content-root.ts';
import type { Diagnostic } from '../lib/diagnostics/diagnostic.ts';
import { diagnosticKey, focusOn, formatFocusSummary } from '../lib/diagnostics/focus.ts';
import { formatDiagnostics, formatSummary, OUTPUT_FORMATS, type OutputFormat } from '../lib/diagnostics/format.ts';
import { closingLines, presentReport } from '../lib/diagnostics/report-order.ts';
import { buildDate } from '../lib/domain/review.ts';
import { applyStrict } from '../lib/validator/strict.ts';
import { baseContentOf, readPlaybook, validateContentRoot } from '../lib/validator/validate-content-root.ts';
import type { BaseContent } from '../lib/rules/index.ts';

const USAGE = `Usage: npm run validate -- [--content DIR] [--strict] [--format text|json|github] [--output FILE] [--changed REF | --files A,B] [--all]

  --content DIR   the content root to check (default: PLAYBOOK_CONTENT_DIR, else content/)
  --strict        treat warnings (such as entries due for review) as errors
  --format F      text (default), json, or github for pull-request annotations
  --output FILE   write the findings to FILE (clean json whatever npm prints); the summary still goes to the terminal
  --changed REF   show findings in the files changed against a git branch, tag or commit (and untracked files),
                  and those the change causes elsewhere; count the rest in one line
  --files A,B     the same, for the files named (paths from where you run the command, or inside the content root)
  --all           list every finding: also the warnings in files you did not change, which are otherwise one line`;

async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        content: { type: 'string' },
        strict: { type: 'boolean', default: false },
        format: { type: 'string', default: 'text' },
        output: { type: 'string' },
        changed: { type: 'string' },
        files: { type: 'string' },
        all: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      allowPositionals: false,
      strict: true,
    }));
  } catch (error) {
    process.stderr.write(`validate: ${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (!(OUTPUT_FORMATS as readonly string[]).includes(values.format)) {
    process.stderr.write(`validate: unknown format "${values.format}"; use text, json or github\n\n${USAGE}\n`);
    return 2;
  }
  if (values.changed !== undefined && values.files !== undefined) {
    process.stderr.write(`validate: use --changed or --files, not both\n\n${USAGE}\n`);
    return 2;
  }
  const format = values.format as OutputFormat;
  const typedIn = invocationDir();
  const root = resolveContentRoot({ flag: values.content, invocationDir: typedIn });
  const today = buildDate();
  const cacheDir = contentRootCacheDir(root);
  claimCacheDir(cacheDir, root);
  const cacheFile = readCacheFile(cacheDir);
  const fileOf = (d: Diagnostic) => d.file;

  // With --changed, the content at the ref first: what the change is compared with (its findings, its boundaries' histories).
  let focus: string[] | undefined;
  let base: { keys: Set<string>; content: BaseContent } | undefined;
  if (values.changed !== undefined) {
    try {
      focus = await changedFiles(root, values.changed);
      const at = await contentRootAt(root, values.changed);
      try {
        const before = await readPlaybook(at.dir, { today });
        const keys = new Set(applyStrict(before.report, values.strict).diagnostics.map((d) => diagnosticKey(d, d.file)));
        base = { keys, content: baseContentOf(before) };
      } finally {
        await at.cleanup();
      }
    } catch (error) {
      if (!(error instanceof GitProblem)) throw error;
      process.stderr.write(`validate: --changed ${values.changed}: ${error.message}\n`);
      return 2;
    }
  } else if (values.files !== undefined) {
    focus = values.files
      .split(',')
      .map((file) => file.trim())
      .filter(Boolean)
      .map((file) => insideRoot(file, root, typedIn));
  }
  const report = applyStrict(await validateContentRoot(root, { today, cacheFile, base: base?.content }), values.strict);

  let shown: Diagnostic[] = report.diagnostics;
  let older: Diagnostic[] = [];
  let summary = [formatSummary(report.errorCount, report.warningCount, report.entryCount)];
  if (focus !== undefined) {
    const focused = focusOn({ diagnostics: report.diagnostics, fileOf, focus, base: base?.keys });
    shown = presentReport([...focused.focus, ...focused.caused], { fileOf, focus }).listed;
    if (values.all) shown.push(...focused.others);
    summary = formatFocusSummary(focused, focus.length, values.changed !== undefined ? '--changed' : '--files');
  } else if (format === 'text' && !values.all) {
    // Warnings in files nobody is changing now are folded into one line; without git, everything is listed.
    const focus = await uncommittedFiles(root);
    ({ listed: shown, older } = presentReport(report.diagnostics, focus && { fileOf, focus }));
  }
  summary = closingLines(summary, older, report.notFullyChecked.length, 'add --all to list them');

  // GitHub places an annotation by its path in the repository, which is where the check runs from.
  const printed = formatDiagnostics(shown, format, format === 'github' ? posixRelative(process.cwd(), root) : '');
  const summaryText = `${summary.join('\n')}\n`;
  if (values.output !== undefined) {
    await writeFile(path.resolve(typedIn, values.output), printed === '' ? '' : `${printed}\n`);
    process.stdout.write(summaryText);
  } else if (format === 'json') {
    process.stdout.write(`${printed}\n`);
    process.stderr.write(summaryText);
  } else {
    if (printed) process.stdout.write(`${printed}\n`);
    process.stdout.write(summaryText);
  }
  return report.errorCount > 0 ? 1 : 0;
}

/** A file named on the command line, as a path inside the content root. */
function insideRoot(file: string, root: string, invocationDir: string): string {
  const fromHere = path.relative(root, path.resolve(invocationDir, file));
  const relative = fromHere.startsWith('..') || path.isAbsolute(fromHere) ? path.normalize(file) : fromHere;
  return relative.split(path.sep).join('/');
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // A bug of ours, not the editor's: say so plainly, without a stack trace.
    process.stderr.write(
      `validate: could not finish (${error instanceof Error ? error.message : String(error)}). This is a bug in Latitude; please report it.\n`,
    );
    process.exitCode = 1;
  },
);
