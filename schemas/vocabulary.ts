/**
 * The words a grant is written in, as plain lists with no zod, so that code
 * bundled for the browser (the "Can I…?" helper) can share them with the
 * schemas instead of keeping copies.
 */

/** How a role holds a decision. */
export const AUTHORITIES = ['decide', 'decide-and-inform', 'consult', 'escalate'] as const;
/** What a limit counts against. */
export const LIMIT_PERIODS = ['case', 'customer', 'customer-day', 'day', 'month', 'year'] as const;

export type Authority = (typeof AUTHORITIES)[number];
export type LimitPeriod = (typeof LIMIT_PERIODS)[number];

/** The answers a training scenario may expect: an authority, or `not-allowed` where a guardrail applies (issue 18). */
export const SCENARIO_ANSWERS = ['decide', 'decide-and-inform', 'consult', 'escalate', 'not-allowed'] as const;

export type ScenarioAnswer = (typeof SCENARIO_ANSWERS)[number];
