/**
 * What an entry page's cache key covers besides the site (settings,
 * language, code): the entry in full, and what its pager shows of the
 * entries before and after it (`entryPager`). So a neighbour added, removed
 * or retitled renders the page again, and nothing else about the neighbour
 * does (the page shows nothing else of it).
 */
import { entryDigest, pageCacheKey } from '../model/cache-key.ts';
import type { AnyEntry, Playbook } from '../model/types.ts';
import { entryPager } from './neighbours.ts';

export function entryPageKey<S>(playbook: Pick<Playbook<S>, AnyEntry['collection']>, entry: AnyEntry<S>, ...site: unknown[]): string {
  return pageCacheKey(entry, entryPager(playbook, entry), ...site);
}

const ladderDigests = new WeakMap<object, string>();

/**
 * What the ladder's pages read of the playbook: a role's card, start page,
 * self-check, "Can I…?" table and file, "what changed" page and file, the
 * boundaries matrix and the teams' ladders. They show grants, ladders,
 * verdicts, scenarios, the changes and the values and guidelines a role
 * starts with, worked out from every value, role, guideline and boundary
 * with a page and the build date; so their key is those entries' own
 * digests (`entryDigest`: each entry's source and fields, the wins and case
 * studies that cite it by id only) and the date. Editing a win or a case
 * study leaves them as they are; adding or removing one changes the lists
 * of ids, so these pages render again then.
 * Worked out once per playbook.
 */
export function ladderDigest(playbook: Pick<Playbook, 'today' | 'pages'>): string {
  let digest = ladderDigests.get(playbook.pages);
  if (digest === undefined) {
    const { values, roles, guidelines, boundaries } = playbook.pages;
    digest = pageCacheKey(playbook.today, ...[values, roles, guidelines, boundaries].map((list) => list.map((entry) => entryDigest(entry))));
    ladderDigests.set(playbook.pages, digest);
  }
  return digest;
}
