/**
 * `npm run register -- [--base REF] [--format csv|json]`: the authority
 * register, the same rows as the build's /authority.csv and
 * /authority.json, for the content root as it is or as it was at any git
 * branch, tag or commit. Read with the validator's reader into the site's
 * model, so what the register lists is what that build would publish.
 *
 *   --base REF      the content root as it was at a git ref (default: as it is now)
 *   --content DIR   the content root (default PLAYBOOK_CONTENT_DIR or content/)
 *   --format F      csv (default) or json
 *   --output FILE   write the register to FILE instead of standard output
 *
 * Addresses follow PLAYBOOK_SITE and PLAYBOOK_BASE, as in a build.
 * Exit 0 when the register was written; 1 when it was written but some
 * files have errors (their entries are left out, and the files are named);
 * 2 for a usage mistake or a git ref that cannot be read.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildDate } from '../lib/domain/review.ts';
import { publicAddress } from '../lib/links/href.ts';
import { loadContentRoot } from '../lib/validator/load-content-root.ts';
import { contentRootAt, GitProblem } from '../lib/reading/git-content.ts';
import { invocationDir, resolveContentRoot } from '../lib/reading/resolve-content-root.ts';
import { registerCsv, registerJson, registerRows } from '../lib/register/authority-register.ts';

const FORMATS = ['csv', 'json'] as const;

const USAGE = `Usage: npm run register -- [--base REF] [--content DIR] [--format csv|json] [--output FILE]

  --base REF       the register as it was at a git branch, tag or commit (such as origin/main)
  --content DIR    the content root (default: PLAYBOOK_CONTENT_DIR, else content/)
  --format F       csv (default) or json
  --output FILE    write the register to FILE`;

async function main(argv: string[]): Promise<number> {
  let options;
  try {
    options = parseArgs({
      args: argv,
      options: {
        base: { type: 'string' },
        content: { type: 'string' },
        format: { type: 'string', default: 'csv' },
        output: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      allowPositionals: false,
      strict: true,
    }).values;
  } catch (error) {
    process.stderr.write(`register: ${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const format = FORMATS.find((known) => known === options.format);
  if (!format) {
    process.stderr.write(`register: unknown format "${options.format}"; use csv or json\n\n${USAGE}\n`);
    return 2;
  }
  const typedIn = invocationDir();
  const root = resolveContentRoot({ flag: options.content, invocationDir: typedIn });
  let source = { dir: root, cleanup: async () => {} };
  if (options.base !== undefined) {
    try {
      source = await contentRootAt(root, options.base);
    } catch (error) {
      if (!(error instanceof GitProblem)) throw error;
      process.stderr.write(`register: --base ${options.base}: ${error.message}\n`);
      return 2;
    }
  }
  try {
    const { playbook, filesWithErrors } = await loadContentRoot(source.dir, buildDate());
    const site = process.env.PLAYBOOK_SITE || undefined;
    const base = process.env.PLAYBOOK_BASE || '/';
    const rows = registerRows(playbook, (page) => publicAddress(page, site, base));
    const text = format === 'csv' ? registerCsv(rows) : registerJson(rows, { playbook: playbook.settings.name, asOf: playbook.today });
    if (options.output !== undefined) await writeFile(path.resolve(typedIn, options.output), text);
    else process.stdout.write(text);
    if (filesWithErrors.length === 0) return 0;
    process.stderr.write(
      `register: these files have errors, so their entries are not in the register: ${filesWithErrors.join(', ')}. Run npm run validate to see the errors.\n`,
    );
    return 1;
  } finally {
    await source.cleanup();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `register: could not finish (${error instanceof Error ? error.message : String(error)}). This is a bug in Latitude; please report it.\n`,
    );
    process.exitCode = 1;
  },
);
