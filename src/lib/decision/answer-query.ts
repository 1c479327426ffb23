/**
 * A search that asks "Can I…?": a query that names a decision and an amount
 * ("refund £80", "voucher 25", "can I waive delivery 30 euros", "80 quid
 * refund") is answered for the reader's remembered role. This module takes
 * the amount amount-query.ts read out of the query, finds the decision the
 * query names with the playbook's synonyms ("voucher" → "goodwill
 * gesture"), and gives the verdict from the role's answers with the one
 * verdict function. The header's type-ahead and the search page both use it.
 *
 * Pure: no DOM; the search scripts call it.
 */
import { expandQuery, sameWord, words, type SynonymMap } from '../search/synonyms.ts';
import { FILLER, parseAmountQuery, type AmountQuery } from './amount-query.ts';
import { verdict, type DecisionAnswer, type DecisionRef, type Verdict } from './verdict.ts';

export interface DecisionMatch {
  decision: DecisionRef;
  /** Share of the query's words (as typed or through a synonym) found in the decision, 0–1. */
  score: number;
  /** Where in the decision's words the first match is: "Refund a purchase" (0) names a refund more than "Waive or refund a charge" (2). */
  position: number;
}

/**
 * The decision the words name best, or undefined when none shares a word
 * with them. Each decision is scored by the share of the query's words found
 * in its decision and title, for the words as typed and for each synonym
 * swap; on a tie, the decision whose words start with the match wins, then
 * the earlier one in `decisions` (give the role's own decisions first).
 */
export function matchDecision(queryWords: readonly string[], decisions: readonly DecisionRef[], synonyms: SynonymMap | undefined): DecisionMatch | undefined {
  const variants = [queryWords.join(' '), ...expandQuery(queryWords.join(' '), synonyms)].map((variant) => words(variant).filter((w) => !FILLER.has(w)));
  let best: DecisionMatch | undefined;
  for (const decision of decisions) {
    const own = words(`${decision.decision} ${decision.title}`).filter((w) => !FILLER.has(w));
    for (const variant of variants) {
      if (variant.length === 0) continue;
      const at = variant.map((word) => own.findIndex((mine) => sameWord(word, mine) || sameWord(mine, word))).filter((i) => i >= 0);
      if (at.length === 0) continue;
      const match = { decision, score: at.length / variant.length, position: Math.min(...at) };
      if (!best || match.score > best.score || (match.score === best.score && match.position < best.position)) best = match;
    }
  }
  return best;
}

/** A query's answer: the decision it names, the amount, and the verdict for the role. */
export interface QueryAnswer {
  parsed: AmountQuery;
  answer: DecisionAnswer;
  verdict: Verdict;
}

/**
 * The verdict a search gives: for the query's amount and the decision it
 * names best among the role's answers (its own decisions first, then those
 * in the currency asked about), on `day` (the reader's date; undefined: the
 * build date). Undefined when the query names no amount or no decision of
 * the role's.
 */
export function answerQuery(
  query: string,
  answers: readonly DecisionAnswer[],
  synonyms: SynonymMap | undefined,
  fallbackCurrency?: string,
  day?: string,
): QueryAnswer | undefined {
  const parsed = parseAmountQuery(query);
  if (!parsed) return undefined;
  const wanted = parsed.currency ?? fallbackCurrency;
  const currencyOf = (answer: DecisionAnswer) => (answer.own?.limit ?? answer.holders.find((holder) => holder.limit)?.limit)?.currency ?? fallbackCurrency;
  const rank = (answer: DecisionAnswer) => (answer.group === 'own' ? 0 : 2) + (currencyOf(answer) === wanted ? 0 : 1);
  const candidates = [...answers].sort((a, b) => rank(a) - rank(b));
  const match = matchDecision(
    parsed.words,
    candidates.map((answer) => answer.decision),
    synonyms,
  );
  const answer = match && candidates.find((candidate) => candidate.decision === match.decision);
  if (!answer) return undefined;
  return { parsed, answer, verdict: verdict(answer, parsed.negative ? -parsed.amount : parsed.amount, parsed.currency, day) };
}
