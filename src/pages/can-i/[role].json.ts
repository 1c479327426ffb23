/**
 * `<base>can-i/<role>.json`: the helper's data for one role, which /can-i/
 * loads when that role is chosen (see `roleHelperData`). One small file per
 * role keeps /can-i/ itself the same size however large the playbook grows.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { helperDataJson, helperDataOf, roleHelperData } from '../../lib/decision/helper-data.ts';
import { selectableRoles } from '../../lib/decision/verdict.ts';
import { getPlaybook, getRoutePlaybook } from '../../data/playbook.ts';

export const getStaticPaths = (async ({ routePattern }) => {
  const data = helperDataOf(await getRoutePlaybook(routePattern));
  return selectableRoles(data).map((role) => ({ params: { role: role.id } }));
}) satisfies GetStaticPaths;

/** In the address's language: its role titles, decisions, notes and guardrails. */
export const GET: APIRoute = async ({ params, locals }) => {
  const data = roleHelperData(helperDataOf(await getPlaybook(locals.lang.tag)), params.role!)!;
  return new Response(helperDataJson(data), { headers: { 'content-type': 'application/json' } });
};
