/**
 * What a change does to authority, for leaders approving a pull request:
 * two playbook models in, the differences that matter out, so a leader can
 * approve from the summary alone. Pure: the models come from the same
 * reader, schemas and model code as the site.
 *
 * In the order leaders read it:
 * 1. boundaries whose limits or authority changed with no new `changes`
 *    line ("needs a change-history line": /changes/ and its feed would not
 *    show the change; `validate --changed` refuses it too);
 * 2. each boundary's changed grants, the training scenarios whose answer
 *    they change (worked out by the "Can I…?" verdict, old and new), and its
 *    changed words (summary, decision, guardrails: old and new);
 * 3. boundaries added; each boundary retired or removed with every role's
 *    lost authority and every entry that still links to it;
 * 4. ladders; 5. values, with their old and new words.
 *
 * Only what publishes counts: drafts are in neither model. A boundary that
 * became a draft or was deleted is "removed"; one that became retired is
 * "retired".
 */
import type { ScenarioData } from '../../../schemas/index.ts';
import { decisionAnswer } from '../decision/answers.ts';
import { grantedAnswer, scenarioMoney, scenarioVerdict } from '../decision/scenarios.ts';
import type { EntryLink } from '../domain/references.ts';
import type { Boundary, Grant, Playbook, Role, Value } from '../model/types.ts';
import { englishWords } from '../languages/dictionary.ts';
import type { Words } from '../languages/words.ts';
import { describePeriod, grantInWords } from '../words/grants.ts';
import { grantKey, sameAuthority, unrecordedChanges, type AuthorityTerms } from '../domain/authority-changes.ts';
import { grantAsWritten } from '../model/grant-as-written.ts';

/** A heading and its lines, in the order leaders read them. */
export interface DiffSection {
  heading: string;
  /** Where the heading's entry lives, when it is one entry: `boundaries/refund.md`. */
  file?: string;
  lines: string[];
}

export interface AuthorityDiff {
  sections: DiffSection[];
}

export interface DiffOptions {
  /** Who links to each boundary id in the changed content (front matter and `<BoundaryRef>` alike); default: the model's own backlinks. */
  links?: ReadonlyMap<string, readonly EntryLink[]>;
  /**
   * The translations that were stale before and after the change; those
   * stale only after it are the ones the change made stale (their base
   * entry's words changed), listed last so translators know what to redo.
   */
  stale?: { before: readonly StaleTranslation[]; after: readonly StaleTranslation[] };
}

/** A translation older than its base entry's words (`loadContentRoot`'s `staleTranslations`). */
export interface StaleTranslation {
  file: string;
  base: string;
  language: string;
}

type AnyPlaybook = Playbook<unknown>;

/** The heading of the first section when authority changed without a history line. */
export const NEEDS_CHANGE_LINE = 'Needs a change-history line';

const byTitle = <T extends { title: string; id: string }>(a: T, b: T) => a.title.localeCompare(b.title, 'en') || a.id.localeCompare(b.id);

