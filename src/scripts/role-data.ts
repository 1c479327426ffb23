/**
 * "Can I…?" data as the build wrote it: a role's answers
 * (`<base>can-i/<role>.json`, under the page's language) and the roles to choose from
 * (`<base>can-i.json`), each fetched once per page view; undefined when it
 * cannot be had (offline and never stored, or a role that is gone).
 */
import { unpackAnswers, type HelperIndex, type RoleHelperData } from '../lib/decision/helper-data.ts';
import type { DecisionAnswer } from '../lib/decision/verdict.ts';
import { pageHref } from './page-words.ts';

/** A role's answers with the data's locale and usual currency. */
export interface RoleAnswers {
  locale: string;
  currency: string;
  answers: DecisionAnswer[];
}

const loaded = new Map<string, Promise<unknown>>();

function fetchJson<T>(path: string): Promise<T | undefined> {
  let data = loaded.get(path) as Promise<T | undefined> | undefined;
  if (!data) {
    data = fetch(pageHref(path))
      .then((response) => (response.ok ? (response.json() as Promise<T>) : undefined))
      .catch(() => undefined);
    loaded.set(path, data);
  }
  return data;
}

export async function roleAnswers(roleId: string): Promise<RoleAnswers | undefined> {
  const data = await fetchJson<RoleHelperData>(`/can-i/${roleId}.json`);
  return data && { locale: data.l, currency: data.c, answers: unpackAnswers(data) };
}

/** The roles, the locale and the usual currency, for a search answered without a remembered role. */
export function helperIndex(): Promise<HelperIndex | undefined> {
  return fetchJson<HelperIndex>('/can-i.json');
}
