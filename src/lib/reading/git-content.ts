/**
 * A content root as git knows it: the files changed since a ref, and the
 * whole content root as it was at a ref, extracted into a temporary folder
 * (with `git archive`, so the working tree and the index are never touched).
 * Used by `npm run validate -- --changed` and `npm run diff -- --base`.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);

/** A git command failed: the message says what to check, for an editor. */
export class GitProblem extends Error {}

async function git(args: string[], cwd: string): Promise<string> {
  try {
    const { stdout } = await exec('git', args, { cwd, maxBuffer: 256 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? '')
      .trim()
      .split('\n')[0];
    throw new GitProblem(`git ${args[0]} failed${stderr ? `: ${stderr}` : ''}`);
  }
}

/** Checks that `ref` names a commit, with a message an editor can act on. */
async function checkRef(ref: string, cwd: string): Promise<void> {
  try {
    await exec('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { cwd });
  } catch {
    throw new GitProblem(`"${ref}" is not a branch, tag or commit that git knows here (try origin/main, or run git fetch first)`);
  }
}

/**
 * Files under the content root changed against `ref` (modified, added,
 * deleted, renamed: both names), plus files git does not track yet; paths
 * relative to the content root, posix separators, sorted.
 */
export async function changedFiles(root: string, ref: string): Promise<string[]> {
  await checkRef(ref, root);
  const changed = await git(['diff', '--name-only', '--no-renames', '--relative', ref, '--', '.'], root);
  const untracked = await git(['ls-files', '--others', '--exclude-standard', '--', '.'], root);
  const files = new Set([...changed.split('\n'), ...untracked.split('\n')].map((line) => line.trim()).filter(Boolean));
  return [...files].sort();
}

/**
 * The files under the content root that an editor is changing now: changed
 * since the last commit, or not tracked yet. Undefined when git cannot tell
 * (no git, not a repository, no commit yet): nothing is then known to be
 * older than the editor's change.
 */
export async function uncommittedFiles(root: string): Promise<string[] | undefined> {
  try {
    return await changedFiles(root, 'HEAD');
  } catch (error) {
    if (error instanceof GitProblem) return undefined;
    throw error;
  }
}

/**
 * Extracts the content root as it was at `ref` into a new temporary folder.
 * A root that did not exist at `ref` comes out as an empty folder.
 * Call `cleanup` when done.
 */
export async function contentRootAt(root: string, ref: string): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  await checkRef(ref, root);
  const top = (await git(['rev-parse', '--show-toplevel'], root)).trim();
  const prefix = path.relative(top, path.resolve(root)).split(path.sep).join('/');
  const temp = await mkdtemp(path.join(os.tmpdir(), 'latitude-base-'));
  const cleanup = () => rm(temp, { recursive: true, force: true });
  try {
    const listed = await git(['ls-tree', '--name-only', ref, '--', prefix || '.'], top);
    const dir = path.join(temp, 'content');
    await mkdir(dir, { recursive: true });
    if (listed.trim() === '') return { dir, cleanup };
    // `<ref>:<prefix>` archives the folder itself, so its files land at the top of `dir`.
    await pipeArchive(top, prefix ? `${ref}:${prefix}` : ref, dir);
    return { dir, cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

function pipeArchive(cwd: string, treeish: string, into: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const archive = spawn('git', ['archive', '--format=tar', treeish], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const tar = spawn('tar', ['-x', '-f', '-', '-C', into], { stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    archive.stderr.on('data', (chunk) => (stderr += String(chunk)));
    tar.stderr.on('data', (chunk) => (stderr += String(chunk)));
    archive.stdout.pipe(tar.stdin);
    let pending = 2;
    let failed = false;
    const done = (name: string) => (code: number | null) => {
      if (code !== 0 && !failed) {
        failed = true;
        reject(new GitProblem(`${name} failed: ${stderr.trim().split('\n')[0] ?? ''}`));
      }
      if (--pending === 0 && !failed) resolve();
    };
    archive.on('error', reject).on('close', done('git archive'));
    tar.on('error', reject).on('close', done('tar'));
  });
}
