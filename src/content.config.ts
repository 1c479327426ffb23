/**
 * Astro's collections over the content root, filled by Latitude's loader
 * from the one reading of the content root (src/loaders/playbook-loader.ts).
 * The schemas here only type the collections: the loader stores data that
 * the same schemas have already checked.
 */
import { defineCollection } from 'astro:content';
import { z } from 'zod';
import { boundarySchema, caseStudySchema, createWinSchema, guidelineSchema, playbookSchema, roleSchema, valueSchema } from '../schemas/index.ts';
import { playbookLoader } from './loaders/playbook-loader.ts';

export const collections = {
  playbook: defineCollection({ loader: playbookLoader('playbook'), schema: playbookSchema }),
  values: defineCollection({ loader: playbookLoader('values'), schema: valueSchema }),
  roles: defineCollection({ loader: playbookLoader('roles'), schema: roleSchema }),
  guidelines: defineCollection({ loader: playbookLoader('guidelines'), schema: guidelineSchema }),
  boundaries: defineCollection({ loader: playbookLoader('boundaries'), schema: boundarySchema }),
  caseStudies: defineCollection({ loader: playbookLoader('caseStudies'), schema: caseStudySchema }),
  wins: defineCollection({ loader: playbookLoader('wins'), schema: ({ image }) => createWinSchema(image()) }),
  // Each translation's words (checked by schemas/translation.ts when read), by `<language>/<collection>/<id>`.
  translations: defineCollection({
    loader: playbookLoader('translations'),
    schema: z.object({
      language: z.string(),
      collection: z.string(),
      entry: z.string(),
      file: z.string(),
      stale: z.boolean(),
      hasBody: z.boolean(),
      words: z.record(z.string(), z.unknown()),
    }),
  }),
  // Each language's own interface words and synonyms, by language.
  languages: defineCollection({
    loader: playbookLoader('languages'),
    schema: z.object({ interface: z.record(z.string(), z.unknown()).optional(), synonyms: z.record(z.string(), z.array(z.string())).optional() }),
  }),
};
