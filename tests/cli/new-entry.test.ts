import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLLECTIONS, COLLECTION_NAMES } from '../../schemas/index.ts';
import { askNewEntry, shouldAsk, type Asker } from '../../src/lib/authoring/ask-new-entry.ts';
import { collectionFromArgument, newEntry } from '../../src/lib/authoring/new-entry.ts';
import { formatText } from '../../src/lib/diagnostics/format.ts';
import { validateContentRoot } from '../../src/lib/validator/validate-content-root.ts';
import { PROJECT_ROOT, run } from '../support/build-playbook.ts';
import { VALID_ROOT } from '../support/bad-input.ts';

describe('collectionFromArgument', () => {
  it('takes folder names and collection names', () => {
    expect(collectionFromArgument('case-studies')).toBe('caseStudies');
    expect(collectionFromArgument('wins')).toBe('wins');
    expect(collectionFromArgument('win')).toBeUndefined();
  });
});

describe('npm run new', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'latitude-new-'));
    await cp(VALID_ROOT, root, { recursive: true });
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  const runNew = (...args: string[]) =>
    run(process.execPath, [path.join(PROJECT_ROOT, 'src/cli/new-entry.ts'), ...args], {
      cwd: root,
      env: { ...process.env, PLAYBOOK_CONTENT_DIR: root, PLAYBOOK_TODAY: '2026-11-23' },
    });

  it("writes a win with today's date into wins/<year>/ and prints its path", async () => {
    const result = await runNew('wins', 'Taxi for the cot');
    expect(result).toMatchObject({ exitCode: 0, stdout: 'wins/2026/2026-11-taxi-for-the-cot.md\n' });
    const text = await readFile(path.join(root, 'wins/2026/2026-11-taxi-for-the-cot.md'), 'utf8');
    expect(text).toContain('date: 2026-11-23');
    expect(text).toContain('values: [keep-it-simple]');
  });

  it('never overwrites', async () => {
    const result = await runNew('wins', 'Taxi for the cot');
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe('new: wins/2026/2026-11-taxi-for-the-cot.md already exists; nothing was written. Choose another title.\n');
  });

  it('refuses an unknown collection with usage, exit 2', async () => {
    const result = await runNew('win', 'X');
    expect(result.exitCode).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe('new: unknown collection "win"');
  });

  it('never asks without a terminal: no arguments gives the usage, exit 2', async () => {
    const result = await runNew();
    expect(result.exitCode).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe('Usage: npm run new -- <collection> "<title>"   (or npm run new alone, in a terminal, to be asked)');
  });

  it('an unfinished template fails validation, naming each placeholder at its line', async () => {
    const result = await runNew('boundaries', 'Waive a delivery fee');
    expect(result.exitCode, result.stderr).toBe(0);
    const report = await validateContentRoot(root, { today: '2026-11-23', cwd: root });
    const hint = '    hint: replace it with your own words, or delete the line where the field is optional (npm run new wrote it as a reminder)';
    expect(formatText(report.diagnostics.filter((d) => d.file === 'boundaries/waive-a-delivery-fee.md'))).toBe(
      [
        'boundaries/waive-a-delivery-fee.md:3:10 error summary: still holds the placeholder "TODO: the playing field, in a sentence" (placeholder)',
        hint,
        'boundaries/waive-a-delivery-fee.md:4:11 error decision: still holds the placeholder "TODO: the decision as a verb phrase (Refund a purchase)" (placeholder)',
        hint,
        'boundaries/waive-a-delivery-fee.md:9:11 error grants[0].note: still holds the placeholder "TODO: check role, authority and limit, then delete this note" (placeholder)',
        hint,
        'boundaries/waive-a-delivery-fee.md:11:5 error guardrails[0]: still holds the placeholder "TODO: when not to use this authority at all" (placeholder)',
        hint,
        'boundaries/waive-a-delivery-fee.md:12:8 error owner: still holds the placeholder "TODO: who answers for the boundary" (placeholder)',
        hint,
        'boundaries/waive-a-delivery-fee.md:13:13 error approvedBy: still holds the placeholder "TODO: the leader who approved it" (placeholder)',
        hint,
        'boundaries/waive-a-delivery-fee.md:18:1 error the text still holds the placeholder "TODO: why this boundary exists, and how to use it well." (placeholder)',
        hint,
      ].join('\n'),
    );
  });

  it('every template fails only on its placeholders, and validates once they are replaced', async () => {
    const files: string[] = [];
    for (const collection of COLLECTION_NAMES) {
      const result = await runNew(COLLECTIONS[collection].folder, `Fresh ${collection} entry`);
      expect(result.exitCode, result.stderr).toBe(0);
      files.push(result.stdout.trim());
    }
    const before = await validateContentRoot(root, { today: '2026-11-23', cwd: root });
    const fresh = before.diagnostics.filter((d) => files.includes(d.file));
    expect(new Set(files.filter((file) => fresh.some((d) => d.file === file)))).toEqual(new Set(files));
    expect(fresh.filter((d) => d.rule !== 'placeholder')).toEqual([]);

    for (const file of files) await writeFile(path.join(root, file), fillIn(await readFile(path.join(root, file), 'utf8')));
    const after = await validateContentRoot(root, { today: '2026-11-23', cwd: root });
    expect(after.diagnostics.filter((d) => files.includes(d.file))).toEqual([]);
  });

  it('fills references with placeholders when the root has none', () => {
    const entry = newEntry({ collection: 'boundaries', title: 'Waive a fee', today: '2026-11-23', existing: { roles: [], values: [] } });
    expect(entry.file).toBe('boundaries/waive-a-fee.md');
    expect(entry.text).toContain('  - role: role-id\n');
  });
});

