/**
 * The reading of the content root that a build (or a dev-server refresh)
 * shares between the validation step and every collection's loader, so each
 * file is read once. It lives on `globalThis` because Astro loads
 * integrations natively and content.config.ts through Vite: two module
 * graphs, one process.
 */
import { resolveContentRoot } from '../lib/reading/resolve-content-root.ts';
import type { PlaybookRead, ValidationReport } from '../lib/validator/validate-content-root.ts';

interface ReadState {
  /** The content root of this process, resolved once (astro.config.mjs pins it). */
  root?: string;
  /** The dev server's latest report, by content root, for the notices entry pages show (see `rememberReport`). */
  reports?: Map<string, ValidationReport>;
  /** The current round's reading, by content root. */
  reads: Map<string, Promise<PlaybookRead>>;
  /** Bumped each time a loader has stored a new reading, so the model is rebuilt after a refresh. */
  generation: number;
  /** Which loaders have stored the current reading of each root. */
  stored: Map<string, Set<string>>;
}

const KEY = Symbol.for('latitude.playbook-read');

function state(): ReadState {
  const holder = globalThis as { [KEY]?: ReadState };
  holder[KEY] ??= { reads: new Map(), generation: 0, stored: new Map() };
  return holder[KEY];
}

/**
 * Pins the content root for this process: astro.config.mjs resolves it once
 * and passes it to the integrations; the loaders and the model read it here.
 */
export function pinContentRoot(root: string): string {
  state().root = root;
  return root;
}

/** The content root this process works on: the one pinned, else resolved once (PLAYBOOK_CONTENT_DIR, else content/) and pinned. */
export function contentRoot(): string {
  return (state().root ??= resolveContentRoot());
}

/** The current reading of `root`, if one has started. */
export function currentRead(root: string): Promise<PlaybookRead> | undefined {
  return state().reads.get(root);
}

/** Readings that serve one round of loaders only (a build's): see `isSingleUse`. */
const singleUse = new WeakSet<PlaybookRead>();

/**
 * Starts a new round: the loaders that run next use this reading. A build
 * reads once and stores once (`singleUse`); the dev server's loaders may
 * run again on the same reading.
 */
export function startRead(root: string, read: () => Promise<PlaybookRead>, options: { singleUse?: boolean } = {}): Promise<PlaybookRead> {
  const started = options.singleUse
    ? read().then((value) => {
        singleUse.add(value);
        return value;
      })
    : read();
  state().reads.set(root, started);
  state().stored.delete(root);
  return started;
}

/**
 * Called by each loader once it has stored its part of a reading. When every
 * part is stored, the reading is let go: the data store holds it now, and a
 * large playbook's reading is worth a gigabyte of memory through the build.
 * Returns whether this was the last part.
 */
export function markStored(root: string, part: string, parts: readonly string[]): boolean {
  const current = state();
  current.generation++;
  const stored = (current.stored.get(root) ?? new Set<string>()).add(part);
  current.stored.set(root, stored);
  if (!parts.every((name) => stored.has(name))) return false;
  current.reads.delete(root);
  current.stored.delete(root);
  return true;
}

/**
 * Whether each loader stores this reading once, as in a build: a loader may
 * then let go of an entry's body text and HTML as soon as it has stored it
 * (the HTML is in the body store by then), instead of holding every body
 * until the last loader is done.
 */
export function isSingleUse(read: PlaybookRead): boolean {
  return singleUse.has(read);
}

/** Changes whenever the loaders have stored a new reading. */
export function storedGeneration(): number {
  return state().generation;
}

/**
 * Keeps the dev server's latest report of `root`: an unfinished entry's page
 * shows its own findings (what is left to write) instead of every page
 * showing the problem list.
 */
export function rememberReport(root: string, report: ValidationReport): void {
  (state().reports ??= new Map()).set(root, report);
}

/** The latest report of `root` the dev server kept, if any. */
export function latestReport(root: string): ValidationReport | undefined {
  return state().reports?.get(root);
}
