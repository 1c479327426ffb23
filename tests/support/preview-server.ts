/**
 * A built site served by `astro preview` on a free loopback port: the
 * server `npm run preview` starts, so tests see what a person opening the
 * build sees (trailing slashes, 404.html, the base path). One subprocess per
 * site; `close()` stops it. `--ignore-lock`: tests run several side by side,
 * and none of them is the project's tracked preview server.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { PROJECT_ROOT } from './build-playbook.ts';

export interface PreviewServer {
  /** `http://127.0.0.1:<port><base>` without a trailing slash. */
  url: string;
  close(): Promise<void>;
}

/** A port nothing listens on right now: the system picks one, and it is handed on. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

/** Serves `outDir` (built with `base`, e.g. `/playbook`) and resolves once the server answers. */
export async function previewSite(outDir: string, base = ''): Promise<PreviewServer> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [path.join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs'), 'preview', '--ignore-lock', '--host', '127.0.0.1', '--port', String(port)],
    {
      cwd: PROJECT_ROOT,
      env: { ...process.env, PLAYBOOK_OUT_DIR: outDir, PLAYBOOK_BASE: base, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}${base.replace(/\/+$/, '')}`;
  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null) throw new Error(`astro preview stopped (${child.exitCode}):\n${output}`);
    const answered = await fetch(`${url}/`).then(
      () => true,
      () => false,
    );
    if (answered) break;
    if (attempt > 300) {
      child.kill();
      throw new Error(`astro preview did not answer on ${url}/:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill();
      }),
  };
}
