/**
 * The words of case-study results: the charts, their text alternatives,
 * the table beside them and the results page. In one module so that they
 * move to each language's dictionary as one piece.
 */

export const RESULTS_WORDS = {
  heading: 'Results',
  tableCaption: 'Results, before and after',
  measure: 'Measure',
  before: 'Before',
  after: 'After',
  notRecorded: 'not recorded',
  pageTitle: 'Results',
  pageDescription: "Every case study's results, before and after.",
  pageLead: 'What came of each case study, before and after, measure by measure.',
  noResults: 'No case study has recorded results yet.',
  pagerLabel: 'Pages of results',
  previous: '← Previous',
  next: 'Next →',
  linkFromCaseStudies: "Every case study's results, drawn",
} as const;

/** The table's caption on the results page, where each case study has one: "Leeds pilot: results, before and after". */
export function resultsCaptionOf(title: string): string {
  return `${title}: results, before and after`;
}

/** "Results, page 2". */
export function resultsPageTitle(page: number): string {
  return page > 1 ? `${RESULTS_WORDS.pageTitle}, page ${page}` : RESULTS_WORDS.pageTitle;
}

/** Which way a measure moved, when its two figures can be compared. */
export type MetricMove = 'rose' | 'fell' | 'same';

/**
 * A measure in one sentence, stating both figures as written: "CSAT rose
 * from 78% to 91%", "Complaints fell from 34% to 12%", "NPS: +41 before and
 * after"; without a comparison, "Call length: 6 min before, 5 min 40 s
 * after"; with no figure before, "CSAT: 92%".
 */
export function metricInWords(label: string, after: string, before: string | undefined, move: MetricMove | undefined): string {
  if (before === undefined) return `${label}: ${after}`;
  switch (move) {
    case 'rose':
      return `${label} rose from ${before} to ${after}`;
    case 'fell':
      return `${label} fell from ${before} to ${after}`;
    case 'same':
      return before === after ? `${label}: ${after} before and after` : `${label}: ${before} before, ${after} after, the same`;
    default:
      return `${label}: ${before} before, ${after} after`;
  }
}
