/**
 * The playbook for pages: read from Astro's collections once per build and
 * built into the model, once per language (the base language, and each of
 * `languages` with its translations' words over the same facts). Pages
 * import `getPlaybook()` and never query collections themselves; the
 * middleware gives each page its language (`Astro.locals.lang`), and pages
 * ask for the model in it: `getPlaybook(Astro.locals.lang.tag)`.
 */
import path from 'node:path';
import { getCollection, getEntry, render, type CollectionEntry } from 'astro:content';
import { COLLECTION_NAMES, type CollectionName, type TranslationData } from '../../schemas/index.ts';
import { buildPlaybook, type LoadedEntry, type LoadedTranslation, type PlaybookInput } from '../lib/model/build-playbook.ts';
import type { AnyEntry, Playbook, Role } from '../lib/model/types.ts';
import { BUILD_STAMP } from '../components/search/build-stamp.ts';
import { entryDigest, pageCacheKey } from '../lib/model/cache-key.ts';
import { entryPageKey, ladderDigest } from '../lib/views/page-keys.ts';
import { buildDate } from '../lib/domain/review.ts';
import type { Diagnostic } from '../lib/diagnostics/diagnostic.ts';
import { dictionaryFor, type Dictionary } from '../lib/languages/dictionary.ts';
import { pageLanguage, type PageLanguage } from '../lib/languages/page-language.ts';
import { languageOfPath, siteLanguages, type SiteLanguage } from '../lib/languages/site-languages.ts';
import { stripBase } from '../lib/links/href.ts';
import { fromStoredPath } from '../lib/reading/paths.ts';
import { searchPartPlan, type PartSubject } from '../lib/search/parts.ts';
import { searchPartLimit } from '../lib/search/part-limit.ts';
import { installIndexedPages, type ExpectedPage } from '../lib/search/record-sink.ts';
import type { SynonymMap } from '../lib/search/synonyms.ts';
import { contentRoot, latestReport, storedGeneration } from '../loaders/playbook-read.ts';
import { BODY_KEY, storedBody } from '../loaders/body-store.ts';

/** The loader's entry (or a translation's, for its body), kept on each model entry so its body can be rendered. */
export type SourceEntry = CollectionEntry<CollectionName> | CollectionEntry<'translations'>;
export type SitePlaybook = Playbook<SourceEntry>;

/** The site's languages with each one's words and synonyms. */
export interface SiteLanguages {
  /** The base language first. */
  list: SiteLanguage[];
  dictionaries: ReadonlyMap<string, Dictionary>;
  /** Search synonyms by language: playbook.yaml's for the base language, synonyms.yaml's for the others. */
  synonyms: ReadonlyMap<string, SynonymMap>;
}

interface Loaded {
  generation: number;
  input: Promise<Omit<PlaybookInput<SourceEntry>, 'language'> & { translations: LoadedTranslation<SourceEntry>[]; languages: SiteLanguages }>;
  models: Map<string, Promise<SitePlaybook>>;
}

let loaded: Loaded | undefined;

/** What this build (or this dev-server refresh) read, loaded once; every language's model is built from it. */
function current(): Loaded {
  const generation = storedGeneration();
  if (loaded?.generation !== generation) loaded = { generation, input: loadInput(), models: new Map() };
  return loaded;
}

/**
 * The playbook model in a language: `language` is a tag of the site's
 * languages (`Astro.locals.lang.tag`); the base language when left out. The
 * dev server's loaders store a new reading whenever content changes; the
 * models are then built again.
 */
export function getPlaybook(language?: string): Promise<SitePlaybook> {
  const state = current();
  const key = language ?? '';
  let model = state.models.get(key);
  if (!model) {
    model = state.input.then(({ settings, today, entries, translations }) =>
      buildPlaybook({
        settings,
        today,
        entries,
        language:
          language === undefined || language === settings.locale
            ? undefined
            : { tag: language, translations: translations.filter((translation) => translation.language === language) },
      }),
    );
    state.models.set(key, model);
  }
  return model;
}

/** The site's languages, with their dictionaries and synonyms. */
export async function getSiteLanguages(): Promise<SiteLanguages> {
  return (await current().input).languages;
}

