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
import { COLLECTION_NAMES } from '../../../schemas/index.ts';
import { buildPlaybook, type PlaybookInput } from '../model/build-playbook.ts';
import type { AnyEntry, Playbook } from '../model/types.ts';
import type { CheckedContent, CheckedEntry, PublishedAddresses } from '../reading/checked-content.ts';
import { englishWords } from '../languages/dictionary.ts';
import { ladderViews } from './ladders.ts';
import { matrixPages } from './matrix-pages.ts';
import { listingPages, pageCount, resultsPages, winsPagePath } from './pagination.ts';

/** Pages every playbook has, whatever its entries. */
const FIXED_PAGES = ['/', '/values/', '/roles/', '/wins/', '/changes/', '/review/', '/search/', '/can-i/', '/ladders/', '/offline/'] as const;

/** Files every playbook has: the feeds and what phones and search read. */
const FIXED_FILES = [
  '/404.html',
  '/wins/rss.xml',
  '/changes/rss.xml',
  '/manifest.webmanifest',
  '/search/synonyms.json',
  '/can-i.json',
  '/authority.csv',
  '/authority.json',
  '/playbook.json',
  '/playbook.schema.json',
  '/llms.txt',
] as const;

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
  for (const { path } of resultsPages(playbook.caseStudies)) page(path);
  for (let n = 2; n <= pageCount(playbook.wins.length); n++) page(winsPagePath(n));
  for (const { path } of matrixPages(playbook.boundaries, playbook.roles)) page(path);
  for (const { path } of ladderViews(playbook, englishWords(playbook.settings.locale))) page(path);
  for (const role of playbook.roles) page(`${role.path}card/`);
  // Issue 18: each published role's self-check and start-here path.
  for (const role of playbook.roles) for (const part of ['check/', 'start/', 'changes.json']) page(`${role.path}${part}`);
  for (const role of playbook.roles) page(`/changes/${role.id}/`);
  for (const { id } of playbook.roles) {
    page(`/can-i/${id}/`);
    page(`/can-i/${id}.json`);
  }
  return addresses;
}

/**
 * The addresses a build of checked content would publish: the model of the
 * entries read whole (what a build of this content would hold), its pages,
 * and the parts of each entry's page (its sections and the headings of its
 * body). What the validator checks links in bodies against.
 */
export function publishedAddresses(content: Pick<CheckedContent, 'settings' | 'today' | 'entries'>): PublishedAddresses | undefined {
  const { settings, today, entries } = content;
  if (!settings) return undefined;
  // Each entry's reading is its source in the model: its headings are the parts of its page.
  const withSource = Object.fromEntries(
    COLLECTION_NAMES.map((name) => [name, (entries[name] as CheckedEntry[]).map((entry) => ({ ...entry, source: entry }))]),
  );
  const playbook = buildPlaybook({ settings, today, entries: withSource as unknown as PlaybookInput<CheckedEntry>['entries'] });
  const addresses = siteAddresses(playbook);
  const parts = new Map<string, ReadonlySet<string> | undefined>();
  const partsOf = (path: string, entry: AnyEntry): ReadonlySet<string> | undefined => {
    if (!parts.has(path)) {
      const source = entry.source as CheckedEntry;
      // Trusted MDX is rendered by Astro: its headings are not known here.
      const known = !(settings.trustedMdx && source.file.endsWith('.mdx'));
      parts.set(
        path,
        known
          ? entryAnchors(
              entry,
              source.headings.map((heading) => heading.slug),
            )
          : undefined,
      );
    }
    return parts.get(path);
  };
  return {
    at(path) {
      const address = addresses.get(path);
      if (!address) return undefined;
      return { parts: address.entry ? partsOf(path, address.entry) : undefined };
    },
    pagedIds: (collection) => playbook.pages[collection].map((entry) => entry.id),
    paths: () => addresses.keys(),
  };
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
