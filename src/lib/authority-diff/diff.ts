/**
 * What a change does to authority, for leaders approving a pull request:
 * two playbook models in, the differences that matter out. Pure: the models
 * come from the same reader, schemas and model code as the site.
 *
 * Only what publishes counts: drafts are in neither model. A boundary that
 * became a draft or was deleted is "removed"; one that became retired is
 * "retired".
 */
import type { Boundary, Grant, Playbook, Role, Value } from '../model/types.ts';
import { englishWords } from '../languages/dictionary.ts';
import type { Words } from '../languages/words.ts';
import { describePeriod, grantInWords } from '../words/grants.ts';

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

type AnyPlaybook = Playbook<unknown>;

/** A translation older than its base entry's words (`loadContentRoot`'s `staleTranslations`). */
export interface StaleTranslation {
  file: string;
  base: string;
  language: string;
}

const byTitle = <T extends { title: string; id: string }>(a: T, b: T) => a.title.localeCompare(b.title, 'en') || a.id.localeCompare(b.id);

/**
 * `stale`: the translations that were stale before and after the change;
 * those stale only after it are the ones the change made stale (their base
 * entry's words changed), listed last so translators know what to redo.
 */
export function authorityDiff(
  before: AnyPlaybook,
  after: AnyPlaybook,
  stale?: { before: readonly StaleTranslation[]; after: readonly StaleTranslation[] },
): AuthorityDiff {
  const words = englishWords(after.settings.locale);
  const sections: DiffSection[] = [];

  // 1. Grants on boundaries published before and after, boundary by boundary.
  const oldBoundaries = new Map(before.pages.boundaries.map((b) => [b.id, b]));
  const newBoundaries = new Map(after.pages.boundaries.map((b) => [b.id, b]));
  for (const boundary of [...after.boundaries].sort(byTitle)) {
    const old = oldBoundaries.get(boundary.id);
    if (!old || old.status !== 'published') continue;
    const lines = grantChanges(old, boundary, words);
    if (lines.length > 0) sections.push({ heading: boundary.title, file: boundary.file, lines });
  }

  // 2. Boundaries added, retired, removed.
  const boundaryLines: string[] = [];
  for (const boundary of [...after.boundaries].sort(byTitle)) {
    const old = oldBoundaries.get(boundary.id);
    if (old?.status === 'published') continue;
    boundaryLines.push(
      `Added: ${boundary.title} (${boundary.file}), ${grantCount(boundary)}: ${boundary.grants.map((g) => `${g.role.title} ${lowerFirst(grantInWords(g, words))}`).join('; ')}`,
    );
  }
  for (const old of [...before.boundaries].sort(byTitle)) {
    const now = newBoundaries.get(old.id);
    if (now?.status === 'published') continue;
    boundaryLines.push(now ? `Retired: ${old.title} (${old.file})` : `Removed: ${old.title} (${old.file}), which held ${grantCount(old)}`);
  }
  if (boundaryLines.length > 0) sections.push({ heading: 'Boundaries', lines: boundaryLines });

  // 3. Ladders: who each role passes decisions to.
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

  // 4. Values added, changed, removed.
  const oldValues = new Map(before.values.map((v) => [v.id, v]));
  const newValues = new Map(after.values.map((v) => [v.id, v]));
  const valueLines: string[] = [];
  for (const value of [...after.values].sort(byTitle)) {
    const old = oldValues.get(value.id);
    if (!old) valueLines.push(`Added: ${value.title}: ${value.summary}`);
    else {
      const changed = valueChanges(old, value);
      if (changed.length > 0) valueLines.push(`Changed: ${value.title} (${changed.join(', ')})${changed.includes('summary') ? `: ${value.summary}` : ''}`);
    }
  }
  for (const old of [...before.values].sort(byTitle)) {
    if (!newValues.has(old.id)) valueLines.push(`Removed: ${old.title} (${old.file})`);
  }
  if (valueLines.length > 0) sections.push({ heading: 'Values', lines: valueLines });

  // 5. Translations whose base entry's words this change changed.
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

function grantChanges(old: Boundary<unknown>, now: Boundary<unknown>, words: Words): string[] {
  const oldGrants = new Map(old.grants.map((g) => [g.role.id, g]));
  const newGrants = new Map(now.grants.map((g) => [g.role.id, g]));
  const lines: string[] = [];
  for (const grant of now.grants) {
    const was = oldGrants.get(grant.role.id);
    if (!was) lines.push(`${grant.role.title}: new grant: ${grantInWords(grant, words)}`);
    else if (!sameGrant(was, grant)) lines.push(`${grant.role.title}: ${grantChangeInWords(was, grant, words)}`);
  }
  for (const was of old.grants) {
    if (!newGrants.has(was.role.id)) lines.push(`${was.role.title}: grant removed (was: ${grantInWords(was, words)})`);
  }
  return lines;
}

function sameGrant(a: Grant<unknown>, b: Grant<unknown>): boolean {
  return (
    a.authority === b.authority &&
    a.per === b.per &&
    a.escalateTo?.id === b.escalateTo?.id &&
    a.limit?.amount === b.limit?.amount &&
    a.limit?.currency === b.limit?.currency
  );
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

function escalatesInWords(role: Role<unknown>): string {
  return role.escalatesTo ? `escalates to ${role.escalatesTo.title}` : 'top of its ladder (escalates to nobody)';
}

function grantCount(boundary: Boundary<unknown>): string {
  return boundary.grants.length === 1 ? '1 grant' : `${boundary.grants.length} grants`;
}

function valueChanges(old: Value<unknown>, now: Value<unknown>): string[] {
  const changed: string[] = [];
  if (old.title !== now.title) changed.push('title');
  if (old.summary !== now.summary) changed.push('summary');
  if (old.behaviors.join('\n') !== now.behaviors.join('\n')) changed.push('behaviors');
  if (old.antiBehaviors.join('\n') !== now.antiBehaviors.join('\n')) changed.push('anti-behaviors');
  return changed;
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
