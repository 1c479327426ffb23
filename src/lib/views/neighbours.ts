/**
 * Onward links that keep a reader moving: the previous and next item of a
 * listing (newer and older wins), and the published boundaries that took
 * over from a retired one. Each index is built once per list, so a page
 * costs a lookup, not a scan of the playbook.
 */

import type { AnyEntry, Playbook } from '../model/types.ts';

const positions = new WeakMap<readonly object[], Map<object, number>>();

/** The items before and after `item` in `list`; none when it is not in the list (a retired entry). */
export function neighbours<T extends object>(list: readonly T[], item: T): { previous: T | undefined; next: T | undefined } {
  let index = positions.get(list);
  if (!index) positions.set(list, (index = new Map(list.map((entry, at) => [entry, at]))));
  const at = index.get(item);
  if (at === undefined) return { previous: undefined, next: undefined };
  return { previous: list[at - 1], next: list[at + 1] };
}

/**
 * An entry's previous and next in its collection's listing order (the
 * playbook's published lists: values by order, roles, guidelines and
 * boundaries by title, case studies as listed, wins newest first). A
 * retired entry, in no listing, has neither. A lookup per page.
 */
export function entryNeighbours<S>(
  playbook: Pick<Playbook<S>, AnyEntry['collection']>,
  entry: AnyEntry<S>,
): { previous: AnyEntry<S> | undefined; next: AnyEntry<S> | undefined } {
  return neighbours<AnyEntry<S>>(playbook[entry.collection], entry);
}

interface Decided {
  id: string;
  decision: string;
  category?: string | undefined;
}

const byDecision = new WeakMap<readonly Decided[], Map<string, Decided[]>>();

const key = (decision: string) => decision.trim().toLocaleLowerCase();

/** The published boundaries for the same decision as a retired one (same words, any case). */
export function successors<B extends Decided>(retired: Decided, published: readonly B[]): B[] {
  let index = byDecision.get(published);
  if (!index) {
    index = new Map();
    for (const boundary of published) index.set(key(boundary.decision), [...(index.get(key(boundary.decision)) ?? []), boundary]);
    byDecision.set(published, index);
  }
  return ((index.get(key(retired.decision)) ?? []) as B[]).filter((boundary) => boundary.id !== retired.id);
}
