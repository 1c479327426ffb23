/**
 * The whole truth in one run. An editor makes eight typical mistakes in five
 * files of the example playbook (a git checkout, so the validator knows which
 * files they changed) and runs `npm run validate` once: every mistake is
 * reported, the editor's own errors first, each once, at its line, with no
 * knock-on finding in an innocent file; the two warnings that were there
 * before fold into one line; and the report ends by saying which files could
 * not be fully checked.
 *
 * The mistakes:
 * 1. roles/team-lead.yaml: a tab indents a line (the YAML cannot be read there);
 * 2. boundaries/contact-centre-goodwill-credit.md: team-lead's limit typed
 *    £900, above the contact centre manager's £750 (the ladder narrows; it is
 *    found only because team-lead's escalatesTo is still read, tab or not);
 * 3. the same boundary: `aprovedBy:` for `approvedBy:` (one finding);
 * 4. boundaries/accept-late-return.md: a colon in an unquoted summary (YAML);
 * 5. the same boundary: 31 June as its review date, two lines below;
 * 6. guidelines/using-your-limit.md: a link in the text to last year's
 *    address of a boundary;
 * 7. wins/2026/2026-11-sofa-swap-before-the-party.md, a new win: a value id
 *    with a typo;
 * 8. the same win: a customer quoted without their consent.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXED_TODAY, PROJECT_ROOT, run } from '../support/build-playbook.ts';

let dir: string;
let root: string;

const edit = async (file: string, from: string | RegExp, to: string) => {
  const before = await readFile(path.join(root, file), 'utf8');
  const after = before.replace(from, to);
  if (after === before) throw new Error(`${file}: nothing to replace for ${String(from)}`);
  await writeFile(path.join(root, file), after);
};

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'latitude-one-run-'));
  root = path.join(dir, 'content');
  await cp(path.join(PROJECT_ROOT, 'content'), root, { recursive: true });
  const git = (...args: string[]) => run('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.com', ...args], { cwd: dir, env: process.env });
  await git('init', '-q', '-b', 'main');
  await git('add', '-A');
  await git('commit', '-q', '-m', 'the example playbook');

  await edit('roles/team-lead.yaml', /^summary:/m, '\tsummary:');
  await edit('boundaries/contact-centre-goodwill-credit.md', 'limit: { amount: 250 }', 'limit: { amount: 900 }');
  await edit('boundaries/contact-centre-goodwill-credit.md', /^approvedBy:/m, 'aprovedBy:');
  await edit('boundaries/accept-late-return.md', 'Our returns window is 60 days, but', 'Our returns window is 60 days: but');
  await edit('boundaries/accept-late-return.md', 'lastReviewed: 2026-06-08', 'lastReviewed: 2026-06-31');
  await edit(
    'guidelines/using-your-limit.md',
    'This page explains how to read it.',
    'This page explains how to read it. The old rules are in [the 2024 rules](/boundaries/refund-without-receipt-2023/).',
  );
  await writeFile(
    path.join(root, 'wins/2026/2026-11-sofa-swap-before-the-party.md'),
    [
      '---',
      'title: A sofa swapped before the party',
      'date: 2026-11-14',
      'people: [Dev Patel]',
      'role: store-associate',
      'values: [own-the-fxi]',
      'customer:',
      '  name: Mrs Okafor',
      '  quote: He turned my week around.',
      '---',
      '',
      'Dev swapped a faulty sofa the day before a family party.',
      '',
    ].join('\n'),
  );
}, 60_000);

afterAll(() => rm(dir, { recursive: true, force: true }));

describe('one run of npm run validate over eight mistakes in five files', () => {
  it('reports every mistake once, the editor’s own first, and nothing on innocent files', async () => {
    const result = await run(process.execPath, [path.join(PROJECT_ROOT, 'src/cli/validate.ts'), '--content', '.'], {
      cwd: root,
      env: { ...process.env, PLAYBOOK_TODAY: FIXED_TODAY, INIT_CWD: '' },
    });
    expect(result.stdout).toBe(
      [
        'boundaries/accept-late-return.md:3:10 error the YAML cannot be read here (Nested mappings are not allowed in compact mappings) (yaml)',
        '    hint: check the indentation, and put quotes around values that contain a colon (title: "Refunds: how far you can go")',
        'boundaries/accept-late-return.md:35:15 error lastReviewed: is not a real calendar date, found "2026-06-31" (value)',
        '    hint: write the date as year-month-day, such as 2026-03-01',
        'boundaries/contact-centre-goodwill-credit.md:15:22 error grants[2].limit: the ladder narrows: team-lead may commit £900, but contact-centre-manager above it only £750 (ladder-narrows)',
        "    hint: lower this limit to £750 or less, or raise contact-centre-manager's limit (grants[3])",
        'boundaries/contact-centre-goodwill-credit.md:37:1 error aprovedBy: unknown key (unknown-key)',
        '    hint: did you mean "approvedBy"? That key is required',
        'guidelines/using-your-limit.md:12:135 error the link to /boundaries/refund-without-receipt-2023/ leads nowhere: there is no boundary "refund-without-receipt-2023" (body-link)',
        '    hint: did you mean /boundaries/refund-without-receipt-2024/? The boundaries are listed in boundaries/ (one file per boundary) and at /boundaries/ on the site',
        'roles/team-lead.yaml:2:1 error a tab is used for indentation (yaml)',
        '    hint: indent with spaces only, two per level',
        'wins/2026/2026-11-sofa-swap-before-the-party.md:6:10 error values[0]: there is no value "own-the-fxi" (reference)',
        '    hint: did you mean "own-the-fix"? The values are listed in values/ (one file per value) and at /values/ on the site',
        'wins/2026/2026-11-sofa-swap-before-the-party.md:7:1 error customer.consent: the customer is named and quoted, so consent must be true (consent)',
        '    hint: ask the customer, then add "consent: true" under customer; without consent, remove the name and quote',
        '2 older warnings: due-for-review in boundaries/community-donation.md and guidelines/phone-and-chat-tone.md (add --all to list them)',
        '8 errors, 2 warnings in 83 entries',
        '3 files could not be fully checked; run again after fixing them',
        '',
      ].join('\n'),
    );
    expect(result.exitCode).toBe(1);
  });
});
