/** Schema for `values/<id>.md|mdx`: what the organisation stands for. */
import { z } from 'zod';
import { status, text, textOfAtMost } from './common.ts';

export const valueSchema = z.strictObject({
  /** The value in a few words: "Own the outcome". */
  title: text,
  /** One-sentence statement of the value, at most 280 characters. */
  summary: textOfAtMost(280),
  /** Position in listings; values without one follow, by title. */
  order: z.number().int().optional(),
  /** What living the value looks like. */
  behaviors: z.array(text).default([]),
  /** What it does not look like. */
  antiBehaviors: z.array(text).default([]),
  /** `draft` (appears nowhere), `published` (default) or `retired` (page only). */
  status,
});

export type ValueInput = z.input<typeof valueSchema>;
export type ValueData = z.output<typeof valueSchema>;
