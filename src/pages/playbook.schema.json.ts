/**
 * `<base>playbook.schema.json`: the JSON Schema of /playbook.json, as
 * `npm run schemas` generates it from schemas/published-playbook.ts.
 */
import type { APIRoute } from 'astro';
import schema from '../../schemas/json/published-playbook.schema.json?raw';

export const GET: APIRoute = () => new Response(schema, { headers: { 'content-type': 'application/schema+json' } });
