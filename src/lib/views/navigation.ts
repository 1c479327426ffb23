/** The primary navigation and which of its sections a page belongs to. */

export interface NavItem {
  label: string;
  path: string;
}

/** "Can I…?" first: on a phone the row scrolls sideways, and the answer must be one tap away on every page. */
export const PRIMARY_NAV: readonly NavItem[] = [
  { label: 'Can I…?', path: '/can-i/' },
  { label: 'Values', path: '/values/' },
  { label: 'Roles', path: '/roles/' },
  { label: 'Boundaries', path: '/boundaries/' },
  { label: 'Guidelines', path: '/guidelines/' },
  { label: 'Case studies', path: '/case-studies/' },
  { label: 'Wins', path: '/wins/' },
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
