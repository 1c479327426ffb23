/** Schema for `guidelines/<id>.md|mdx`: empowerment guidelines. */
import { z } from 'zod';
import { entryIds, isoDate, reviewEveryDays, status, text } from './common.ts';

export const guidelineSchema = z.strictObject({
  /** What the guideline is about: "Put it right first, ask later". */
  title: text,
  /** One or two sentences an employee can act on. */
  summary: text,
  /** Person or team answerable for the guideline. */
  owner: text,
  /** When it was last checked, YYYY-MM-DD. */
  lastReviewed: isoDate,
  /** Days until the next review; overrides `reviewEveryDays` in playbook.yaml. */
  reviewEveryDays: reviewEveryDays.optional(),
  /** Value ids the guideline puts into practice. */
  values: entryIds.default([]),
  /** Role ids it is for; empty means everyone. */
  roles: entryIds.default([]),
  /** Related decision boundary ids. */
  boundaries: entryIds.default([]),
  /** Free-form tags. */
  tags: z.array(text).default([]),
  /** `draft` (appears nowhere), `published` (default) or `retired` (page only). */
  status,
});

export type GuidelineInput = z.input<typeof guidelineSchema>;
export type GuidelineData = z.output<typeof guidelineSchema>;