/**
 * Every page the search index holds: each language's published entries, at
 * their addresses (without the base), with their part of the index
 * (src/lib/search/parts.ts). The search middleware hands these pages to the
 * indexer; a shard build splits the site by them (src/integrations/shard.ts).
 */
export async function indexedPages(): Promise<ExpectedPage[]> {
  const pages: (PartSubject & { url: string; cacheKey: string; sourceDigest: string })[] = [];
  for (const language of (await getSiteLanguages()).list) {
    const playbook = await getPlaybook(language.tag);
    const prefix = language.path ? `/${language.path}` : '';
    const entries: AnyEntry<SourceEntry>[] = [
      ...playbook.values,
      ...playbook.roles,
      ...playbook.guidelines,
      ...playbook.boundaries,
      ...playbook.caseStudies,
      ...playbook.wins,
    ];
    for (const entry of entries)
      pages.push({
        url: `${prefix}${entry.path}`,
        collection: entry.collection,
        id: entry.id,
        date: entry.collection === 'wins' ? entry.date : undefined,
        cacheKey: entryPageCacheKey(playbook, entry),
        sourceDigest: entryDigest(entry),
      });
  }
  // Planned from every language's pages: a part holds them all.
  const partOf = searchPartPlan(pages, searchPartLimit());
  return pages.map((page) => ({ url: page.url, part: partOf(page), cacheKey: page.cacheKey, sourceDigest: page.sourceDigest }));
}

// The build's integrations run outside the bundle that holds the model: they reach this list through a global.
installIndexedPages(indexedPages);

/** The language of the page at `pathname` (with the site's base), with its words and links. */
export function pageLanguageOf(pathname: string): Promise<PageLanguage> {
  return routeLanguage(stripBase(pathname, import.meta.env.BASE_URL));
}

/** The language of a route (`getStaticPaths`' `routePattern`, `/fr-ca/ladders/[id]`) or a site path without the base. */
export async function routeLanguage(routePattern: string): Promise<PageLanguage> {
  const languages = await getSiteLanguages();
  const language = languageOfPath(routePattern, languages.list);
  return pageLanguage(language, languages.list, languages.dictionaries.get(language.tag)!, import.meta.env.BASE_URL);
}

/**
 * What the dev server's latest check found in one file of the content root
 * (the entry's `file`): an unfinished entry's page lists it. Empty in a
 * build, which refuses content with errors before any page is made.
 */
export function findingsIn(file: string): Diagnostic[] {
  const report = latestReport(contentRoot());
  return report ? report.diagnostics.filter((d) => d.file === file) : [];
}

/**
 * An entry's body: its translation's own body when it has one, else the base
 * entry's. The HTML the loader rendered and kept (body-store.ts), or, for
 * trusted MDX, the component Astro's MDX pipeline made.
 */
export async function renderBody(entry: { source: SourceEntry }): Promise<RenderedBody> {
  const name = entry.source.rendered?.metadata?.[BODY_KEY];
  if (typeof name === 'string') return { html: storedBody(name) };
  return { Content: (await render(entry.source)).Content };
}

/** What `renderBody` gives: the body's HTML, or the component of a trusted MDX body. */
export type RenderedBody = { html: string } | { Content: Awaited<ReturnType<typeof render>>['Content'] };

