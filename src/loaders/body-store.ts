/**
 * Entry bodies kept beside Astro's data store instead of in it.
 *
 * Astro bundles its whole data store into the build as one JavaScript module
 * and holds it in memory while it renders. At 20,000 entries the rendered
 * bodies are most of that store (56 of its 69 MB), and bundling them cost a
 * shard build 400 MB of its peak memory whichever pages it rendered
 * (docs/scale.md, "Memory"). So the loader writes each body's HTML to a file
 * named by its digest in the build's cache folder and stores only that name;
 * a page reads its one body when it renders.
 *
 * The files are content-addressed: an unchanged body is not written again,
 * and two entries with the same body share a file. Once every loader has
 * stored a reading, files that reading no longer names are removed.
 *
 * The folder is remembered on `globalThis`: the loaders run in content.config.ts's
 * module graph, the pages in the build's own, and both in one process.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The key of a stored body in an entry's `rendered.metadata`. */
export const BODY_KEY = 'latitudeBody';

interface BodyState {
  /** The folder bodies are written to and read from in this process. */
  dir?: string;
  /** The bodies kept since the current reading started to be stored. */
  kept: Set<string>;
  /**
   * The bodies in the folder, listed by the first body a reading stores, and
   * every body written since: a body already there is not written again,
   * and there is no `stat` for each (20,000 of them, most failing, took
   * 0.4 s of a cold build at 20,000 entries).
   */
  present?: Set<string> | undefined;
}

const KEY = Symbol.for('latitude.body-store');

function state(): BodyState {
  const holder = globalThis as { [KEY]?: BodyState };
  holder[KEY] ??= { kept: new Set() };
  return holder[KEY];
}

/**
 * The folder of the bodies under a project's cache folder: one for builds,
 * one for the dev server, so an editor's dev server and a build run beside it
 * never remove each other's bodies.
 */
export function bodiesDir(cacheDir: string, command: 'build' | 'dev' | 'preview' | 'sync'): string {
  return path.join(cacheDir, command === 'build' ? 'latitude-bodies' : `latitude-bodies-${command}`);
}

/** Sets the folder this process keeps bodies in (the validation integration does, as Astro starts). */
export function pinBodiesDir(dir: string): void {
  const current = state();
  if (current.dir === dir) return;
  mkdirSync(dir, { recursive: true });
  current.dir = dir;
  current.kept = new Set();
  current.present = undefined;
}

/**
 * Keeps `html` in the pinned folder and returns its name, to be stored in
 * place of the HTML. Written through a temporary file and renamed, so a build
 * that stops halfway leaves no half-written body under a name that claims it
 * is whole.
 */
export function keepBody(html: string): string {
  const current = state();
  const dir = current.dir;
  if (!dir) throw new Error('no folder for entry bodies was set: the playbook validation integration sets it (astro.config.mjs)');
  const name = `${createHash('sha1').update(html).digest('base64url')}.html`;
  if (!current.kept.has(name)) {
    current.kept.add(name);
    if (!present(current, dir).has(name)) {
      const file = path.join(dir, name);
      const partial = `${file}.${process.pid}.partial`;
      writeFileSync(partial, html);
      renameSync(partial, file);
      present(current, dir).add(name);
    }
  }
  return name;
}

/**
 * Keeps a body an unchanged entry stored before (`name`, as `keepBody`
 * gave it), so this reading's pruning leaves it; false when the file is no
 * longer there (removed by hand), and the entry must be stored again.
 */
export function keepStoredBody(name: string): boolean {
  const current = state();
  const dir = current.dir;
  if (!dir || !present(current, dir).has(name)) return false;
  current.kept.add(name);
  return true;
}

/** The bodies in the folder: listed once per reading, then kept up to date as bodies are written. */
function present(current: BodyState, dir: string): Set<string> {
  current.present ??= new Set(readdirSync(dir));
  return current.present;
}

/** The HTML of a body kept by `keepBody` in this process. */
export function storedBody(name: string): string {
  const dir = state().dir;
  if (!dir) throw new Error(`the body ${name} was asked for before any body was stored in this process`);
  try {
    return readFileSync(path.join(dir, name), 'utf8');
  } catch (error) {
    throw new Error(`an entry's body (${name}) is missing from ${dir}: something removed it during the build; build again`, { cause: error });
  }
}

/**
 * Removes the bodies that the reading just stored no longer names, and starts
 * the next round. Called once every loader has stored the same reading.
 */
export function pruneBodies(): void {
  const current = state();
  const dir = current.dir;
  if (!dir) return;
  for (const name of readdirSync(dir)) if (!current.kept.has(name)) rmSync(path.join(dir, name), { force: true });
  current.kept = new Set();
  // Listed again by the next reading's first body: a body removed in between (by hand) is written again.
  current.present = undefined;
}
