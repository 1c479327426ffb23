// Every entry of the content root in one glob collection, with a schema that lets anything through.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

const root = process.env.FLOOR_CONTENT_DIR;
if (!root) throw new Error('FLOOR_CONTENT_DIR must name the content root');

export const collections = {
  entries: defineCollection({
    loader: glob({ base: root, pattern: '{values,guidelines,boundaries,case-studies,wins}/**/*.{md,mdx}' }),
    schema: z.looseObject({}),
  }),
};
