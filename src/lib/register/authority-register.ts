/**
 * The authority register: one row per grant on a published boundary, the
 * sheet that audit, finance and HR ask for ("who may decide what, up to
 * which limit, approved by whom and when"). Built from the published model,
 * so drafts and retired boundaries are never in it; a grant held by a
 * retired role is left out too, as nobody holds that role any more.
 * `/authority.csv`, `/authority.json` and `npm run register` all come from
 * `registerRows`. Pure: no Astro, no Node.
 */
import type { Authority, LimitPeriod } from '../../../schemas/vocabulary.ts';
import type { Boundary, Grant, Playbook } from '../model/types.ts';
import { englishWords } from '../languages/dictionary.ts';
import { grantInWords } from '../words/grants.ts';
import { csvDocument } from './csv.ts';

/** What the register and /playbook.json say of one grant; `null` where there is nothing to say. */
export interface GrantFacts {
  /** The role's id. */
  roleId: string;
  /** The role's title. */
  role: string;
  authority: Authority;
  /** The limit's amount; `null` for no monetary limit. */
  limit: number | null;
  /** ISO 4217 code of the limit; `null` with no limit. */
  currency: string | null;
  /** What the limit counts against; `null` with no limit. */
  per: LimitPeriod | null;
  /** First day the grant applies (YYYY-MM-DD); `null` when it has no start date. */
  from: string | null;
  /** Last day the grant applies (YYYY-MM-DD); `null` when it has no end date. */
  until: string | null;
  /** Where the decision goes from this role: id and title; `null` at the top of a ladder. */
  escalatesToId: string | null;
  escalatesTo: string | null;
  /** The grant's note: the conditions it comes with. */
  conditions: string | null;
  /** The grant as one sentence, as the site says it: "Decides up to £75 per case". */
  inWords: string;
}

/**
 * A grant's dates (`from`, `until`): the one place the register and
 * /playbook.json read them. A role with a December raise has a row per grant.
 */
function windowOf(grant: Grant): { from: string | null; until: string | null } {
  return { from: grant.from ?? null, until: grant.until ?? null };
}

/** The facts of one grant, for the register's row and /playbook.json's grant. */
export function grantFacts(grant: Grant, locale: string): GrantFacts {
  return {
    roleId: grant.role.id,
    role: grant.role.title,
    authority: grant.authority,
    limit: grant.limit?.amount ?? null,
    currency: grant.limit?.currency ?? null,
    per: grant.limit ? grant.per : null,
    ...windowOf(grant),
    escalatesToId: grant.escalateTo?.id ?? null,
    escalatesTo: grant.escalateTo?.title ?? null,
    conditions: grant.note ?? null,
    inWords: grantInWords(grant, englishWords(locale)),
  };
}

/** The grants of a published boundary that the register and /playbook.json list: every grant held by a published role. */
export function standingGrants(boundary: Boundary): Grant[] {
  return boundary.grants.filter((grant) => grant.role.status === 'published');
}

/** One row of the register. */
export interface RegisterRow extends GrantFacts {
  boundaryId: string;
  boundary: string;
  decision: string;
  owner: string;
  approvedBy: string;
  effective: string;
  lastReviewed: string;
  /** The boundary page's address. */
  address: string;
}

export type RegisterColumn = keyof RegisterRow;

/**
 * The columns, in order: the key in /authority.json, the heading in
 * /authority.csv, and what a cell holds (docs/authoring.md lists the same).
 */
