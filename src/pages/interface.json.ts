/**
 * `<language root>interface.json`: the interface words the browser's scripts
 * need, in this address's language (the header's search box loads them the
 * first time it is used).
 */
import type { APIRoute } from 'astro';
import { clientWords } from '../lib/languages/client-words.ts';

export const GET: APIRoute = ({ locals }) =>
  new Response(JSON.stringify(clientWords(locals.lang.tag, locals.lang.dictionary)), { headers: { 'content-type': 'application/json' } });
