/**
 * The search answer card: a query that names a decision and an amount
 * ("refund £80", "voucher 25", "can I waive delivery 30 euros") is answered
 * for the reader's remembered role above the search results. This module
 * reads the amount out of the query and finds the decision it names, with
 * the playbook's synonyms ("voucher" → "goodwill gesture").
 *
 * Pure: no DOM; the search page's script calls it.
 */
import { expandQuery, sameWord, words, type SynonymMap } from '../search/synonyms.ts';
import type { DecisionRef } from './verdict.ts';

export interface AmountQuery {
  /** The query's other words, lower case, without filler ("can", "i", "a"). */
  words: string[];
  amount: number;
  /** ISO code when the query said one ("£80", "80 euros"); else the role's own currency is meant. */
  currency: string | undefined;
}

const SYMBOLS: Record<string, string> = {
  '£': 'GBP',
  '€': 'EUR',
  $: 'USD',
  us$: 'USD',
  ca$: 'CAD',
  c$: 'CAD',
  gbp: 'GBP',
  eur: 'EUR',
  usd: 'USD',
  cad: 'CAD',
  pound: 'GBP',
  pounds: 'GBP',
  quid: 'GBP',
  euro: 'EUR',
  euros: 'EUR',
  dollar: 'USD',
  dollars: 'USD',
};
const BEFORE = /(us\$|ca\$|c\$|[£€$]|gbp|eur|usd|cad)\s*(\d+(?:[.,]\d{1,2})?)/i;
const AFTER = /(\d+(?:[.,]\d{1,2})?)\s*(gbp|eur|usd|cad|pounds?|quid|euros?|dollars?|[£€])(?![\p{L}])/iu;
const BARE = /(?<![\p{L}\p{N}])(\d+(?:\.\d{1,2})?)(?![\p{L}\p{N}])/u;

const FILLER = new Set([
  'a',
  'an',
  'the',
  'can',
  'i',
  'we',
  'may',
  'to',
  'for',
  'of',
  'on',
  'up',
  'give',
  'customer',
  'customers',
  'do',
  'is',
  'it',
  'my',
  'our',
  // The same in French: "puis-je rembourser un client de 80 $".
  'je',
  'puis',
  'peux',
  'on',
  'un',
  'une',
  'le',
  'la',
  'les',
  'de',
  'du',
  'des',
  'à',
  'au',
  'aux',
  'pour',
  'client',
  'cliente',
  'clients',
  'mon',
  'ma',
  'mes',
  'notre',
  'nos',
]);

/** The amount and the other words of a query, or undefined when it names no amount. */
export function parseAmountQuery(query: string): AmountQuery | undefined {
  const text = query.replace(/(\d),(\d{3})(?!\d)/g, '$1$2');
  let amount: string | undefined;
  let unit: string | undefined;
  let rest = text;
  const take = (match: RegExpExecArray, number: string, symbol: string | undefined) => {
    amount = number;
    unit = symbol;
    rest = text.slice(0, match.index) + ' ' + text.slice(match.index + match[0].length);
  };
  const before = BEFORE.exec(text);
  const after = before ? null : AFTER.exec(text);
  const bare = before || after ? null : BARE.exec(text);
  if (before) take(before, before[2]!, before[1]);
  else if (after) take(after, after[1]!, after[2]);
  else if (bare) take(bare, bare[1]!, undefined);
  if (amount === undefined) return undefined;
  const value = Number(amount.replace(',', '.'));
  if (!Number.isFinite(value) || value < 0) return undefined;
  const left = words(rest).filter((word) => !FILLER.has(word));
  if (left.length === 0) return undefined;
  return { words: left, amount: value, currency: unit ? SYMBOLS[unit.toLowerCase()] : undefined };
}

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
