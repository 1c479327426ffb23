/**
 * How many pages a search part may hold (src/lib/search/parts.ts):
 * `PART_PAGES`, or `PLAYBOOK_SEARCH_PART_PAGES` when set. A machine with
 * less memory than a CI runner can lower it (Pagefind needs about 200 kB a
 * page of the part it writes); tests lower it to cut a small playbook's
 * index into parts. Build-time only: the browser reads the parts from
 * `pagefind/parts.json`.
 */
import { PART_PAGES } from './parts.ts';

export function searchPartLimit(env: NodeJS.ProcessEnv = process.env): number {
  const set = env.PLAYBOOK_SEARCH_PART_PAGES;
  if (set === undefined || set === '') return PART_PAGES;
  if (!/^[1-9]\d*$/.test(set)) throw new Error(`PLAYBOOK_SEARCH_PART_PAGES must be a whole number of pages, 1 or more (such as ${PART_PAGES}); got "${set}".`);
  return Number(set);
}