/** What an editor does with a template: each placeholder replaced with real words. */
function fillIn(text: string): string {
  return text
    .replace(/"TODO: ([^"]*)"/g, (_, what: string) => JSON.stringify(`Filled in: ${what}`))
    .replace(/https:\/\/example\.com\/TODO/g, 'https://example.com/source')
    .replace(/^TODO: (.*)$/gm, 'Filled in: $1');
}

describe('the questions npm run new asks', () => {
  const terminal = { positionals: [], yes: false, env: {}, stdinIsTTY: true, stdoutIsTTY: true };
  it('asks only in a terminal, with no arguments, outside CI and without --yes', () => {
    expect(shouldAsk(terminal)).toBe(true);
    expect(shouldAsk({ ...terminal, positionals: ['wins'] })).toBe(false);
    expect(shouldAsk({ ...terminal, yes: true })).toBe(false);
    expect(shouldAsk({ ...terminal, env: { CI: 'true' } })).toBe(false);
    expect(shouldAsk({ ...terminal, env: { CI: 'false' } })).toBe(true);
    expect(shouldAsk({ ...terminal, stdinIsTTY: false })).toBe(false);
    expect(shouldAsk({ ...terminal, stdoutIsTTY: false })).toBe(false);
  });

  const asker = (answers: (string | symbol)[], asked: string[]): Asker => ({
    select: async ({ message, options }) => {
      asked.push(`${message} [${options.map((o) => o.label).join(' | ')}]`);
      return answers.shift() as never;
    },
    text: async ({ message, validate }) => {
      asked.push(`${message} (empty: ${validate?.('  ')})`);
      return answers.shift()!;
    },
  });

  it('asks the kind, then the title', async () => {
    const asked: string[] = [];
    expect(await askNewEntry(asker(['wins', '  Taxi for the cot '], asked))).toEqual({ collection: 'wins', title: 'Taxi for the cot' });
    expect(asked).toEqual([
      'What would you like to add? [Win story | Guideline | Decision boundary | Value | Role | Case study]',
      'The win story\'s title (it becomes the file name in wins/) (empty: write a title, such as "Taxi for the cot")',
    ]);
  });

  it('writes nothing when cancelled', async () => {
    expect(await askNewEntry(asker([Symbol('cancel')], []))).toBeUndefined();
    expect(await askNewEntry(asker(['roles', Symbol('cancel')], []))).toBeUndefined();
  });
});

