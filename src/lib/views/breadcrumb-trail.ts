/** The section an entry page sits in, for its breadcrumbs: `boundaries` → Decision boundaries (`section.boundaries`), `/boundaries/`. */
import { COLLECTIONS, type CollectionName } from '../../../schemas/index.ts';
import type { WordKey } from '../languages/interface-en.ts';

export function sectionOf(collection: CollectionName): { label: WordKey; path: string } {
  return { label: `section.${collection}`, path: `/${COLLECTIONS[collection].folder}/` };
}
