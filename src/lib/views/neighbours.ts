/**
 * Onward links that keep a reader moving: the previous and next item of a
 * listing (newer and older wins), and the published boundaries that took
 * over from a retired one. Each index is built once per list, so a page
 * costs a lookup, not a scan of the playbook.
 */

import type { AnyEntry, Playbook } from '../model/types.ts';
import { wordsLang } from './untranslated.ts';

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

/** One side of an entry page's pager: all it shows of the neighbour. */
export interface PagerStep {
  path: string;
  title: string;
  /** The title's own `lang` when it is left in the base language (`wordsLang`). */
  titleLang: string | undefined;
}

/**
 * What an entry page's pager (EntryPager.astro) shows: the previous and next
 * entry's address and title. The page's cache key holds it too, so a
 * neighbour added, removed or retitled renders the page again, and nothing
 * else of the neighbour does.
 */
export function entryPager<S>(
  playbook: Pick<Playbook<S>, AnyEntry['collection']>,
  entry: AnyEntry<S>,
): { previous: PagerStep | undefined; next: PagerStep | undefined } {
  const { previous, next } = entryNeighbours(playbook, entry);
  const step = (side: AnyEntry<S> | undefined): PagerStep | undefined => side && { path: side.path, title: side.title, titleLang: wordsLang(side, 'title') };
  return { previous: step(previous), next: step(next) };
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