describe('npm run new -- --translate', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'latitude-translate-'));
    await cp(VALID_ROOT, root, { recursive: true });
    await writeFile(path.join(root, 'playbook.yaml'), `${await readFile(path.join(root, 'playbook.yaml'), 'utf8')}languages: [fr-CA]\n`);
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  const runNew = (...args: string[]) =>
    run(process.execPath, [path.join(PROJECT_ROOT, 'src/cli/new-entry.ts'), ...args], { cwd: root, env: { ...process.env, PLAYBOOK_CONTENT_DIR: root } });

  it('writes the base entry’s words to translate, with the version filled in, mirroring the base file', async () => {
    const result = await runNew('--translate', 'fr-CA', 'wins/2026-03-kettle-swap');
    expect(result).toMatchObject({ exitCode: 0, stdout: 'translations/fr-CA/wins/2026/2026-03-kettle-swap.md\n' });
    const text = await readFile(path.join(root, 'translations/fr-CA/wins/2026/2026-03-kettle-swap.md'), 'utf8');
    expect(text).toBe(
      [
        '---',
        'sourceVersion: ' + /sourceVersion: ([a-p]{10})/.exec(text)![1],
        'title: "TODO: A kettle swapped before the guests arrived"',
        'impact: "TODO: The customer wrote to the store manager."',
        'imageAlt: "TODO: A new kettle on a shop counter"',
        '---',
        '',
        'TODO: translate the text below into this language, then delete this line.',
        '',
        'Priya swapped the kettle on the spot.',
        '',
      ].join('\n'),
    );
    // Every word left to translate is an error; translated, the file is clean and current.
    const report = await validateContentRoot(root, { cwd: root });
    expect(report.diagnostics.filter((d) => d.file.startsWith('translations/')).map((d) => d.rule)).toEqual([
      'placeholder',
      'placeholder',
      'placeholder',
      'placeholder',
    ]);
    await writeFile(
      path.join(root, 'translations/fr-CA/wins/2026/2026-03-kettle-swap.md'),
      text
        .replace('TODO: A kettle swapped before the guests arrived', 'Une bouilloire changée avant l’arrivée des invités')
        .replace('TODO: A new kettle on a shop counter', 'Une bouilloire neuve sur un comptoir')
        .replace('TODO: The customer wrote to the store manager.', 'La cliente a écrit au gérant du magasin.')
        .replace('TODO: translate the text below into this language, then delete this line.\n\n', '')
        .replace('Priya swapped the kettle on the spot.', 'Priya a changé la bouilloire sur-le-champ.'),
    );
    expect(formatText((await validateContentRoot(root, { cwd: root })).diagnostics)).toBe('');
  });

  it('keeps a grant’s role and a change’s date, and never overwrites', async () => {
    expect((await runNew('--translate', 'fr-CA', 'boundaries/refund-a-purchase')).exitCode).toBe(0);
    const text = await readFile(path.join(root, 'translations/fr-CA/boundaries/refund-a-purchase.md'), 'utf8');
    expect(text).toContain('grants:\n  - role: store-associate\n  - role: shift-lead\n  - role: store-manager\n');
    expect(text).toContain('changes:\n  - date: 2026-03-01\n    summary: "TODO: Raised the store associate limit from £40 to £75."\n');
    const again = await runNew('--translate', 'fr-CA', 'boundaries/refund-a-purchase');
    expect(again).toMatchObject({ exitCode: 1, stderr: 'new: translations/fr-CA/boundaries/refund-a-purchase.md already exists; nothing was written.\n' });
  });

  it('refuses a language the playbook does not list, and an entry that does not exist', async () => {
    expect(await runNew('--translate', 'de', 'roles/store-associate')).toMatchObject({
      exitCode: 2,
      stderr: "new: de is not one of the playbook's languages (it lists fr-CA); add it to languages in playbook.yaml first\n",
    });
    expect(await runNew('--translate', 'fr-CA', 'roles/nobody')).toMatchObject({
      exitCode: 2,
      stderr: 'new: there is no role "nobody" in roles/ (or it has errors: run npm run validate)\n',
    });
  });
});
