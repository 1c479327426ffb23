/** Schema for `case-studies/<id>.md|mdx`: what an organisation did, and what came of it. */
import { z } from 'zod';
import { entryIds, status, text, webUrl } from './common.ts';

export const caseStudySchema = z.strictObject({
  /** The case in a few words. */
  title: text,
  /** One or two sentences: what was done and what came of it. */
  summary: text,
  /** Whose story it is: "Southwest Airlines". */
  organisation: text,
  /** The organisation's industry. */
  industry: text.optional(),
  /** `true` for one of our own teams; external cases must cite `sources`. */
  internal: z.boolean().default(false),
  /** When it happened: "2019–2021". */
  period: text.optional(),
  /** Results, with the figure before where known: CSAT 78% → 92%. */
  metrics: z
    .array(
      z.strictObject({
        /** What was measured: "CSAT". */
        label: text,
        /** The figure after: "92%". */
        value: text,
        /** The figure before, if known: "78%". */
        before: text.optional(),
      }),
    )
    .default([]),
  /** Value ids the case illustrates. */
  values: entryIds.default([]),
  /** Boundary ids the case illustrates. */
  boundaries: entryIds.default([]),
  /** Where external claims come from; required unless `internal` is true. */
  sources: z
    .array(
      z.strictObject({
        /** The source's title. */
        title: text,
        /** Where to read it. */
        url: webUrl,
      }),
    )
    .default([]),
  /** `draft` (appears nowhere), `published` (default) or `retired` (page only). */
  status,
});

export type CaseStudyInput = z.input<typeof caseStudySchema>;
export type CaseStudyData = z.output<typeof caseStudySchema>;
