/**
 * `npm run diff -- --base <git-ref>` (or `--base-dir DIR`): what a change
 * does to authority, for the leaders who approve it. Both content roots are
 * read with the validator's reader into the site's model, then compared.
 *
 *   --base REF        compare with the content root as it is at a git branch, tag or commit
 *   --base-dir DIR    compare with another content root on disk
 *   --content DIR     the changed content root (default PLAYBOOK_CONTENT_DIR or content/)
 *   --format F        text (default) or markdown (for a pull-request comment)
 *   --output FILE     write the summary to FILE instead of standard output
 *
 * Text is the default everywhere, terminal or not, so what a script gets
 * never depends on where it runs; CI asks for markdown by name.
 * Exit 0 when the summary was written, 2 for a usage mistake, a git ref
 * that cannot be read, or a --base-dir (or content root) that is not a
 * readable playbook.
 */
import { constants } from 'node:fs';
import { access, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { authorityDiff } from '../lib/authority-diff/diff.ts';
import { DIFF_FORMATS, formatDiff, type DiffFormat } from '../lib/authority-diff/format.ts';
import { contentRootAt, GitProblem } from '../lib/reading/git-content.ts';
import { invocationDir, resolveContentRoot } from '../lib/reading/resolve-content-root.ts';
import { loadContentRoot } from '../lib/validator/load-content-root.ts';
import { buildDate } from '../lib/domain/review.ts';
import { visibleText } from '../lib/diagnostics/visible-text.ts';
import { PLAYBOOK_FILE } from '../../schemas/index.ts';

const USAGE = `Usage: npm run diff -- (--base REF | --base-dir DIR) [--content DIR] [--format text|markdown] [--output FILE]

  --base REF       compare with the content root at a git branch, tag or commit (such as origin/main)
  --base-dir DIR   compare with another content root on disk
  --content DIR    the changed content root (default: PLAYBOOK_CONTENT_DIR, else content/)
  --format F       text (default) or markdown, for a pull-request comment
  --output FILE    write the summary to FILE`;

async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        base: { type: 'string' },
        'base-dir': { type: 'string' },
        content: { type: 'string' },
        format: { type: 'string', default: 'text' },
        output: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      allowPositionals: false,
      strict: true,
    }));
  } catch (error) {
    process.stderr.write(`diff: ${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if ((values.base === undefined) === (values['base-dir'] === undefined)) {
    process.stderr.write(`diff: give one of --base or --base-dir\n\n${USAGE}\n`);
    return 2;
  }
  if (!(DIFF_FORMATS as readonly string[]).includes(values.format)) {
    process.stderr.write(`diff: unknown format "${values.format}"; use text or markdown\n\n${USAGE}\n`);
    return 2;
  }
  const typedIn = invocationDir();
  const root = resolveContentRoot({ flag: values.content, invocationDir: typedIn });
  const today = buildDate();

  let base: { dir: string; cleanup: () => Promise<void> };
  if (values.base !== undefined) {
    try {
      base = await contentRootAt(root, values.base);
    } catch (error) {
      if (!(error instanceof GitProblem)) throw error;
      process.stderr.write(`diff: --base ${values.base}: ${error.message}\n`);
      return 2;
    }
  } else {
    const dir = path.resolve(typedIn, values['base-dir']!);
    const problem = await playbookProblem(dir);
    if (problem) {
      process.stderr.write(`diff: --base-dir ${visibleText(values['base-dir']!)}: ${problem}\n`);
      return 2;
    }
    base = { dir, cleanup: async () => {} };
  }
  // A changed root that is not there would list the whole base as removed: say so instead.
  const rootProblem = await playbookProblem(root);
  if (rootProblem) {
    await base.cleanup();
    process.stderr.write(`diff: the content root ${visibleText(root)}: ${rootProblem}\n`);
    return 2;
  }
  try {
    const [before, after] = [await loadContentRoot(base.dir, today), await loadContentRoot(root, today)];
    const notes: string[] = [];
    if (after.filesWithErrors.length > 0) {
      const n = after.filesWithErrors.length;
      notes.push(`${n} ${n === 1 ? 'file has' : 'files have'} errors (entries that cannot be read are left out): run npm run validate to see them.`);
    }
    const diff = authorityDiff(before.playbook, after.playbook, {
      links: after.boundaryLinks,
      stale: { before: before.staleTranslations, after: after.staleTranslations },
    });
    const text = `${formatDiff(diff, values.format as DiffFormat, notes)}\n`;
    if (values.output !== undefined) await writeFile(path.resolve(typedIn, values.output), text);
    else process.stdout.write(text);
    return 0;
  } finally {
    await base.cleanup();
  }
}

/**
 * Why `dir` is not a playbook that can be compared, if it is not one: it must
 * be a readable folder (not a link that leads nowhere or to itself) holding
 * a playbook.yaml. Comparing with a missing folder would list every entry as
 * added, and look like an answer.
 */
async function playbookProblem(dir: string): Promise<string | undefined> {
  try {
    const info = await stat(dir);
    if (!info.isDirectory()) return 'this is a file, not the folder of a playbook';
    await access(dir, constants.R_OK | constants.X_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'there is no folder here';
    if (code === 'ELOOP') return 'this is a link that leads back to itself';
    if (code === 'EACCES' || code === 'EPERM') return 'the folder may not be read';
    return `the folder cannot be read (${code ?? String(error)})`;
  }
  try {
    if (!(await stat(path.join(dir, PLAYBOOK_FILE))).isFile()) return `${PLAYBOOK_FILE} here is not a file`;
  } catch {
    return `there is no ${PLAYBOOK_FILE} in this folder, so it is not a playbook's content root`;
  }
  return undefined;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`diff: could not finish (${error instanceof Error ? error.message : String(error)}). This is a bug in Latitude; please report it.\n`);
    process.exitCode = 1;
  },
);
