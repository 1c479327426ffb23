/**
 * `/roles/<id>/changes.json`: the changes that touch one role, newest first
 * and capped (views/role-changes.ts), for "what changed for me" (issue 18).
 * In every language: the summaries are that language's.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getPlaybook, getRoutePlaybook, ladderPageCacheKey } from '../../../data/playbook.ts';
import { roleChanges } from '../../../lib/views/role-changes.ts';

export const getStaticPaths = (async ({ routePattern }) => {
  const playbook = await getRoutePlaybook(routePattern);
  return playbook.roles.map((role) => ({ params: { id: role.id }, cacheKey: ladderPageCacheKey(playbook, role.id) }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, locals }) => {
  const playbook = await getPlaybook(locals.lang.tag);
  return new Response(JSON.stringify({ role: params.id, changes: roleChanges(playbook, params.id!) }), {
    headers: { 'Content-Type': 'application/json' },
  });
};
