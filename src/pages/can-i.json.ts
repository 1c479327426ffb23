/**
 * `<base>can-i.json`: the roles "Can I…?" offers, with the locale and the
 * usual currency, for the header search's answer when no role is
 * remembered. Outside /can-i/ so that no role id can take its name.
 */
import type { APIRoute } from 'astro';
import { helperDataJson, helperIndex } from '../lib/decision/helper-data.ts';
import { getPlaybook } from '../data/playbook.ts';

/** In the address's language: the role titles a reader picks from. */
export const GET: APIRoute = async ({ locals }) =>
  new Response(helperDataJson(helperIndex(await getPlaybook(locals.lang.tag))), { headers: { 'content-type': 'application/json' } });
