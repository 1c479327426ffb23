/** External case studies cite sources; every case study tells its story under the four headings. */
import type { Finding } from '../diagnostics/diagnostic.ts';
import type { Rule } from './rule.ts';

export const CASE_STUDY_HEADINGS = ['Background', 'Strategy', 'Outcome', 'Lessons'] as const;

export const checkCaseStudies: Rule = ({ entries }) => {
  const findings: Finding[] = [];
  for (const study of entries.caseStudies) {
    if (!study.data.internal && study.data.sources.length === 0) {
      findings.push({
        file: study.file,
        path: ['organisation'],
        at: 'key',
        severity: 'error',
        rule: 'sources',
        message: `sources: a case study about another organisation (${study.data.organisation}) must cite its sources`,
        hint: 'add "sources:" with a "- title: … url: …" for each article, or "internal: true" if this is one of our own teams',
      });
    }
    const present = new Set([...study.body.matchAll(/^##\s+(.+?)\s*#*\s*$/gm)].map((m) => m[1]!.trim().toLowerCase()));
    const missing = CASE_STUDY_HEADINGS.filter((heading) => !present.has(heading.toLowerCase()));
    if (missing.length > 0) {
      findings.push({
        file: study.file,
        path: [],
        position: { line: study.bodyLine, column: 1 },
        severity: 'warning',
        rule: 'case-study-headings',
        message: `the case study has no ${missing.map((h) => `"## ${h}"`).join(', ')} section${missing.length > 1 ? 's' : ''}`,
        hint: `tell the story under ${CASE_STUDY_HEADINGS.map((h) => `## ${h}`).join(', ')}`,
      });
    }
  }
  return findings;
};
