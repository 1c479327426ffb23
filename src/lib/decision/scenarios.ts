/**
 * Training scenarios (issue 18): what a scenario's answer is, worked out by
 * the one "Can I…?" verdict. The validator checks every scenario's expected
 * answer with `scenarioVerdict`, and the self-check pages give the verdict's
 * own reason after each answer, so a scenario can never teach what the
 * grants do not say.
 *
 * Pure: no Astro, no DOM, no zod.
 */
import type { ScenarioAnswer } from '../../../schemas/vocabulary.ts';
import type { ResolvedMoney } from '../domain/money.ts';
import { amountBasis, verdict, type DecisionAnswer, type Verdict } from './verdict.ts';

/** What the grants can give: every answer but `not-allowed`, which only a guardrail gives. */
export type GrantedAnswer = Exclude<ScenarioAnswer, 'not-allowed'>;

/** A scenario's amount as written: a number in the decision's currency, or money with (or without) its own. */
export type ScenarioAmount = number | { amount: number; currency?: string | undefined };

/** The answer a verdict gives: its authority when the role decides, else `escalate` (over its limit, escalate-only, or no grant here). */
export function grantedAnswer(result: Verdict): GrantedAnswer {
  switch (result.kind) {
    case 'decide':
    case 'decide-and-inform':
    case 'consult':
      return result.kind;
    default:
      return 'escalate';
  }
}

/** A scenario's amount resolved: a number takes the decision's currency (the amount basis's, else `fallback`); undefined without an amount or any currency. */
export function scenarioMoney(answer: DecisionAnswer, amount: ScenarioAmount | undefined, fallback: string | undefined): ResolvedMoney | undefined {
  if (amount === undefined) return undefined;
  const currency = typeof amount === 'number' ? amountBasis(answer, fallback).currency : (amount.currency ?? fallback);
  return currency === undefined ? undefined : { amount: typeof amount === 'number' ? amount : amount.amount, currency };
}

/** The verdict on a scenario: the same function "Can I…?" answers with, for the scenario's role and amount. */
export function scenarioVerdict(answer: DecisionAnswer, amount: ScenarioAmount | undefined, fallback: string | undefined): Verdict {
  const money = scenarioMoney(answer, amount, fallback);
  return money ? verdict(answer, money.amount, money.currency) : verdict(answer);
}
