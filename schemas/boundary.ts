/** Schema for `boundaries/<id>.md|mdx`: who may decide what, up to which limit. */
import { z } from 'zod';
import { entryId, entryIds, isoDate, money, reviewEveryDays, status, text } from './common.ts';
import { AUTHORITIES, LIMIT_PERIODS, SCENARIO_ANSWERS } from './vocabulary.ts';

export { AUTHORITIES, LIMIT_PERIODS, SCENARIO_ANSWERS, type Authority, type LimitPeriod, type ScenarioAnswer } from './vocabulary.ts';

export const grantSchema = z.strictObject({
  /** The role id this grant is for. */
  role: entryId,
  /**
   * `decide` alone; `decide-and-inform` the escalation role afterwards;
   * `consult` it before deciding; `escalate`: hand the decision up.
   */
  authority: z.enum(AUTHORITIES),
  /** The most this role may commit on its own; none means no monetary limit. */
  limit: money.optional(),
  /** What the limit counts against; `case` by default. */
  per: z.enum(LIMIT_PERIODS).default('case'),
  /** Role id to escalate to for this decision, instead of the role's `escalatesTo`. */
  escalateTo: entryId.optional(),
  /** A short qualification shown with the grant. */
  note: text.optional(),
  /** The first day the grant applies, YYYY-MM-DD; left out, it applies from the boundary's start. */
  from: isoDate.optional(),
  /**
   * The last day the grant applies (inclusive), YYYY-MM-DD; left out, it has
   * no end. One role may hold several grants on a boundary when their
   * `from`/`until` windows do not overlap: a permanent £75 and a December £150.
   */
  until: isoDate.optional(),
});

/**
 * A training situation a role meets on this boundary, with the answer the
 * playbook expects. The validator works the answer out from the grants with
 * the "Can I…?" verdict, so a scenario can never teach what the grants do
 * not say.
 */
export const scenarioSchema = z.strictObject({
  /** What happens, in the reader's words: "A customer's kettle broke after a week; it cost £90." */
  situation: text,
  /** The role id of who meets it: a role that holds a grant here, or escalates to one that does. */
  role: entryId,
  /** What the decision would commit: a number in the boundary's currency, or money with its own currency. */
  amount: z.union([money.shape.amount, money]).optional(),
  /** The answer the playbook expects: an authority, or `not-allowed` when a guardrail applies. */
  answer: z.enum(SCENARIO_ANSWERS),
  /** Why, shown after the reader answers. */
  explain: text.optional(),
});

export const boundarySchema = z.strictObject({
  /** The boundary's name: "Goodwill credit on a bill". */
  title: text,
  /** One or two sentences on the playing field. */
  summary: text,
  /** The decision as a verb phrase: "Credit a customer's bill". */
  decision: text,
  /** Billing, service recovery, … — a search filter. */
  category: text.optional(),
  /** How far each role may go on its own; at least one. */
  grants: z.array(grantSchema).min(1, { error: 'must list at least one grant' }),
  /** When not to use the authority at all (fraud, safety, legal). */
  guardrails: z.array(text).default([]),
  /** Situations inside and outside the playing field. */
  examples: z
    .strictObject({
      /** Situations inside the playing field. */
      within: z.array(text).default([]),
      /** Situations outside it. */
      outside: z.array(text).default([]),
    })
    .default({ within: [], outside: [] }),
  /** Value ids the boundary serves. */
  values: entryIds.default([]),
  /** Related guideline ids. */
  guidelines: entryIds.default([]),
  /** Who answers for the boundary. */
  owner: text,
  /** The leader who approved it. */
  approvedBy: text,
  /** From when it holds, YYYY-MM-DD. */
  effective: isoDate,
  /** When it was last checked, YYYY-MM-DD. */
  lastReviewed: isoDate,
  /** Days until the next review; overrides the playbook default. */
  reviewEveryDays: reviewEveryDays.optional(),
  /** The boundary's history, newest first. */
  changes: z
    .array(
      z.strictObject({
        /** When the change took effect, YYYY-MM-DD. */
        date: isoDate,
        /** What changed, in a sentence: "Agent refund limit raised from $40 to $75." */
        summary: text,
      }),
    )
    .default([]),
  /** Training situations with the answer the playbook expects, checked against the grants. */
  scenarios: z.array(scenarioSchema).optional(),
  /** `draft` (appears nowhere), `published` (default) or `retired` (page only). */
  status,
});

export type GrantData = z.output<typeof grantSchema>;
export type ScenarioData = z.output<typeof scenarioSchema>;
export type BoundaryInput = z.input<typeof boundarySchema>;
export type BoundaryData = z.output<typeof boundarySchema>;
