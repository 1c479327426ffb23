/**
 * Latitude's content loader: Astro's collections filled from the one reading
 * of the content root (`readPlaybook`, the validator's own reader), so the
 * build shows exactly what the check passed.
 *
 * The content root is read once per build for every collection, with every
 * rule run (the validation integration starts the reading and stops a build
 * with errors before any loader stores anything). Each collection's loader
 * then stores its entries with their rendered HTML, and a digest of what was
 * stored so that an unchanged entry is not written again; entries whose
 * files are gone leave the store.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { COLLECTION_NAMES, type CollectionName } from '../../schemas/index.ts';
import { toStoredPath } from '../lib/reading/paths.ts';
import { resolveContentRoot } from '../lib/reading/resolve-content-root.ts';
import { expandBoundaryRefs } from '../lib/reading/render-body.ts';
import { buildPlaybook, type PlaybookInput } from '../lib/model/build-playbook.ts';
import { isPublic } from '../lib/model/published.ts';
import { buildDate } from '../lib/domain/review.ts';
import { boundaryRefHtml } from '../lib/views/boundary-ref.ts';
import { readPlaybook, type PlaybookRead, type ReadEntry } from '../lib/validator/validate-content-root.ts';
import { currentRead, markStored, startRead } from './playbook-read.ts';

/** The stored form of playbook.yaml: one entry, `playbook`. */
export const SETTINGS_ID = 'playbook';

/** Every loader of content.config.ts: the reading is let go once all have stored it. */
const LOADED_PARTS = ['playbook', ...COLLECTION_NAMES] as const;

/** A loader for one collection, or for the settings (`playbook`). */
export function playbookLoader(collection: CollectionName | 'playbook'): Loader {
  return {
    name: `latitude:${collection}`,
    load: async ({ store, config }) => {
      const root = resolveContentRoot();
      const read = await (currentRead(root) ?? startRead(root, () => readPlaybook(root)));
      if (collection === 'playbook') {
        store.clear();
        if (read.settings) store.set({ id: SETTINGS_ID, data: { ...read.settings }, filePath: projectPath(path.join(root, 'playbook.yaml')) });
      } else {
        const stale = new Set(store.keys());
        for (const entry of read.entries[collection] as ReadEntry[]) {
          stale.delete(entry.id);
          store.set(storedEntry(collection, entry, read, config.base, fileURLToPath(config.cacheDir)));
        }
        for (const id of stale) store.delete(id);
      }
      markStored(root, collection, LOADED_PARTS);
    },
  };
}

function storedEntry(collection: CollectionName, entry: ReadEntry, read: PlaybookRead, base: string, cacheDir: string) {
  const data = storedData(collection, entry, cacheDir);
  const html = entry.html === undefined ? undefined : expandBoundaryRefs(entry.html, boundaryRefs(read, base));
  // Trusted MDX is the one kind of body that Astro's own MDX pipeline renders (it may import and compute).
  const deferredRender = read.settings?.trustedMdx === true && html === undefined && entry.file.endsWith('.mdx');
  const rendered = html === undefined ? undefined : { html, metadata: { headings: entry.headings } };
  const digest = createHash('sha1')
    .update(JSON.stringify([data, rendered, deferredRender]))
    .digest('base64url');
  return { id: entry.id, data, filePath: projectPath(entry.absolutePath), digest, ...(rendered && { rendered }), ...(deferredRender && { deferredRender }) };
}

/**
 * What is stored for an entry: its checked data, with the picture of a
 * public win marked for Astro's image pipeline. A draft's picture is left
 * out: Astro copies every picture it is handed into the build, page or no page.
 */
function storedData(collection: CollectionName, entry: ReadEntry, cacheDir: string): Record<string, unknown> {
  const data = { ...(entry.data as Record<string, unknown>) };
  if (collection === 'wins' && typeof data.image === 'string') {
    if (isPublic(data.status)) data.image = `__ASTRO_IMAGE_${pictureImport(entry, data.image, cacheDir)}`;
    else delete data.image;
  }
  return data;
}

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

/** BoundaryRef markers filled from the model of this reading, made once per reading. */
const refRenderers = new WeakMap<PlaybookRead, (id: string) => string>();
function boundaryRefs(read: PlaybookRead, base: string): (id: string) => string {
  let render = refRenderers.get(read);
  if (!render) {
    const settings = read.settings;
    const model = settings && buildPlaybook({ settings, today: buildDate(), entries: read.entries as unknown as PlaybookInput<undefined>['entries'] });
    render = (id) => boundaryRefHtml(model?.boundaryById.get(id), id, { locale: settings?.locale ?? 'en', base });
    refRenderers.set(read, render);
  }
  return render;
}
