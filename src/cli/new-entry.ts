/**
 * `npm run new`: writes a new entry with today's date and every required
 * key, prints its path, and never overwrites.
 *
 *   npm run new                          asks what to add and its title (in a terminal)
 *   npm run new -- <collection> "<title>"
 *   --yes, -y                            never ask; also never in CI or when not in a terminal
 *   npm run new -- --translate fr-CA boundaries/<id>
 *                                        a translation to fill in: the base entry's words, sourceVersion set
 *
 * In a terminal it also asks what it cannot know of the new entry (a win's
 * role, values and boundary; a guideline's values and roles; who may decide
 * on a boundary); otherwise those are `TODO:` placeholders, never a guess.
 *
 * Exit 0 when written, 1 when the file exists, 2 for a usage mistake or a cancelled question.
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { COLLECTIONS } from '../../schemas/index.ts';
import { askNewEntry, askReferences, shouldAsk } from '../lib/authoring/ask-new-entry.ts';
import { collectionFromArgument, newEntry } from '../lib/authoring/new-entry.ts';
import { PLACEHOLDER_MARK } from '../lib/domain/placeholders.ts';
import { resolveContentRoot } from '../lib/reading/resolve-content-root.ts';
import { buildDate } from '../lib/domain/review.ts';
import { translationSkeleton } from '../lib/authoring/translation-skeleton.ts';
import { readPlaybook } from '../lib/validator/validate-content-root.ts';

const USAGE = `Usage: npm run new -- <collection> "<title>"   (or npm run new alone, in a terminal, to be asked)
       npm run new -- --translate <language> <collection>/<id>
  collection: ${Object.values(COLLECTIONS)
    .map((c) => c.folder)
    .join(', ')}
  --yes, -y   never ask questions
  --translate <language>   write a translation of an entry, with its words to translate`;

async function ids(folder: string): Promise<string[]> {
  try {
    const files = await readdir(folder, { recursive: true });
    return files
      .filter((f) => /\.(ya?ml|mdx?)$/.test(f))
      .map((f) => path.basename(f).replace(/\.[^.]+$/, ''))
      .sort();
  } catch {
    return [];
  }
}

async function main(argv: string[]): Promise<number> {
  let values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      options: {
        yes: { type: 'boolean', short: 'y', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        translate: { type: 'string' },
      },
      allowPositionals: true,
      strict: true,
    }));
  } catch (error) {
    process.stderr.write(`new: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (values.translate !== undefined) return translate(values.translate, positionals);

  let collection = positionals[0] === undefined ? undefined : collectionFromArgument(positionals[0]);
  let title = positionals[1]?.trim();
  const interactive = shouldAsk({
    yes: values.yes,
    env: process.env,
    stdinIsTTY: process.stdin.isTTY === true,
    stdoutIsTTY: process.stdout.isTTY === true,
  });
  const prompts = interactive ? await import('@clack/prompts') : undefined;
  if (prompts && positionals.length === 0) {
    prompts.intro('New playbook entry');
    const answers = await askNewEntry(prompts);
    if (!answers) {
      prompts.cancel('Nothing was written.');
      return 2;
    }
    ({ collection, title } = answers);
  } else if (!collection || !title || positionals.length > 2) {
    const unknown = positionals[0] !== undefined && !collection ? `new: unknown collection "${positionals[0]}"\n` : '';
    process.stderr.write(`${unknown}${USAGE}\n`);
    return 2;
  }

  const root = resolveContentRoot();
  const existing = {
    roles: await ids(path.join(root, 'roles')),
    values: await ids(path.join(root, 'values')),
    boundaries: await ids(path.join(root, 'boundaries')),
  };
  // What only the editor knows is asked in a terminal; elsewhere it stays a placeholder.
  const chosen = prompts ? await askReferences(prompts, collection!, existing) : {};
  if (!chosen) {
    prompts?.cancel('Nothing was written.');
    return 2;
  }
  const entry = newEntry({ collection: collection!, title: title!, today: buildDate(), existing, chosen });
  const target = path.join(root, entry.file);
  if (!(await writeNew(target, entry.text, ' Choose another title.'))) return 1;
  const written = path.relative(process.cwd(), target);
  if (prompts) prompts.outro(`Wrote ${written}. Replace each "${PLACEHOLDER_MARK}" placeholder, then run npm run validate.`);
  else process.stdout.write(`${written}\n`);
  return 0;
}

/** Writes a new file, never over an existing one: false (and a message) when it exists. */
async function writeNew(target: string, text: string, advice = ''): Promise<boolean> {
  await mkdir(path.dirname(target), { recursive: true });
  try {
    await writeFile(target, text, { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    process.stderr.write(`new: ${path.relative(process.cwd(), target)} already exists; nothing was written.${advice}\n`);
    return false;
  }
}

/** `--translate <language> <collection>/<id>`: the base entry's words, to translate, in translations/<language>/. */
async function translate(language: string, positionals: string[]): Promise<number> {
  const [collectionName, id, ...rest] = positionals[0]?.split('/') ?? [];
  const collection = collectionName === undefined ? undefined : collectionFromArgument(collectionName);
  if (positionals.length !== 1 || !collection || !id || rest.length > 0) {
    process.stderr.write(
      `new: --translate takes a language and one entry, such as: --translate ${language || 'fr-CA'} boundaries/refund-without-receipt\n${USAGE}\n`,
    );
    return 2;
  }
  const root = resolveContentRoot();
  const read = await readPlaybook(root);
  if (!read.settings) {
    process.stderr.write('new: playbook.yaml cannot be read; run npm run validate to see why\n');
    return 1;
  }
  if (!read.settings.languages.includes(language)) {
    const listed = read.settings.languages.length > 0 ? ` (it lists ${read.settings.languages.join(', ')})` : '';
    process.stderr.write(`new: ${language} is not one of the playbook's languages${listed}; add it to languages in playbook.yaml first\n`);
    return 2;
  }
  const entry = read.entries[collection].find((candidate) => candidate.id === id);
  const { folder, label } = COLLECTIONS[collection];
  if (!entry || entry.data.status === 'draft') {
    process.stderr.write(
      entry
        ? `new: ${entry.file} is a draft; publish it before translating it\n`
        : `new: there is no ${label.toLowerCase()} "${id}" in ${folder}/ (or it has errors: run npm run validate)\n`,
    );
    return 2;
  }
  const skeleton = translationSkeleton({ language, collection, file: entry.file, data: entry.data, body: entry.body });
  const target = path.join(root, skeleton.file);
  if (!(await writeNew(target, skeleton.text))) return 1;
  process.stdout.write(`${path.relative(process.cwd(), target)}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`new: could not write the entry (${error instanceof Error ? error.message : String(error)})\n`);
    process.exitCode = 1;
  },
);
