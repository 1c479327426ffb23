/** Entries past their review date are reported (warnings; errors with --strict). */
import type { Finding } from '../diagnostics/diagnostic.ts';
import { reviewStatus } from '../domain/review.ts';
import { finding, MESSAGES } from '../diagnostics/catalogue.ts';
import type { Rule } from './rule.ts';

export const checkReview: Rule = ({ entries, settings, today }) => {
  const findings: Finding[] = [];
  const fallback = settings?.reviewEveryDays ?? 365;
  for (const entry of [...entries.guidelines, ...entries.boundaries]) {
    const { lastReviewed, reviewEveryDays, status, owner } = entry.data;
    if (status !== 'published') continue;
    const every = reviewEveryDays ?? fallback;
    const review = reviewStatus(lastReviewed, every, today);
    if (!review.due) continue;
    findings.push(
      finding(MESSAGES['due-for-review'], 'default', { file: entry.file, path: ['lastReviewed'] }, { dueOn: review.dueOn, lastReviewed, every, owner }),
    );
  }
  return findings;
};
