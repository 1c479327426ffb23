/**
 * Every address the site publishes, from the playbook model, with the same
 * functions the pages' `getStaticPaths` use (listings, the matrix, ladders,
 * "Can I…?", the wins wall). The validator checks links written in bodies
 * against it, so a link to a page that will not exist is reported at its
 * line before anything is built; a build test keeps it equal to what a
 * build writes.
 *
 * Addresses are site paths without the base path, as editors write links:
 * `/boundaries/refund-a-purchase/`.
 */
import { COLLECTIONS, type CollectionName } from '../../../schemas/index.ts';
import { helperDataOf } from '../decision/helper-data.ts';
import { selectableRoles } from '../decision/verdict.ts';
import type { AnyEntry, Playbook } from '../model/types.ts';
import { ladderViews } from './ladders.ts';
import { matrixPages } from './matrix-pages.ts';
import { listingPages, pageCount, winsPagePath } from './pagination.ts';

/** Pages every playbook has, whatever its entries. */
const FIXED_PAGES = ['/', '/values/', '/roles/', '/wins/', '/changes/', '/review/', '/search/', '/can-i/', '/ladders/', '/offline/'] as const;

/** Files every playbook has: the feeds and what phones and search read. */
const FIXED_FILES = ['/404.html', '/wins/rss.xml', '/changes/rss.xml', '/manifest.webmanifest', '/search/synonyms.json'] as const;

/** What is published at an address: an entry's page (whose parts a `#…` may name), or another page or file. */
export type SiteAddress = { entry: AnyEntry } | { entry?: undefined };

/** Every address of the site, by path. */
export function siteAddresses(playbook: Playbook<unknown>): Map<string, SiteAddress> {
  const addresses = new Map<string, SiteAddress>();
  const page = (path: string) => addresses.set(path, {});
  for (const path of [...FIXED_PAGES, ...FIXED_FILES]) page(path);
  for (const entries of Object.values(playbook.pages) as AnyEntry[][]) for (const entry of entries) addresses.set(entry.path, { entry });
  for (const listing of [listingPages('/guidelines/', playbook.guidelines), listingPages('/case-studies/', playbook.caseStudies)]) {
    for (const { path } of listing) page(path);
  }
  for (let n = 2; n <= pageCount(playbook.wins.length); n++) page(winsPagePath(n));
  for (const { path } of matrixPages(playbook.boundaries, playbook.roles)) page(path);
  for (const { path } of ladderViews(playbook)) page(path);
  for (const role of playbook.roles) page(`${role.path}card/`);
  for (const { id } of selectableRoles(helperDataOf(playbook))) {
    page(`/can-i/${id}/`);
    page(`/can-i/${id}.json`);
  }
  return addresses;
}

/** `/boundaries/refund-a-purchase/` → the collection and id an entry's page would have at that address, if it has that shape. */
export function entryAt(path: string): { collection: CollectionName; id: string } | undefined {
  const match = /^\/([a-z-]+)\/([^/]+)\/$/.exec(path);
  if (!match) return undefined;
  const collection = (Object.keys(COLLECTIONS) as CollectionName[]).find((name) => COLLECTIONS[name].folder === match[1]);
  return collection && { collection, id: match[2]! };
}

/**
 * The parts of an entry's page that a `#…` may name: its sections (as the
 * page's template shows them: some only when they have something to show),
 * a boundary's changes, and the headings of its body.
 */
export function entryAnchors(entry: AnyEntry, bodyHeadings: readonly string[]): Set<string> {
  const sections: string[] = [];
  const when = (condition: boolean, ...ids: string[]) => {
    if (condition) sections.push(...ids);
  };
  switch (entry.collection) {
    case 'values':
      when(entry.behaviors.length > 0, 'behaviours');
      when(entry.antiBehaviors.length > 0, 'anti-behaviours');
      when(true, 'story', 'in-practice', 'wins');
      break;
    case 'roles':
      when(true, 'decide', 'chain', 'guidelines');
      when(entry.wins.length > 0, 'wins');
      break;
    case 'guidelines':
      when(entry.boundaries.length > 0, 'boundaries');
      when(entry.values.length > 0, 'values');
      break;
    case 'boundaries':
      when(true, 'grants', 'ladder');
      when(entry.guardrails.length > 0, 'guardrails');
      when(entry.examples.within.length > 0 || entry.examples.outside.length > 0, 'examples');
      when(true, 'about');
      when(entry.history.length > 0, 'changes', ...entry.history.map((change) => change.anchor));
      when(true, 'wins');
      when(entry.guidelines.length > 0 || entry.caseStudies.length > 0 || entry.values.length > 0, 'related');
      break;
    case 'caseStudies':
      when(entry.metrics.length > 0, 'results');
      when(entry.sources.length > 0, 'sources');
      when(entry.boundaries.length > 0, 'boundaries');
      when(entry.values.length > 0, 'values');
      break;
    case 'wins':
      break;
  }
  return new Set([...sections, ...bodyHeadings]);
}
