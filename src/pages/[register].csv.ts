/**
 * `<base>authority.csv`: the authority register, one row per grant on a published boundary. One file
 * for the whole playbook, with a cache key (src/data/register-route.ts).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { registerPaths, registerResponse } from '../data/register-route.ts';

export const getStaticPaths = (() => registerPaths('csv')) satisfies GetStaticPaths;

export const GET: APIRoute = ({ site }) => registerResponse('csv', site, import.meta.env.BASE_URL);
