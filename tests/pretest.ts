/**
 * `npm test` runs this first (package.json "pretest"): it makes sure the
 * machine has Chromium and nginx. Missing ones are installed with apt-get when
 * running as root (CI, containers); otherwise it stops at once, before any
 * test runs, with the one command to run. See tests/support/prerequisites.ts.
 */
import { spawnSync } from 'node:child_process';
import { installCommand, missingPrerequisites, planFor, THIS_MACHINE, type Prerequisite } from './support/prerequisites.ts';

const missing = missingPrerequisites();
const hasApt = ['/usr/bin/apt-get', '/bin/apt-get'].some((file) => THIS_MACHINE.isExecutable(file));
const plan = planFor(missing, { isRoot: process.getuid?.() === 0, hasApt });

/** Runs an apt-get step; its progress is shown only when it fails. */
function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (result.status !== 0) {
    process.stderr.write(`${result.stdout}${result.stderr}`);
    console.error(
      `\n"${command} ${args.join(' ')}" failed (exit ${result.status ?? result.signal}). Run "${installCommand(missing, true)}" yourself, then npm test again.`,
    );
    process.exit(1);
  }
}

if (plan.action === 'stop') {
  console.error(plan.message);
  process.exit(1);
}
if (plan.action === 'install') {
  console.log(plan.announce);
  run('apt-get', ['update', '-qq', '-o', 'DPkg::Lock::Timeout=300']);
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', '-o', 'DPkg::Lock::Timeout=300', ...plan.packages]);
  const still: Prerequisite[] = missingPrerequisites();
  if (still.length > 0) {
    console.error(
      `apt-get installed ${plan.packages.join(' ')}, but ${still.map((prerequisite) => prerequisite.programs[0]).join(' and ')} still cannot be found on PATH or in /usr/sbin.`,
    );
    process.exit(1);
  }
}
