/** A role's "Can I…?" data (`<base>can-i/<role>.json`), fetched once per role per page view; undefined when it cannot be had. */
import type { HelperData } from '../lib/decision/helper-data.ts';
import { pageHref } from './page-words.ts';

/** One request per role per page view. */
const loaded = new Map<string, Promise<HelperData | undefined>>();
export function roleData(roleId: string): Promise<HelperData | undefined> {
  let data = loaded.get(roleId);
  if (!data) {
    data = fetch(pageHref(`/can-i/${roleId}.json`))
      .then((response) => (response.ok ? (response.json() as Promise<HelperData>) : undefined))
      .catch(() => undefined);
    loaded.set(roleId, data);
  }
  return data;
}