export function authorityDiff(before: AnyPlaybook, after: AnyPlaybook, { links, stale }: DiffOptions = {}): AuthorityDiff {
  const words = englishWords(after.settings.locale);
  const sections: DiffSection[] = [];
  const oldBoundaries = new Map(before.pages.boundaries.map((b) => [b.id, b]));
  const newBoundaries = new Map(after.pages.boundaries.map((b) => [b.id, b]));
  const kept = [...after.boundaries].sort(byTitle).flatMap((boundary) => {
    const old = oldBoundaries.get(boundary.id);
    return old?.status === 'published' ? [{ old, boundary }] : [];
  });

  // 1. Authority changed, history silent.
  const unrecorded = kept.filter(({ old, boundary }) => unrecordedChanges(historyOf(old), historyOf(boundary)).length > 0);
  if (unrecorded.length > 0) {
    sections.push({
      heading: NEEDS_CHANGE_LINE,
      lines: unrecorded.map(
        ({ boundary }) =>
          `${boundary.title} (${boundary.file}): its limits or authority changed, but changes has no new line, so /changes/ and its feed would not show it`,
      ),
    });
  }

  // 2. Boundaries published before and after: grants, then words.
  for (const { old, boundary } of kept) {
    const lines = [...grantChanges(old, boundary, words), ...scenarioChanges(before, after, old, boundary, words), ...boundaryWordChanges(old, boundary)];
    if (lines.length > 0) sections.push({ heading: boundary.title, file: boundary.file, lines });
  }

  // 3. Boundaries added; retired and removed ones, each with what it takes away and what still points at it.
  const added = [...after.boundaries]
    .sort(byTitle)
    .filter((boundary) => oldBoundaries.get(boundary.id)?.status !== 'published')
    .map(
      (boundary) =>
        `Added: ${boundary.title} (${boundary.file}), ${grantCount(boundary)}: ${boundary.grants.map((g) => `${grantHolder(g, words)} ${lowerFirst(grantInWords(g, words))}`).join('; ')}`,
    );
  if (added.length > 0) sections.push({ heading: 'Boundaries', lines: added });
  for (const old of [...before.boundaries].sort(byTitle)) {
    const now = newBoundaries.get(old.id);
    if (now?.status === 'published') continue;
    const lost = old.grants.map((grant) => `${grantHolder(grant, words)} loses: ${grantInWords(grant, words)}`);
    const linking = links?.get(old.id) ?? (now ? modelLinks(now) : []);
    const still =
      linking.length > 0
        ? linking.map((link) => `Still linked from ${link.kind.toLowerCase()} ${link.title} (${link.file})`)
        : ['Nothing links to it any more'];
    sections.push({ heading: `${now ? 'Retired' : 'Removed'}: ${old.title}`, file: old.file, lines: [...lost, ...still] });
  }

  // 4. Ladders: who each role passes decisions to.
  const oldRoles = new Map(before.roles.map((r) => [r.id, r]));
  const newRoles = new Map(after.roles.map((r) => [r.id, r]));
  const ladderLines: string[] = [];
  for (const role of [...after.roles].sort(byTitle)) {
    const old = oldRoles.get(role.id);
    if (!old) ladderLines.push(`New role: ${role.title}, ${escalatesInWords(role)}`);
    else if (old.escalatesTo?.id !== role.escalatesTo?.id) ladderLines.push(`${role.title}: ${escalatesInWords(old)} → ${escalatesInWords(role)}`);
  }
  for (const old of [...before.roles].sort(byTitle)) {
    if (!newRoles.has(old.id)) ladderLines.push(`Role removed: ${old.title} (${old.file})`);
  }
  if (ladderLines.length > 0) sections.push({ heading: 'Ladders', lines: ladderLines });

  // 5. Values added, changed (old and new words), removed.
  const oldValues = new Map(before.values.map((v) => [v.id, v]));
  const newValues = new Map(after.values.map((v) => [v.id, v]));
  const valueLines: string[] = [];
  for (const value of [...after.values].sort(byTitle)) {
    const old = oldValues.get(value.id);
    if (!old) valueLines.push(`Added: ${value.title}: ${value.summary}`);
    else valueLines.push(...valueWordChanges(old, value).map((line) => `Changed: ${value.title}: ${line}`));
  }
  for (const old of [...before.values].sort(byTitle)) {
    if (!newValues.has(old.id)) valueLines.push(`Removed: ${old.title} (${old.file})`);
  }
  if (valueLines.length > 0) sections.push({ heading: 'Values', lines: valueLines });

  // 6. Translations whose base entry's words this change changed.
  const staleBefore = new Set(stale?.before.map((translation) => translation.file));
  const madeStale = (stale?.after ?? []).filter((translation) => !staleBefore.has(translation.file)).sort((a, b) => a.file.localeCompare(b.file));
  if (madeStale.length > 0) {
    sections.push({
      heading: 'Translations made stale',
      lines: madeStale.map((translation) => `${translation.language}: ${translation.file} (the words of ${translation.base} changed; translate them again)`),
    });
  }

  return { sections };
}

function historyOf(boundary: Boundary<unknown>): { grants: AuthorityTerms[]; changes: Boundary<unknown>['changes'] } {
  return { grants: boundary.grants.map(grantAsWritten), changes: boundary.changes };
}

/** "Store associate", or for a dated grant "Store associate (from 1 Dec 2026 until 31 Jan 2027)": a grant's role and its days. */
function grantHolder(grant: Grant<unknown>, words: Words): string {
  const days = [grant.from && `from ${words.date(grant.from)}`, grant.until && `until ${words.date(grant.until)}`].filter(Boolean).join(' ');
  return days ? `${grant.role.title} (${days})` : grant.role.title;
}

/** The entries published in a model that link to a boundary through their fields (guidelines, case studies, wins). */
function modelLinks(boundary: Boundary<unknown>): EntryLink[] {
  return [...boundary.guidelines, ...boundary.caseStudies, ...boundary.wins].map((entry) => ({ kind: entry.kind, title: entry.title, file: entry.file }));
}

/** Grants matched by role and dates: a dated grant is its own line, with its days ("Store associate (from 1 Dec 2026 until 31 Jan 2027): new grant: …"). */
function grantChanges(old: Boundary<unknown>, now: Boundary<unknown>, words: Words): string[] {
  const key = (grant: Grant<unknown>) => grantKey(grantAsWritten(grant));
  const oldGrants = new Map(old.grants.map((g) => [key(g), g]));
  const newGrants = new Map(now.grants.map((g) => [key(g), g]));
  const lines: string[] = [];
  for (const grant of now.grants) {
    const was = oldGrants.get(key(grant));
    if (!was) lines.push(`${grantHolder(grant, words)}: new grant: ${grantInWords(grant, words)}`);
    else if (!sameAuthority(grantAsWritten(was), grantAsWritten(grant))) lines.push(`${grantHolder(grant, words)}: ${grantChangeInWords(was, grant, words)}`);
  }
  for (const was of old.grants) {
    if (!newGrants.has(key(was))) lines.push(`${grantHolder(was, words)}: grant removed (was: ${grantInWords(was, words)})`);
  }
  return lines;
}

