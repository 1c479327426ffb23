/**
 * The values each search filter can take, from the published playbook, in
 * the order the search page lists them. The same titles the entry pages
 * write into their `data-pagefind-filter` attributes (records.ts).
 */
import type { Words } from '../languages/words.ts';
import { FILTER_KEYS, TYPE_ORDER, type FilterKey } from './filters.ts';

export interface FacetSource {
  roles: readonly { title: string; team?: string | undefined }[];
  values: readonly { title: string }[];
  boundaries: readonly { category?: string | undefined }[];
}

export interface Facet {
  key: FilterKey;
  values: string[];
}

/** Facets with at least one value; values and roles keep the playbook's order, teams and categories are alphabetical. */
export function searchFacets(playbook: FacetSource, words: Words): Facet[] {
  const sorted = (items: readonly (string | undefined)[]) =>
    [...new Set(items.filter((i): i is string => Boolean(i)))].sort((a, b) => a.localeCompare(b, words.tag));
  const values: Record<FilterKey, string[]> = {
    type: TYPE_ORDER.map((collection) => words.t(`kind.${collection}`)),
    role: [...new Set(playbook.roles.map((role) => role.title))],
    value: [...new Set(playbook.values.map((value) => value.title))],
    team: sorted(playbook.roles.map((role) => role.team)),
    category: sorted(playbook.boundaries.map((boundary) => boundary.category)),
  };
  return FILTER_KEYS.map((key) => ({ key, values: values[key] })).filter((facet) => facet.values.length > 0);
}
