/**
 * `<base>authority.json`: the authority register as JSON, the same rows as
 * /authority.csv, each an object. One file for the whole playbook, written
 * once per build.
 */
import type { APIRoute } from 'astro';
import { getPlaybook } from '../data/playbook.ts';
import { publicAddress } from '../lib/links/href.ts';
import { registerJson, registerRows } from '../lib/register/authority-register.ts';

export const GET: APIRoute = async ({ site }) => {
  const playbook = await getPlaybook();
  const rows = registerRows(playbook, (path) => publicAddress(path, site, import.meta.env.BASE_URL));
  return new Response(registerJson(rows, { playbook: playbook.settings.name, asOf: playbook.today }), { headers: { 'content-type': 'application/json' } });
};
