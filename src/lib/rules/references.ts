/** Every reference resolves, and published entries never point at drafts. */
import { COLLECTIONS, COLLECTION_NAMES, type CollectionName } from '../../../schemas/index.ts';
import { didYouMean } from '../diagnostics/did-you-mean.ts';
import { formatFieldPath, type Finding } from '../diagnostics/diagnostic.ts';
import { isPlaceholder } from '../domain/placeholders.ts';
import { referencesOf } from '../domain/references.ts';
import type { Rule } from './rule.ts';

/** "the roles are…" → "The roles are…", for a sentence of a hint. */
export const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Where an editor finds every id of a collection: "the roles are listed in roles/ (one file per role) and at /roles/ on the site". */
export function whereListed(collection: CollectionName): string {
  const { folder, label } = COLLECTIONS[collection];
  const plural = folder.replace(/-/g, ' ');
  return `the ${plural} are listed in ${folder}/ (one file per ${label.toLowerCase()}) and at /${folder}/ on the site`;
}

export const checkReferences: Rule = ({ entries, partial, known }) => {
  const findings: Finding[] = [];
  for (const collection of COLLECTION_NAMES) {
    for (const entry of [...entries[collection], ...partial[collection]]) {
      const fromDraft = entry.data.status === 'draft';
      const refs = referencesOf(collection, entry.data).map((ref) => ({ ...ref, position: undefined as Finding['position'] }));
      for (const use of entry.bodyReferences) refs.push({ path: [], collection: 'boundaries', id: use.id, position: use.position });

      for (const ref of refs) {
        // An id npm run new could not know: the placeholder check reports it, once.
        if (isPlaceholder(ref.id)) continue;
        const targets = known[ref.collection];
        const label = COLLECTIONS[ref.collection].label.toLowerCase();
        const folder = COLLECTIONS[ref.collection].folder;
        const where = ref.position ? { position: ref.position } : {};
        if (!targets.has(ref.id)) {
          const near = didYouMean(ref.id, targets.keys(), 3);
          findings.push({
            file: entry.file,
            path: ref.path,
            ...where,
            severity: 'error',
            rule: 'reference',
            message: `${ref.position ? 'BoundaryRef id' : formatFieldPath(ref.path)}: there is no ${label} "${ref.id}"`,
            found: ref.id,
            hint: near
              ? `${near} ${capitalise(whereListed(ref.collection))}`
              : `use the id of an entry in ${folder}/ (its file name, without extension); ${whereListed(ref.collection)}`,
          });
        } else if (!fromDraft && targets.get(ref.id) === 'draft') {
          findings.push({
            file: entry.file,
            path: ref.path,
            ...where,
            severity: 'error',
            rule: 'draft-reference',
            message: `${ref.position ? 'BoundaryRef id' : formatFieldPath(ref.path)}: the ${label} "${ref.id}" is a draft, so this ${entry.data.status ?? 'published'} entry would link to a page that does not exist`,
            found: ref.id,
            hint: `publish ${ref.id} first, or remove the reference until it is published`,
          });
        }
      }
    }
  }
  return findings;
};
