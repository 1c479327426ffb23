/** The primary navigation and which of its sections a page belongs to. */
import type { WordKey } from '../languages/interface-en.ts';

export interface NavItem {
  /** The interface word the item shows. */
  label: WordKey;
  /** In the base language; the page's language adds its prefix. */
  path: string;
}

/** "Can I…?" first: on a phone the row scrolls sideways, and the answer must be one tap away on every page. */
export const PRIMARY_NAV: readonly NavItem[] = [
  { label: 'nav.canI', path: '/can-i/' },
  { label: 'nav.values', path: '/values/' },
  { label: 'nav.roles', path: '/roles/' },
  { label: 'nav.boundaries', path: '/boundaries/' },
  { label: 'nav.guidelines', path: '/guidelines/' },
  { label: 'nav.caseStudies', path: '/case-studies/' },
  { label: 'nav.wins', path: '/wins/' },
];

/**
 * `aria-current` for a nav item on the page at `pathname` (without the base):
 * `page` on the section's own index, `true` anywhere inside it, else none.
 */
export function navCurrent(itemPath: string, pathname: string): 'page' | 'true' | undefined {
  const path = pathname.endsWith('/') ? pathname : `${pathname}/`;
  if (path === itemPath) return 'page';
  return path.startsWith(itemPath) ? 'true' : undefined;
}
