/**
 * `<language root>search/words.json`: the interface words search shows its
 * results with, in this address's language (the header's search box loads
 * them the first time it is used; the other words the scripts use are in
 * `interface.json`).
 */
import type { APIRoute } from 'astro';
import { clientWords, SEARCH_WORD_PREFIXES } from '../../lib/languages/client-words.ts';

export const GET: APIRoute = ({ locals }) =>
  new Response(JSON.stringify(clientWords(locals.lang.tag, locals.lang.dictionary, SEARCH_WORD_PREFIXES)), { headers: { 'content-type': 'application/json' } });
