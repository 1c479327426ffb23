/**
 * The ids the site's own pages give their elements: sections ("examples",
 * "changes"), the skip link's target, the search form, the table of
 * contents. A body heading whose slug is one of them would take the page's
 * own section's id (two elements with one id, and the section's links and
 * table-of-contents entry leading to the body's heading instead), so body
 * headings never get these ids (render-body.ts gives them another).
 *
 * tests/unit/page-ids.test.ts reads every id written in src/pages,
 * src/layouts and src/components, so a new section id cannot be forgotten.
 */
export const PAGE_IDS: ReadonlySet<string> = new Set([
  'about',
  'anti-behaviours',
  'behaviours',
  'boundaries',
  'can-i-amount',
  'can-i-amount-hint',
  'can-i-data',
  'can-i-decision',
  'can-i-role',
  'card-call',
  'card-decide',
  'card-title',
  'chain',
  'changes-by-role',
  'check-summary-heading',
  'changes',
  'decide',
  'examples',
  'explore-title',
  'grants',
  'grants-ending',
  'guardrails',
  'guidelines',
  'home-title',
  'in-practice',
  'ladder',
  'limits',
  'limits-caption',
  'main',
  'matrix-category',
  'matrix-role',
  'offline-kept',
  'other-decisions',
  'overdue',
  'own-caption',
  'own-decisions',
  'related',
  'results',
  'search-answer-heading',
  'search-input',
  'search-order',
  'search-results-heading',
  'search-shortcut-hint',
  'soon',
  'sources',
  'story',
  'theme-choice',
  'toc-heading',
  'translations',
  'unfinished-title',
  'values',
  'values-title',
  'warnings',
  'wins',
  'wins-title',
]);

/** Ids the pages make from content: a boundary's changes (`change-2026-03-01`, `change-2026-03-01-2`). */
const PAGE_ID_PATTERN = /^change-\d{4}-\d{2}-\d{2}(?:-\d+)?$/;

/** Whether a page of the site may already use `id` for an element of its own. */
export function isPageId(id: string): boolean {
  return PAGE_IDS.has(id) || PAGE_ID_PATTERN.test(id);
}

/** The id a body heading gets: its slug, unless the page uses that id itself, then the slug with "-text" after it. */
export function bodyHeadingId(slug: (text: string) => string, text: string): string {
  const id = slug(text);
  return isPageId(id) ? slug(`${id}-text`) : id;
}
