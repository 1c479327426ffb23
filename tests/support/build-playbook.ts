/**
 * Builds a content root into a temporary folder with the real `astro build`,
 * as a subprocess, the way `npm run build` does. Build tests share builds of
 * the same root and environment within one test file.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURES = path.join(PROJECT_ROOT, 'tests/fixtures');
/** A fixed build date so review status and feeds are reproducible. */
export const FIXED_TODAY = '2026-11-23';

export interface BuildResult {
  /** The built site. */
  outDir: string;
  exitCode: number;
  stdout: string;
  stderr: string;
  /** Removes the output and cache folders. */
  cleanup(): Promise<void>;
}

export interface BuildOptions {
  env?: Record<string, string>;
  /** More arguments for `astro build`: `['--shard', '2/3']`. */
  args?: string[];
}

export async function buildPlaybook(contentRoot: string, options: BuildOptions = {}): Promise<BuildResult> {
  const work = await mkdtemp(path.join(os.tmpdir(), 'latitude-build-'));
  const outDir = path.join(work, 'dist');
  const result = await run(process.execPath, [path.join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', ...(options.args ?? [])], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      PLAYBOOK_CONTENT_DIR: contentRoot,
      PLAYBOOK_OUT_DIR: outDir,
      PLAYBOOK_CACHE_DIR: path.join(work, 'cache'),
      PLAYBOOK_TODAY: FIXED_TODAY,
      ASTRO_TELEMETRY_DISABLED: '1',
      NO_COLOR: '1',
      ...options.env,
    },
  });
  return { outDir, ...result, cleanup: () => rm(work, { recursive: true, force: true }) };
}

export function run(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }) {
  return new Promise<{ exitCode: number; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ exitCode: code ?? 1, stdout, stderr }));
  });
}
