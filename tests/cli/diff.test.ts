/**
 * `npm run diff` as leaders and CI run it: two fixture roots in, exactly the
 * expected summary out, the same from a git ref as from a folder.
 */
import { cp, mkdir, mkdtemp, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { markdownToMdast } from 'satteri';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, PROJECT_ROOT, run } from '../support/build-playbook.ts';

const CLI = path.join(PROJECT_ROOT, 'src/cli/diff.ts');
const BEFORE = path.join(FIXTURES, 'authority-diff/before');
const AFTER = path.join(FIXTURES, 'authority-diff/after');
const env = { ...process.env, PLAYBOOK_TODAY: '2026-11-23', INIT_CWD: '' };
const diff = (args: string[], cwd = PROJECT_ROOT) => run(process.execPath, [CLI, ...args], { cwd, env });

describe('npm run diff', () => {
  it('prints the authority changes between two content roots as text: what needs a history line first, lost authority and links of a retirement, old and new words', async () => {
    const result = await diff(['--base-dir', BEFORE, '--content', AFTER]);
    expect(result.stdout).toBe(`Authority changes

Needs a change-history line
  Goodwill gesture (boundaries/goodwill-gesture.md): its limits or authority changed, but changes has no new line, so /changes/ and its feed would not show it

Goodwill gesture (boundaries/goodwill-gesture.md)
  Store associate: £30 → £50 per customer per day

Refund a purchase (boundaries/refund-a-purchase.md)
  Store associate: £75 → £100 per case
  Shift lead: Decides up to £250 per case, then informs Store manager → Consults Store manager first, then decides up to £250 per case
  Area manager: new grant: Decides, no monetary limit
  Store manager: grant removed (was: Decides, no monetary limit)
  Scenario “A blender bought for £90 arrives broken.” (Store associate, £90): escalate → decide
  Scenario “A £200 refund for a vacuum cleaner that caught fire.” (Shift lead, £200): decide-and-inform → consult
  Guardrail added: “Never refund in cash.”

Boundaries
  Added: Waive a delivery fee (boundaries/waive-a-delivery-fee.md), 2 grants: Store associate decides up to £5 per case; Shift lead decides, no monetary limit

Removed: Give a paper voucher (boundaries/old-voucher.md)
  Store associate loses: Decides up to £10 per case
  Shift lead loses: Decides, no monetary limit
  Nothing links to it any more

Retired: Match a competitor's price (boundaries/price-match.md)
  Shift lead loses: Decides, no monetary limit
  Still linked from value Be kind (values/be-kind.mdx)
  Still linked from guideline Matching prices fairly (guidelines/matching-prices.md)

Ladders
  New role: Area manager, top of its ladder (escalates to nobody)
  Store manager: top of its ladder (escalates to nobody) → escalates to Area manager

Values
  Added: Be kind: Treat every customer as a neighbour.
  Changed: Own the outcome: summary was “When a customer brings you a problem, it is yours until it is solved.”, now “A problem a customer brings you is yours until it is solved, and you may spend to solve it.”
  Changed: Own the outcome: behaviour removed: “Fix it first, then tell us about it”
  Changed: Own the outcome: behaviour added: “Fix it first, then tell us how it went”
  Changed: Own the outcome: behaviour added: “Stay with the customer until it is put right”
`);
    expect(result.stdout).toBe(await readFile(path.join(FIXTURES, 'authority-diff/expected.txt'), 'utf8'));
    expect(result).toMatchObject({ exitCode: 0, stderr: '' });
  });

  it('prints Markdown for a pull-request comment', async () => {
    const result = await diff(['--base-dir', BEFORE, '--content', AFTER, '--format', 'markdown']);
    expect(result.stdout).toBe(await readFile(path.join(FIXTURES, 'authority-diff/expected.md'), 'utf8'));
    expect(result.stdout.split('\n').slice(0, 5)).toEqual([
      '### Authority changes',
      '',
      '#### Needs a change-history line',
      '',
      '- Goodwill gesture (boundaries/goodwill-gesture.md): its limits or authority changed, but changes has no new line, so /changes/ and its feed would not show it',
    ]);
  });

  it('names the translations a change makes stale, and not those stale already', async () => {
    const work = await mkdtemp(path.join(os.tmpdir(), 'latitude-diff-languages-'));
    try {
      const [before, after] = [path.join(work, 'before'), path.join(work, 'after')];
      for (const root of [before, after]) {
        await cp(path.join(FIXTURES, 'valid'), root, { recursive: true });
        await cp(path.join(FIXTURES, 'languages'), root, { recursive: true });
      }
      // New words for the boundary (the French translation is now behind); values/own-the-outcome's translation was stale already.
      const file = path.join(after, 'boundaries/refund-a-purchase.md');
      await writeFile(file, (await readFile(file, 'utf8')).replace('Refunds are the quickest way', 'A refund is the quickest way'));
      const result = await diff(['--base-dir', before, '--content', after]);
      expect(result.stdout).toBe(
        [
          'Authority changes',
          '',
          'Translations made stale',
          '  fr-CA: translations/fr-CA/boundaries/refund-a-purchase.md (the words of boundaries/refund-a-purchase.md changed; translate them again)',
          '',
        ].join('\n'),
      );
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });

  it('says so when nothing changes', async () => {
    const result = await diff(['--base-dir', BEFORE, '--content', BEFORE]);
    expect(result.stdout).toBe('No changes to authority: every limit, grant, boundary, ladder and value is as before.\n');
  });

  it('--base REF reads the base from git and gives the same summary', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'latitude-diff-'));
    try {
      const root = path.join(dir, 'content');
      const git = (...args: string[]) => run('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.com', ...args], { cwd: dir, env: process.env });
      await cp(BEFORE, root, { recursive: true });
      await git('init', '-q', '-b', 'main');
      await git('add', '-A');
      await git('commit', '-q', '-m', 'base');
      await rm(root, { recursive: true });
      await cp(AFTER, root, { recursive: true });
      const result = await diff(['--base', 'main', '--content', root]);
      expect(result.stdout).toBe(await readFile(path.join(FIXTURES, 'authority-diff/expected.txt'), 'utf8'));
      const unknown = await diff(['--base', 'nope', '--content', root]);
      expect(unknown).toMatchObject({
        exitCode: 2,
        stderr: 'diff: --base nope: "nope" is not a branch, tag or commit that git knows here (try origin/main, or run git fetch first)\n',
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses to guess what to compare with', async () => {
    const result = await diff([]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe('diff: give one of --base or --base-dir');
  });
});

describe('npm run diff with hostile input', () => {
  it('--base-dir must name a readable playbook: a missing folder, a link to itself or a folder without playbook.yaml exit 2 naming it', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'latitude-diff-base-'));
    try {
      await symlink('loop', path.join(dir, 'loop'));
      await mkdir(path.join(dir, 'empty'));
      for (const [base, reason] of [
        [path.join(dir, 'missing'), 'there is no folder here'],
        [path.join(dir, 'loop'), 'this is a link that leads back to itself'],
        [path.join(dir, 'empty'), "there is no playbook.yaml in this folder, so it is not a playbook's content root"],
      ] as const) {
        const result = await diff(['--base-dir', base, '--content', AFTER]);
        expect(result).toMatchObject({ exitCode: 2, stdout: '', stderr: `diff: --base-dir ${base}: ${reason}\n` });
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('a sub-folder named with a line break and <!-- cannot hide the later changes of the Markdown summary', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'latitude-diff-hidden-'));
    try {
      const root = path.join(dir, 'after');
      await cp(AFTER, root, { recursive: true });
      const hidden = path.join(root, 'boundaries', 'a\n<!-- ');
      await mkdir(hidden);
      await rename(path.join(root, 'boundaries/goodwill-gesture.md'), path.join(hidden, 'goodwill-gesture.md'));
      const result = await diff(['--base-dir', BEFORE, '--content', root, '--format', 'markdown']);
      expect(result.exitCode).toBe(0);
      expect(result.stdout).not.toContain('<!--');
      const tree = markdownToMdast(result.stdout, { features: { gfm: true } });
      expect(JSON.stringify(tree)).not.toContain('"type":"html"');
      expect(result.stdout).toContain('Refund a purchase');
      expect(result.stdout).toContain('#### Ladders');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
