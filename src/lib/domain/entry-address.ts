/**
 * Where an entry's page is published: `/<folder>/<id>/`, the site path
 * without the base. The model gives every entry this path; the check of
 * links in bodies reads it the other way round.
 */
import { COLLECTIONS, COLLECTION_NAMES, type CollectionName } from '../../../schemas/index.ts';

/** `entryPath('boundaries', 'refund-a-purchase')` → `/boundaries/refund-a-purchase/`. */
export function entryPath(collection: CollectionName, id: string): string {
  return `/${COLLECTIONS[collection].folder}/${id}/`;
}

/** `/boundaries/refund-a-purchase/` → the collection and id an entry's page would have at that address, if it has that shape. */
export function entryAt(path: string): { collection: CollectionName; id: string } | undefined {
  const match = /^\/([a-z-]+)\/([^/]+)\/$/.exec(path);
  if (!match) return undefined;
  const collection = COLLECTION_NAMES.find((name) => COLLECTIONS[name].folder === match[1]);
  return collection && { collection, id: match[2]! };
}
