/**
 * `npm run validate`: checks a content root without building it.
 *
 *   --content DIR     the content root (default PLAYBOOK_CONTENT_DIR or content/)
 *   --strict          warnings fail too
 *   --format F        text (default), json or github
 *   --output FILE     write the findings to FILE instead of standard output
 *   --changed REF     findings in the files changed against a git ref first
 *   --files A,B       the same for files named by hand
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
import { changedFiles, contentRootAt, GitProblem } from '../lib/reading/git-content.ts';
import { invocationDir, resolveContentRoot } from '../lib/reading/resolve-content-root.ts';
import type { Diagnostic } from '../lib/diagnostics/diagnostic.ts';
import { diagnosticKey, focusOn, formatFocusSummary } from '../lib/diagnostics/focus.ts';
import { formatDiagnostics, formatSummary, OUTPUT_FORMATS, type OutputFormat } from '../lib/diagnostics/format.ts';
import { buildDate } from '../lib/domain/review.ts';
import { applyStrict } from '../lib/validator/strict.ts';
import { validateContentRoot } from '../lib/validator/validate-content-root.ts';

const USAGE = `Usage: npm run validate -- [--content DIR] [--strict] [--format text|json|github] [--output FILE] [--changed REF | --files A,B]

  --content DIR   the content root to check (default: PLAYBOOK_CONTENT_DIR, else content/)
  --strict        treat warnings (such as entries due for review) as errors
  --format F      text (default), json, or github for pull-request annotations
  --output FILE   write the findings to FILE (clean json whatever npm prints); the summary still goes to the terminal
  --changed REF   show findings in the files changed against a git branch, tag or commit (and untracked files),
                  and those the change causes elsewhere; count the rest in one line
  --files A,B     the same, for the files named (paths from where you run the command, or inside the content root)`;

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
  const report = applyStrict(await validateContentRoot(root, { today, cacheFile }), values.strict);
  const rootRelative = (d: Diagnostic) => path.relative(root, path.resolve(process.cwd(), d.file)).split(path.sep).join('/');

  let shown: Diagnostic[] = report.diagnostics;
  let summary = [formatSummary(report.errorCount, report.warningCount, report.entryCount)];
  if (values.changed !== undefined || values.files !== undefined) {
    let focus: string[];
    let base: Set<string> | undefined;
    if (values.changed !== undefined) {
      try {
        focus = await changedFiles(root, values.changed);
        const at = await contentRootAt(root, values.changed);
        try {
          const before = applyStrict(await validateContentRoot(at.dir, { today, cwd: at.dir }), values.strict);
          base = new Set(before.diagnostics.map((d) => diagnosticKey(d, d.file)));
        } finally {
          await at.cleanup();
        }
      } catch (error) {
        if (!(error instanceof GitProblem)) throw error;
        process.stderr.write(`validate: --changed ${values.changed}: ${error.message}\n`);
        return 2;
      }
    } else {
      focus = values
        .files!.split(',')
        .map((file) => file.trim())
        .filter(Boolean)
        .map((file) => insideRoot(file, root, typedIn));
    }
    const focused = focusOn({ diagnostics: report.diagnostics, fileOf: rootRelative, focus, base });
    shown = [...focused.focus, ...focused.caused];
    summary = formatFocusSummary(focused, focus.length, values.changed !== undefined ? '--changed' : '--files');
  }

  const printed = formatDiagnostics(shown, format);
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