async function loadInput(): Promise<Awaited<Loaded['input']>> {
  const settingsEntry = await getEntry('playbook', 'playbook');
  if (!settingsEntry) throw new Error('playbook.yaml was not loaded');
  const settings = settingsEntry.data;
  const root = contentRoot();
  const entries = {} as Record<CollectionName, LoadedEntry<CollectionName, SourceEntry>[]>;
  for (const collection of COLLECTION_NAMES) {
    const stored = await getCollection(collection);
    entries[collection] = stored.map((entry) => ({
      id: entry.id,
      file: path
        .relative(root, path.resolve(fromStoredPath(entry.filePath ?? '')))
        .split(path.sep)
        .join('/'),
      data: entry.data as LoadedEntry<CollectionName, SourceEntry>['data'],
      source: entry,
    }));
  }
  // Only a playbook with languages has translations: an empty collection would only warn.
  const stored = settings.languages.length > 0 ? await getCollection('translations') : [];
  const translations = stored.map((entry): LoadedTranslation<SourceEntry> => ({
    language: entry.data.language,
    collection: entry.data.collection as CollectionName,
    id: entry.data.entry,
    file: entry.data.file,
    data: entry.data.words as TranslationData,
    stale: entry.data.stale,
    source: entry.data.hasBody ? entry : undefined,
  }));
  const own = new Map((settings.languages.length > 0 ? await getCollection('languages') : []).map((entry) => [entry.id, entry.data]));
  const list = siteLanguages(settings);
  const languages: SiteLanguages = {
    list,
    dictionaries: new Map(list.map((language) => [language.tag, dictionaryFor(language.tag, own.get(language.tag)?.interface as Dictionary | undefined)])),
    synonyms: new Map(list.map((language) => [language.tag, (language.isBase ? settings.synonyms : own.get(language.tag)?.synonyms) ?? {}])),
  };
  return { settings, today: buildDate(), entries: entries as PlaybookInput<SourceEntry>['entries'], translations, languages };
}

/**
 * The model in the language of a route (`getStaticPaths`' `routePattern`:
 * `/fr-ca/values/[id]` → French), so each language's pages get that
 * language's entries as props.
 */
export async function getRoutePlaybook(routePattern: string): Promise<SitePlaybook> {
  return getPlaybook((await routeLanguage(routePattern)).tag);
}

/** The paths of a page each published role has besides its own (its pocket card, self-check, start path), for `getStaticPaths`: the role as the prop. */
export async function rolePagePaths(routePattern: string) {
  const playbook = await getRoutePlaybook(routePattern);
  return playbook.roles.map((role) => ({ params: { id: role.id }, props: { role }, cacheKey: ladderPageCacheKey(playbook, role.id) }));
}

/** The props of a page made by `rolePagePaths`. */
export interface RolePageProps {
  role: Role<SourceEntry>;
}

/**
 * The paths of a collection's entry pages, for `getStaticPaths`: one per
 * entry, the entry as the prop named `prop`, and a cache key that changes
 * when the entry, the settings or the language does.
 */
export function entryPaths<E extends AnyEntry<SourceEntry>, K extends string>(playbook: SitePlaybook, entries: readonly E[], prop: K) {
  return entries.map((entry) => ({
    params: { id: entry.id },
    props: { [prop]: entry } as Record<K, E>,
    cacheKey: entryPageCacheKey(playbook, entry),
  }));
}

const entryPageKeys = new WeakMap<object, string>();

/**
 * An entry page's cache key (`entryPageKey`: the entry and its pager's
 * neighbours), worked out once per model entry: `getStaticPaths` and the
 * search index's list of pages (`indexedPages`) both ask.
 */
function entryPageCacheKey(playbook: SitePlaybook, entry: AnyEntry<SourceEntry>): string {
  let key = entryPageKeys.get(entry);
  if (key === undefined) {
    key = entryPageKey(playbook, entry, ...siteKeyParts(playbook));
    entryPageKeys.set(entry, key);
  }
  return key;
}

/**
 * A page's cache key (`pageCacheKey`) from what it shows (`parts`), the
 * settings, the language and the code's build stamp: every page carries the
 * stamp (the search box script's address), and Astro's own check of a
 * page's code misses a change elsewhere in src/ that changes the stamp, so
 * without it a rebuild after a code change would keep pages with the old one.
 */
export function sitePageCacheKey(playbook: SitePlaybook, ...parts: unknown[]): string {
  return pageCacheKey(...parts, ...siteKeyParts(playbook));
}

/**
 * The cache key of a page the ladder makes (a role's pages, the boundaries
 * matrix): `ladderDigest` with what names the page (`parts`: the role's id,
 * the matrix page's address) and the site's parts.
 */
export function ladderPageCacheKey(playbook: SitePlaybook, ...parts: unknown[]): string {
  return sitePageCacheKey(playbook, ladderDigest(playbook), ...parts);
}

/** What every page's key holds: the settings, the language and the code's build stamp. */
function siteKeyParts(playbook: SitePlaybook): unknown[] {
  return [playbook.settings, playbook.language, BUILD_STAMP];
}
