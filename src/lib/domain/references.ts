/**
 * Which fields of an entry point at which other entries. The validator checks
 * that each resolves; the playbook model turns them into backlinks. One list,
 * so a new reference field is checked and linked at once.
 */
import type { BoundaryData, CaseStudyData, CollectionName, GuidelineData, RoleData, ValueData, WinData } from '../../../schemas/index.ts';
import type { FieldPath } from '../diagnostics/diagnostic.ts';

export interface DataByCollection {
  values: ValueData;
  roles: RoleData;
  guidelines: GuidelineData;
  boundaries: BoundaryData;
  caseStudies: CaseStudyData;
  wins: Omit<WinData, 'image'> & { image?: unknown };
}

export interface Reference {
  /** Where the reference is written in the entry. */
  path: FieldPath;
  /** The collection it points into. */
  collection: CollectionName;
  id: string;
}

export function referencesOf<C extends CollectionName>(collection: C, data: DataByCollection[C]): Reference[] {
  const refs: Reference[] = [];
  const one = (path: FieldPath, target: CollectionName, id: string | undefined) => {
    if (id !== undefined) refs.push({ path, collection: target, id });
  };
  // Entries that failed their schema arrive with some fields missing.
  const many = (key: string, target: CollectionName, ids: readonly string[] | undefined) => ids?.forEach((id, i) => one([key, i], target, id));

  switch (collection) {
    case 'roles': {
      const role = data as RoleData;
      one(['escalatesTo'], 'roles', role.escalatesTo);
      break;
    }
    case 'guidelines': {
      const guideline = data as GuidelineData;
      many('values', 'values', guideline.values);
      many('roles', 'roles', guideline.roles);
      many('boundaries', 'boundaries', guideline.boundaries);
      break;
    }
    case 'boundaries': {
      const boundary = data as BoundaryData;
      boundary.grants?.forEach((grant, i) => {
        one(['grants', i, 'role'], 'roles', grant?.role);
        one(['grants', i, 'escalateTo'], 'roles', grant?.escalateTo);
      });
      boundary.scenarios?.forEach((scenario, i) => one(['scenarios', i, 'role'], 'roles', scenario?.role));
      many('values', 'values', boundary.values);
      many('guidelines', 'guidelines', boundary.guidelines);
      break;
    }
    case 'caseStudies': {
      const caseStudy = data as CaseStudyData;
      many('values', 'values', caseStudy.values);
      many('boundaries', 'boundaries', caseStudy.boundaries);
      break;
    }
    case 'wins': {
      const win = data as DataByCollection['wins'];
      one(['role'], 'roles', win.role);
      many('values', 'values', win.values);
      one(['boundary'], 'boundaries', win.boundary);
      break;
    }
    case 'values':
      break;
  }
  return refs;
}

/** An entry that links to another, named as a reader would find it. */
export interface EntryLink {
  /** "Guideline", "Win", … */
  kind: string;
  title: string;
  /** Where it lives in the content root. */
  file: string;
}
