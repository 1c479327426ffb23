/**
 * The catalogue of messages: every rule the validator reports, in one place,
 * after Astro's `core/errors/errors-data.ts`. Each entry is one rule:
 *
 * - its **id**, printed in brackets after each message (`(ladder-narrows)`),
 *   which editors, CI scripts and `--format json` readers match on. An id
 *   never changes once published: a rule that is no longer checked keeps its
 *   entry, and a new check gets a new id (tests/unit/catalogue.test.ts pins
 *   the list, and docs/authoring.md's "Every rule" table must list exactly
 *   these ids);
 * - its **severity** (a call may lower or raise it where the rule says so,
 *   such as `placeholder`, a warning in a draft);
 * - its **title**: what it checks, in one line;
 * - its **wordings**: the message and hint, as functions of typed
 *   parameters. A rule that can go wrong in several ways has one wording per
 *   way (`html` has `tag`, `attribute`, `never-closed`…), so the same
 *   problem always reads the same, wherever it is found.
 *
 * Every finding is made from an entry, with `finding` (a whole finding) or
 * `problem` (the rule, message and hint of a body check that is placed
 * later). Wordings that need a parser's own words (YAML, MDX syntax), a
 * schema's own words (zod), or a specialised check's words (a picture's
 * damage, an SVG's refused element, a file name) take them as a `Wording`
 * parameter from the one module that knows that problem.
 *
 * Adding a rule: add an entry here (its key is its id), make its findings
 * with `finding(MESSAGES['my-rule'], 'default', where, params)`, add the id to
 * the list in tests/unit/catalogue.test.ts and a row to docs/authoring.md's
 * "Every rule" table, and a bad-input fixture with its exact output.
 */
import { describeValue, type FieldPath, type Finding, type Position, type Severity } from './diagnostic.ts';

/** What an editor reads: the message and, where there is a clear answer, what to do. */
export interface Wording {
  message: string;
  hint?: string | undefined;
}

/** One way a rule can go wrong, worded from its parameters. */
type Say = Record<string, (params: never) => Wording>;

/** One rule of the catalogue. */
export interface CatalogueEntry<S extends Say = Say> {
  /** The rule's id: stable, printed with every message. */
  readonly id: string;
  /** The severity its findings have unless the rule says otherwise. */
  readonly severity: Severity;
  /** What it checks, in one line. */
  readonly title: string;
  /** Its messages and hints, one per way it can go wrong. */
  readonly wordings: S;
}

/** Where a finding is and what was found: everything a finding holds besides its words. */
export interface Where {
  file: string;
  path?: FieldPath;
  at?: 'key' | 'value';
  position?: Position | undefined;
  /** Overrides the entry's severity, for rules whose severity depends on the case. */
  severity?: Severity;
  expected?: string;
  found?: string;
}

/** A body check's result before it is placed in a file. */
export interface Problem {
  rule: string;
  severity: Severity;
  message: string;
  hint?: string | undefined;
}

/** A rule's message and hint for one way it went wrong. */
export function problem<S extends Say, K extends keyof S & string>(entry: CatalogueEntry<S>, kind: K, ...params: Parameters<S[K]>): Problem {
  const wording = (entry.wordings[kind] as (...args: Parameters<S[K]>) => Wording)(...params);
  return { rule: entry.id, severity: entry.severity, message: wording.message, ...(wording.hint === undefined ? {} : { hint: wording.hint }) };
}

/** A finding of a rule: where it is, and its words from the catalogue. */
export function finding<S extends Say, K extends keyof S & string>(entry: CatalogueEntry<S>, kind: K, where: Where, ...params: Parameters<S[K]>): Finding {
  const { rule, message, hint } = problem(entry, kind, ...params);
  const { file, path = [], at, position, severity = entry.severity, expected, found } = where;
  return {
    file,
    path,
    ...(at === undefined ? {} : { at }),
    ...(position === undefined ? {} : { position }),
    severity,
    rule,
    message,
    ...(expected === undefined ? {} : { expected }),
    ...(found === undefined ? {} : { found }),
    ...(hint === undefined ? {} : { hint }),
  };
}

/** The whole file, from its first line. */
export const TOP: Position = { line: 1, column: 1 };

const AND = new Intl.ListFormat('en-GB', { type: 'conjunction' });
const OR = new Intl.ListFormat('en-GB', { type: 'disjunction' });
/** "a, b and c". */
export const andList = (items: readonly string[]): string => AND.format(items);
/** "a, b or c". */
export const orList = (items: readonly string[]): string => OR.format(items);
/** "Text" from "text". */
export const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
/** `{code}`, shortened to fit a message. */
export function braced(code: string): string {
  const flat = code.replace(/\s+/g, ' ').trim();
  return `{${flat.length > 40 ? `${flat.slice(0, 37)}...` : flat}}`;
}
const ROOT_HINT = 'point --content or PLAYBOOK_CONTENT_DIR at the folder that holds playbook.yaml';
const PLACEHOLDER_HINT = 'replace it with your own words, or delete the line where the field is optional (npm run new wrote it as a reminder)';
const NOT_ORDINARY = {
  message: 'this is not an ordinary file (it is a pipe, socket or device), so it cannot be read',
  hint: 'remove it from the content root; entries are ordinary text files',
};
const RESIZE_HINT = 'resize it to about 1600 pixels wide and save it as JPEG or WebP';

/** The words zod's type names are written in. */
export function typeWord(expected: string): string {
  switch (expected) {
    case 'string':
      return 'text';
    case 'number':
      return 'a number';
    case 'int':
      return 'a whole number';
    case 'boolean':
      return 'true or false';
    case 'array':
      return 'a list';
    case 'object':
      return 'a group of keys';
    case 'date':
      return 'a date written YYYY-MM-DD';
    default:
      return expected;
  }
}

function typeHint(expected: string, input: unknown): string {
  if (expected === 'array') return 'write a list, one "- item" per line, or [first, second] on one line';
  if (expected === 'object') return 'write the keys indented under this one';
  if (expected === 'number' && typeof input === 'string') return 'write the number alone, without a currency sign or quotes (amount: 75)';
  if (expected === 'boolean') return 'write true or false, without quotes';
  if (expected === 'string' && Array.isArray(input)) return 'write a single line of text, not a list';
  if (expected === 'string' && (typeof input === 'number' || typeof input === 'boolean')) return 'put the value in quotes to make it text';
  return 'change the value to the expected kind';
}

