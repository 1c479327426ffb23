/** Every reference resolves, and published entries never point at drafts. */
import { COLLECTIONS, COLLECTION_NAMES, type CollectionName } from '../../../schemas/index.ts';
import { didYouMean } from '../diagnostics/did-you-mean.ts';
import { formatFieldPath, type Finding } from '../diagnostics/diagnostic.ts';
import { isPlaceholder } from '../domain/placeholders.ts';
import { referencesOf, type Reference } from '../domain/references.ts';
import { finding, MESSAGES } from '../diagnostics/catalogue.ts';
import type { Rule } from './rule.ts';

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
    const field = ref.position ? 'BoundaryRef id' : formatFieldPath(ref.path);
    if (!targets.has(ref.id)) {
      const near = didYouMean(ref.id, targets.keys(), 3);
      findings.push(
        finding(
          MESSAGES.reference,
          'default',
          { file, path: ref.path, ...where, found: ref.id },
          { field, label, id: ref.id, near, listed: whereListed(ref.collection), folder },
        ),
      );
    } else if (status !== 'draft' && targets.get(ref.id) === 'draft') {
      findings.push(
        finding(
          MESSAGES['draft-reference'],
          'default',
          { file, path: ref.path, ...where, found: ref.id },
          { field, label, id: ref.id, status: status ?? 'published' },
        ),
      );
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
