/** The section an entry page sits in, for its breadcrumbs: `boundaries` → Decision boundaries, `/boundaries/`. */
import type { CollectionName } from '../../../schemas/index.ts';

const SECTIONS: Record<CollectionName, { label: string; path: string }> = {
  values: { label: 'Values', path: '/values/' },
  roles: { label: 'Roles', path: '/roles/' },
  guidelines: { label: 'Guidelines', path: '/guidelines/' },
  boundaries: { label: 'Decision boundaries', path: '/boundaries/' },
  caseStudies: { label: 'Case studies', path: '/case-studies/' },
  wins: { label: 'Wins', path: '/wins/' },
};

export function sectionOf(collection: CollectionName): { label: string; path: string } {
  return SECTIONS[collection];
}
