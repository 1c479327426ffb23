import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLLECTIONS, COLLECTION_NAMES } from '../../schemas/index.ts';
import { askNewEntry, askReferences, shouldAsk, type Asker } from '../../src/lib/authoring/ask-new-entry.ts';
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

  it("writes a win with today's date into wins/<year>/ and prints its path; what it cannot know is a placeholder, never a guess", async () => {
    const result = await runNew('wins', 'Taxi for the cot');
    expect(result).toMatchObject({ exitCode: 0, stdout: 'wins/2026/2026-11-taxi-for-the-cot.md\n' });
    expect(await readFile(path.join(root, 'wins/2026/2026-11-taxi-for-the-cot.md'), 'utf8')).toBe(
      [
        '---',
        'title: "Taxi for the cot"',
        'date: 2026-11-23',
        'people: ["TODO: who is celebrated"]',
        'role: "TODO: the role they acted in (such as shift-lead, store-associate or store-manager: file names in roles/), or delete this line"',
        'values: ["TODO: the value it shows (such as keep-it-simple or own-the-outcome: file names in values/)"]',
        'boundary: "TODO: the decision boundary they used (such as refund-a-purchase: file names in boundaries/), or delete this line"',
        '---',
        '',
        'TODO: what happened, in a few sentences.',
        '',
      ].join('\n'),
    );
    const report = await validateContentRoot(root, { today: '2026-11-23' });
    expect(
      report.diagnostics.filter((d) => d.file === 'wins/2026/2026-11-taxi-for-the-cot.md').map((d) => `${d.line}:${d.column} ${d.rule} ${d.field}`),
    ).toEqual(['4:10 placeholder people[0]', '5:7 placeholder role', '6:10 placeholder values[0]', '7:11 placeholder boundary', '10:1 placeholder ']);
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
    const report = await validateContentRoot(root, { today: '2026-11-23' });
    const hint = '    hint: replace it with your own words, or delete the line where the field is optional (npm run new wrote it as a reminder)';
    // Its one limited grant is also a ladder gap (warned), until the editor says who above may decide: only the placeholders here.
    expect(formatText(report.diagnostics.filter((d) => d.file === 'boundaries/waive-a-delivery-fee.md' && d.rule === 'placeholder'))).toBe(
      [
        'boundaries/waive-a-delivery-fee.md:3:10 error summary: still holds the placeholder "TODO: the playing field, in a sentence" (placeholder)',
        hint,
        'boundaries/waive-a-delivery-fee.md:4:11 error decision: still holds the placeholder "TODO: the decision as a verb phrase (Refund a purchase)" (placeholder)',
        hint,
        'boundaries/waive-a-delivery-fee.md:6:11 error grants[0].role: still holds the placeholder "TODO: who may decide (such as shift-lead, store-associate..." (placeholder)',
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
    const before = await validateContentRoot(root, { today: '2026-11-23' });
    const fresh = before.diagnostics.filter((d) => files.includes(d.file));
    expect(new Set(files.filter((file) => fresh.some((d) => d.file === file)))).toEqual(new Set(files));
    expect(fresh.filter((d) => d.rule !== 'placeholder')).toEqual([]);

    for (const file of files) await writeFile(path.join(root, file), fillIn(await readFile(path.join(root, file), 'utf8')));
    const after = await validateContentRoot(root, { today: '2026-11-23' });
    // A new boundary starts with one limited grant: the ladder check rightly asks who approves beyond it.
    const left = after.diagnostics.filter((d) => files.includes(d.file));
    expect(left.map((d) => `${d.file} ${d.severity} ${d.rule}`)).toEqual(['boundaries/fresh-boundaries-entry.md warning ladder-gap']);
  });

  it('writes placeholders for references when the root has no ids to suggest', () => {
    const entry = newEntry({ collection: 'boundaries', title: 'Waive a fee', today: '2026-11-23', existing: { roles: [], values: [] } });
    expect(entry.file).toBe('boundaries/waive-a-fee.md');
    expect(entry.text).toContain('  - role: "TODO: who may decide (a file name in roles/, without its extension)"\n');
  });

  it('writes the references the editor chose, and leaves out those they left out', () => {
    const existing = { roles: ['store-associate'], values: ['own-the-outcome'], boundaries: ['refund-a-purchase'] };
    const win = newEntry({
      collection: 'wins',
      title: 'Kettle',
      today: '2026-11-23',
      existing,
      chosen: { role: null, values: ['own-the-outcome'], boundary: 'refund-a-purchase' },
    });
    expect(win.text).toContain('people: ["TODO: who is celebrated"]\nvalues: [own-the-outcome]\nboundary: refund-a-purchase\n---');
    const guideline = newEntry({ collection: 'guidelines', title: 'Tone', today: '2026-11-23', existing, chosen: { values: [], roles: ['store-associate'] } });
    expect(guideline.text).toContain('lastReviewed: 2026-11-23\nroles: [store-associate]\n---');
  });
});

