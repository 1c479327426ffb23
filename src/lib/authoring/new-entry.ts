/**
 * Templates for `npm run new`: a new entry with today's date and every
 * required key, each with a comment that says what to write. References are
 * filled with real ids from the content root where it has them; everything
 * else is a placeholder (see placeholders.ts), an error until it is replaced.
 */
import { COLLECTIONS, type CollectionName } from '../../../schemas/index.ts';
import { kebabCase } from '../rules/entry-ids.ts';
import { placeholder, PLACEHOLDER_URL } from '../domain/placeholders.ts';

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

/** A YAML value for a placeholder: quoted, since it holds a colon. */
const todo = (what: string) => JSON.stringify(placeholder(what));

export function newEntry({ collection, title, today, existing }: NewEntryInput): NewEntry {
  const slug = kebabCase(title) || 'untitled';
  const id = collection === 'wins' ? `${today.slice(0, 7)}-${slug}` : slug;
  const { folder, kind } = COLLECTIONS[collection];
  // Wins are many: they go into a folder per year, by the date they are written.
  const file = `${folder}/${collection === 'wins' ? `${today.slice(0, 4)}/` : ''}${id}${kind === 'data' ? '.yaml' : '.md'}`;
  const quoted = JSON.stringify(title);
  const role = existing.roles[0] ?? 'role-id';
  const value = existing.values[0] ?? 'value-id';
  const frontmatter = (lines: string[], body: string) => `---\n${lines.join('\n')}\n---\n\n${body}\n`;

  switch (collection) {
    case 'values':
      return {
        file,
        text: frontmatter(
          [
            `title: ${quoted}`,
            `summary: ${todo('one sentence that says what we stand for')}`,
            'behaviors:',
            `  - ${todo('what living this value looks like')}`,
            'antiBehaviors:',
            `  - ${todo('what it does not look like')}`,
          ],
          placeholder('the story behind the value.'),
        ),
      };
    case 'roles':
      return {
        file,
        text: `title: ${quoted}\nsummary: ${todo('what this role does, in a sentence')}\nteam: ${todo('the team this role belongs to')}\n# escalatesTo: the role id decisions go to when they exceed this role's authority\n`,
      };
    case 'guidelines':
      return {
        file,
        text: frontmatter(
          [
            `title: ${quoted}`,
            `summary: ${todo('one or two sentences an employee can act on')}`,
            `owner: ${todo('who answers for this guideline')}`,
            `lastReviewed: ${today}`,
            `values: [${value}]`,
            `roles: [${role}]`,
          ],
          `## What to do\n\n${placeholder('practical advice.')}`,
        ),
      };
    case 'boundaries':
      return {
        file,
        text: frontmatter(
          [
            `title: ${quoted}`,
            `summary: ${todo('the playing field, in a sentence')}`,
            `decision: ${todo('the decision as a verb phrase (Refund a purchase)')}`,
            'grants:',
            `  - role: ${role}`,
            '    authority: decide  # decide | decide-and-inform | consult | escalate',
            '    limit: { amount: 50 }  # leave out for no monetary limit',
            `    note: ${todo('check role, authority and limit, then delete this note')}`,
            'guardrails:',
            `  - ${todo('when not to use this authority at all')}`,
            `owner: ${todo('who answers for the boundary')}`,
            `approvedBy: ${todo('the leader who approved it')}`,
            `effective: ${today}`,
            `lastReviewed: ${today}`,
          ],
          placeholder('why this boundary exists, and how to use it well.'),
        ),
      };
    case 'caseStudies':
      return {
        file,
        text: frontmatter(
          [
            `title: ${quoted}`,
            `summary: ${todo('what was done, and what came of it')}`,
            `organisation: ${todo('whose story it is')}`,
            'internal: false',
            'sources:',
            `  - title: ${todo('where the facts come from')}`,
            `    url: ${PLACEHOLDER_URL}`,
          ],
          ['Background', 'Strategy', 'Outcome', 'Lessons'].map((heading) => `## ${heading}\n\n${placeholder(`the ${heading.toLowerCase()}.`)}`).join('\n\n'),
        ),
      };
    case 'wins':
      return {
        file,
        text: frontmatter(
          [`title: ${quoted}`, `date: ${today}`, `people: [${todo('who is celebrated')}]`, `role: ${role}`, `values: [${value}]`],
          placeholder('what happened, in a few sentences.'),
        ),
      };
  }
}
