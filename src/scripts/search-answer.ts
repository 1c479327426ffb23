/**
 * "Can I…?" answered from a search: when the query names an amount
 * ("refund £80", "refund 80", "80 quid refund"), the verdict for the
 * reader's remembered role (see remembered-role.ts) on the decision the
 * query names, from the role's answers as the build wrote them, through the
 * one verdict function. Without a remembered role, an offer to ask "Can I…?"
 * with that amount. The search page shows it as a card above the results;
 * the header's type-ahead as its first line.
 */
import { parseAmountQuery } from '../lib/decision/amount-query.ts';
import { answerQuery } from '../lib/decision/answer-query.ts';
import { deviceStorage, readRememberedRole } from '../lib/decision/remembered-role.ts';
import { amountProblemText, dayNote, verdictText } from '../lib/decision/verdict-text.ts';
import { localDay } from '../lib/domain/ladder.ts';
import { pageHref as href, pageWords } from './page-words.ts';
import { helperIndex, roleAnswers } from './role-data.ts';
import { loadSynonyms } from './search-engine.ts';

export type SearchAnswer =
  /** The verdict for the remembered role. */
  | { kind: 'verdict'; heading: string; text: string; helper: string; helperLabel: string; boundary: { href: string; label: string } }
  /** No role remembered: "Can I…? with £80", or why the amount was left out. */
  | { kind: 'offer'; heading: string; text: string; helper: string; label: string };

/** The answer a query asks for, or undefined when it names no amount (or, for a remembered role, no decision it can ask about). */
export async function searchAnswer(query: string): Promise<SearchAnswer | undefined> {
  const parsed = parseAmountQuery(query);
  if (!parsed) return undefined;
  const roleId = readRememberedRole(deviceStorage(), import.meta.env.BASE_URL);
  const [data, synonyms, words] = await Promise.all([roleId ? roleAnswers(roleId) : undefined, loadSynonyms(), pageWords()]);
  if (!data || !roleId) {
    const index = await helperIndex();
    const currency = parsed.currency ?? index?.c;
    const money = currency ? words.money({ amount: parsed.amount, currency }) : words.count(parsed.amount);
    const params = new URLSearchParams(parsed.negative ? {} : { amount: String(parsed.amount) });
    return {
      kind: 'offer',
      heading: words.t('answer.canIWith', { amount: money }),
      text: parsed.negative ? amountProblemText('negative', words) : words.t('answer.chooseRole'),
      helper: href(`/can-i/?${params}`),
      label: words.t('answer.chooseRoleLink'),
    };
  }
  // Dated grants: the answer for the reader's own date, as their device has it.
  const found = answerQuery(query, data.answers, synonyms, data.currency, localDay(new Date()));
  if (!found) return undefined;
  const { verdict } = found;
  const money = verdict.amount ? words.money(verdict.amount) : words.count(parsed.amount);
  const params = new URLSearchParams({ role: roleId, decision: verdict.decision.id, ...(verdict.amount ? { amount: String(parsed.amount) } : {}) });
  return {
    kind: 'verdict',
    heading: words.t('answer.heading', { role: verdict.role.title, decision: verdict.decision.decision, amount: money }),
    text: [verdictText(verdict, words), dayNote(verdict, 'device', words)].filter(Boolean).join(' '),
    helperLabel: words.t('answer.helper'),
    helper: href(`/can-i/?${params}`),
    boundary: { href: href(verdict.decision.path), label: words.t('canI.readBoundaryNamed', { title: verdict.decision.title }) },
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
  helper.textContent = answer.kind === 'verdict' ? answer.helperLabel : answer.label;
  boundary.hidden = answer.kind !== 'verdict';
  if (answer.kind === 'verdict') {
    boundary.href = answer.boundary.href;
    boundary.textContent = answer.boundary.label;
  }
  card.hidden = false;
}
