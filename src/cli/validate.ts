/**
 * `npm run validate`: checks a content root without building it.
 *
 *   --content DIR   the content root (default PLAYBOOK_CONTENT_DIR or content/)
 *   --strict        warnings fail too
 *   --format F      text (default), json or github
 *
 * Exit 0 when clean, 1 when there are errors, 2 for a usage mistake.
 */
import { parseArgs } from 'node:util';
import { resolveContentRoot } from '../lib/content-root/resolve-content-root.ts';
import { formatDiagnostics, formatSummary, OUTPUT_FORMATS, type OutputFormat } from '../lib/diagnostics/format.ts';
import { applyStrict } from '../lib/validation/strict.ts';
import { validateContentRoot } from '../lib/validation/validate-content-root.ts';

const USAGE = `Usage: npm run validate -- [--content DIR] [--strict] [--format text|json|github]

  --content DIR   the content root to check (default: PLAYBOOK_CONTENT_DIR, else content/)
  --strict        treat warnings (such as entries due for review) as errors
  --format F      text (default), json, or github for pull-request annotations`;

async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        content: { type: 'string' },
        strict: { type: 'boolean', default: false },
        format: { type: 'string', default: 'text' },
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
  const format = values.format as OutputFormat;
  const root = resolveContentRoot({ flag: values.content, invocationDir: process.env.INIT_CWD ?? process.cwd() });
  const report = applyStrict(await validateContentRoot(root), values.strict);

  const printed = formatDiagnostics(report.diagnostics, format);
  const summary = formatSummary(report.errorCount, report.warningCount, report.entryCount);
  if (format === 'json') {
    process.stdout.write(`${printed}\n`);
    process.stderr.write(`${summary}\n`);
  } else {
    if (printed) process.stdout.write(`${printed}\n`);
    process.stdout.write(`${summary}\n`);
  }
  return report.errorCount > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // A bug of ours, not the editor's: say so plainly, without a stack trace.
    process.stderr.write(`validate: could not finish (${error instanceof Error ? error.message : String(error)}). This is a bug in Latitude; please report it.\n`);
    process.exitCode = 1;
  },
);
