/**
 * Astro's collections over the content root, filled by Latitude's loader
 * from the one reading of the content root (src/loaders/playbook-loader.ts).
 * The schemas here only type the collections: the loader stores data that
 * the same schemas have already checked.
 */
import { defineCollection } from 'astro:content';
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
};
