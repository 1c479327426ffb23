/**
 * `<base>can-i/<role>.json`: one role's answers (see decision/answers.ts),
 * which /can-i/ and the search answer load when that role is chosen. One
 * small file per role keeps /can-i/ the same size however large the
 * playbook grows.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { helperDataJson, roleHelperData } from '../../lib/decision/helper-data.ts';
import { getPlaybook, getRoutePlaybook, ladderPageCacheKey } from '../../data/playbook.ts';

export const getStaticPaths = (async ({ routePattern }) => {
  const playbook = await getRoutePlaybook(routePattern);
  return playbook.roles.map((role) => ({ params: { role: role.id }, cacheKey: ladderPageCacheKey(playbook, role.id) }));
}) satisfies GetStaticPaths;

/** In the address's language: its role titles, decisions, notes and guardrails. */
export const GET: APIRoute = async ({ params, locals }) => {
  const data = roleHelperData(await getPlaybook(locals.lang.tag), params.role!)!;
  return new Response(helperDataJson(data), { headers: { 'content-type': 'application/json' } });
};
