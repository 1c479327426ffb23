/**
 * The amount a search names ("refund £80", "80 quid refund", "can I waive
 * delivery 30 euros"): read out of the query so it is never searched as a
 * word, and handed to the "Can I…?" answer (answer-query.ts). Its own
 * module, apart from the answer and its verdict, because every search runs
 * it and only a query that names an amount needs the rest (issue 20: the
 * header box and the search page load the answer's code on demand).
 *
 * Pure: no DOM.
 */
import { words } from '../search/synonyms.ts';

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

/** Words a question is made of that name no decision: left out when a query's decision is matched. */
export const FILLER = new Set([
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
