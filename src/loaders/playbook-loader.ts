/**
 * Latitude's content loader: Astro's collections filled from the one reading
 * of the content root (`readPlaybook`, the validator's own reader), so the
 * build shows exactly what the check passed.
 *
 * The content root is read once per build for every collection, with every
 * rule run (the validation integration starts the reading and stops a build
 * with errors before any loader stores anything). Each collection's loader
 * then stores its entries with their rendered HTML (kept beside the store,
 * body-store.ts), and a digest of what was stored so that an unchanged entry
 * is not written again; entries whose files are gone leave the store.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { COLLECTION_NAMES, type CollectionName } from '../../schemas/index.ts';
import { toStoredPath } from '../lib/reading/paths.ts';
import { expandBoundaryRefs, hasBoundaryRefs } from '../lib/reading/render-body.ts';
import { buildPlaybook, type PlaybookInput } from '../lib/model/build-playbook.ts';
import { isPublic } from '../lib/model/published.ts';
import { buildDate } from '../lib/domain/review.ts';
import { boundaryRefHtml } from '../lib/views/boundary-ref.ts';
import { readPlaybook, type PlaybookRead, type ReadEntry } from '../lib/validator/validate-content-root.ts';
import type { ReadTranslation } from '../lib/reading/read-translation.ts';
import { languageTranslations } from '../lib/model/reading-translations.ts';
import type { LoadedTranslation } from '../lib/model/translated-entries.ts';
import { dictionaryFor, type Dictionary } from '../lib/languages/dictionary.ts';
import { createWords } from '../lib/languages/words.ts';
import { localisedPath, siteLanguages } from '../lib/languages/site-languages.ts';
import { withBase } from '../lib/links/href.ts';
import type { SynonymMap } from '../lib/search/synonyms.ts';
import { contentRoot, currentRead, isSingleUse, markStored, startRead } from './playbook-read.ts';
import { BODY_KEY, keepBody, keepStoredBody, pruneBodies } from './body-store.ts';
import { READER_VERSION } from '../lib/reading/read-cache.ts';
import { PROJECT_ROOT } from '../lib/reading/resolve-content-root.ts';

/** The stored form of playbook.yaml: one entry, `playbook`. */
export const SETTINGS_ID = 'playbook';

/** The stored form of the translations (`translations`) and of each language's own words (`languages`). */
export const TRANSLATIONS = 'translations';
export const LANGUAGES = 'languages';

/** Every loader of content.config.ts: the reading is let go once all have stored it. */
const LOADED_PARTS = ['playbook', ...COLLECTION_NAMES, TRANSLATIONS, LANGUAGES] as const;

/** What is stored of a translation: its words, whether it is stale, and whether it has a body of its own. */
export interface StoredTranslation {
  language: string;
  collection: CollectionName;
  /** The base entry's id. */
  entry: string;
  file: string;
  stale: boolean;
  hasBody: boolean;
  words: Record<string, unknown>;
}

/** What is stored of a language's own files: `interface.yaml`'s words and `synonyms.yaml`. */
export interface StoredLanguage {
  interface?: Dictionary | undefined;
  synonyms?: SynonymMap | undefined;
}

