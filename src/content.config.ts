/**
 * Astro's collections over the content root, with the schemas in schemas/.
 * The root comes from PLAYBOOK_CONTENT_DIR, made absolute by the playbook
 * integration before content is synced. Ids are file names, sub-folders allowed.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { parse } from 'yaml';
import { z } from 'zod';
import {
  boundarySchema, caseStudySchema, COLLECTIONS, createWinSchema, guidelineSchema, PLAYBOOK_FILE, playbookSchema, roleSchema, valueSchema,
  type CollectionName,
} from '../schemas/index.ts';
import { isPublic } from './lib/model/published.ts';

const contentRoot = path.resolve(process.env.PLAYBOOK_CONTENT_DIR ?? 'content');

/** A glob loader over one collection's folder; the id is the file name alone. */
function entries(collection: CollectionName) {
  const { folder, extensions } = COLLECTIONS[collection];
  return glob({
    base: pathToFileURL(path.join(contentRoot, folder)),
    pattern: `**/[!_.]*.{${extensions.map((ext) => ext.slice(1)).join(',')}}`,
    generateId: ({ entry }) => path.posix.basename(entry).replace(/\.[^.]+$/, ''),
  });
}

/** playbook.yaml is one object, not a list of entries: it is stored as the single entry `playbook`. */
const playbookSettings = defineCollection({
  loader: {
    name: 'latitude-playbook-settings',
    load: async ({ store, parseData }) => {
      const file = path.join(contentRoot, PLAYBOOK_FILE);
      const data = parse(await readFile(file, 'utf8')) as Record<string, unknown>;
      store.clear();
      // Astro wants entry file paths relative to the project root (the working directory of a build).
      store.set({ id: 'playbook', data: await parseData({ id: 'playbook', data }), filePath: path.relative(process.cwd(), file) });
    },
  },
  schema: playbookSchema,
});

export const collections = {
  playbook: playbookSettings,
  values: defineCollection({ loader: entries('values'), schema: valueSchema }),
  roles: defineCollection({ loader: entries('roles'), schema: roleSchema }),
  guidelines: defineCollection({ loader: entries('guidelines'), schema: guidelineSchema }),
  boundaries: defineCollection({ loader: entries('boundaries'), schema: boundarySchema }),
  caseStudies: defineCollection({ loader: entries('caseStudies'), schema: caseStudySchema }),
  wins: defineCollection({ loader: entries('wins'), schema: ({ image }) => z.preprocess(withoutDraftImage, createWinSchema(image())) }),
};

/**
 * Astro copies every picture its image() helper sees into the build, page
 * or no page: a draft win's picture would be published. So only public
 * entries hand their picture to image(); the validator still checks drafts' pictures.
 */
function withoutDraftImage(data: unknown): unknown {
  if (typeof data !== 'object' || data === null || !('image' in data)) return data;
  const { status = 'published', ...rest } = data as { status?: unknown };
  if (isPublic(status)) return data;
  const { image: _image, ...withoutImage } = rest as { image?: unknown };
  return { ...withoutImage, status };
}
