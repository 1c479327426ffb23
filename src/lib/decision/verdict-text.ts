/**
 * Verdicts in plain words, the way every path says them: "Yes — you may
 * decide.", "Consult Director first, then decide.", "Escalate to Store
 * manager, who may approve up to £250 per case.", and when nobody up the
 * ladder may approve, who answers for the decision. In the reader's
 * language: the words from its dictionary, money through Intl (`Words`).
 * Every sentence of "Can I…?" is made here, never in a page or a script.
 *
 * Pure: no Astro, no DOM (it is bundled into the client scripts).
 */
import { dayAfter, daysBetween, type DayWindow } from '../domain/ladder.ts';
import type { Words } from '../languages/words.ts';
import { amountPerPeriod } from '../words/grants.ts';
import { amountBasis, type AmountProblem, type GrantTerms, type RoleRef, type Verdict, type VerdictBand } from './verdict.ts';

/** Why an amount was left out, as the first sentence of a verdict. */
export function amountProblemText(problem: AmountProblem, words: Words): string {
  return words.t(problem === 'negative' ? 'verdict.amountNegative' : 'verdict.amountUnreadable');
}

/** "may approve up to £150 per case", "has no monetary limit on this decision": what a holder may approve. */
export function approvesInWords(terms: GrantTerms, words: Words): string {
  return terms.limit ? words.t('verdict.approvesUpTo', { limit: amountPerPeriod(terms.limit, terms.per, words) }) : words.t('verdict.approvesNoLimit');
}

/** The verdict as one or more plain sentences. */
export function verdictText(verdict: Verdict, words: Words): string {
  const text = verdictSentences(verdict, words);
  return verdict.amountProblem ? `${amountProblemText(verdict.amountProblem, words)} ${text}` : text;
}

function verdictSentences(verdict: Verdict, words: Words): string {
  const t = words.t;
  const grant = verdict.answer.own;
  const limit = grant?.limit && amountPerPeriod(grant.limit, grant.per, words);
  const whom = verdict.counterpart?.title ?? verdict.answer.next?.title ?? t('verdict.yourManager');

  // With an amount that was compared: a short answer, then the limit it was compared with.
  const answered = verdict.amount !== undefined && (verdict.withinLimit !== undefined || !grant?.limit);
  const because = verdict.withinLimit ? t('verdict.withinLimit', { amount: words.money(verdict.amount!), limit: limit! }) : t('verdict.noLimit');

  switch (verdict.kind) {
    case 'decide':
      if (answered) return t('verdict.decideAnswered', { because });
      return limit ? t('verdict.decideUpTo', { limit }) : t('verdict.decideNoLimit');
    case 'decide-and-inform':
      if (answered) return t('verdict.informAnswered', { whom, because });
      return limit ? t('verdict.informUpTo', { limit, whom }) : t('verdict.informNoLimit', { whom });
    case 'consult':
      if (answered) return t('verdict.consultAnswered', { whom, because });
      return limit ? t('verdict.consultUpTo', { limit, whom }) : t('verdict.consultNoLimit', { whom });
    case 'escalate':
      return verdict.beyond ? `${t('verdict.notAlone')} ${goingUpText(verdict, words)}` : goingUpText(verdict, words);
    case 'over-limit':
      return `${t('verdict.overLimit', { amount: words.money(verdict.amount!), limit: limit! })} ${goingUpText(verdict, words)}`;
    case 'no-grant':
      return `${t(verdict.answer.group === 'comes-up' ? 'verdict.comesUpNotYours' : 'verdict.notYours')} ${goingUpText(verdict, words)}`;
  }
}

/** Where the decision goes: the approver (and whom the reader meets first), or, when nobody up the ladder may approve, who answers for it. */
function goingUpText(verdict: Verdict, words: Words): string {
  const { approver, callFirst, amount } = verdict;
  if (approver && callFirst && amount) {
    return words.t('verdict.callFirstThenApprover', {
      first: callFirst.role.title,
      firstApproves: approvesInWords(callFirst, words),
      amount: words.money(amount),
      approver: approver.role.title,
      approves: approvesInWords(approver, words),
    });
  }
  if (approver) return words.t('verdict.escalateTo', { whom: approver.role.title, approves: approvesInWords(approver, words) });
  return notCoveredText(verdict, words);
}

