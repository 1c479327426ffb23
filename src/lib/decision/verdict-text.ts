/**
 * Verdicts in plain words, the way every path says them: "Yes — you may
 * decide.", "Consult Director first, then decide.", "Escalate to Store
 * manager, who may approve up to £250 per case.", and when nobody up the
 * ladder may approve, who answers for the decision. Money through Intl in
 * the playbook's locale. Every word of "Can I…?" lives here (and in
 * words/), never in a page, so the words move to a language's dictionary in
 * one piece.
 *
 * Pure: no Astro, no DOM (it is bundled into the client scripts).
 */
import { formatMoney, type ResolvedMoney } from '../domain/money.ts';
import { amountPerPeriod, GUARDRAILS_LEAD } from '../words/grants.ts';
import { amountBasis, type AmountProblem, type GrantTerms, type RoleRef, type Verdict, type VerdictBand } from './verdict.ts';

const YOUR_MANAGER = 'your manager';

/** The words of the helper, the search answer and the role tables that are not a verdict. */
export const DECISION_WORDS = {
  prompt: 'Choose your role and a decision to see what you may do.',
  chooseRoleFirst: 'Choose your role first',
  chooseDecision: 'Choose a decision',
  ownGroup: 'Your decisions',
  comesUpGroup: 'Comes up to you (from the roles below you)',
  otherGroup: 'Other decisions (they go up your ladder)',
  comesUpLead: 'Not in your playing field, but a role just below you holds them and may bring them to you:',
  otherHeading: 'Other decisions',
  otherLead: 'Not in your playing field, but someone up your ladder holds them:',
  atEachAmount: 'At each amount',
  yourLadder: 'Your ladder',
  topOfYourLadder: 'You are at the top of your ladder: beyond your limits, ask whoever answers for the decision, as each line above says.',
  readBoundary: (title: string) => `Read the boundary: ${title}`,
  withAmount: (money: string) => `Can I…? with ${money}`,
  chooseRoleToAnswer: 'Choose your role once in Can I…? and searches like this one answer for you here.',
  chooseRoleLink: 'Choose your role in Can I…?',
  helperLink: 'Conditions and whom to call, in Can I…?',
  answerHeading: (role: string, decision: string, money: string) => `${role}: ${decision}, ${money}`,
  amountHint: (currency: string | undefined, period: string) => `Optional${currency ? ` — in ${currency}` : ''}, ${period}.`,
  /** The guardrails' lead-in, the boundary page's own (words/grants.ts). */
  guardrailsLead: GUARDRAILS_LEAD,
} as const;

/** Why an amount was left out, as the first sentence of a verdict. */
export function amountProblemText(problem: AmountProblem): string {
  return problem === 'negative'
    ? 'An amount cannot be negative, so it was left out: type what the decision would cost, such as 80.'
    : 'That amount is not a number, so it was left out: type digits only, such as 80 or 80.50.';
}

/** "may approve up to £150 per case", "has no monetary limit on this decision": what a holder may approve. */
export function approvesInWords(terms: GrantTerms, locale: string): string {
  return terms.limit ? `may approve up to ${amountPerPeriod(terms.limit, terms.per, locale)}` : 'has no monetary limit on this decision';
}

/** The verdict as one or more plain sentences. */
export function verdictText(verdict: Verdict, locale: string): string {
  const text = verdictSentences(verdict, locale);
  return verdict.amountProblem ? `${amountProblemText(verdict.amountProblem)} ${text}` : text;
}

function verdictSentences(verdict: Verdict, locale: string): string {
  const money = (m: ResolvedMoney) => formatMoney(m, locale);
  const grant = verdict.answer.own;
  const limit = grant?.limit && amountPerPeriod(grant.limit, grant.per, locale);
  const who = verdict.counterpart?.title ?? verdict.answer.next?.title ?? YOUR_MANAGER;

  // With an amount that was compared: a short answer, then the limit it was compared with.
  const answered = verdict.amount !== undefined && (verdict.withinLimit !== undefined || !grant?.limit);
  const because = verdict.withinLimit ? `${money(verdict.amount!)} is within your limit of ${limit}.` : 'You have no monetary limit on this decision.';

  switch (verdict.kind) {
    case 'decide':
      if (answered) return `Yes — you may decide. ${because}`;
      return limit ? `You may decide up to ${limit}.` : 'You may decide, with no monetary limit.';
    case 'decide-and-inform':
      if (answered) return `Yes — decide, then inform ${who}. ${because}`;
      return limit ? `You may decide up to ${limit}, then inform ${who}.` : `You may decide, with no monetary limit, then inform ${who}.`;
    case 'consult':
      if (answered) return `Consult ${who} first, then decide. ${because}`;
      return limit ? `Consult ${who} first, then you may decide up to ${limit}.` : `Consult ${who} first, then decide, with no monetary limit.`;
    case 'escalate':
      return verdict.beyond ? `This decision is not yours to take alone. ${goingUpText(verdict, locale)}` : goingUpText(verdict, locale);
    case 'over-limit':
      return `No — ${money(verdict.amount!)} is above your limit of ${limit}. ${goingUpText(verdict, locale)}`;
    case 'no-grant': {
      const lead =
        verdict.answer.group === 'comes-up'
          ? 'This decision comes up to you, but it is not in your playing field.'
          : 'This decision is not in your playing field.';
      return `${lead} ${goingUpText(verdict, locale)}`;
    }
  }
}

