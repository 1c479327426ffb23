/**
 * What an entry page's cache key covers besides the site (settings,
 * language, code): the entry in full, and what its pager shows of the
 * entries before and after it (`entryPager`). So a neighbour added, removed
 * or retitled renders the page again, and nothing else about the neighbour
 * does (the page shows nothing else of it).
 */
import { pageCacheKey } from '../model/cache-key.ts';
import type { AnyEntry, Playbook } from '../model/types.ts';
import { entryPager } from './neighbours.ts';

export function entryPageKey<S>(playbook: Pick<Playbook<S>, AnyEntry['collection']>, entry: AnyEntry<S>, ...site: unknown[]): string {
  return pageCacheKey(entry, entryPager(playbook, entry), ...site);
}
