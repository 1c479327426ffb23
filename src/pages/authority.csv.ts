/**
 * `<base>authority.csv`: the authority register, one row per grant on a
 * published boundary (see src/lib/register/authority-register.ts). One file
 * for the whole playbook, written once per build.
 */
import type { APIRoute } from 'astro';
import { getPlaybook } from '../data/playbook.ts';
import { publicAddress } from '../lib/links/href.ts';
import { registerCsv, registerRows } from '../lib/register/authority-register.ts';

export const GET: APIRoute = async ({ site }) => {
  const rows = registerRows(await getPlaybook(), (path) => publicAddress(path, site, import.meta.env.BASE_URL));
  return new Response(registerCsv(rows), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
