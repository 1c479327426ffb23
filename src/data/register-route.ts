/**
 * The authority register's two files, `<base>authority.csv` and
 * `<base>authority.json` (src/pages/[register].csv.ts and
 * [register].json.ts): one route each, with a parameter whose only value is
 * `authority`, so that each file has a cache key. Astro's incremental build
 * renders a page without one on every build, and at 20,000 entries the two
 * files took a second and a half of a rebuild after one edited win, which
 * cannot change them. The register reads the boundaries' grants, the
 * settings and the build date: what the ladder's pages read
 * (`ladderPageCacheKey`), a win's words left out.
 */
import { getPlaybook, ladderPageCacheKey } from './playbook.ts';
import { publicAddress } from '../lib/links/href.ts';
import { registerCsv, registerJson, registerRows } from '../lib/register/authority-register.ts';

/** The register's file name, without its extension: the routes' one parameter. */
export const REGISTER_NAME = 'authority';

export type RegisterFormat = 'csv' | 'json';

const CONTENT_TYPES: Record<RegisterFormat, string> = { csv: 'text/csv; charset=utf-8', json: 'application/json' };

/** The route's one path, keyed. */
export async function registerPaths(format: RegisterFormat) {
  return [{ params: { register: REGISTER_NAME }, cacheKey: ladderPageCacheKey(await getPlaybook(), REGISTER_NAME, format) }];
}

/** The register as `format`, its addresses under `site` and the site's base. */
export async function registerResponse(format: RegisterFormat, site: URL | undefined, base: string): Promise<Response> {
  const playbook = await getPlaybook();
  const rows = registerRows(playbook, (path) => publicAddress(path, site, base));
  const text = format === 'csv' ? registerCsv(rows) : registerJson(rows, { playbook: playbook.settings.name, asOf: playbook.today });
  return new Response(text, { headers: { 'content-type': CONTENT_TYPES[format] } });
}