/** A loader for one collection, for the settings (`playbook`), the translations or the languages' own words. */
export function playbookLoader(collection: CollectionName | 'playbook' | typeof TRANSLATIONS | typeof LANGUAGES): Loader {
  return {
    name: `latitude:${collection}`,
    load: async ({ store, config, logger }) => {
      const root = contentRoot();
      const read = await (currentRead(root) ?? startRead(root, () => readPlaybook(root)));
      const release = isSingleUse(read);
      if (collection === 'playbook') {
        store.clear();
        if (read.settings) store.set({ id: SETTINGS_ID, data: detached({ ...read.settings }), filePath: projectPath(path.join(root, 'playbook.yaml')) });
      } else if (collection === LANGUAGES) {
        store.clear();
        for (const [language, words] of Object.entries(read.languageFiles)) store.set({ id: language, data: detached({ ...words }) satisfies StoredLanguage });
      } else if (collection === TRANSLATIONS) {
        const stale = new Set(store.keys());
        for (const translation of storedTranslations(read)) {
          stale.delete(translation.id);
          store.set(storedTranslation(translation, read, config.base));
          if (release) letGoOfBody(translation.source);
        }
        for (const id of stale) store.delete(id);
      } else {
        const stale = new Set(store.keys());
        const count = storeCount(read);
        for (const entry of read.entries[collection] as ReadEntry[]) {
          stale.delete(entry.id);
          const digest = sourceDigest(collection, entry, read);
          if (digest !== undefined && storedBefore(store.get(entry.id), digest)) count.unchanged += 1;
          else store.set({ ...storedEntry(collection, entry, read, config.base, fileURLToPath(config.cacheDir)), ...(digest && { digest }) });
          if (release) letGoOfBody(entry);
        }
        for (const id of stale) store.delete(id);
      }
      if (markStored(root, collection, LOADED_PARTS)) {
        pruneBodies();
        const { unchanged } = storeCount(read);
        if (unchanged > 0) logger.info(`${unchanged} unchanged entr${unchanged === 1 ? 'y' : 'ies'} left as stored by the last build`);
      }
    },
  };
}

/**
 * The digest an entry is stored under when its stored form follows from
 * its file's bytes alone: the reader's code (`READER_VERSION`) and this
 * folder's made them into the entry, with the trust setting, and the
 * entry's place gives its stored path. Then an entry stored under the same
 * digest before is unchanged, and its stored form is not made again (at
 * 20,000 entries, making them all took about half a second of a rebuild
 * after one edited win). Undefined, and the stored form's own digest used,
 * for an entry whose stored form reads more than its file: BoundaryRef
 * markers (filled from other entries), a win's picture (a staged copy is
 * named by the picture's bytes), and a root read without a cache (no
 * digest of the bytes).
 */
function sourceDigest(collection: CollectionName, entry: ReadEntry, read: PlaybookRead): string | undefined {
  if (entry.bytesDigest === undefined || entry.bodyReferences.length > 0 || hasBoundaryRefs(entry.html)) return undefined;
  if (collection === 'wins' && typeof (entry.data as { image?: unknown }).image === 'string') return undefined;
  return createHash('sha1')
    .update(
      JSON.stringify([LOADER_VERSION, READER_VERSION, read.settings?.trustedMdx === true, collection, projectPath(entry.absolutePath), entry.bytesDigest]),
    )
    .digest('base64url');
}

/** Whether `stored` was stored under `digest`, and its body (if it has one) is still in the body store, kept for this reading. */
function storedBefore(stored: { digest?: string | number; rendered?: { metadata?: Record<string, unknown> } } | undefined, digest: string): boolean {
  if (stored?.digest !== digest) return false;
  const body = stored.rendered?.metadata?.[BODY_KEY];
  return typeof body !== 'string' || keepStoredBody(body);
}

/** How many entries of a reading were found stored unchanged, over every collection's loader. */
const storeCounts = new WeakMap<PlaybookRead, { unchanged: number }>();
function storeCount(read: PlaybookRead): { unchanged: number } {
  let count = storeCounts.get(read);
  if (!count) storeCounts.set(read, (count = { unchanged: 0 }));
  return count;
}

/** A digest of this folder's code: a change to how entries are stored stores every entry again. */
const LOADER_VERSION = loaderVersion();

function loaderVersion(): string {
  const hash = createHash('sha1');
  try {
    const folder = path.join(PROJECT_ROOT, 'src', 'loaders');
    for (const name of readdirSync(folder).sort()) hash.update(name).update(readFileSync(path.join(folder, name)));
  } catch {
    hash.update(String(Date.now())); // cannot tell: store every entry again
  }
  return hash.digest('base64url');
}

