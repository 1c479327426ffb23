/**
 * `astro dev` on a content root, as an editor runs it, on a free port of
 * 127.0.0.1. Vitest's own environment variables (MODE, DEV, PROD, SSR…) are
 * left out: Astro's dev server would read them as its own.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { FIXED_TODAY, PROJECT_ROOT } from './build-playbook.ts';

export interface DevServer {
  origin: string;
  /** Everything the server printed so far. */
  output(): string;
  stop(): void;
}

export async function startDevServer(contentRoot: string, cacheDir: string): Promise<DevServer> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', String(port)],
    {
      cwd: PROJECT_ROOT,
      env: {
        ...withoutTestRunnerEnv(process.env),
        PLAYBOOK_CONTENT_DIR: contentRoot,
        PLAYBOOK_CACHE_DIR: cacheDir,
        PLAYBOOK_TODAY: FIXED_TODAY,
        ASTRO_TELEMETRY_DISABLED: '1',
        NO_COLOR: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.on('exit', (code, signal) => (output += `\n[the dev server exited: ${code ?? signal}]\n`));
  const server = { origin, output: () => output, stop: () => void child.kill() };
  await waitFor(
    async () => (await fetch(`${origin}/`, { signal: AbortSignal.timeout(10_000) }).catch(() => undefined)) !== undefined,
    'the dev server to start',
    server,
  );
  return server;
}

export async function waitFor(check: () => Promise<boolean> | boolean, what: string, server: Pick<DevServer, 'output'>, timeout = 60_000): Promise<void> {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`timed out waiting for ${what}; the dev server printed:\n${server.output()}`);
}

function withoutTestRunnerEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const clean = { ...env };
  for (const key of Object.keys(clean)) if (/^(VITEST.*|TEST|NODE_ENV|MODE|DEV|PROD|SSR|BASE_URL)$/.test(key)) delete clean[key];
  return clean;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}
