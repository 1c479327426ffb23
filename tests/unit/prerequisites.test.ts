/**
 * The pretest step (tests/pretest.ts): what it finds, and what it does on a
 * machine without Chromium or nginx, as root and not. The machine is
 * injected, so these run the same whether or not this one has them.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, linkSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/build-playbook.ts';
import { findProgram, missingPrerequisites, planFor, PREREQUISITES, type Machine } from '../support/prerequisites.ts';

const [CHROMIUM, NGINX] = PREREQUISITES as [(typeof PREREQUISITES)[number], (typeof PREREQUISITES)[number]];

/** A machine with exactly these executable files. */
const machine = (files: string[], env: Record<string, string> = { PATH: '/usr/local/bin:/usr/bin:/bin' }): Machine => ({
  env,
  isExecutable: (file) => files.includes(file),
});

describe('finding the prerequisites', () => {
  it('finds Chromium on PATH under either name', () => {
    expect(findProgram(CHROMIUM, machine(['/usr/bin/chromium']))).toBe('/usr/bin/chromium');
    expect(findProgram(CHROMIUM, machine(['/usr/local/bin/chromium-browser']))).toBe('/usr/local/bin/chromium-browser');
  });

  it('finds nginx in /usr/sbin when PATH lacks it, as for a non-root user on Debian', () => {
    expect(findProgram(NGINX, machine(['/usr/sbin/nginx'], { PATH: '/usr/bin:/bin' }))).toBe('/usr/sbin/nginx');
  });

  it('takes the program from its environment variable, and only that one', () => {
    expect(findProgram(NGINX, machine(['/opt/nginx/sbin/nginx', '/usr/sbin/nginx'], { NGINX_PATH: '/opt/nginx/sbin/nginx' }))).toBe('/opt/nginx/sbin/nginx');
    expect(findProgram(CHROMIUM, machine(['/usr/bin/chromium'], { CHROMIUM_PATH: '/nowhere/chrome' }))).toBeUndefined();
  });

  it('lists what a machine without nginx lacks', () => {
    expect(missingPrerequisites(machine(['/usr/bin/chromium'])).map((prerequisite) => prerequisite.name)).toEqual(['nginx']);
    expect(missingPrerequisites(machine(['/usr/bin/chromium', '/usr/sbin/nginx']))).toEqual([]);
  });
});

describe('what the pretest step does', () => {
  it('does nothing when everything is there', () => {
    expect(planFor([], { isRoot: false, hasApt: true })).toEqual({ action: 'none' });
  });

  it('installs with apt-get as root', () => {
    expect(planFor([NGINX], { isRoot: true, hasApt: true })).toEqual({
      action: 'install',
      packages: ['nginx'],
      announce: 'npm test needs nginx (for the deployment test): installing nginx with apt-get.',
    });
  });

  it('stops with the one command to run when not root', () => {
    expect(planFor([NGINX], { isRoot: false, hasApt: true })).toEqual({
      action: 'stop',
      message:
        'npm test needs nginx (for the deployment test), which this machine does not have. Install it with:\n\n' +
        '  sudo apt-get update && sudo apt-get install -y nginx\n\nThen run npm test again.',
    });
    expect(planFor([CHROMIUM, NGINX], { isRoot: false, hasApt: true })).toEqual({
      action: 'stop',
      message:
        'npm test needs Chromium (for the browser tests) and nginx (for the deployment test), which this machine does not have. Install them with:\n\n' +
        '  sudo apt-get update && sudo apt-get install -y chromium nginx\n\nThen run npm test again.',
    });
  });

  it('names the variables where there is no apt-get', () => {
    expect(planFor([CHROMIUM, NGINX], { isRoot: true, hasApt: false })).toEqual({
      action: 'stop',
      message:
        "npm test needs Chromium (for the browser tests) and nginx (for the deployment test), which this machine does not have. Install them with your system's package manager, or name the programs in CHROMIUM_PATH and NGINX_PATH.\n\nThen run npm test again.",
    });
  });
});

describe('tests/pretest.ts', () => {
  it('stops at once, before any test, for a user who cannot install nginx', () => {
    // A machine without nginx: NGINX_PATH names a program that is not there. Run as an
    // unprivileged user when this process is root (CI), so that nothing gets installed.
    // That user may not be able to read this checkout (a root user's home is private), so
    // it runs a readable copy of the pretest step and of this Node.
    const asNobody = process.getuid?.() === 0;
    const copy = asNobody ? readableCopy() : { node: process.execPath, pretest: path.join(PROJECT_ROOT, 'tests/pretest.ts'), cwd: PROJECT_ROOT };
    try {
      const [command, ...args] = [...(asNobody ? ['setpriv', '--reuid=nobody', '--regid=nogroup', '--clear-groups'] : []), copy.node, copy.pretest];
      const result = spawnSync(command!, args, {
        cwd: copy.cwd,
        encoding: 'utf8',
        env: { ...process.env, CHROMIUM_PATH: copy.node, NGINX_PATH: '/nowhere/nginx' },
      });
      expect(result.stderr).toBe(
        'npm test needs nginx (for the deployment test), which this machine does not have. Install it with:\n\n' +
          '  sudo apt-get update && sudo apt-get install -y nginx\n\nThen run npm test again.\n',
      );
      expect(result.status).toBe(1);
    } finally {
      if (asNobody) rmSync(copy.cwd, { recursive: true, force: true });
    }
  });
});

/** The pretest step, what it imports and this Node, in a new folder every user can read. */
function readableCopy(): { node: string; pretest: string; cwd: string } {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'latitude-pretest-'));
  chmodSync(folder, 0o755);
  for (const file of ['pretest.ts', 'support/prerequisites.ts']) {
    mkdirSync(path.dirname(path.join(folder, file)), { recursive: true, mode: 0o755 });
    copyFileSync(path.join(PROJECT_ROOT, 'tests', file), path.join(folder, file));
    chmodSync(path.join(folder, file), 0o644);
  }
  const node = path.join(folder, 'node');
  try {
    linkSync(process.execPath, node); // same file system: no copy of a large binary
  } catch {
    copyFileSync(process.execPath, node);
  }
  chmodSync(node, 0o755);
  return { node, pretest: path.join(folder, 'pretest.ts'), cwd: folder };
}
