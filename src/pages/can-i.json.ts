/**
 * `<base>can-i.json`: the roles "Can I…?" offers, with the locale and the
 * usual currency, for the header search's answer when no role is
 * remembered. Outside /can-i/ so that no role id can take its name.
 */
import type { APIRoute } from 'astro';
import { helperDataJson, helperIndex } from '../lib/decision/helper-data.ts';
import { getPlaybook } from '../data/playbook.ts';

export const GET: APIRoute = async () => new Response(helperDataJson(helperIndex(await getPlaybook())), { headers: { 'content-type': 'application/json' } });
