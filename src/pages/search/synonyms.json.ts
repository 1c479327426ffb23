/**
 * `<language root>search/synonyms.json`: the synonyms of the address's
 * language (playbook.yaml's `synonyms` for the base language,
 * `translations/<language>/synonyms.yaml` for the others), for the search
 * script to expand queries with ("refund" also searches "money back").
 */
import type { APIRoute } from 'astro';
import { getSiteLanguages } from '../../data/playbook.ts';

export const GET: APIRoute = async ({ locals }) => {
  const { synonyms } = await getSiteLanguages();
  return new Response(JSON.stringify(synonyms.get(locals.lang.tag) ?? {}), { headers: { 'content-type': 'application/json' } });
};
