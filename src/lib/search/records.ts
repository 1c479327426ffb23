/**
 * An entry's search record: the filters, meta, sort key and weights its page
 * gives Pagefind. Pure, from the playbook model; the entry layout turns it
 * into `data-pagefind-*` attributes (`recordMarkup`) that go into the page's
 * search document only, never into the published page (issue 20, lighter
 * pages: they were 0.5 kB of every entry page, 10 MB of a 20,000-entry site).
 *
 * Filters (`type`, `role`, `value`, `team`, `category`) use titles, as the
 * search page shows them. A boundary counts for every role it grants; a
 * guideline for its roles, or for every role when it names none (it is for
 * everyone, as the role pages say); a role for itself; a win for its role.
 */
import type { AnyEntry } from '../model/types.ts';
import type { Words } from '../languages/words.ts';
import { limitLine } from '../words/grants.ts';
import { joinLimitLines } from './meta.ts';
import { entryWeights, type EntryWeights } from './weights.ts';
import { escapeHtml } from '../languages/message.ts';

export interface SearchRecordFilters {
  /** The entry's kind in the page's language: "Boundary", « Limite de décision ». */
  type: string;
  role: string[];
  value: string[];
  team: string[];
  category: string[];
}

export interface SearchRecordMeta {
  title: string;
  /** One line on what the entry is; never empty. */
  summary: string;
  /** Boundaries: the decision, "Send an item by courier or taxi"; weighed as highly as the title (SEARCH_META_WEIGHTS). */
  decision?: string;
  /** Boundaries: each role's limit in words, joined (see `splitLimitLines`). */
  limits?: string;
  /** The language of the entry's words when they are not the page's (not yet translated): results say so. */
  language?: string;
}

export interface SearchRecord {
  filters: SearchRecordFilters;
  meta: SearchRecordMeta;
  /** Wins sort by date: `date` is YYYY-MM-DD. */
  sort: { date?: string };
  weights: EntryWeights;
}

export interface SearchRecordContext {
  /** The page's language: kinds, limits and dates in its words. */
  words: Words;
  /** Published roles, for guidelines that are for everyone. */
  roles: readonly { title: string; team?: string | undefined }[];
}

export function searchRecord(entry: AnyEntry, context: SearchRecordContext): SearchRecord {
  const { words } = context;
  const type = words.t(`kind.${entry.collection}`);
  const titles = (items: readonly { title: string }[]) => distinct(items.map((item) => item.title));
  const teams = (items: readonly { team?: string | undefined }[]) => distinct(items.flatMap((item) => (item.team ? [item.team] : [])));
  const weights = entryWeights(entry.collection);
  const filters: SearchRecordFilters = { type, role: [], value: [], team: [], category: [] };
  const meta: SearchRecordMeta = { title: entry.title, summary: '' };
  const sort: SearchRecord['sort'] = {};

  switch (entry.collection) {
    case 'values':
      filters.value = [entry.title];
      meta.summary = entry.summary;
      break;
    case 'roles':
      filters.role = [entry.title];
      filters.team = teams([entry]);
      meta.summary = entry.summary ?? (entry.team ? words.t('search.roleInTeam', { team: entry.team }) : words.t('search.roleInPlaybook'));
      break;
    case 'guidelines': {
      const roles = entry.roles.length > 0 ? entry.roles : context.roles;
      filters.role = titles(roles);
      filters.team = teams(roles);
      filters.value = titles(entry.values);
      meta.summary = entry.summary;
      break;
    }
    case 'boundaries': {
      // The grants of the build date: a role with a December raise is one line, not two.
      const roles = entry.grantsNow.map((grant) => grant.role);
      filters.role = titles(roles);
      filters.team = teams(roles);
      filters.value = titles(entry.values);
      filters.category = entry.category ? [entry.category] : [];
      meta.summary = entry.summary;
      meta.decision = entry.decision;
      if (entry.grantsNow.length > 0) meta.limits = joinLimitLines(entry.grantsNow.map((grant) => limitLine(grant, words)));
      break;
    }
    case 'caseStudies':
      filters.value = titles(entry.values);
      meta.summary = entry.summary;
      break;
    case 'wins':
      filters.role = entry.role ? [entry.role.title] : [];
      filters.team = distinct([entry.team, entry.role?.team].flatMap((team) => (team ? [team] : [])));
      filters.value = titles(entry.values);
      meta.summary = entry.impact ?? `${entry.people.join(', ')}, ${words.date(entry.date)}`;
      sort.date = entry.date;
      break;
  }
  if (entry.translation.state !== 'source' && entry.translation.untranslated.has('title')) meta.language = entry.translation.sourceLanguage;
  return { filters, meta, sort, weights };
}

/** One element's worth of Pagefind attributes: `{ 'data-pagefind-filter': 'role:Store associate' }`. */
export type PagefindAttributes = Record<'data-pagefind-filter' | 'data-pagefind-meta' | 'data-pagefind-sort', string>;

/**
 * The record as Pagefind attributes, one per element: the inline `key:value`
 * form takes the rest of the attribute as the value, so values may hold commas.
 */
export function recordAttributes(record: SearchRecord): Partial<PagefindAttributes>[] {
  const { filters, meta, sort } = record;
  const inline = (key: string, value: string) => `${key}:${value.replace(/\s+/g, ' ').trim()}`;
  return [
    { 'data-pagefind-filter': inline('type', filters.type) },
    ...(['role', 'value', 'team', 'category'] as const).flatMap((key) => filters[key].map((value) => ({ 'data-pagefind-filter': inline(key, value) }))),
    ...Object.entries(meta).flatMap(([key, value]) => (value ? [{ 'data-pagefind-meta': inline(key, value) }] : [])),
    ...Object.entries(sort).flatMap(([key, value]) => (value ? [{ 'data-pagefind-sort': inline(key, value) }] : [])),
  ];
}

/**
 * The record as Pagefind reads it: empty elements with its attributes, hidden
 * and inside `data-pagefind-ignore` (not "all", which would drop the filters
 * and meta too), so none of it reaches an excerpt. `searchDocument` puts it
 * at the start of the page's `<main>`.
 */
export function recordMarkup(record: SearchRecord): string {
  const spans = recordAttributes(record).map((attributes) =>
    Object.entries(attributes)
      .map(([name, value]) => `<span ${name}="${escapeHtml(value)}"></span>`)
      .join(''),
  );
  return `<div hidden data-pagefind-ignore>${spans.join('')}</div>`;
}

function distinct(items: readonly string[]): string[] {
  return [...new Set(items)];
}
