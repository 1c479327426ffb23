/**
 * The "Can I…?" answer in search (search-answer.ts), loaded only for a query
 * that names an amount: its verdict words, the reader's remembered role and
 * the roles' answers are code a reader who searches for words never needs
 * (about 3 kB gzipped before a first result; issue 20: a first query of at
 * most 150 kB). Once loaded it stays, so a later query's card is never
 * overtaken by an earlier one (search-answer.ts counts the cards it was asked for).
 */
import { parseAmountQuery } from '../lib/decision/amount-query.ts';
import type { SearchAnswer } from './search-answer.ts';

let loaded: Promise<typeof import('./search-answer.ts')> | undefined;

/** The module, loaded now when this query names an amount; undefined while no query has (or after it could not be loaded: tried again). */
function answers(query: string) {
  if (parseAmountQuery(query))
    loaded ??= import('./search-answer.ts').catch((error: unknown) => {
      loaded = undefined;
      throw error;
    });
  return loaded;
}

/** `searchAnswer` of search-answer.ts, without loading it for a query that names no amount. */
export async function searchAnswerFor(query: string): Promise<SearchAnswer | undefined> {
  if (!parseAmountQuery(query)) return undefined;
  return (await answers(query))!.searchAnswer(query);
}

/** `showAnswerCard` of search-answer.ts: hides the card at once while no query has named an amount. */
export function showAnswerCardFor(card: HTMLElement, query: string): void {
  const module = answers(query);
  if (!module) card.hidden = true;
  else
    void module.then(
      (m) => m.showAnswerCard(card, query),
      () => (card.hidden = true),
    );
}