/** The one way every path says that nobody up the ladder may approve: what the playbook does not cover, and whom to ask. */
export function notCoveredText(verdict: Pick<Verdict, 'kind' | 'amount' | 'highest' | 'decision'>, words: Words): string {
  const ask = words.t('verdict.askOwner', { owner: verdict.decision.owner });
  const { amount, highest } = verdict;
  if (amount && highest?.limit) {
    const limit = amountPerPeriod(highest.limit, highest.per, words);
    return words.t('verdict.notCoveredAbove', { amount: words.money(amount), limit, role: highest.role.title, ask });
  }
  if (amount && verdict.kind === 'over-limit') return words.t('verdict.notCoveredAboveYou', { amount: words.money(amount), ask });
  return words.t('verdict.notCovered', { ask });
}

/** One line of "Whom to call": a role and what it may approve or what to do with it, or the decision's owner. */
export type CallLine = { role: RoleRef; words: string } | { owner: string; words: string };

/** "Whom to call", in the order the reader calls: the role met first, then the approver; or whom to inform or consult; or the owner. */
export function whomToCall(verdict: Verdict, words: Words): CallLine[] {
  if (verdict.counterpart) return [{ role: verdict.counterpart, words: words.t(verdict.kind === 'consult' ? 'call.consult' : 'call.inform') }];
  if (verdict.kind === 'decide' || verdict.kind === 'decide-and-inform' || verdict.kind === 'consult') return [];
  if (verdict.beyond) return [{ owner: verdict.decision.owner, words: words.t('call.owner') }];
  const lines: CallLine[] = [];
  if (verdict.callFirst) lines.push({ role: verdict.callFirst.role, words: words.t('call.askFirst', { approves: approvesInWords(verdict.callFirst, words) }) });
  if (verdict.approver) lines.push({ role: verdict.approver.role, words: approvesInWords(verdict.approver, words) });
  return lines;
}

/** A band of amounts in words: "Up to £150 per case: goes to Shift lead", "Over £500 per case: not covered, ask …", "Any amount: you decide". */
export function bandText(band: VerdictBand, bands: readonly VerdictBand[], words: Words): string {
  const { verdict } = band;
  const { per } = amountBasis(verdict.answer);
  const below = bands.length > 1 ? bands.at(-2)!.upTo : undefined;
  const range = band.upTo
    ? words.t('band.upTo', { amount: amountPerPeriod(band.upTo, per, words) })
    : below
      ? words.t('band.over', { amount: amountPerPeriod(below, per, words) })
      : words.t('band.any');
  return words.t('band.line', { range, outcome: outcomeText(verdict, words) });
}

function outcomeText(verdict: Verdict, words: Words): string {
  const whom = verdict.counterpart?.title ?? words.t('verdict.yourManager');
  switch (verdict.kind) {
    case 'decide':
      return words.t('outcome.decide');
    case 'decide-and-inform':
      return words.t('outcome.inform', { whom });
    case 'consult':
      return words.t('outcome.consult', { whom });
    default:
      return verdict.approver
        ? words.t('outcome.goesTo', { whom: verdict.approver.role.title })
        : words.t('outcome.notCovered', { owner: verdict.decision.owner });
  }
}

/** The currency's symbol as the locale writes it: "£", "€", "CA$"; the code itself when Intl has none. */
export function currencySymbol(currency: string, locale: string): string {
  try {
    const parts = new Intl.NumberFormat(locale, { style: 'currency', currency }).formatToParts(0);
    return parts.find((part) => part.type === 'currency')?.value ?? currency;
  } catch {
    return currency;
  }
}

/** How near a change of terms must be for an answer to say which day it is for, in days. */
export const NEAR_CHANGE_DAYS = 30;

/** Which day an answer was worked out for: the reader's device date (scripts ran) or the build date (they did not). */
export type DaySource = 'device' | 'build';

/**
 * When the verdict's terms change within NEAR_CHANGE_DAYS of its day (a
 * dated grant ends, or the next window starts): "Answer for 5 Dec 2026
 * (this device's date). These terms change after 31 Dec 2026." Undefined
 * when no window is near, or the grants carry no dates.
 */
export function dayNote(verdict: { on: string | undefined; window: DayWindow | undefined }, source: DaySource, words: Words): string | undefined {
  const { on, window } = verdict;
  if (on === undefined || !window) return undefined;
  const endsSoon = window.until !== undefined && daysBetween(on, window.until) <= NEAR_CHANGE_DAYS;
  const startedLately = window.from !== undefined && daysBetween(window.from, on) <= NEAR_CHANGE_DAYS && window.from <= on;
  if (!endsSoon && !startedLately) return undefined;
  const answerFor = words.t('window.answerFor', { date: words.date(on), source: words.t(source === 'device' ? 'window.deviceDate' : 'window.buildDate') });
  if (!endsSoon) return answerFor;
  return `${answerFor} ${words.t('window.changesOn', { date: words.date(dayAfter(window.until!)) })}`;
}
