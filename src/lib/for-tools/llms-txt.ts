/**
 * `/llms.txt` (the llmstxt.org convention): the playbook's pages as a
 * Markdown list a language model or a crawler reads first — a heading with
 * the playbook's name, a line on what it is, the machine-readable files,
 * then every value, role, boundary, guideline and case study with its
 * address and summary. Win stories, the one collection that grows with the
 * years, are given by their listing and feed and the newest few, so the
 * file stays bounded by the reference content. Like the other files for
 * tools it stays in the playbook's base language. Pure: no Astro, no Node.
 */
import type { Playbook } from '../model/types.ts';

type Listed = Pick<Playbook, 'settings' | 'values' | 'roles' | 'guidelines' | 'boundaries' | 'caseStudies' | 'wins'>;

/** How many of the newest wins are listed by name; the rest are on /wins/ and in its feed. */
export const LLMS_NEWEST_WINS = 20;

/** Text from content on one line, with nothing that would end a Markdown link's text early. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function linkText(text: string): string {
  return oneLine(text).replace(/[\\[\]]/g, (char) => `\\${char}`);
}

function item(title: string, address: string, about?: string): string {
  return `- [${linkText(title)}](${address})${about ? `: ${oneLine(about)}` : ''}`;
}

export function llmsTxt(playbook: Listed, addressOf: (path: string) => string): string {
  const { settings } = playbook;
  const section = (heading: string, lines: string[]) => (lines.length > 0 ? [`## ${heading}`, '', ...lines, ''] : []);
  const newestWins = playbook.wins.slice(0, LLMS_NEWEST_WINS);
  return [
    `# ${oneLine(settings.name)}`,
    '',
    `> ${oneLine(settings.tagline ?? `The culture playbook of ${settings.name}`)}`,
    '',
    'What this organisation values, who may decide what on their own and up to which limit, where a decision goes when it is bigger than that, and stories of people who used that trust well. Limits are given per role on each decision boundary.',
    '',
    ...section('Files for tools', [
      item(
        'playbook.json',
        addressOf('/playbook.json'),
        'values, roles, guidelines and boundaries with every grant in words and in numbers (JSON Schema: playbook.schema.json)',
      ),
      item(
        'Authority register (CSV)',
        addressOf('/authority.csv'),
        'one row per role and decision: authority, limit, currency, escalation, owner, approver, dates',
      ),
      item('Authority register (JSON)', addressOf('/authority.json'), 'the same rows as JSON'),
    ]),
    ...section(
      'Values',
      playbook.values.map((value) => item(value.title, addressOf(value.path), value.summary)),
    ),
    ...section(
      'Roles',
      playbook.roles.map((role) => item(role.title, addressOf(role.path), role.summary ?? role.team)),
    ),
    ...section(
      'Decision boundaries',
      playbook.boundaries.map((boundary) => item(boundary.title, addressOf(boundary.path), `${boundary.decision}. ${boundary.summary}`)),
    ),
    ...section(
      'Guidelines',
      playbook.guidelines.map((guideline) => item(guideline.title, addressOf(guideline.path), guideline.summary)),
    ),
    ...section(
      'Case studies',
      playbook.caseStudies.map((study) => item(study.title, addressOf(study.path), study.summary)),
    ),
    ...section('Optional', [
      ...(playbook.wins.length > 0
        ? [item('Win stories', addressOf('/wins/'), `all ${playbook.wins.length}, newest first, a page at a time; feed: ${addressOf('/wins/rss.xml')}`)]
        : []),
      ...newestWins.map((win) => item(win.title, addressOf(win.path), win.impact)),
      item('Changes to boundaries', addressOf('/changes/'), 'newest first'),
      ...(playbook.caseStudies.some((study) => study.metrics.length > 0)
        ? [item('Results', addressOf('/results/'), "every case study's results, before and after")]
        : []),
    ]),
  ]
    .join('\n')
    .replace(/\n+$/, '\n');
}
