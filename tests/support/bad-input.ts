/**
 * The bad-input catalogue: each case under tests/fixtures/bad/<case>/ holds
 * the files an editor changed in the valid fixture root, a case.json that
 * says what went wrong (and files to delete or flags to pass), and
 * expected.txt with the validator's exact output. A case with `"git": true`
 * is a change in a git repository: the valid root is committed on `main`
 * first and the case's files are the change on top (for `--changed main`).
 * A case marked `"build": true` is about the build's environment instead:
 * expected.txt is what `astro build` of the valid fixture prints on standard
 * error (tests/build/build-validation.test.ts).
 */
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { FIXTURES, run } from './build-playbook.ts';

export const BAD_CASES_DIR = path.join(FIXTURES, 'bad');
export const VALID_ROOT = path.join(FIXTURES, 'valid');

export interface BadCase {
  name: string;
  description: string;
  delete: string[];
  args: string[];
  /** The valid root is committed on main before the case's files are laid over it. */
  git: boolean;
  /** Checked on a build's standard error rather than the validator's output. */
  build: boolean;
  /** What validate exits with: 1 (errors) unless the case is a warning on its own. */
  exitCode: number;
  dir: string;
}

export async function badCases(): Promise<BadCase[]> {
  const names = (await readdir(BAD_CASES_DIR)).sort();
  return Promise.all(
    names.map(async (name) => {
      const dir = path.join(BAD_CASES_DIR, name);
      const meta = JSON.parse(await readFile(path.join(dir, 'case.json'), 'utf8')) as {
        description: string;
        delete?: string[];
        args?: string[];
        git?: boolean;
        build?: boolean;
        exitCode?: number;
      };
      return {
        name,
        dir,
        description: meta.description,
        delete: meta.delete ?? [],
        args: meta.args ?? [],
        git: meta.git ?? false,
        build: meta.build === true,
        exitCode: meta.exitCode ?? 1,
      };
    }),
  );
}

/** A temporary content root: the valid fixture with the case's changes laid over it. */
export async function materialise(badCase: BadCase): Promise<{ root: string; cleanup: () => Promise<void> }> {
  const root = await mkdtemp(path.join(os.tmpdir(), `latitude-${badCase.name}-`));
  await cp(VALID_ROOT, root, { recursive: true });
  if (badCase.git) {
    const git = (...args: string[]) => run('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.com', ...args], { cwd: root, env: process.env });
    await git('init', '-q', '-b', 'main');
    await git('add', '-A');
    await git('commit', '-q', '-m', 'base');
  }
  await cp(badCase.dir, root, {
    recursive: true,
    filter: (source) => !['case.json', 'expected.txt'].includes(path.basename(source)),
  });
  for (const file of badCase.delete) await rm(path.join(root, file), { force: true });
  return { root, cleanup: () => rm(root, { recursive: true, force: true }) };
}
