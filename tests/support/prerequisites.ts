/**
 * What `npm test` needs from the machine beyond npm packages: Chromium for
 * the browser tests and nginx for the deployment test, both from Debian or
 * Ubuntu's apt. The one place that finds them (tests/support/browser.ts and
 * tests/deploy/nginx.test.ts ask here too) and that decides what to do when
 * they are missing: install them when running as root, otherwise stop with
 * the one command to run. `npm test` runs it first (package.json "pretest").
 */
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

export interface Prerequisite {
  /** What the person reads: "Chromium". */
  name: string;
  /** Why the tests need it, in a few words. */
  neededFor: string;
  /** The apt package that provides it. */
  aptPackage: string;
  /** An environment variable that names the program directly, skipping the search. */
  envVariable: string;
  /** Program names to look for, first found wins. */
  programs: string[];
}

export const PREREQUISITES: readonly Prerequisite[] = [
  { name: 'Chromium', neededFor: 'the browser tests', aptPackage: 'chromium', envVariable: 'CHROMIUM_PATH', programs: ['chromium', 'chromium-browser'] },
  { name: 'nginx', neededFor: 'the deployment test', aptPackage: 'nginx', envVariable: 'NGINX_PATH', programs: ['nginx'] },
];

/** Where the machine is looked at: injectable so that tests can stand for a machine without nginx. */
export interface Machine {
  env: Record<string, string | undefined>;
  isExecutable(file: string): boolean;
}

export const THIS_MACHINE: Machine = {
  env: process.env,
  isExecutable(file) {
    try {
      accessSync(file, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  },
};

/** Debian installs nginx in /usr/sbin, which is not on every user's PATH. */
const SYSTEM_DIRS = ['/usr/sbin', '/usr/bin', '/sbin', '/bin'];

/** The prerequisite's program: its environment variable, else the first of its names on PATH or in the system folders. */
export function findProgram(prerequisite: Prerequisite, machine: Machine = THIS_MACHINE): string | undefined {
  const named = machine.env[prerequisite.envVariable];
  if (named) return machine.isExecutable(named) ? named : undefined;
  const dirs = [...new Set([...(machine.env.PATH ?? '').split(path.delimiter).filter(Boolean), ...SYSTEM_DIRS])];
  for (const program of prerequisite.programs) {
    for (const dir of dirs) {
      const file = path.join(dir, program);
      if (machine.isExecutable(file)) return file;
    }
  }
  return undefined;
}

/** The program, or an error that says how to install it. */
export function requireProgram(name: Prerequisite['aptPackage']): string {
  const prerequisite = PREREQUISITES.find((candidate) => candidate.aptPackage === name);
  if (!prerequisite) throw new Error(`unknown prerequisite ${name}`);
  const found = findProgram(prerequisite);
  if (found) return found;
  throw new Error(
    `${prerequisite.name} is not installed, and ${prerequisite.neededFor} need it: run "${installCommand([prerequisite], false)}" (or set ${prerequisite.envVariable})`,
  );
}

/** The one command that installs what is missing; with sudo unless already root. */
export function installCommand(missing: readonly Prerequisite[], asRoot: boolean): string {
  const sudo = asRoot ? '' : 'sudo ';
  return `${sudo}apt-get update && ${sudo}apt-get install -y ${missing.map((prerequisite) => prerequisite.aptPackage).join(' ')}`;
}

export type Plan = { action: 'none' } | { action: 'install'; packages: string[]; announce: string } | { action: 'stop'; message: string };

const listFormat = new Intl.ListFormat('en', { type: 'conjunction' });

function whatIsMissing(missing: readonly Prerequisite[]): string {
  return listFormat.format(missing.map((prerequisite) => `${prerequisite.name} (for ${prerequisite.neededFor})`));
}

/** What to do about the missing prerequisites: nothing, install them (as root with apt-get), or stop with the command to run. */
export function planFor(missing: readonly Prerequisite[], options: { isRoot: boolean; hasApt: boolean }): Plan {
  if (missing.length === 0) return { action: 'none' };
  const packages = missing.map((prerequisite) => prerequisite.aptPackage);
  if (options.isRoot && options.hasApt) {
    return { action: 'install', packages, announce: `npm test needs ${whatIsMissing(missing)}: installing ${packages.join(' ')} with apt-get.` };
  }
  const how = options.hasApt
    ? `Install ${missing.length === 1 ? 'it' : 'them'} with:\n\n  ${installCommand(missing, options.isRoot)}\n`
    : `Install ${missing.length === 1 ? 'it' : 'them'} with your system's package manager, or name the programs in ${listFormat.format(missing.map((prerequisite) => prerequisite.envVariable))}.\n`;
  return { action: 'stop', message: `npm test needs ${whatIsMissing(missing)}, which this machine does not have. ${how}\nThen run npm test again.` };
}

/** The prerequisites this machine lacks. */
export function missingPrerequisites(machine: Machine = THIS_MACHINE): Prerequisite[] {
  return PREREQUISITES.filter((prerequisite) => findProgram(prerequisite, machine) === undefined);
}