/** What an editor does with a template: each placeholder replaced with real words, or a real id of the valid fixture. */
function fillIn(text: string): string {
  const ids: Record<string, string> = { role: 'store-associate', roles: 'store-associate', values: 'own-the-outcome', boundary: 'refund-a-purchase' };
  return text
    .replace(
      /^(\s*-?\s*)(role|roles|values|boundary): (\[?)"TODO: [^"]*"/gm,
      (_, lead: string, key: string, list: string) => `${lead}${key}: ${list}${ids[key]}`,
    )
    .replace(/"TODO: ([^"]*)"/g, (_, what: string) => JSON.stringify(`Filled in: ${what}`))
    .replace(/https:\/\/example\.com\/TODO/g, 'https://example.com/source')
    .replace(/^TODO: (.*)$/gm, 'Filled in: $1');
}

describe('the questions npm run new asks', () => {
  const terminal = { yes: false, env: {}, stdinIsTTY: true, stdoutIsTTY: true };
  it('asks only in a terminal, outside CI and without --yes', () => {
    expect(shouldAsk(terminal)).toBe(true);
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
    multiselect: async ({ message, options, required }) => {
      asked.push(`${message} [${options.map((o) => o.label).join(' | ')}]${required ? ' (required)' : ''}`);
      return answers.shift() as never;
    },
    text: async ({ message, validate }) => {
      asked.push(`${message} (empty: ${validate?.('  ')})`);
      return answers.shift()!;
    },
  });
  const existing = { roles: ['contact-agent', 'team-lead'], values: ['back-each-other', 'own-the-fix'], boundaries: ['price-match'] };

  it("asks a win's role, values and boundary from the ids there are", async () => {
    const asked: string[] = [];
    const chosen = await askReferences(asker(['', ['own-the-fix'], 'price-match'] as never, asked), 'wins', existing);
    expect(chosen).toEqual({ role: null, values: ['own-the-fix'], boundary: 'price-match' });
    expect(asked).toEqual([
      'Which role did they act in? [contact-agent | team-lead | Leave it out]',
      'Which values does it show? (space to choose, enter when done) [back-each-other | own-the-fix] (required)',
      'Which decision boundary did they use? [price-match | None: leave it out]',
    ]);
  });

  it("asks a guideline's values and roles, and who may decide on a boundary; nothing for the rest", async () => {
    const asked: string[] = [];
    expect(await askReferences(asker([[], ['team-lead']] as never, asked), 'guidelines', existing)).toEqual({ values: [], roles: ['team-lead'] });
    expect(await askReferences(asker(['contact-agent'], asked), 'boundaries', existing)).toEqual({ role: 'contact-agent' });
    expect(await askReferences(asker([], asked), 'values', existing)).toEqual({});
    expect(asked).toEqual([
      'Which values does it put into practice? (space to choose; none is fine) [back-each-other | own-the-fix]',
      'Which roles is it for? (choose none for everyone) [contact-agent | team-lead]',
      'Who may decide? (the first grant; add more in the file) [contact-agent | team-lead]',
    ]);
  });

  it('asks nothing it has no ids for, and writes nothing when cancelled', async () => {
    expect(await askReferences(asker([], []), 'wins', { roles: [], values: [], boundaries: [] })).toEqual({
      role: undefined,
      values: undefined,
      boundary: undefined,
    });
    expect(await askReferences(asker([Symbol('cancel')], []), 'wins', existing)).toBeUndefined();
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
    const report = await validateContentRoot(root);
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
    expect(formatText((await validateContentRoot(root)).diagnostics)).toBe('');
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
