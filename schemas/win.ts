/** Schema for `wins/<id>.md|mdx`: documented moments worth celebrating. */
import { z } from 'zod';
import { entryId, entryIds, isoDate, money, status, text } from './common.ts';

/**
 * The win schema. `image` is a path relative to the entry file; Astro's
 * collections pass their `image()` helper so the picture goes through the
 * image pipeline, while the validator and JSON Schema see the plain path.
 */
export function createWinSchema<Image extends z.ZodType = z.ZodString>(image?: Image) {
  return z.strictObject({
    /** The story in a few words. */
    title: text,
    /** When it happened, YYYY-MM-DD. */
    date: isoDate,
    /** Who is celebrated; at least one name. */
    people: z.array(text).min(1, { error: 'must name at least one person' }),
    /** The team they are in. */
    team: text.optional(),
    /** Role id the person acted in. */
    role: entryId.optional(),
    /** Value ids the win shows; at least one. */
    values: entryIds.pipe(z.array(z.string()).min(1, { error: 'must list at least one value' })),
    /** Boundary id of the authority the person used. */
    boundary: entryId.optional(),
    /** What it cost. */
    spent: money.optional(),
    /** The customer, only ever named or quoted with their consent. */
    customer: z
      .strictObject({
        /** The customer's name, as they agreed to be named. */
        name: text.optional(),
        /** What the customer said. */
        quote: text.optional(),
        /** `true` when the customer agreed to be named or quoted; required then. */
        consent: z.boolean().optional(),
      })
      .optional(),
    /** A picture: a path relative to this file, inside the content root. */
    image: (image ?? text).optional() as z.ZodOptional<Image>,
    /** Text alternative for the picture; required with `image`. */
    imageAlt: text.optional(),
    /** What came of it. */
    impact: text.optional(),
    /** `draft` (appears nowhere), `published` (default) or `retired` (page only). */
    status,
  });
}

export const winSchema = createWinSchema();

export type WinInput = z.input<typeof winSchema>;
export type WinData = z.output<typeof winSchema>;