/** The kinds of value a schema checks by form, each with its own hint (schemas/common.ts says which check is which). */
export const VALUE_CHECK_HINTS = {
  date: 'write the date as year-month-day, such as 2026-03-01',
  id: 'use the file name of the entry you mean, without extension',
  currency: 'use a currency code such as GBP, EUR, USD or CAD',
  'web-address': 'copy the full address from the browser, such as https://example.com/page',
  locale: 'use a language tag such as en, en-GB or fr-CA',
} as const;
export type ValueCheck = keyof typeof VALUE_CHECK_HINTS;

/** Gives each entry its key as id, so an id is written once and never twice. */
function catalogue<T extends Record<string, Omit<CatalogueEntry, 'id' | 'wordings'> & { wordings: Say }>>(
  entries: T,
): {
  readonly [K in keyof T & string]: CatalogueEntry<T[K]['wordings']> & { readonly id: K };
} {
  return Object.fromEntries(Object.entries(entries).map(([id, entry]) => [id, { id, ...entry }])) as never;
}

export const MESSAGES = catalogue({
  // Files and folders
  'content-root': {
    severity: 'error',
    title: 'the content root exists, is a readable folder, and its path suits trusted MDX',
    wordings: {
      missing: ({ root }: { root: string }) => ({ message: `there is no content root at ${root}`, hint: ROOT_HINT }),
      file: ({ root }: { root: string }) => ({ message: `the content root ${root} is a file, not a folder`, hint: ROOT_HINT }),
      unreadable: ({ code }: { code: string }) => ({
        message: `the content root cannot be read (${code})`,
        hint: 'make the folder readable (chmod a+rx), then run the check again',
      }),
      'trusted-mdx-path': ({ character }: { character: string }) => ({
        message: `trustedMdx: the path of the content root holds "${character}", and trusted .mdx files are compiled as modules, whose loader reads "${character}" in a path as part of a web address`,
        hint: 'move the content root to a folder whose path has no #, ? or %, or remove trustedMdx (untrusted .mdx builds from anywhere)',
      }),
    },
  },
  playbook: {
    severity: 'error',
    title: 'the content root has a playbook.yaml',
    wordings: {
      default: () => ({ message: 'the content root has no playbook.yaml', hint: 'create playbook.yaml with at least "name: <your organisation>"' }),
    },
  },
  'file-name': {
    severity: 'error',
    title: 'the settings file is playbook.yaml, and every name the build opens is one it can use',
    wordings: {
      'playbook-yml': () => ({ message: 'the settings file must be called playbook.yaml', hint: 'rename playbook.yml to playbook.yaml' }),
      /** Worded by reading/paths.ts, the one name rule. */
      name: (wording: Wording) => wording,
    },
  },
  folder: {
    severity: 'error',
    title: 'no folder is a near-miss of a collection, and collection and translation folders can be read',
    wordings: {
      'near-miss': ({ name, near }: { name: string; near: string }) => ({
        message: `the folder "${name}" is not a collection, so nothing in it is published`,
        hint: `rename it to "${near}"`,
      }),
      unreadable: ({ folder, problem }: { folder: string; problem: string }) => ({
        message: problem,
        hint: `make ${folder}/ a folder that the build may read, holding one file per entry`,
      }),
      translations: ({ file, problem, folder }: { file: string; problem: string; folder: string }) => ({
        message: `the folder ${file} cannot hold translations: ${problem}`,
        hint: `make ${folder}/ a folder holding one folder per language, such as ${folder}/fr-CA/`,
      }),
    },
  },
  'file-type': {
    severity: 'error',
    title: 'each collection folder holds only its file types, and every entry is an ordinary file',
    wordings: {
      'playbook-not-file': () => ({
        message: 'playbook.yaml is not an ordinary file (it is a folder, pipe, socket or device)',
        hint: 'make playbook.yaml a text file with at least "name: <your organisation>"',
      }),
      'folder-named-like-file': ({ extension }: { extension: string }) => ({
        message: 'this is a folder, but its name is that of an entry file',
        hint: `rename the folder so that its name does not end in ${extension}`,
      }),
      'not-ordinary': () => NOT_ORDINARY,
      extension: ({ folder, extensions, renamed }: { folder: string; extensions: readonly string[]; renamed: string }) => ({
        message: `${folder}/ only takes ${extensions.join(' or ')} files, so this file is not published`,
        hint: `rename it to ${renamed}, or move it out of ${folder}/`,
      }),
    },
  },
  symlink: {
    severity: 'error',
    title: 'content files and folders are real files, not links',
    wordings: {
      folder: ({ file }: { file: string }) => ({
        message: `${file} is a link to another folder, but it must be a real folder in the content root: through a link, files from anywhere on the build machine would be published`,
        hint: 'replace the link with the folder itself (a copy of its files)',
      }),
      file: ({ file }: { file: string }) => ({
        message: `${file} is a link to another file, but it must be a real file in the content root`,
        hint: 'replace the link with a copy of the file itself',
      }),
      either: () => ({
        message: 'this is a link to another file or folder, and content must be real files in the content root',
        hint: 'replace the link with a copy of the file itself',
      }),
    },
  },
  'content-link': {
    severity: 'error',
    title: 'the build compiles no file that is a link to somewhere outside the content root',
    wordings: {
      default: () => ({
        message: 'this file is a link to somewhere outside the content root, so it cannot be checked or published',
        hint: 'copy the file itself into the content root instead of linking to it',
      }),
    },
  },
  unreadable: {
    severity: 'error',
    title: 'every file of the content root can be opened and read',
    wordings: {
      permissions: () => ({
        message: 'the file cannot be read: its permissions do not allow it',
        hint: 'make the file readable (chmod a+r), or remove it from the content root',
      }),
      folder: () => ({
        message: 'this is a folder, but its name is that of an entry file',
        hint: 'rename the folder so that it does not end in .md, .mdx or .yaml',
      }),
      'not-ordinary': () => NOT_ORDINARY,
      other: ({ reason }: { reason: string }) => ({
        message: `the file cannot be read (${reason})`,
        hint: 'check that the file still exists and is an ordinary file; then run the check again',
      }),
    },
  },
  'file-size': {
    severity: 'error',
    title: 'an entry file is at most 1 MB',
    wordings: {
      default: ({ megabytes }: { megabytes: string }) => ({
        message: `the file is ${megabytes} MB, more than the 1 MB an entry may be`,
        hint: 'split the text into several entries, or link to a longer document instead of copying it in',
      }),
    },
  },
  encoding: {
    severity: 'error',
    title: 'the file is UTF-8 text without control characters',
    wordings: {
      'not-utf8': () => ({
        message: 'the file is not valid UTF-8 text',
        hint: 'save the file as UTF-8 (in most editors: "Save with encoding" → UTF-8)',
      }),
      control: ({ code }: { code: string }) => ({
        message: `the file holds an invisible control character (U+${code}), which cannot be published`,
        hint: 'delete the character: it often comes from copying text out of another program; retype the text around it if you cannot see it',
      }),
    },
  },
  frontmatter: {
    severity: 'error',
    title: 'a .md/.mdx file starts with ---, keys, ---',
    wordings: {
      missing: () => ({
        message: 'the file does not start with frontmatter',
        hint: 'start the file with a line "---", the keys such as "title: …", then another line "---" before the text',
      }),
      unclosed: () => ({ message: 'the frontmatter is never closed', hint: 'add a line with only "---" after the last key, before the text' }),
    },
  },
  yaml: {
    severity: 'error',
    title: 'the YAML can be read as YAML 1.2 core, and holds keys',
    wordings: {
      'too-deep': () => ({ message: 'the YAML is nested too deeply to be read', hint: 'keep keys and lists a few levels deep; an entry never needs more' }),
      'alias-bomb': ({ limit }: { limit: number }) => ({
        message: `the aliases (*name) in this file expand to too much text (more than ${limit} copies)`,
        hint: 'write the values out in full instead of repeating them with & and *',
      }),
      'no-keys': () => ({ message: 'there are no keys in the file', hint: 'write one key per line, such as "title: Own the outcome"' }),
      'not-keys': () => ({
        message: 'the file must hold keys and values, not a single value or a list',
        hint: 'write one key per line, such as "title: Own the outcome"',
      }),
      /** Worded by reading/read-source.ts from the YAML parser's own problem. */
      parser: (wording: Wording) => wording,
    },
  },
  'id-format': {
    severity: 'error',
    title: 'file names are lower-case kebab-case ids',
    wordings: {
      default: ({ id, note, renamed }: { id: string; note: string | undefined; renamed: string }) => ({
        message: note
          ? `the file name "${id}" is not a valid id: ${note}, and ids are lower-case words of a-z and 0-9 joined by hyphens`
          : `the file name "${id}" is not a valid id: ids are lower-case words joined by hyphens`,
        hint: `rename the file to ${renamed}`,
      }),
    },
  },
  'duplicate-id': {
    severity: 'error',
    title: 'no two files in a collection share a name',
    wordings: {
      default: ({ id, others }: { id: string; others: readonly string[] }) => ({
        message: `the id "${id}" is also used by ${others.join(', ')}`,
        hint: 'ids are file names, even in sub-folders: rename one of the files',
      }),
    },
  },

  // Keys and values
  'unknown-key': {
    severity: 'error',
    title: 'every key is one this kind of file takes',
    wordings: {
      default: ({
        field,
        note,
        key,
        near,
        known,
      }: {
        field: string;
        note: string | undefined;
        key: string;
        near: string | undefined;
        known: readonly string[];
      }) => ({
        message: note ? `${field}: unknown key (${note})` : `${field}: unknown key`,
        hint:
          key === '<<'
            ? 'content is read as YAML 1.2, where << merges nothing: write the keys out in full here'
            : near
              ? `did you mean "${near}"?`
              : `remove it; the keys allowed here are ${known.join(', ')}`,
      }),
      'misspelt-required': ({ message, near }: { message: string; near: string }) => ({ message, hint: `did you mean "${near}"? That key is required` }),
    },
  },
  required: {
    severity: 'error',
    title: 'every required key is there',
    wordings: {
      default: ({ field, key, expected }: { field: string; key: string; expected: string }) => ({
        message: `${field}: is required`,
        hint: `add "${key}:" with ${typeWord(expected)}`,
      }),
    },
  },
  type: {
    severity: 'error',
    title: 'each value is the right kind: text, number, list, true/false, group of keys',
    wordings: {
      default: ({ field, expected, input }: { field: string; expected: string; input: unknown }) => ({
        message: `${field}: expected ${typeWord(expected)}, found ${describeValue(input)}`,
        hint: typeHint(expected, input),
      }),
    },
  },
  value: {
    severity: 'error',
    title: 'each value is allowed: a listed word, a real date, an id, a currency code, a web address, a locale, within its range',
    wordings: {
      'one-of': ({ field, options, found, near }: { field: string; options: readonly string[]; found: string; near: string | undefined }) => ({
        message: `${field}: expected one of ${options.join(', ')}, found ${found}`,
        hint: near ? `did you mean "${near}"?` : `use one of ${options.join(', ')}`,
      }),
      range: ({ field, problem, found, hint }: { field: string; problem: string; found: string; hint: string }) => ({
        message: `${field}: ${problem}, found ${found}`,
        hint,
      }),
      /** `problem` is the schema's own words (schemas/), `check` says which kind of value it checks. */
      form: ({ message, check }: { message: string; check: ValueCheck | undefined }) => ({
        message,
        hint: check === undefined ? 'correct the value' : VALUE_CHECK_HINTS[check],
      }),
    },
  },

  // References and the ladder
  reference: {
    severity: 'error',
    title: 'every id names an existing entry',
    wordings: {
      default: ({
        field,
        label,
        id,
        near,
        listed,
        folder,
      }: {
        field: string;
        label: string;
        id: string;
        near: string | undefined;
        listed: string;
        folder: string;
      }) => ({
        message: `${field}: there is no ${label} "${id}"`,
        hint: near ? `${near} ${capitalise(listed)}` : `use the id of an entry in ${folder}/ (its file name, without extension); ${listed}`,
      }),
    },
  },
  'draft-reference': {
    severity: 'error',
    title: 'a published or retired entry refers to no draft',
    wordings: {
      default: ({ field, label, id, status }: { field: string; label: string; id: string; status: string }) => ({
        message: `${field}: the ${label} "${id}" is a draft, so this ${status} entry would link to a page that does not exist`,
        hint: `publish ${id} first, or remove the reference until it is published`,
      }),
    },
  },
  'escalation-cycle': {
    severity: 'error',
    title: 'escalatesTo and escalateTo links never go round in a circle',
    wordings: {
      roles: ({ cycle }: { cycle: string }) => ({
        message: `escalatesTo: the escalation ladder goes round in a circle: ${cycle}`,
        hint: 'the role at the top of a ladder must not have escalatesTo; remove it from one of these roles',
      }),
      grants: ({ index, cycle }: { index: number; cycle: string }) => ({
        message: `grants[${index}].escalateTo: on this boundary the decision goes round in a circle: ${cycle}`,
        hint: 'one of these grants must escalate to a role above the circle, or have no escalateTo',
      }),
    },
  },
  'escalate-to-retired': {
    severity: 'error',
    title: "neither a published role's escalatesTo nor a grant's escalateTo names a retired role",
    wordings: {
      role: ({ target, role }: { target: string; role: string }) => ({
        message: `escalatesTo: the role "${target}" is retired, so nobody would take the decisions ${role} passes up`,
        hint: `escalate to the role that took over from ${target} instead`,
      }),
      grant: ({ index, target }: { index: number; target: string }) => ({
        message: `grants[${index}].escalateTo: the role "${target}" is retired, so nobody would take this decision`,
        hint: `escalate to the role that took over from ${target} instead`,
      }),
    },
  },
  'retired-role-grant': {
    severity: 'warning',
    title: 'a retired role holds no grants on a boundary that is not retired',
    wordings: {
      default: ({ index, role }: { index: number; role: string }) => ({
        message: `grants[${index}].role: the role "${role}" is retired, so nobody holds this grant any more`,
        hint: `give the grant to the role that took over from ${role}, or remove it`,
      }),
    },
  },
  'duplicate-grant': {
    severity: 'error',
    title: 'a role has at most one grant per boundary',
    wordings: {
      default: ({ index, role, earlier }: { index: number; role: string; earlier: number }) => ({
        message: `grants[${index}].role: "${role}" already has a grant on this boundary (grants[${earlier}])`,
        hint: 'keep one grant per role; merge the two into one',
      }),
    },
  },
  'escalate-to-self': {
    severity: 'error',
    title: 'a grant does not escalate to its own role',
    wordings: {
      default: ({ index, role }: { index: number; role: string }) => ({
        message: `grants[${index}].escalateTo: ${role} escalates to itself, so the decision never leaves the role`,
        hint: `name the role above ${role} that takes the decision, or remove escalateTo to use roles/${role}.yaml's escalatesTo`,
      }),
    },
  },
  'escalate-nowhere': {
    severity: 'error',
    title: 'a grant that escalates, consults or informs has a role above it (a warning for consult and decide-and-inform)',
    wordings: {
      escalate: ({ index, role }: { index: number; role: string }) => ({
        message: `grants[${index}].authority: ${role} must escalate, but has nobody to escalate to`,
        hint: `add "escalateTo: <role id>" to this grant, or "escalatesTo" to roles/${role}.yaml`,
      }),
      tell: ({ index, role, verb }: { index: number; role: string; verb: 'consult' | 'inform' }) => ({
        message: `grants[${index}].authority: ${role} must ${verb} someone, but has nobody above it`,
        hint: `add "escalateTo: <role id>" to this grant, or "escalatesTo" to roles/${role}.yaml`,
      }),
    },
  },
  'unused-limit': {
    severity: 'warning',
    title: 'an escalate grant has no limit',
    wordings: {
      default: ({ index, role }: { index: number; role: string }) => ({
        message: `grants[${index}].limit: ${role} escalates every decision here, so this limit is never used`,
        hint: 'remove the limit, or change authority to decide, decide-and-inform or consult',
      }),
    },
  },
  'overlapping-grants': {
    severity: 'error',
    title: 'one role holds one grant on a boundary on any day: dated grants of a role do not overlap',
    wordings: {
      default: ({ index, earlier, role, days }: { index: number; earlier: number; role: string; days: string }) => ({
        message: `grants[${index}]: grants[${earlier}] and grants[${index}] both give ${role} this decision ${days}, so nobody can tell which applies`,
        hint: `a role holds one grant on any day: end grants[${earlier}] the day before grants[${index}] starts (until), or start it after (from)`,
      }),
    },
  },
  'grant-dates': {
    severity: 'error',
    title: "a grant's until is not before its from",
    wordings: {
      default: ({ index, from, until }: { index: number; from: string; until: string }) => ({
        message: `grants[${index}].until: ${until} is before from (${from}), so the grant applies on no day`,
        hint: 'until is the last day the grant applies; check the year, month and day of both dates',
      }),
    },
  },
  'grant-ended': {
    severity: 'warning',
    title: 'a grant whose last day has passed is removed or kept as history in changes',
    wordings: {
      default: ({ index, role, until, today }: { index: number; role: string; until: string; today: string }) => ({
        message: `grants[${index}].until: ${role}'s grant ended on ${until} (today is ${today}), so it applies on no day from now on`,
        hint: `remove the grant; to keep it as history, add a line to changes (date: ${until}) that says what it was`,
      }),
    },
  },
  'scenario-role': {
    severity: 'error',
    title: "a scenario's role meets the boundary's decision",
    wordings: {
      default: ({ field, role, holders }: { field: string; role: string; holders: string }) => ({
        message: `${field}.role: ${role} holds no grant on this boundary and no role up its ladder does, so it never meets this decision`,
        hint: `name a role that holds a grant here (${holders}) or escalates to one`,
      }),
    },
  },
  'scenario-answer': {
    severity: 'error',
    title: "a scenario's answer is the one the grants give, worked out by the Can I…? verdict",
    wordings: {
      'no-guardrails': ({ field, granted }: { field: string; granted: string }) => ({
        message: `${field}.answer: not-allowed means a guardrail forbids it, but this boundary has no guardrails`,
        hint: `add the guardrail under "guardrails:", or write the answer the grants give: ${granted}`,
      }),
      disagrees: ({ field, who, gives, expects, granted }: { field: string; who: string; gives: string; expects: string; granted: string }) => ({
        message: `${field}: ${who} ${gives}, but the scenario expects ${expects}`,
        hint: `write "answer: ${granted}", or change the grants if the playbook means ${expects}`,
      }),
    },
  },
  'scenario-currency': {
    severity: 'error',
    title: "a scenario's amount is in the currency of the role's limits",
    wordings: {
      default: ({ field, currency, role, limits }: { field: string; currency: string; role: string; limits: string }) => ({
        message: `${field}.amount: the amount is in ${currency}, but ${role}'s limits on this boundary are in ${limits}`,
        hint: `write the amount in ${limits}, as the grants are`,
      }),
    },
  },
  'ladder-narrows': {
    severity: 'error',
    title: 'limits never shrink up the ladder',
    wordings: {
      unlimited: ({
        index,
        role,
        above,
        aboveLimit,
        aboveAmount,
        aboveIndex,
      }: {
        index: number;
        role: string;
        above: string;
        aboveLimit: string;
        aboveAmount: string;
        aboveIndex: number;
      }) => ({
        message: `grants[${index}]: the ladder narrows: ${role} has no limit here, but escalates to ${above}, who is limited to ${aboveLimit}`,
        hint: `give ${role} a limit no higher than ${aboveAmount}, or remove the limit of ${above} (grants[${aboveIndex}])`,
      }),
      limit: ({
        index,
        role,
        own,
        above,
        theirs,
        aboveIndex,
      }: {
        index: number;
        role: string;
        own: string;
        above: string;
        theirs: string;
        aboveIndex: number;
      }) => ({
        message: `grants[${index}].limit: the ladder narrows: ${role} may commit ${own}, but ${above} above it only ${theirs}`,
        hint: `lower this limit to ${theirs} or less, or raise ${above}'s limit (grants[${aboveIndex}])`,
      }),
    },
  },
  'ladder-gap': {
    severity: 'warning',
    title: 'authority does not stop below the top of a ladder',
    wordings: {
      default: ({ index, role, above, beyond, next }: { index: number; role: string; above: readonly string[]; beyond: string; next: string | undefined }) => ({
        message: `grants[${index}]: authority stops at ${role}: no role above it (${above.join(', ')}) holds this decision, so ${beyond} has nobody to approve it`,
        hint: `give ${next} a grant on this boundary, or let this grant escalateTo a role that holds it; readers who go beyond it are told to ask the boundary's owner`,
      }),
    },
  },
  'needs-change-line': {
    severity: 'error',
    title: 'with --changed REF: a boundary whose limits or authority changed has a new line in changes',
    wordings: {
      default: ({ field, roles, today }: { field: string; roles: readonly string[]; today: string }) => ({
        message: `${field}: the limit or authority of ${roles.join(', ')} changed, but changes has no new line, so /changes/ and its feed would not show it`,
        hint: `add a line at the top of changes, such as "- date: ${today}" with "summary:" saying what changed and why`,
      }),
    },
  },

  // Money
  currency: {
    severity: 'error',
    title: 'each currency is a real ISO 4217 code; each amount has a currency',
    wordings: {
      code: ({ field, code, near }: { field: string; code: string; near: string | undefined }) => ({
        message: `${field}: "${code}" is not an ISO 4217 currency code`,
        hint: near ?? 'use the three-letter code of the currency, such as GBP, EUR, USD or CAD',
      }),
      missing: ({ field }: { field: string }) => ({
        message: `${field}: the amount has no currency, and playbook.yaml sets no default currency`,
        hint: 'add "currency: GBP" (or your currency) here, or a default "currency:" to playbook.yaml',
      }),
    },
  },
  'currency-decimals': {
    severity: 'error',
    title: 'an amount has no more decimals than its currency',
    wordings: {
      default: ({ field, amount, currency, allowed }: { field: string; amount: number; currency: string; allowed: number }) =>
        allowed === 0
          ? {
              message: `${field}.amount: ${amount} has decimals, but ${currency} amounts are whole numbers`,
              hint: `write a whole number of ${currency}, such as ${Math.floor(amount)}`,
            }
          : {
              message: `${field}.amount: ${amount} has more decimals than ${currency} has (${allowed})`,
              hint: `write at most ${allowed} decimals, such as ${amount.toFixed(allowed + 2).slice(0, -2)}`,
            },
    },
  },
  'spend-over-limit': {
    severity: 'warning',
    title: "a win's spent is within its role's per-case limit on its boundary",
    wordings: {
      default: ({ cost, limit, role, boundary }: { cost: string; limit: string; role: string; boundary: string }) => ({
        message: `spent: ${cost} is more than the ${limit} a ${role} may commit on ${boundary}`,
        hint: "say in the story who approved the extra, or ask the boundary's owner whether the limit is too tight",
      }),
    },
  },

  // Wins and pictures
  consent: {
    severity: 'error',
    title: 'a named or quoted customer has consent: true',
    wordings: {
      default: ({ what }: { what: string }) => ({
        message: `customer.consent: the customer is ${what}, so consent must be true`,
        hint: 'ask the customer, then add "consent: true" under customer; without consent, remove the name and quote',
      }),
    },
  },
  'image-alt': {
    severity: 'error',
    title: 'a win with image has imageAlt',
    wordings: {
      default: () => ({
        message: 'imageAlt: is required with image',
        hint: 'add "imageAlt:" describing what the picture shows, for people who cannot see it',
      }),
    },
  },
  image: {
    severity: 'error',
    title: 'a picture is a real, whole, safe picture file of at most 5 MB and 40 megapixels inside the content root',
    wordings: {
      address: ({ field, relativeTo }: { field: string; relativeTo: string }) => ({
        message: `${field}: must be a file in the content root, not an address or absolute path`,
        hint: `copy the picture into assets/ and write its path relative to ${relativeTo}`,
      }),
      outside: ({ field, relativeTo }: { field: string; relativeTo: string }) => ({
        message: `${field}: the path leads outside the content root`,
        hint: `keep pictures in the content root's assets/ folder and write a path relative to ${relativeTo}`,
      }),
      extension: ({ field, extensions }: { field: string; extensions: readonly string[] }) => ({
        message: `${field}: not a picture file (use ${extensions.join(', ')})`,
        hint: 'export the picture as JPEG, PNG, WebP or SVG',
      }),
      'link-outside': ({ field }: { field: string }) => ({
        message: `${field}: the file is a link to somewhere outside the content root`,
        hint: 'copy the picture itself into assets/',
      }),
      'through-link': ({ field, file }: { field: string; file: string }) => ({
        message: `${field}: ${file} is reached through a link, but a picture must be a real file in the content root`,
        hint: 'replace the link with a copy of the picture itself',
      }),
      'not-ordinary': ({ field, file }: { field: string; file: string }) => ({
        message: `${field}: ${file} is not an ordinary file`,
        hint: 'point at a picture file in assets/',
      }),
      missing: ({ field, file, relativeTo }: { field: string; file: string; relativeTo: string }) => ({
        message: `${field}: there is no file at ${file}`,
        hint: `check the spelling; the path is relative to ${relativeTo}`,
      }),
      'too-large': ({ field, megabytes }: { field: string; megabytes: string }) => ({
        message: `${field}: the picture is ${megabytes} MB, more than the 5 MB limit`,
        hint: RESIZE_HINT,
      }),
      /** A name the one name rule refuses (reading/paths.ts). */
      name: ({ field, file, name }: { field: string; file: string; name: Wording }) => ({ message: `${field}: ${file}: ${name.message}`, hint: name.hint }),
      /** What is wrong inside the picture, from rules/images.ts's pictureProblem; `field` is left out for a picture no field names. */
      picture: ({ field, picture }: { field: string | undefined; picture: Wording }) => ({
        message: field === undefined ? picture.message : `${field}: ${picture.message}`,
        hint: picture.hint,
      }),
    },
  },
  'future-date': {
    severity: 'warning',
    title: "lastReviewed, effective, changes[].date and a win's date are not more than a day after today",
    wordings: {
      default: ({ field, date, today, what }: { field: string; date: string; today: string; what: string }) => ({
        message: `${field}: ${date} is in the future (today is ${today}), but it says when ${what}`,
        hint: `check the year, month and day; write the date ${what}, at the latest today`,
      }),
    },
  },
  nesting: {
    severity: 'error',
    title: 'quotes, lists, emphasis and tags nest at most 100 levels; code in .mdx nests brackets at most 32',
    wordings: {
      text: ({ depth, limit }: { depth: number; limit: number }) => ({
        message: `the text is nested more than ${limit} levels deep here (quotes inside quotes, lists inside lists, emphasis inside emphasis, tags inside tags), more than a page can show`,
        hint: `keep quotes, lists, emphasis and HTML tags a few levels deep; ${depth > 1000 ? 'this looks like a run of > or * characters pasted by mistake' : 'split the deepest part into its own paragraphs'}`,
      }),
      code: ({ limit }: { limit: number }) => ({
        message: `the code here nests brackets more than ${limit} levels deep, more than the check can read`,
        hint: 'code in content never nests this deep: remove the brackets pasted by mistake, or write \\{ and \\} to show braces as text',
      }),
    },
  },
  complexity: {
    severity: 'error',
    title: 'a paragraph holds at most 10,000 markup characters, a whole body at most 100,000',
    wordings: {
      paragraph: ({ limit }: { limit: number }) => ({
        message: `this paragraph holds more than ${limit} markup characters (such as * _ ~ [ ] < &), more than the check can read in reasonable time`,
        hint: 'split it into shorter paragraphs with blank lines between them; to show the characters themselves, put the text in a code block',
      }),
      body: ({ limit }: { limit: number }) => ({
        message: `the text holds more than ${limit.toLocaleString('en-GB')} markup characters (such as * _ ~ [ ] < &) by here, more than the check can read in reasonable time`,
        hint: 'split the text into several entries, or link to a longer document instead of copying it in',
      }),
    },
  },
  'character-reference': {
    severity: 'error',
    title: 'a numeric character reference names a character',
    wordings: {
      default: ({ written }: { written: string }) => ({
        message: `${written} names no character (references go from &#1; to &#1114111;, which is U+10FFFF), so the page would not show what it says`,
        hint: 'write the character itself; to show the reference as text, write &amp; in place of its &',
      }),
    },
  },

  // Case studies and review
  sources: {
    severity: 'error',
    title: 'an external case study lists sources',
    wordings: {
      default: ({ organisation }: { organisation: string }) => ({
        message: `sources: a case study about another organisation (${organisation}) must cite its sources`,
        hint: 'add "sources:" with a "- title: … url: …" for each article, or "internal: true" if this is one of our own teams',
      }),
    },
  },
  'case-study-headings': {
    severity: 'warning',
    title: 'a case study has the Background, Strategy, Outcome and Lessons headings',
    wordings: {
      default: ({ missing, headings }: { missing: readonly string[]; headings: readonly string[] }) => ({
        message: `the case study has no ${missing.map((h) => `"## ${h}"`).join(', ')} section${missing.length > 1 ? 's' : ''}`,
        hint: `tell the story under ${headings.map((h) => `## ${h}`).join(', ')}`,
      }),
    },
  },
  'due-for-review': {
    severity: 'warning',
    title: 'published guidelines and boundaries are within their review period',
    wordings: {
      default: ({ dueOn, lastReviewed, every, owner }: { dueOn: string; lastReviewed: string; every: number; owner: string }) => ({
        message: `lastReviewed: due for review since ${dueOn} (last reviewed ${lastReviewed}, every ${every} days)`,
        hint: `review it with its owner (${owner}), then set lastReviewed to the date of the review`,
      }),
    },
  },

  // Bodies
  'mdx-import': {
    severity: 'error',
    title: 'no import or export lines in .mdx',
    wordings: {
      import: ({ components }: { components: readonly string[] }) => ({
        message: 'import statements are not allowed in content',
        hint: `remove this line: ${components.map((name) => `<${name}>`).join(' and ')} can be used without importing them`,
      }),
      export: () => ({
        message: 'export statements are not allowed in content',
        hint: 'remove this line: facts such as the title or date belong in the frontmatter between the --- lines',
      }),
    },
  },
  'mdx-expression': {
    severity: 'error',
    title: 'no {code} in .mdx text',
    wordings: {
      default: ({ code }: { code: string }) => ({
        message: `${braced(code)} is read as code, and code is not allowed in content`,
        hint: 'to show curly braces as text write \\{ and \\}; to leave a note for editors write {/* note */}',
      }),
    },
  },
  'mdx-component': {
    severity: 'error',
    title: 'only the playbook components, no <>',
    wordings: {
      fragment: () => ({ message: 'empty tags <> and </> are not allowed in content', hint: 'remove <> and </> and keep the text between them' }),
      unknown: ({ name, near, components }: { name: string; near: string | undefined; components: readonly string[] }) => ({
        message: `<${name}> is not one of the playbook's components`,
        hint: near ? `did you mean <${near}>?` : `use ${orList(components.map((known) => `<${known}>`))}; content cannot use other components`,
      }),
    },
  },
  'mdx-attribute': {
    severity: 'error',
    title: 'attributes are known, plain text in quotes, with allowed values; BoundaryRef has an id',
    wordings: {
      spread: ({ name, writeInstead }: { name: string; writeInstead: string }) => ({
        message: `<${name}> is given attributes written as code, which is not allowed in content`,
        hint: `write ${writeInstead}`,
      }),
      expression: ({ tag, attribute, howTo, code }: { tag: string; attribute: string; howTo: string; code: string }) => ({
        message: `the ${attribute} of <${tag}> is written as code (${braced(code)}); it must be plain text in quotes`,
        hint: `write ${howTo}`,
      }),
      unknown: ({ name, attribute, near, known }: { name: string; attribute: string; near: string | undefined; known: readonly string[] }) => ({
        message: `<${name}> does not take a "${attribute}" attribute`,
        hint: near ? `did you mean ${near}?` : `<${name}> takes ${known.length === 1 ? 'only ' : ''}${andList(known)}`,
      }),
      value: ({
        name,
        attribute,
        value,
        values,
        near,
      }: {
        name: string;
        attribute: string;
        value: string;
        values: readonly string[];
        near: string | undefined;
      }) => ({
        message: `the ${attribute} of <${name}> must be ${orList(values)}, not "${value}"`,
        hint: near ? `did you mean ${attribute}="${near}"?` : `write ${orList(values.map((allowed) => `${attribute}="${allowed}"`))}`,
      }),
      empty: ({ name, attribute, howTo }: { name: string; attribute: string; howTo: string }) => ({
        message: `the ${attribute} attribute of <${name}> has no value`,
        hint: `write ${howTo}`,
      }),
      required: ({ name, attribute, example }: { name: string; attribute: string; example: string }) => ({
        message: `<${name}> needs ${/^[aeiou]/.test(attribute) ? 'an' : 'a'} ${attribute}`,
        hint:
          name === 'BoundaryRef'
            ? 'write <BoundaryRef id="…" /> with the id of a boundary: its file name in boundaries/, without the extension'
            : `add ${example}`,
      }),
    },
  },
  'mdx-syntax': {
    severity: 'error',
    title: 'the .mdx text can be read: tags closed, braces matched, no HTML comments',
    wordings: {
      /** Worded by reading/body/mdx-syntax.ts from the MDX parser's own problem. */
      parser: (wording: Wording) => wording,
      unexpected: ({ reason }: { reason: string }) => ({
        message: `the text could not be checked: ${reason}`,
        hint: "look for an unfinished tag or unusual characters; if the text looks right, tell the playbook's developers",
      }),
    },
  },
  html: {
    severity: 'error',
    title: 'raw HTML uses only the allowed tags and attributes, no event handlers, no code-running links, nothing left unfinished',
    wordings: {
      tag: ({ tag, hint }: { tag: string; hint: string }) => ({ message: `<${tag}> is not allowed in content`, hint }),
      link: ({ scheme, runsCode }: { scheme: string; runsCode: boolean }) => ({
        message: runsCode
          ? `this link points to a "${scheme}:" address; links like this can run code`
          : `this link points to a "${scheme}:" address, which is not a web page`,
        hint: 'link to a web page (https://…) or to another page of the playbook instead',
      }),
      'event-handler': ({ tag, attribute }: { tag: string; attribute: string }) => ({
        message: `the ${attribute} attribute on <${tag}> is not allowed: event handler attributes such as ${attribute} run code`,
        hint: `remove the ${attribute} attribute`,
      }),
      'attribute-link': ({ tag, attribute, scheme }: { tag: string; attribute: string; scheme: string }) => ({
        message: `the ${attribute} attribute on <${tag}> points to a "${scheme}:" address; links like this can run code`,
        hint: 'link to a web page with a Markdown link instead: [text](https://…)',
      }),
      attribute: ({ tag, attribute, allowed }: { tag: string; attribute: string; allowed: readonly string[] }) => ({
        message: `the ${attribute} attribute is not allowed on <${tag}>`,
        hint: allowed.length === 0 ? `remove it: <${tag}> takes no attributes` : `remove it: <${tag}> takes only the ${andList(allowed)} attribute`,
      }),
      'code-attributes': ({ name, code }: { name: string; code: string }) => ({
        message: `<${name}> is given attributes written as code (${braced(code)}), which cannot be checked`,
        hint: 'write each attribute out with its value in quotes',
      }),
      'unclosed-comment': () => ({ message: 'an HTML comment is opened with <!-- but never closed', hint: 'end the comment with -->' }),
      'unfinished-tag': () => ({
        message: 'an HTML tag is started but not finished',
        hint: 'finish the tag with > and close any quotes it opens, or write \\< to show the character < itself',
      }),
      'never-closed': ({ tag }: { tag: string }) => ({
        message: `the <${tag}> tag is never closed`,
        hint: `add </${tag}> where its text ends; a tag left open takes the rest of the page into it`,
      }),
      'stray-close': ({ tag }: { tag: string }) => ({
        message: `</${tag}> closes a tag that is not open in this text`,
        hint: `remove </${tag}>, or add <${tag}> before it; a stray closing tag would close the page's own layout around the text`,
      }),
    },
  },
  'body-image': {
    severity: 'error',
    title: 'no pictures in the text',
    wordings: {
      default: () => ({
        message: 'pictures cannot be placed in the text of an entry',
        hint: "put the picture in the content root (for example in assets/) and name it in a win's image field, with imageAlt; the text cannot point at files, which keeps every picture inside the content root and sends it through the image pipeline",
      }),
    },
  },
  'body-link': {
    severity: 'error',
    title: 'a link in the text to a page of the playbook leads to a page it publishes, and a #part to a part that page has',
    wordings: {
      part: ({
        url,
        fragment,
        own,
        near,
        listed,
        more,
      }: {
        url: string;
        fragment: string;
        own: boolean;
        near: string | undefined;
        listed: readonly string[];
        more: boolean;
      }) => ({
        message: `the link to ${url} leads to ${own ? 'this' : 'its'} page, but the page has no part "#${fragment}"`,
        hint: near
          ? `did you mean #${near}?`
          : listed.length === 0
            ? `${own ? 'this' : 'that'} page has no parts to link to: link to the page alone`
            : `${own ? "this page's" : "that page's"} parts are ${listed.join(', ')}${more ? ', …' : ''}`,
      }),
      'no-entry': ({
        url,
        label,
        id,
        near,
        listed,
        example,
      }: {
        url: string;
        label: string;
        id: string;
        near: readonly string[];
        listed: string;
        example: string;
      }) => ({
        message: `the link to ${url} leads nowhere: there is no ${label} "${id}"`,
        hint: near.length
          ? `did you mean ${near.join(' or ')}? ${capitalise(listed)}`
          : `link to a page's address as the site shows it, such as ${example}; ${listed}`,
      }),
      'no-page': ({ url, path, near }: { url: string; path: string; near: string | undefined }) => ({
        message: `the link to ${url} leads nowhere: the playbook has no page at ${path}`,
        hint: near
          ? `did you mean ${near}?`
          : "link to a page's address as the site shows it, such as /boundaries/<id>/, or to a full web address starting with https://",
      }),
      draft: ({ url, status, id }: { url: string; status: string; id: string }) => ({
        message: `the link to ${url} leads to a draft, which has no page, so this ${status} entry would link to nothing`,
        hint: `publish ${id} first, or remove the link until it is published`,
      }),
      'content-file': ({ url, page }: { url: string; page: string | undefined }) => ({
        message: `the link to ${url} points at a content file, which is not published`,
        hint: page ? `link to the entry's page instead: ${page}` : "link to the entry's page instead, such as /boundaries/<id>/",
      }),
    },
  },

  // Unfinished entries
  placeholder: {
    severity: 'error',
    title: 'no field or line of the text still holds a placeholder written by npm run new (a warning in a draft)',
    wordings: {
      field: ({ field, text }: { field: string; text: string }) => ({
        message: `${field}: still holds the placeholder ${describeValue(text)}`,
        hint: PLACEHOLDER_HINT,
      }),
      text: ({ text }: { text: string }) => ({ message: `the text still holds the placeholder ${describeValue(text)}`, hint: PLACEHOLDER_HINT }),
    },
  },

  // Translations
  'translation-language': {
    severity: 'error',
    title: 'each folder in translations/ is a language listed in languages, written exactly the same',
    wordings: {
      'not-a-folder': ({ name, translations, example }: { name: string; translations: string; example: string }) => ({
        message: `${translations}/ holds one folder per language, so ${name} is not read`,
        hint: `move it into the folder of its language, such as ${translations}/${example}/`,
      }),
      'written-differently': ({ name, tag }: { name: string; tag: string }) => ({
        message: `the folder ${name} does not match the language ${tag} in playbook.yaml exactly`,
        hint: `rename the folder to ${tag}`,
      }),
      'not-listed': ({ name, folder, languages }: { name: string; folder: string; languages: readonly string[] }) => ({
        message: `${name} is not one of the playbook's languages, so nothing in ${folder}/ is published`,
        hint: `add ${name} to languages in playbook.yaml, or remove the folder${languages.length > 0 ? ` (the languages are ${languages.join(', ')})` : ''}`,
      }),
    },
  },
  'translation-fact': {
    severity: 'error',
    title: 'a translation holds words only',
    wordings: {
      default: ({ field }: { field: string }) => ({
        message: `${field}: is a fact, and facts come from the base entry, never from a translation`,
        hint: 'remove this line: limits, dates, owners and references are written once, in the base entry, and every language shows them',
      }),
    },
  },
  'translation-source': {
    severity: 'error',
    title: "a translation's file name is the id of an entry of its collection",
    wordings: {
      default: ({ label, id, near, listed, folder }: { label: string; id: string; near: string | undefined; listed: string; folder: string }) => ({
        message: `there is no ${label} "${id}" to translate: a translation has the file name of the entry it translates`,
        hint: near ? `${near} ${capitalise(listed)}` : `rename the file to the id of an entry in ${folder}/; ${listed}`,
      }),
    },
  },
  'translation-draft': {
    severity: 'error',
    title: 'the entry a translation translates is published or retired',
    wordings: {
      default: ({ base }: { base: string }) => ({
        message: `${base} is a draft, so it has no page to translate yet`,
        hint: `publish ${base} first, or start this file's name with _ until then (files starting with _ are not read)`,
      }),
    },
  },
  'translation-list': {
    severity: 'error',
    title: "each list has the base entry's length and order",
    wordings: {
      length: ({ field, count, mine, base }: { field: string; count: number; mine: number; base: string }) => ({
        message: `${field}: the base entry lists ${count}, this translation ${mine}`,
        hint:
          count === 0
            ? `remove ${field}: ${base} has nothing to translate there`
            : `translate the ${count} ${count === 1 ? 'item' : 'items'} of ${field} in ${base} one for one, in the same order`,
      }),
      order: ({
        field,
        list,
        index,
        matchBy,
        theirs,
        mine,
        order,
      }: {
        field: string;
        list: string;
        index: number;
        matchBy: string;
        theirs: string;
        mine: string;
        order: string;
      }) => ({
        message: `${field}: the base entry's ${list}[${index}] is ${matchBy === 'date' ? 'dated' : 'for'} ${theirs}, not ${mine}`,
        hint: `keep ${list} in the base entry's order: ${order}`,
      }),
    },
  },
  'translation-extra': {
    severity: 'error',
    title: 'a translation translates only words the base entry has',
    wordings: {
      default: ({ field, base }: { field: string; base: string }) => ({
        message: `${field}: the base entry has no words here, so there is nothing to translate`,
        hint: `remove it, or write the words in ${base} first`,
      }),
    },
  },
  'translation-version': {
    severity: 'error',
    title: 'a translation says which version of the base entry it was made from (sourceVersion)',
    wordings: {
      default: ({ base, current }: { base: string; current: string }) => ({
        message: `sourceVersion: is required: it records which version of ${base} this translation was made from`,
        hint: `add the line sourceVersion: ${current}`,
      }),
    },
  },
  'translation-stale': {
    severity: 'warning',
    title: "the base entry's words have not changed since the translation was made",
    wordings: {
      default: ({ base, current }: { base: string; current: string }) => ({
        message: `sourceVersion: ${base} has changed since this translation was made`,
        hint: `bring the translation up to date with ${base}, then write sourceVersion: ${current}`,
      }),
    },
  },
  'interface-words': {
    severity: 'error',
    title: "each language has interface words: Latitude's own, or a complete interface.yaml keeping every {placeholder}",
    wordings: {
      'no-words': ({ index, language, file }: { index: number; language: string; file: string }) => ({
        message: `languages[${index}]: Latitude has no interface words for ${language}`,
        hint: `write them in ${file}; schemas/json/interface.schema.json lists every key with its English words`,
      }),
      missing: ({ missing }: { missing: readonly string[] }) => ({
        message: `${missing.length === 1 ? 'one key is' : `${missing.length} keys are`} missing: ${missing.join(', ')}`,
        hint: 'add each key with its words in this language; schemas/json/interface.schema.json lists every key with its English words',
      }),
      'unknown-key': ({ key, near }: { key: string; near: string | undefined }) => ({
        message: `${key}: unknown key`,
        hint: near ? `did you mean "${near}"?` : 'remove it; schemas/json/interface.schema.json lists every key',
      }),
      kind: ({ key, plural }: { key: string; plural: boolean }) => ({
        message: `${key}: expected ${plural ? 'text, or a group of keys one and other' : 'text'}`,
        hint: plural ? 'write "other:" (and "one:" and the other forms your language uses) indented under the key' : `write the words on one line: ${key}: …`,
      }),
      'lost-placeholders': ({ key, lost }: { key: string; lost: readonly string[] }) => ({
        message: `${key}: leaves out ${lost.map((name) => `{${name}}`).join(', ')}, which the page fills in`,
        hint: `write ${lost.map((name) => `{${name}}`).join(', ')} where it belongs in the sentence`,
      }),
    },
  },

  // The validator itself
  internal: {
    severity: 'error',
    title: 'every check ran to its end',
    wordings: {
      default: ({ check, reason }: { check: string; reason: string }) => ({
        message: `one of the checks (${check}) stopped with "${reason}", so its findings are missing`,
        hint: "the other checks ran; please tell the playbook's developers, with the content that caused it",
      }),
    },
  },
});

/** A rule's id. */
export type RuleId = keyof typeof MESSAGES;

/** Every entry, in the catalogue's order. */
export const CATALOGUE: readonly CatalogueEntry[] = Object.values(MESSAGES);
