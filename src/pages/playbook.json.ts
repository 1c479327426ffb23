/**
 * `<base>playbook.json`: the published playbook for other tools (see
 * src/lib/for-tools/playbook-json.ts), with its JSON Schema beside it at
 * playbook.schema.json. One file for the whole playbook, written once per build.
 */
import type { APIRoute } from 'astro';
import { getPlaybook } from '../data/playbook.ts';
import { playbookJson, publishedPlaybook } from '../lib/for-tools/playbook-json.ts';
import { publicAddress } from '../lib/links/href.ts';

export const GET: APIRoute = async ({ site }) => {
  const addressOf = (path: string) => publicAddress(path, site, import.meta.env.BASE_URL);
  const published = publishedPlaybook(await getPlaybook(), addressOf, addressOf('/playbook.schema.json'));
  return new Response(playbookJson(published), { headers: { 'content-type': 'application/json' } });
};