/**
 * A stored entry's (or translation's) body, let go: its HTML is in the body
 * store and its name in the data store, and no later loader reads either
 * (the model behind BoundaryRefs reads only facts). The bodies are most of
 * a large playbook's reading (about 700 MB of text at 100,000 entries),
 * and the reading is kept until the last loader has stored its part.
 */
function letGoOfBody(file: { html: string | undefined; body: string }): void {
  file.html = undefined;
  file.body = '';
}

function storedEntry(collection: CollectionName, entry: ReadEntry, read: PlaybookRead, base: string, cacheDir: string) {
  return storedBody(entry.id, storedData(collection, entry, cacheDir), entry, read, boundaryRefs(read, base, read.settings?.locale));
}

/** A translation's words and, when it has one, its own body with BoundaryRefs in its language. */
function storedTranslation(translation: StorableTranslation, read: PlaybookRead, base: string) {
  const own = translation.source;
  const data: StoredTranslation = {
    language: translation.language,
    collection: translation.collection,
    entry: translation.entry,
    file: translation.file,
    stale: translation.stale,
    hasBody: own.body !== '',
    words: { ...translation.data },
  };
  return storedBody(translation.id, data as unknown as Record<string, unknown>, own, read, boundaryRefs(read, base, translation.language));
}

/**
 * The stored form of an entry or a translation: its data, and its body (or
 * left to Astro's MDX, for trusted MDX). The body's HTML is kept in the body
 * store (body-store.ts) and only its name is stored, under `BODY_KEY`.
 */
function storedBody(
  id: string,
  data: Record<string, unknown>,
  file: { html: string | undefined; headings: ReadEntry['headings']; file: string; absolutePath: string; body: string },
  read: PlaybookRead,
  refs: (id: string) => string,
) {
  const html = file.html === undefined ? undefined : expandBoundaryRefs(file.html, refs);
  // Trusted MDX is the one kind of body that Astro's own MDX pipeline renders (it may import and compute).
  const deferredRender = read.settings?.trustedMdx === true && html === undefined && file.file.endsWith('.mdx') && file.body.trim() !== '';
  const rendered = html === undefined ? undefined : { html: '', metadata: { headings: detached(file.headings), [BODY_KEY]: keepBody(html) } };
  const stored = detached(data);
  const digest = createHash('sha1')
    .update(JSON.stringify([stored, rendered, deferredRender]))
    .digest('base64url');
  return { id, data: stored, filePath: projectPath(file.absolutePath), digest, ...(rendered && { rendered }), ...(deferredRender && { deferredRender }) };
}

/**
 * A copy of what is stored that shares no memory with the files it was read
 * from. A value the YAML parser cut out of a file (a title, a heading) is a
 * view of the file's whole text in V8, so storing it as it is keeps every
 * file of the playbook in memory for as long as Astro keeps the store: the
 * whole build (80 MB at 20,000 entries). A structured clone makes each string
 * its own.
 */
function detached<T>(value: T): T {
  return structuredClone(value);
}

type StorableTranslation = Omit<LoadedTranslation<ReadTranslation>, 'source'> & { source: ReadTranslation; id: string; entry: string };

/** Every translation of the reading, each with whether its base entry's words have changed since. */
function storedTranslations(read: PlaybookRead): StorableTranslation[] {
  return (read.settings?.languages ?? []).flatMap((language) =>
    languageTranslations(read.entries, read.translations, language, (translation) => translation).map((translation) => ({
      ...translation,
      source: translation.source!,
      entry: translation.id,
      id: `${language}/${translation.collection}/${translation.id}`,
    })),
  );
}

/**
 * What is stored for an entry: its checked data, with the picture of a
 * public win marked for Astro's image pipeline. A draft's picture is left
 * out: Astro copies every picture it is handed into the build, page or no page.
 */