/**
 * "£30 → £50 per customer per day" when only the amount moved; otherwise
 * the whole grant in words, old → new.
 */
function grantChangeInWords(was: Grant<unknown>, now: Grant<unknown>, words: Words): string {
  const onlyAmount =
    was.authority === now.authority &&
    was.per === now.per &&
    was.escalateTo?.id === now.escalateTo?.id &&
    was.limit &&
    now.limit &&
    was.authority !== 'escalate';
  if (onlyAmount) return `${words.money(was.limit!)} → ${words.money(now.limit!)} ${describePeriod(now.per, words)}`;
  const [oldWords, newWords] = [grantInWords(was, words), grantInWords(now, words)];
  if (oldWords === newWords) {
    // Only where the decision goes next moved, which the words of a plain "decides" grant do not say.
    return `passes what is beyond its authority to ${was.escalateTo?.title ?? 'nobody'} → ${now.escalateTo?.title ?? 'nobody'} (${newWords})`;
  }
  return `${oldWords} → ${newWords}`;
}

/**
 * The scenarios (as written now) whose answer the change moves: each one's
 * answer from the old grants and from the new, by the same verdict as
 * "Can I…?" and the validator; and whether the scenario still expects the
 * old one (which the validator then refuses).
 */
function scenarioChanges(before: AnyPlaybook, after: AnyPlaybook, old: Boundary<unknown>, now: Boundary<unknown>, words: Words): string[] {
  const answerOf = (playbook: AnyPlaybook, boundary: Boundary<unknown>, scenario: ScenarioData) => {
    const role = playbook.roleById.get(scenario.role);
    const answer = role && decisionAnswer(boundary, role, playbook.roleById);
    return answer && grantedAnswer(scenarioVerdict(answer, scenario.amount, playbook.settings.currency));
  };
  return (now.scenarios ?? []).flatMap((scenario) => {
    if (scenario.answer === 'not-allowed') return [];
    const [was, is] = [answerOf(before, old, scenario), answerOf(after, now, scenario)];
    if (was === undefined || is === undefined || was === is) return [];
    const role = after.roleById.get(scenario.role)!;
    const answer = decisionAnswer(now, role, after.roleById)!;
    const money = scenarioMoney(answer, scenario.amount, after.settings.currency);
    const still = scenario.answer === is ? '' : `; the scenario still expects ${scenario.answer}`;
    return [`Scenario “${scenario.situation}” (${role.title}${money ? `, ${words.money(money)}` : ''}): ${was} → ${is}${still}`];
  });
}

/** A boundary's changed words: its decision, summary and guardrails, old and new. */
function boundaryWordChanges(old: Boundary<unknown>, now: Boundary<unknown>): string[] {
  return [
    ...textChange('Decision', old.decision, now.decision),
    ...textChange('Summary', old.summary, now.summary),
    ...listChanges('Guardrail', old.guardrails, now.guardrails),
  ];
}

/** A value's changed words: title, summary, behaviours and anti-behaviours, old and new. */
function valueWordChanges(old: Value<unknown>, now: Value<unknown>): string[] {
  return [
    ...textChange('title', old.title, now.title),
    ...textChange('summary', old.summary, now.summary),
    ...listChanges('behaviour', old.behaviors, now.behaviors),
    ...listChanges('anti-behaviour', old.antiBehaviors, now.antiBehaviors),
  ];
}

function textChange(what: string, was: string, now: string): string[] {
  return was === now ? [] : [`${what} was “${was}”, now “${now}”`];
}

/** Items of a list removed and added, in the order written (a reworded item is one of each). */
function listChanges(what: string, was: readonly string[], now: readonly string[]): string[] {
  const [before, after] = [new Set(was), new Set(now)];
  return [
    ...was.filter((item) => !after.has(item)).map((item) => `${what} removed: “${item}”`),
    ...now.filter((item) => !before.has(item)).map((item) => `${what} added: “${item}”`),
  ];
}

function escalatesInWords(role: Role<unknown>): string {
  return role.escalatesTo ? `escalates to ${role.escalatesTo.title}` : 'top of its ladder (escalates to nobody)';
}

function grantCount(boundary: Boundary<unknown>): string {
  return boundary.grants.length === 1 ? '1 grant' : `${boundary.grants.length} grants`;
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
