/**
 * `<base>authority.json`: the authority register as JSON, the same rows as /authority.csv, each an object. One file
 * for the whole playbook, with a cache key (src/data/register-route.ts).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { registerPaths, registerResponse } from '../data/register-route.ts';

export const getStaticPaths = (() => registerPaths('json')) satisfies GetStaticPaths;

export const GET: APIRoute = ({ site }) => registerResponse('json', site, import.meta.env.BASE_URL);