function storedData(collection: CollectionName, entry: ReadEntry, cacheDir: string): Record<string, unknown> {
  const data = { ...(entry.data as Record<string, unknown>) };
  if (collection === 'wins' && typeof data.image === 'string') {
    if (isPublic(data.status)) data.image = astroImage(pictureImport(entry, data.image, cacheDir));
    else delete data.image;
  }
  return data;
}

/**
 * What Astro's own `image()` schema helper stores for a picture at `path` in
 * a content-layer collection: its image-import prefix, then the path. The
 * data store turns such a value into an import of the picture, which the
 * image pipeline optimises. Written here because the loader stores data its
 * reader has already checked, without running the collection's schema again
 * (`parseData`) for every entry. Astro keeps the prefix internal;
 * tests/unit/astro-image.test.ts holds this function to what the installed
 * Astro's `image()` writes, so an Astro release that changes it fails a test,
 * not a build's pictures.
 */
export function astroImage(path: string): string {
  return `${ASTRO_IMAGE_PREFIX}${path}`;
}

const ASTRO_IMAGE_PREFIX = '__ASTRO_IMAGE_';

/**
 * How Astro's image pipeline is told where a win's picture is: relative to
 * the entry file ("./" or "../"), as Astro resolves it. Vite cuts a path at
 * `#` or `?` (the rest would be a URL's fragment or query), so a picture
 * whose path holds one (a content root under `R&D #2`) is first copied into
 * the root's own cache folder, named by its bytes, and given from there.
 */
function pictureImport(entry: ReadEntry, image: string, cacheDir: string): string {
  const absolute = path.resolve(path.dirname(entry.absolutePath), image);
  if (!/[#?%\\]/.test(absolute)) return image.startsWith('./') || image.startsWith('../') ? image : `./${image}`;
  const bytes = readFileSync(absolute);
  const staged = path.join(cacheDir, 'pictures', createHash('sha256').update(bytes).digest('hex').slice(0, 16), path.basename(absolute));
  if (!existsSync(staged)) {
    mkdirSync(path.dirname(staged), { recursive: true });
    writeFileSync(staged, bytes);
  }
  return staged;
}

/** Astro wants entry file paths relative to the project root (the working directory of a build), and reads them as URLs. */
function projectPath(absolute: string): string {
  return toStoredPath(path.relative(process.cwd(), absolute).split(path.sep).join('/'));
}

/**
 * BoundaryRef markers filled from the model of this reading in one language
 * (its words, links under its prefix), made once per reading and language,
 * when the first marker is met: a playbook whose bodies name no boundary
 * builds no model here (a third of a second at 20,000 entries).
 */
const refRenderers = new WeakMap<PlaybookRead, Map<string, (id: string) => string>>();
function boundaryRefs(read: PlaybookRead, base: string, language = 'en'): (id: string) => string {
  const renderers = refRenderers.get(read) ?? new Map<string, (id: string) => string>();
  refRenderers.set(read, renderers);
  let render = renderers.get(language);
  if (!render) {
    let made: ((id: string) => string) | undefined;
    render = (id) => (made ??= boundaryRefRenderer(read, base, language))(id);
    renderers.set(language, render);
  }
  return render;
}

function boundaryRefRenderer(read: PlaybookRead, base: string, language: string): (id: string) => string {
  const settings = read.settings;
  const entries = read.entries as unknown as PlaybookInput<undefined>['entries'];
  const translated = settings &&
    language !== settings.locale && { tag: language, translations: languageTranslations(read.entries, read.translations, language, () => undefined) };
  const model = settings && buildPlaybook({ settings, today: buildDate(), entries, language: translated || undefined });
  const site = siteLanguages(settings ?? { locale: language });
  const where = site.find((candidate) => candidate.tag === language) ?? site[0]!;
  const words = createWords(language, dictionaryFor(language, read.languageFiles[language]?.interface));
  return (id) => boundaryRefHtml(model?.boundaryById.get(id), id, { words, href: (path) => withBase(localisedPath(path, where), base) });
}
