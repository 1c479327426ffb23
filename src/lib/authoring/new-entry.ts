/**
 * Templates for `npm run new`: a new entry with today's date and every
 * required key, each with a comment that says what to write. References are
 * filled with real ids from the content root where it has them, so a new
 * entry validates as soon as its placeholders are replaced.
 */
import { COLLECTIONS, type CollectionName } from '../../../schemas/index.ts';
import { kebabCase } from '../rules/entry-ids.ts';

export interface NewEntryInput {
  collection: CollectionName;
  title: string;
  /** YYYY-MM-DD */
  today: string;
  /** Ids that exist in the content root, to fill references with. */
  existing: { roles: string[]; values: string[] };
}

export interface NewEntry {
  /** Path relative to the content root. */
  file: string;
  text: string;
}

/** `values` → values, `case-studies` or `caseStudies` → caseStudies; undefined when unknown. */
export function collectionFromArgument(argument: string): CollectionName | undefined {
  const entries = Object.entries(COLLECTIONS) as [CollectionName, (typeof COLLECTIONS)[CollectionName]][];
  return entries.find(([name, def]) => name === argument || def.folder === argument)?.[0];
}

export function newEntry({ collection, title, today, existing }: NewEntryInput): NewEntry {
  const slug = kebabCase(title) || 'untitled';
  const id = collection === 'wins' ? `${today.slice(0, 7)}-${slug}` : slug;
  const { folder, kind } = COLLECTIONS[collection];
  const file = `${folder}/${id}${kind === 'data' ? '.yaml' : '.md'}`;
  const quoted = JSON.stringify(title);
  const role = existing.roles[0] ?? 'role-id';
  const value = existing.values[0] ?? 'value-id';
  const frontmatter = (lines: string[], body: string) => `---\n${lines.join('\n')}\n---\n\n${body}\n`;

  switch (collection) {
    case 'values':
      return { file, text: frontmatter([`title: ${quoted}`, 'summary: One sentence that says what we stand for.', 'behaviors:', '  - What living this value looks like', 'antiBehaviors:', '  - What it does not look like'], 'The story behind the value.') };
    case 'roles':
      return { file, text: `title: ${quoted}\nsummary: What this role does, in a sentence.\nteam: Team name\n# escalatesTo: the role id decisions go to when they exceed this role's authority\n` };
    case 'guidelines':
      return { file, text: frontmatter([`title: ${quoted}`, 'summary: One or two sentences an employee can act on.', 'owner: Who answers for this guideline', `lastReviewed: ${today}`, `values: [${value}]`, `roles: [${role}]`], '## What to do\n\nPractical advice.') };
    case 'boundaries':
      return { file, text: frontmatter([`title: ${quoted}`, 'summary: The playing field, in a sentence.', 'decision: The decision as a verb phrase', 'grants:', `  - role: ${role}`, '    authority: decide  # decide | decide-and-inform | consult | escalate', '    limit: { amount: 50 }  # leave out for no monetary limit', 'guardrails:', '  - When not to use this authority at all', 'owner: Who answers for the boundary', 'approvedBy: The leader who approved it', `effective: ${today}`, `lastReviewed: ${today}`], 'Why this boundary exists, and how to use it well.') };
    case 'caseStudies':
      return { file, text: frontmatter([`title: ${quoted}`, 'summary: What was done, and what came of it.', 'organisation: Whose story it is', 'internal: false', 'sources:', '  - title: Where the facts come from', '    url: https://example.com/article'], '## Background\n\n## Strategy\n\n## Outcome\n\n## Lessons') };
    case 'wins':
      return { file, text: frontmatter([`title: ${quoted}`, `date: ${today}`, 'people: [Who is celebrated]', `role: ${role}`, `values: [${value}]`], 'What happened, in a few sentences.') };
  }
}
