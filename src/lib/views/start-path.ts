/**
 * A role's "start here" path (issue 18): the steps a new person in the role
 * takes, in order — the values, the role's guidelines, what the role may
 * decide, its ladder, the self-check and the pocket card — and which of them
 * the reader has marked done, kept on the device (localStorage, one key per
 * site and role; nothing is sent).
 */
import type { CheckStorage } from '../decision/self-check.ts';

/** The steps, in the order the page shows them. */
export const START_STEPS = ['values', 'guidelines', 'decide', 'ladder', 'check', 'card'] as const;
export type StartStep = (typeof START_STEPS)[number];

/** Where a role's path progress is kept. */
export function startStorageKey(base: string, roleId: string): string {
  return `latitude:${base}:start:${roleId}`;
}

/** The steps marked done on this device, in the path's order; empty when none, or unreadable. */
export function readDone(storage: CheckStorage | undefined, key: string): StartStep[] {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(key) ?? '[]');
    return Array.isArray(parsed) ? START_STEPS.filter((step) => parsed.includes(step)) : [];
  } catch {
    return [];
  }
}

/** Marks a step done or not done, keeps the result and returns it. Storage refused: the page still works, it just forgets. */
export function markStep(storage: CheckStorage | undefined, key: string, step: StartStep, done: boolean): StartStep[] {
  const before = readDone(storage, key);
  const after = START_STEPS.filter((each) => (each === step ? done : before.includes(each)));
  try {
    if (after.length === 0) storage?.removeItem(key);
    else storage?.setItem(key, JSON.stringify(after));
  } catch {
    // Nothing to do.
  }
  return after;
}