export const REGISTER_COLUMNS: readonly { key: RegisterColumn; heading: string; holds: string }[] = [
  { key: 'boundaryId', heading: 'Boundary id', holds: "the boundary's id (its file name)" },
  { key: 'boundary', heading: 'Boundary', holds: "the boundary's title" },
  { key: 'decision', heading: 'Decision', holds: 'the decision, as a verb phrase' },
  { key: 'roleId', heading: 'Role id', holds: "the role's id" },
  { key: 'role', heading: 'Role', holds: "the role's title" },
  { key: 'authority', heading: 'Authority', holds: 'decide, decide-and-inform, consult or escalate' },
  { key: 'limit', heading: 'Limit', holds: 'the amount as a plain number (75, 1250.5); empty for no monetary limit' },
  { key: 'currency', heading: 'Currency', holds: 'the ISO 4217 code of the limit (GBP); empty with no limit' },
  { key: 'per', heading: 'Per', holds: 'what the limit counts against: case, customer, customer-day, day, month or year; empty with no limit' },
  { key: 'from', heading: 'From', holds: 'the first day the grant applies, YYYY-MM-DD; empty when it has no start date' },
  { key: 'until', heading: 'Until', holds: 'the last day the grant applies, YYYY-MM-DD; empty when it has no end date' },
  {
    key: 'escalatesToId',
    heading: 'Escalates to id',
    holds: "the id of the role the decision goes to next (the grant's escalateTo, else the role's escalatesTo); empty at the top",
  },
  { key: 'escalatesTo', heading: 'Escalates to', holds: "that role's title" },
  { key: 'conditions', heading: 'Conditions', holds: "the grant's note" },
  { key: 'inWords', heading: 'In words', holds: 'the grant as the site says it: "Decides up to £75 per case, then informs Store manager"' },
  { key: 'owner', heading: 'Owner', holds: 'who answers for the boundary' },
  { key: 'approvedBy', heading: 'Approved by', holds: 'the leader who approved it' },
  { key: 'effective', heading: 'Effective', holds: 'from when the boundary holds, YYYY-MM-DD' },
  { key: 'lastReviewed', heading: 'Last reviewed', holds: 'when it was last checked, YYYY-MM-DD' },
  { key: 'address', heading: 'Address', holds: "the boundary page's address: absolute when PLAYBOOK_SITE is set, else its path" },
];

/**
 * Every row: published boundaries in title order (the model's), each
 * boundary's grants in the order written. `addressOf` turns a site path
 * into the address the register shows.
 */
export function registerRows(playbook: Pick<Playbook, 'settings' | 'boundaries'>, addressOf: (path: string) => string): RegisterRow[] {
  const locale = playbook.settings.locale;
  return playbook.boundaries
    .filter((boundary) => boundary.status === 'published')
    .flatMap((boundary) => {
      const facts = {
        boundaryId: boundary.id,
        boundary: boundary.title,
        decision: boundary.decision,
        owner: boundary.owner,
        approvedBy: boundary.approvedBy,
        effective: boundary.effective,
        lastReviewed: boundary.lastReviewed,
        address: addressOf(boundary.path),
      };
      return standingGrants(boundary).map((grant): RegisterRow => ({ ...facts, ...grantFacts(grant, locale) }));
    });
}

/** /authority.csv: RFC 4180, UTF-8 with a byte-order mark (so Excel reads "£" right), formula-safe cells. */
export function registerCsv(rows: readonly RegisterRow[]): string {
  const cell = (value: string | number | null) => (value === null ? '' : String(value));
  return `\uFEFF${csvDocument(
    REGISTER_COLUMNS.map((column) => column.heading),
    rows.map((row) => REGISTER_COLUMNS.map((column) => cell(row[column.key]))),
  )}`;
}

/** The version of /authority.json's shape: raised when a key changes meaning or goes away. */
export const REGISTER_JSON_VERSION = 1;

/** /authority.json: the same rows, each an object with the columns' keys (`null` where the CSV cell is empty). */
export function registerJson(rows: readonly RegisterRow[], about: { playbook: string; asOf: string }): string {
  const head = JSON.stringify({ version: REGISTER_JSON_VERSION, playbook: about.playbook, asOf: about.asOf, columns: REGISTER_COLUMNS.map((c) => c.key) });
  // One row a line: the file reads well in a diff, and stays one small string per row at scale.
  const body = rows.map((row) => JSON.stringify(Object.fromEntries(REGISTER_COLUMNS.map((column) => [column.key, row[column.key]])))).join(',\n');
  return `${head.slice(0, -1)},"rows":[${rows.length > 0 ? `\n${body}\n` : ''}]}\n`;
}
