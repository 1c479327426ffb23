/**
 * A search that asks "Can I…?": a query that names a decision and an amount
 * ("refund £80", "voucher 25", "can I waive delivery 30 euros", "80 quid
 * refund") is answered for the reader's remembered role. This module reads
 * the amount out of the query (so it is never searched as a word), finds the
 * decision it names with the playbook's synonyms ("voucher" → "goodwill
 * gesture"), and gives the verdict from the role's answers with the one
 * verdict function. The header's type-ahead and the search page both use it.
 *
 * Pure: no DOM; the search scripts call it.
 */
import { expandQuery, sameWord, words, type SynonymMap } from '../search/synonyms.ts';
import { verdict, type DecisionAnswer, type DecisionRef, type Verdict } from './verdict.ts';

export interface AmountQuery {
  /** The query's other words, lower case, without filler ("can", "i", "a"). */
  words: string[];
  /** The query as typed, without the amount: what the search engine looks for. */
  rest: string;
  amount: number;
  /** ISO code when the query said one ("£80", "80 euros"); else the role's own currency is meant. */
  currency: string | undefined;
  /** A minus sign before the amount ("-80", "£-80"): the amount is not used, and the reader is told why. */
  negative: boolean;
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
const BEFORE = /(us\$|ca\$|c\$|[£€$]|gbp|eur|usd|cad)\s*[-\u2212\u2013]?\s*(\d+(?:[.,]\d{1,2})?)/i;
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

/** A minus sign (or dash) right before an amount or its currency sign. */
const MINUS = /[-−–]\s*$/;

/** The amount and the other words of a query, or undefined when it names no amount. */
export function parseAmountQuery(query: string): AmountQuery | undefined {
  const text = query.replace(/(\d),(\d{3})(?!\d)/g, '$1$2');
  const before = BEFORE.exec(text);
  const after = before ? null : AFTER.exec(text);
  const bare = before || after ? null : BARE.exec(text);
  const match = before ?? after ?? bare;
  if (!match) return undefined;
  const [number, unit] = before ? [before[2]!, before[1]] : after ? [after[1]!, after[2]] : [bare![1]!, undefined];
  const value = Number(number.replace(',', '.'));
  if (!Number.isFinite(value)) return undefined;
  // "£-80" has its minus inside the match; "-80" and "-£80" just before it.
  const inside = before ? /[-−–]/.test(before[0].slice(before[1]!.length, before[0].indexOf(number))) : false;
  const negative = inside || MINUS.test(text.slice(0, match.index));
  const start = negative && !inside ? text.slice(0, match.index).search(MINUS) : match.index;
  const rest = `${text.slice(0, start)} ${text.slice(match.index + match[0].length)}`.replace(/\s+/g, ' ').trim();
  const left = words(rest).filter((word) => !FILLER.has(word));
  if (left.length === 0) return undefined;
  return { words: left, rest, amount: value, currency: unit ? SYMBOLS[unit.toLowerCase()] : undefined, negative };
}

/** What the search engine looks for: the query without its amount, which is never a word to find. */
export function searchWords(query: string): string {
  return parseAmountQuery(query)?.rest ?? query;
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
