/** Every reference resolves, and published entries never point at drafts. */
import { COLLECTIONS, COLLECTION_NAMES, type CollectionName } from '../../../schemas/index.ts';
import { didYouMean } from '../diagnostics/did-you-mean.ts';
import { formatFieldPath, type Finding } from '../diagnostics/diagnostic.ts';
import { isPlaceholder } from '../domain/placeholders.ts';
import { referencesOf, type Reference } from '../domain/references.ts';
import type { Rule } from './rule.ts';

export const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Where an editor finds every id of a collection: "the roles are listed in roles/ (one file per role) and at /roles/ on the site". */
export function whereListed(collection: CollectionName): string {
  const { folder, label } = COLLECTIONS[collection];
  const plural = folder.replace(/-/g, ' ');
  return `the ${plural} are listed in ${folder}/ (one file per ${label.toLowerCase()}) and at /${folder}/ on the site`;
}

export const checkReferences: Rule = ({ entries, partial, known, translations }) => {
  const findings: Finding[] = [];
  const check = (file: string, ref: Reference & { position: Finding['position'] }, status: string | undefined) => {
    // An id npm run new could not know: the placeholder check reports it, once.
    if (isPlaceholder(ref.id)) return;
    const targets = known[ref.collection];
    const label = COLLECTIONS[ref.collection].label.toLowerCase();
    const folder = COLLECTIONS[ref.collection].folder;
    const where = ref.position ? { position: ref.position } : {};
    if (!targets.has(ref.id)) {
      const near = didYouMean(ref.id, targets.keys(), 3);
      findings.push({
        file,
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
    } else if (status !== 'draft' && targets.get(ref.id) === 'draft') {
      findings.push({
        file,
        path: ref.path,
        ...where,
        severity: 'error',
        rule: 'draft-reference',
        message: `${ref.position ? 'BoundaryRef id' : formatFieldPath(ref.path)}: the ${label} "${ref.id}" is a draft, so this ${status ?? 'published'} entry would link to a page that does not exist`,
        found: ref.id,
        hint: `publish ${ref.id} first, or remove the reference until it is published`,
      });
    }
  };
  const bodyReferences = (uses: readonly { id: string; position: Finding['position'] }[]) =>
    uses.map((use) => ({ path: [], collection: 'boundaries' as const, id: use.id, position: use.position }));

  for (const collection of COLLECTION_NAMES) {
    for (const entry of [...entries[collection], ...partial[collection]]) {
      const refs = referencesOf(collection, entry.data).map((ref) => ({ ...ref, position: undefined as Finding['position'] }));
      for (const ref of [...refs, ...bodyReferences(entry.bodyReferences)]) check(entry.file, ref, entry.data.status);
    }
  }
  // A translation's only references are its body's BoundaryRefs: every other reference is the base entry's.
  for (const translation of translations) {
    for (const ref of bodyReferences(translation.bodyReferences)) check(translation.file, ref, undefined);
  }
  return findings;
};
