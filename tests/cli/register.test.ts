/**
 * `npm run register` as audit and finance run it: a fixture root in, exactly
 * the expected register out, the same from a git ref as from the folder.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, PROJECT_ROOT, run } from '../support/build-playbook.ts';

const CLI = path.join(PROJECT_ROOT, 'src/cli/register.ts');
const ROOT = path.join(FIXTURES, 'leaders/content');
const env = { ...process.env, PLAYBOOK_TODAY: '2026-11-23', INIT_CWD: '', PLAYBOOK_SITE: '', PLAYBOOK_BASE: '' };
const register = (args: string[], extraEnv: Record<string, string> = {}) =>
  run(process.execPath, [CLI, ...args], { cwd: PROJECT_ROOT, env: { ...env, ...extraEnv } });
const expected = (name: string) => readFile(path.join(FIXTURES, 'leaders', name), 'utf8');

describe('npm run register', () => {
  it('prints the register as CSV by default, exactly', async () => {
    const result = await register(['--content', ROOT]);
    expect(result).toMatchObject({ exitCode: 0, stderr: '' });
    expect(result.stdout).toBe(await expected('expected.csv'));
    // Drafts, retired boundaries and retired roles' grants are not in it; formulas are inert.
    expect(result.stdout).not.toMatch(/draft|voucher|greeter/i);
    expect(result.stdout.split('\r\n')[1]).toBe(
      `formula,"'=HYPERLINK(""http://evil.example"",""Click"")","'+SUM(A1:A9)",associate,Store associate,escalate,,,,,,lead,Shift lead,,Escalates to Shift lead,"'@ops",Head of retail,2026-01-15,2026-05-01,/boundaries/formula/`,
    );
  });

  it('prints JSON with --format json, exactly', async () => {
    const result = await register(['--content', ROOT, '--format', 'json']);
    expect(result).toMatchObject({ exitCode: 0, stderr: '' });
    expect(result.stdout).toBe(await expected('expected.json'));
  });

  it('gives absolute addresses under PLAYBOOK_SITE and PLAYBOOK_BASE, as the build does', async () => {
    const result = await register(['--content', ROOT], { PLAYBOOK_SITE: 'https://intranet.example.com', PLAYBOOK_BASE: '/playbook' });
    expect(result.stdout.split('\r\n')[1]!.endsWith(',https://intranet.example.com/playbook/boundaries/formula/')).toBe(true);
  });

  it('--base REF gives the register as it was at that commit', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'latitude-register-'));
    try {
      const root = path.join(dir, 'content');
      const git = (...args: string[]) => run('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.com', ...args], { cwd: dir, env: process.env });
      await cp(ROOT, root, { recursive: true });
      await git('init', '-q', '-b', 'main');
      await git('add', '-A');
      await git('commit', '-q', '-m', 'base');
      await rm(path.join(root, 'boundaries/formula.md'));
      const output = path.join(dir, 'register.csv');
      const atMain = await register(['--base', 'main', '--content', root, '--output', output]);
      expect(atMain).toMatchObject({ exitCode: 0, stdout: '', stderr: '' });
      expect(await readFile(output, 'utf8')).toBe(await expected('expected.csv'));
      const now = await register(['--content', root]);
      expect(now.stdout).not.toContain('formula');
      const unknown = await register(['--base', 'nope', '--content', root]);
      expect(unknown).toMatchObject({
        exitCode: 2,
        stderr: 'register: --base nope: "nope" is not a branch, tag or commit that git knows here (try origin/main, or run git fetch first)\n',
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('still writes what it can read when a file has errors, names the file and exits 1', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'latitude-register-'));
    try {
      await cp(ROOT, dir, { recursive: true });
      await writeFile(path.join(dir, 'boundaries/formula.md'), '---\ntitle: Broken\n---\n');
      const result = await register(['--content', dir]);
      expect(result.exitCode).toBe(1);
      expect(result.stdout).toContain('refund,Refund a purchase');
      expect(result.stderr).toBe(
        'register: these files have errors, so their entries are not in the register: boundaries/formula.md. Run npm run validate to see the errors.\n',
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses a format it does not know', async () => {
    const result = await register(['--format', 'xlsx']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe('register: unknown format "xlsx"; use csv or json');
  });
});
