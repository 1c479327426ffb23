/**
 * "Can I…?" answered from a search: when the query names an amount
 * ("refund £80", "refund 80", "80 quid refund"), the verdict for the
 * reader's remembered role (see remembered-role.ts) on the decision the
 * query names, from the role's answers as the build wrote them, through the
 * one verdict function. Without a remembered role, an offer to ask "Can I…?"
 * with that amount. The search page shows it as a card above the results;
 * the header's type-ahead as its first line.
 */
import { answerQuery, parseAmountQuery } from '../lib/decision/answer-query.ts';
import { deviceStorage, readRememberedRole } from '../lib/decision/remembered-role.ts';
import { amountProblemText, DECISION_WORDS, verdictText } from '../lib/decision/verdict-text.ts';
import { formatMoney } from '../lib/domain/money.ts';
import { href } from '../lib/links/href.ts';
import { helperIndex, roleAnswers } from './role-data.ts';
import { loadSynonyms } from './search-engine.ts';

export type SearchAnswer =
  /** The verdict for the remembered role. */
  | { kind: 'verdict'; heading: string; text: string; helper: string; boundary: { href: string; label: string } }
  /** No role remembered: "Can I…? with £80", or why the amount was left out. */
  | { kind: 'offer'; heading: string; text: string; helper: string; label: string };

/** The answer a query asks for, or undefined when it names no amount (or, for a remembered role, no decision it can ask about). */
export async function searchAnswer(query: string): Promise<SearchAnswer | undefined> {
  const parsed = parseAmountQuery(query);
  if (!parsed) return undefined;
  const roleId = readRememberedRole(deviceStorage(), import.meta.env.BASE_URL);
  const [data, synonyms] = await Promise.all([roleId ? roleAnswers(roleId) : undefined, loadSynonyms()]);
  if (!data || !roleId) {
    const index = await helperIndex();
    const currency = parsed.currency ?? index?.c;
    const money = currency ? formatMoney({ amount: parsed.amount, currency }, index?.l ?? 'en') : String(parsed.amount);
    const params = new URLSearchParams(parsed.negative ? {} : { amount: String(parsed.amount) });
    return {
      kind: 'offer',
      heading: DECISION_WORDS.withAmount(money),
      text: parsed.negative ? amountProblemText('negative') : DECISION_WORDS.chooseRoleToAnswer,
      helper: href(`/can-i/?${params}`),
      label: DECISION_WORDS.chooseRoleLink,
    };
  }
  const found = answerQuery(query, data.answers, synonyms, data.currency);
  if (!found) return undefined;
  const { verdict } = found;
  const money = verdict.amount ? formatMoney(verdict.amount, data.locale) : String(parsed.amount);
  const params = new URLSearchParams({ role: roleId, decision: verdict.decision.id, ...(verdict.amount ? { amount: String(parsed.amount) } : {}) });
  return {
    kind: 'verdict',
    heading: DECISION_WORDS.answerHeading(verdict.role.title, verdict.decision.decision, money),
    text: verdictText(verdict, data.locale),
    helper: href(`/can-i/?${params}`),
    boundary: { href: href(verdict.decision.path), label: DECISION_WORDS.readBoundary(verdict.decision.title) },
  };
}

let asked = 0;

/** The search page's card above the results. */
export async function showAnswerCard(card: HTMLElement, query: string): Promise<void> {
  const mine = ++asked;
  const answer = parseAmountQuery(query) ? await searchAnswer(query) : undefined;
  if (mine !== asked) return;
  if (!answer) {
    card.hidden = true;
    return;
  }
  const heading = card.querySelector<HTMLElement>('[data-answer-heading]')!;
  const text = card.querySelector<HTMLElement>('[data-answer-text]')!;
  const helper = card.querySelector<HTMLAnchorElement>('[data-answer-helper]')!;
  const boundary = card.querySelector<HTMLAnchorElement>('[data-answer-boundary]')!;
  heading.textContent = answer.heading;
  text.textContent = answer.text;
  helper.href = answer.helper;
  helper.textContent = answer.kind === 'verdict' ? DECISION_WORDS.helperLink : answer.label;
  boundary.hidden = answer.kind !== 'verdict';
  if (answer.kind === 'verdict') {
    boundary.href = answer.boundary.href;
    boundary.textContent = answer.boundary.label;
  }
  card.hidden = false;
}
