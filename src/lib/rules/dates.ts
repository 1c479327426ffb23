/**
 * Dates that have not happened yet: a review, a start, a change or a win dated after
 * the build date is almost always a typo (2062 for 2026), and it would make
 * an entry look freshly reviewed for decades. A warning, since a boundary
 * may be published just before it takes effect. Drafts are not checked:
 * they are still being written, for a date to come.
 *
 * One day of tolerance: the build date is today in UTC, and an editor east
 * of Greenwich may already be living tomorrow.
 */
import { formatFieldPath, type FieldPath, type Finding } from '../diagnostics/diagnostic.ts';
import type { CheckedEntry } from '../reading/checked-content.ts';
import { finding, MESSAGES } from '../diagnostics/catalogue.ts';
import type { Rule } from './rule.ts';

/** How far ahead of the build date a date may be before it is reported, in days. */
export const FUTURE_DATE_TOLERANCE_DAYS = 1;

const DAY_MS = 86_400_000;

export const checkDates: Rule = ({ entries, today }) => {
  const findings: Finding[] = [];
  const limit = Date.parse(`${today}T00:00:00Z`) + FUTURE_DATE_TOLERANCE_DAYS * DAY_MS;
  if (Number.isNaN(limit)) return findings;
  const check = (entry: CheckedEntry, path: FieldPath, date: string, what: string) => {
    if (entry.data.status === 'draft' || Date.parse(`${date}T00:00:00Z`) <= limit) return;
    findings.push(finding(MESSAGES['future-date'], 'default', { file: entry.file, path, found: date }, { field: formatFieldPath(path), date, today, what }));
  };
  for (const boundary of entries.boundaries) {
    check(boundary, ['effective'], boundary.data.effective, 'the boundary took effect');
    check(boundary, ['lastReviewed'], boundary.data.lastReviewed, 'it was last reviewed');
    boundary.data.changes.forEach((change, index) => check(boundary, ['changes', index, 'date'], change.date, 'the change was made'));
  }
  for (const guideline of entries.guidelines) check(guideline, ['lastReviewed'], guideline.data.lastReviewed, 'it was last reviewed');
  for (const win of entries.wins) check(win, ['date'], win.data.date, 'the win happened');
  return findings;
};
