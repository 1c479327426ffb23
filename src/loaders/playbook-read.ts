/**
 * The reading of the content root that a build (or a dev-server refresh)
 * shares between the validation step and every collection's loader, so each
 * file is read once. It lives on `globalThis` because Astro loads
 * integrations natively and content.config.ts through Vite: two module
 * graphs, one process.
 */
import type { PlaybookRead } from '../lib/validation/validate-content-root.ts';

interface ReadState {
  /** The current round's reading, by content root. */
  reads: Map<string, Promise<PlaybookRead>>;
  /** Bumped each time a loader has stored a new reading, so the model is rebuilt after a refresh. */
  generation: number;
}

const KEY = Symbol.for('latitude.playbook-read');

function state(): ReadState {
  const holder = globalThis as { [KEY]?: ReadState };
  holder[KEY] ??= { reads: new Map(), generation: 0 };
  return holder[KEY];
}

/** The current reading of `root`, if one has started. */
export function currentRead(root: string): Promise<PlaybookRead> | undefined {
  return state().reads.get(root);
}

/** Starts a new round: the loaders that run next use this reading. */
export function startRead(root: string, read: () => Promise<PlaybookRead>): Promise<PlaybookRead> {
  const started = read();
  state().reads.set(root, started);
  return started;
}

/** Called by the loaders once they have stored a reading. */
export function markStored(): void {
  state().generation++;
}

/** Changes whenever the loaders have stored a new reading. */
export function storedGeneration(): number {
  return state().generation;
}
