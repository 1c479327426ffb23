/**
 * `<base>search/synonyms.json`: playbook.yaml's `synonyms`, for the search
 * script to expand queries with ("refund" also searches "money back").
 */
import type { APIRoute } from 'astro';
import { getPlaybook } from '../../data/playbook.ts';

export const GET: APIRoute = async () => {
  const { settings } = await getPlaybook();
  return new Response(JSON.stringify(settings.synonyms ?? {}), { headers: { 'content-type': 'application/json' } });
};