/** Where the decision goes: the approver (and whom the reader meets first), or, when nobody up the ladder may approve, who answers for it. */
function goingUpText(verdict: Verdict, locale: string): string {
  const { approver, callFirst, amount } = verdict;
  if (approver && callFirst && amount) {
    return `${callFirst.role.title} ${approvesInWords(callFirst, locale)}; ${formatMoney(amount, locale)} goes to ${approver.role.title}, who ${approvesInWords(approver, locale)}.`;
  }
  if (approver) return `Escalate to ${approver.role.title}, who ${approvesInWords(approver, locale)}.`;
  return notCoveredText(verdict, locale);
}

/** The one way every path says that nobody up the ladder may approve: what the playbook does not cover, and whom to ask. */
export function notCoveredText(verdict: Pick<Verdict, 'kind' | 'amount' | 'highest' | 'decision'>, locale: string): string {
  const ask = `Ask ${verdict.decision.owner}, who answers for this decision.`;
  const { amount, highest } = verdict;
  if (amount && highest?.limit) {
    return `The playbook does not cover ${formatMoney(amount, locale)} here: no one up your ladder may approve more than ${amountPerPeriod(highest.limit, highest.per, locale)} (${highest.role.title}). ${ask}`;
  }
  if (amount && verdict.kind === 'over-limit')
    return `The playbook does not cover ${formatMoney(amount, locale)} here: no one up your ladder may approve more than you. ${ask}`;
  return `The playbook does not cover this: no one up your ladder holds this decision. ${ask}`;
}

/** One line of "Whom to call": a role and what it may approve or what to do with it, or the decision's owner. */
export type CallLine = { role: RoleRef; words: string } | { owner: string; words: string };

/** "Whom to call", in the order the reader calls: the role met first, then the approver; or whom to inform or consult; or the owner. */
export function whomToCall(verdict: Verdict, locale: string): CallLine[] {
  if (verdict.counterpart)
    return [{ role: verdict.counterpart, words: verdict.kind === 'consult' ? 'to consult before you decide' : 'to inform once you have decided' }];
  if (verdict.kind === 'decide' || verdict.kind === 'decide-and-inform' || verdict.kind === 'consult') return [];
  if (verdict.beyond) return [{ owner: verdict.decision.owner, words: 'answers for this decision' }];
  const lines: CallLine[] = [];
  if (verdict.callFirst) lines.push({ role: verdict.callFirst.role, words: `${approvesInWords(verdict.callFirst, locale)}: ask them first` });
  if (verdict.approver) lines.push({ role: verdict.approver.role, words: approvesInWords(verdict.approver, locale) });
  return lines;
}

/** A band of amounts in words: "Up to £150 per case: goes to Shift lead", "Over £500 per case: not covered, ask …", "Any amount: you decide". */
export function bandText(band: VerdictBand, bands: readonly VerdictBand[], locale: string): string {
  const { verdict } = band;
  const { per } = amountBasis(verdict.answer);
  const range = band.upTo
    ? `Up to ${amountPerPeriod(band.upTo, per, locale)}`
    : bands.length > 1 && bands.at(-2)!.upTo
      ? `Over ${amountPerPeriod(bands.at(-2)!.upTo!, per, locale)}`
      : 'Any amount';
  return `${range}: ${outcomeText(verdict)}`;
}

function outcomeText(verdict: Verdict): string {
  const who = verdict.counterpart?.title ?? YOUR_MANAGER;
  switch (verdict.kind) {
    case 'decide':
      return 'you decide';
    case 'decide-and-inform':
      return `you decide, then inform ${who}`;
    case 'consult':
      return `consult ${who}, then you decide`;
    default:
      return verdict.approver ? `goes to ${verdict.approver.role.title}` : `not covered, ask ${verdict.decision.owner}`;
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
