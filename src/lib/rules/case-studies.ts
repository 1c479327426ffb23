/** External case studies cite sources; every case study tells its story under the four headings. */
import type { Finding } from '../diagnostics/diagnostic.ts';
import { finding, MESSAGES } from '../diagnostics/catalogue.ts';
import type { Rule } from './rule.ts';

export const CASE_STUDY_HEADINGS = ['Background', 'Strategy', 'Outcome', 'Lessons'] as const;

export const checkCaseStudies: Rule = ({ entries }) => {
  const findings: Finding[] = [];
  for (const study of entries.caseStudies) {
    if (!study.data.internal && study.data.sources.length === 0) {
      findings.push(finding(MESSAGES.sources, 'default', { file: study.file, path: ['organisation'], at: 'key' }, { organisation: study.data.organisation }));
    }
    const present = new Set([...study.body.matchAll(/^##\s+(.+?)\s*#*\s*$/gm)].map((m) => m[1]!.trim().toLowerCase()));
    const missing = CASE_STUDY_HEADINGS.filter((heading) => !present.has(heading.toLowerCase()));
    if (missing.length > 0) {
      const position = { line: study.bodyLine, column: 1 };
      findings.push(finding(MESSAGES['case-study-headings'], 'default', { file: study.file, position }, { missing, headings: CASE_STUDY_HEADINGS }));
    }
  }
  return findings;
};
