/**
 * Templates for `npm run new`: a new entry with today's date and every
 * required key, each with a comment that says what to write. A reference is
 * written only when the editor chose it (in a terminal, see
 * ask-new-entry.ts); otherwise it is a placeholder naming a few of the ids
 * there are, like everything else npm run new cannot know (see
 * placeholders.ts): an error until it is replaced, never a guess that could
 * be published by mistake.
 */
import { COLLECTIONS, type CollectionName } from '../../../schemas/index.ts';
import { kebabCase } from '../rules/entry-ids.ts';
import { placeholder, PLACEHOLDER_URL } from '../domain/placeholders.ts';

export interface NewEntryInput {
  collection: CollectionName;
  title: string;
  /** YYYY-MM-DD */
  today: string;
  /** Ids that exist in the content root, named in the placeholders of references. */
  existing: { roles: string[]; values: string[]; boundaries?: string[] };
  /** What the editor chose when asked (see `ChosenReferences`); nothing chosen means placeholders. */
  chosen?: ChosenReferences;
}

/**
 * References the editor chose in a terminal. Left undefined, a reference was
 * not asked about and becomes a placeholder; `null` (or an empty list where
 * the field is optional) means "leave it out".
 */
export interface ChosenReferences {
  /** A win's role; a boundary's first grant's role. */
  role?: string | null;
  /** A win's values (at least one), a guideline's values. */
  values?: string[];
  /** A guideline's roles; empty: for everyone. */
  roles?: string[];
  /** A win's boundary. */
  boundary?: string | null;
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

/** "(such as contact-agent, senior-agent or team-lead: file names in roles/)": a few of the ids there are. */
function idChoices(ids: readonly string[] | undefined, folder: string): string {
  const some = (ids ?? []).slice(0, 3);
  if (some.length === 0) return `(a file name in ${folder}/, without its extension)`;
  const listed = some.length === 1 ? some[0]! : `${some.slice(0, -1).join(', ')} or ${some.at(-1)}`;
  return `(such as ${listed}: file names in ${folder}/)`;
}

/** `key: id`, the placeholder, or no line at all when the editor left the reference out. */
function referenceLine(key: string, chosen: string | null | undefined, what: string): string[] {
  if (chosen === null) return [];
  return [`${key}: ${chosen ?? todo(what)}`];
}

/** `key: [a, b]`, the placeholder in a list, or no line at all when the editor chose none of an optional list. */
function referencesLine(key: string, chosen: readonly string[] | undefined, what: string): string[] {
  if (chosen === undefined) return [`${key}: [${todo(what)}]`];
  return chosen.length === 0 ? [] : [`${key}: [${chosen.join(', ')}]`];
}

export function newEntry({ collection, title, today, existing, chosen = {} }: NewEntryInput): NewEntry {
  const slug = kebabCase(title) || 'untitled';
  const id = collection === 'wins' ? `${today.slice(0, 7)}-${slug}` : slug;
  const { folder, kind } = COLLECTIONS[collection];
  // Wins are many: they go into a folder per year, by the date they are written.
  const file = `${folder}/${collection === 'wins' ? `${today.slice(0, 4)}/` : ''}${id}${kind === 'data' ? '.yaml' : '.md'}`;
  const quoted = JSON.stringify(title);
  const roles = idChoices(existing.roles, 'roles');
  const values = idChoices(existing.values, 'values');
  const boundaries = idChoices(existing.boundaries, 'boundaries');
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
            ...referencesLine('values', chosen.values, `the values it puts into practice ${values}, or delete this line`),
            ...referencesLine('roles', chosen.roles, `the roles it is for ${roles}; delete this line if it is for everyone`),
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
            `  - role: ${chosen.role ?? todo(`who may decide ${roles}`)}`,
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
          [
            `title: ${quoted}`,
            `date: ${today}`,
            `people: [${todo('who is celebrated')}]`,
            ...referenceLine('role', chosen.role, `the role they acted in ${roles}, or delete this line`),
            ...referencesLine('values', chosen.values, `the value it shows ${values}`),
            ...referenceLine('boundary', chosen.boundary, `the decision boundary they used ${boundaries}, or delete this line`),
          ],
          placeholder('what happened, in a few sentences.'),
        ),
      };
  }
}
