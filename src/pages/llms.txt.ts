/**
 * `<base>llms.txt`: the playbook's pages as a Markdown list for language
 * models and crawlers (see src/lib/for-tools/llms-txt.ts). One file for the
 * whole playbook, written once per build.
 */
import type { APIRoute } from 'astro';
import { getPlaybook } from '../data/playbook.ts';
import { llmsTxt } from '../lib/for-tools/llms-txt.ts';
import { publicAddress } from '../lib/links/href.ts';

export const GET: APIRoute = async ({ site }) => {
  const text = llmsTxt(await getPlaybook(), (path) => publicAddress(path, site, import.meta.env.BASE_URL));
  return new Response(text, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
};
