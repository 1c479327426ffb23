/**
 * The answer card above the search results: when the query names a decision
 * and an amount ("refund £80"), the verdict for the reader's remembered role
 * (see remembered-role.ts), with links to "Can I…?" and the boundary. Without
 * a remembered role, a link to "Can I…?" to choose one. Hidden otherwise.
 */
import { matchDecision, parseAmountQuery } from '../lib/decision/answer-query.ts';
import { roleDecisionMenu } from '../lib/decision/decision-table.ts';
import { deviceStorage, readRememberedRole } from '../lib/decision/remembered-role.ts';
import { verdictText } from '../lib/decision/verdict-text.ts';
import { amountBasis, verdict, type DecisionRef } from '../lib/decision/verdict.ts';
import { pageHref, pageWords } from './page-words.ts';
import { roleData } from './role-data.ts';
import { loadSynonyms } from './search-engine.ts';

let asked = 0;

export async function showAnswerCard(card: HTMLElement, query: string): Promise<void> {
  const mine = ++asked;
  const parsed = parseAmountQuery(query);
  const roleId = readRememberedRole(deviceStorage(), import.meta.env.BASE_URL);
  if (!parsed) {
    card.hidden = true;
    return;
  }
  const [data, synonyms, words] = await Promise.all([roleId ? roleData(roleId) : undefined, loadSynonyms(), pageWords()]);
  if (mine !== asked) return;
  const heading = card.querySelector<HTMLElement>('[data-answer-heading]')!;
  const text = card.querySelector<HTMLElement>('[data-answer-text]')!;
  const helper = card.querySelector<HTMLAnchorElement>('[data-answer-helper]')!;
  const boundary = card.querySelector<HTMLAnchorElement>('[data-answer-boundary]')!;

  if (!data || !roleId) {
    heading.textContent = words.t('canI.title');
    text.textContent = words.t('answer.chooseRole');
    helper.href = pageHref(`/can-i/?amount=${parsed.amount}`);
    helper.textContent = words.t('answer.chooseRoleLink');
    boundary.hidden = true;
    card.hidden = false;
    return;
  }
  const menu = roleDecisionMenu(data, roleId);
  // On a tie, the decisions whose limit is in the currency asked about (or the playbook's) come first.
  const wanted = parsed.currency ?? data.c;
  const inCurrency = (d: DecisionRef) => amountBasis(data, roleId, d.id).currency === wanted;
  const candidates = [...menu.own, ...menu.other].sort((a, b) => Number(inCurrency(b)) - Number(inCurrency(a)));
  const match = matchDecision(parsed.words, candidates, synonyms);
  const answer = match && verdict({ data, roleId, decisionId: match.decision.id, amount: parsed.amount, currency: parsed.currency });
  if (!match || !answer) {
    card.hidden = true;
    return;
  }
  const money = answer.amount ? words.money(answer.amount) : words.count(parsed.amount);
  heading.textContent = words.t('answer.heading', { role: answer.role.title, decision: answer.decision.decision, amount: money });
  text.textContent = verdictText(answer, words);
  const params = new URLSearchParams({ role: roleId, decision: answer.decision.id, amount: String(parsed.amount) });
  helper.href = pageHref(`/can-i/?${params}`);
  helper.textContent = words.t('answer.helper');
  boundary.href = pageHref(answer.path);
  boundary.textContent = words.t('canI.readBoundaryNamed', { title: answer.decision.title });
  boundary.hidden = false;
  card.hidden = false;
}
