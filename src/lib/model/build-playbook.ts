/**
 * Builds the published playbook model from validated entries: drafts
 * dropped (in `publicEntries`, nowhere else), references resolved, backlinks
 * computed once, escalation ladders and review status worked out. Linear in
 * the number of entries and references, so 20,000 wins cost no more per page.
 */
import type { CollectionName, PlaybookSettings } from '../../../schemas/index.ts';
import { COLLECTIONS } from '../../../schemas/index.ts';
import { appliesOn, daysBetween, decisionLadder, grantWindows, rolesAbove, windowDay, type LadderRole } from '../domain/ladder.ts';
import { resolveMoney } from '../domain/money.ts';
import { REVIEW_SOON_DAYS, reviewStatus } from '../domain/review.ts';
import { anchoredHistory } from './boundary-history.ts';
import { entryPath } from '../domain/entry-address.ts';
import { publicEntries } from './published.ts';
import { sourceEntries, translatedEntries, type LoadedEntry, type LoadedTranslation, type TranslatedEntry } from './translated-entries.ts';
import type { Boundary, BoundaryChange, CaseStudy, Grant, Guideline, Playbook, ReviewItem, Role, Value, Win } from './types.ts';

export type { LoadedEntry, LoadedTranslation } from './translated-entries.ts';

export interface PlaybookInput<S> {
  settings: PlaybookSettings;
  today: string;
  entries: { [C in CollectionName]: LoadedEntry<C, S>[] };
  /**
   * The language to build the playbook in, one of `settings.languages`, with
   * its translations: their words over the base entries' facts. Left out,
   * the playbook is in its base language (`settings.locale`).
   */
  language?: { tag: string; translations: readonly LoadedTranslation<S>[] };
}

/** A boundary's ladder until its grants are linked. */
const NO_LADDER = decisionLadder([], new Map());

export function buildPlaybook<S>({ settings, today, entries: loaded, language }: PlaybookInput<S>): Playbook<S> {
  // Words in the language asked for, facts always the base entry's: the rest of the model is built the same way in every language.
  const entries = language ? translatedEntries(loaded, language.translations, settings.locale) : sourceEntries(loaded, settings.locale);
  const money = (m: Parameters<typeof resolveMoney>[0] | undefined) => (m ? resolveMoney(m, settings.currency) : undefined);
  const base = <C extends CollectionName>(collection: C, entry: TranslatedEntry<C, S> & { data: { status: 'published' | 'retired' } }) => ({
    collection,
    kind: COLLECTIONS[collection].label,
    id: entry.id,
    status: entry.data.status,
    path: entryPath(collection, entry.id),
    file: entry.file,
    source: entry.source,
    translation: entry.translation,
  });
  const review = (lastReviewed: string, every: number | undefined) => reviewStatus(lastReviewed, every ?? settings.reviewEveryDays, today);

  // 1. Public entries only, with their own data; links filled in below.
  const values = publicEntries(entries.values).map((e): Value<S> => ({
    ...e.data,
    ...base('values', e),
    title: e.data.title,
    guidelines: [],
    boundaries: [],
    caseStudies: [],
    wins: [],
  }));
  const baseTeams = new Map(loaded.roles.map((e) => [e.id, e.data.team]));
  const roles = publicEntries(entries.roles).map((e): Role<S> => ({
    ...e.data,
    ...base('roles', e),
    teamKey: baseTeams.get(e.id),
    escalatesTo: undefined,
    chainAbove: [],
    below: [],
    grants: [],
    guidelines: [],
    wins: [],
  }));
  const guidelines = publicEntries(entries.guidelines).map((e): Guideline<S> => ({
    ...e.data,
    ...base('guidelines', e),
    values: [],
    roles: [],
    boundaries: [],
    review: review(e.data.lastReviewed, e.data.reviewEveryDays),
  }));
  const boundaries = publicEntries(entries.boundaries).map((e): Boundary<S> => ({
    ...e.data,
    ...base('boundaries', e),
    grants: [],
    grantsNow: [],
    ladder: NO_LADDER,
    windows: [],
    values: [],
    guidelines: [],
    caseStudies: [],
    wins: [],
    history: anchoredHistory(e.data.changes),
    review: review(e.data.lastReviewed, e.data.reviewEveryDays),
  }));
  const caseStudies = publicEntries(entries.caseStudies).map((e): CaseStudy<S> => ({
    ...e.data,
    ...base('caseStudies', e),
    values: [],
    boundaries: [],
  }));
  const wins = publicEntries(entries.wins).map((e): Win<S> => ({
    ...e.data,
    ...base('wins', e),
    role: undefined,
    values: [],
    boundary: undefined,
    grant: undefined,
    spent: money(e.data.spent),
    image: e.data.image,
    // A customer is only ever named or quoted with consent: the validator enforces it, and the model never passes on one without.
    customer: e.data.customer?.consent === true ? e.data.customer : undefined,
  }));

  const valueById = byId(values);
  const roleById = byId(roles);
  const guidelineById = byId(guidelines);
  const boundaryById = byId(boundaries);
  const rawById = <C extends CollectionName>(collection: C) => new Map(entries[collection].map((e) => [e.id, e.data] as const));
  const look = <T>(map: Map<string, T>, ids: readonly string[]) => ids.flatMap((id) => (map.has(id) ? [map.get(id)!] : []));
  const listed = <T extends { status: string }>(from: T[], item: T) => {
    if (item.status === 'published') from.push(item);
  };

  // 2. Roles: the ladder (drafts are not on it: a role that names one is a validation error).
  const roleData = rawById('roles');
  const ladderRoles = new Map<string, LadderRole>(roles.map((role) => [role.id, { escalatesTo: roleData.get(role.id)?.escalatesTo, status: role.status }]));
  for (const role of roles) {
    const up = ladderRoles.get(role.id)?.escalatesTo;
    role.escalatesTo = up === undefined ? undefined : roleById.get(up);
    role.chainAbove = look(roleById, rolesAbove(role.id, ladderRoles));
    if (role.escalatesTo) listed(role.escalatesTo.below, role);
  }

  // 3. Guidelines, boundaries, case studies, wins: forward links, then backlinks from published entries.
  const guidelineData = rawById('guidelines');
  for (const guideline of guidelines) {
    const data = guidelineData.get(guideline.id)!;
    guideline.values = look(valueById, data.values);
    guideline.roles = look(roleById, data.roles);
    guideline.boundaries = look(boundaryById, data.boundaries);
    if (guideline.status !== 'published') continue;
    for (const value of guideline.values) value.guidelines.push(guideline);
    for (const role of guideline.roles) role.guidelines.push(guideline);
    for (const boundary of guideline.boundaries) boundary.guidelines.push(guideline);
  }

  const boundaryData = rawById('boundaries');
  /** Every grant as written, ended ones too: a win is judged by the grant of its own date. */
  const everyGrant = new Map<Boundary<S>, Grant<S>[]>();
  for (const boundary of boundaries) {
    const data = boundaryData.get(boundary.id)!;
    boundary.values = look(valueById, data.values);
    for (const guideline of look(guidelineById, data.guidelines)) {
      if (!boundary.guidelines.includes(guideline)) boundary.guidelines.push(guideline);
    }
    const written = data.grants.filter((grant) => roleById.has(grant.role));
    const grantOf = (grant: (typeof written)[number]): Grant<S> => ({
      boundary,
      role: roleById.get(grant.role)!,
      authority: grant.authority,
      limit: money(grant.limit),
      per: grant.per,
      escalateTo: undefined,
      note: grant.note,
      from: grant.from,
      until: grant.until,
    });
    const all = written.map(grantOf);
    everyGrant.set(boundary, all);
    // A grant that ended before the build date applies on no day from then on: it is history (the validator says so).
    const notEnded = (grant: { until?: string | undefined }) => grant.until === undefined || grant.until >= today;
    const current = written.filter(notEnded);
    boundary.windows = grantWindows(current, today).map((window) => ({ ...window, ladder: decisionLadder(current, ladderRoles, windowDay(window)) }));
    boundary.ladder = boundary.windows[0]!.ladder;
    boundary.grants = all.filter(notEnded);
    boundary.grantsNow = boundary.grants.filter((grant) => appliesOn(grant, today));
    boundary.grants.forEach((grant, index) => {
      // Whom the grant turns to on its own days: the ladder of the first window it applies in.
      const ladder = boundary.windows.find((window) => window.ladder.of(grant.role.id).own === index)?.ladder ?? boundary.ladder;
      const next = ladder.of(grant.role.id).next;
      grant.escalateTo = next === undefined ? undefined : roleById.get(next);
      if (boundary.status === 'published') grant.role.grants.push(grant);
    });
    if (boundary.status !== 'published') continue;
    for (const value of boundary.values) value.boundaries.push(boundary);
  }

  const caseData = rawById('caseStudies');
  for (const study of caseStudies) {
    const data = caseData.get(study.id)!;
    study.values = look(valueById, data.values);
    study.boundaries = look(boundaryById, data.boundaries);
    if (study.status !== 'published') continue;
    for (const value of study.values) value.caseStudies.push(study);
    for (const boundary of study.boundaries) boundary.caseStudies.push(study);
  }

  const winData = rawById('wins');
  wins.sort(newestFirst);
  for (const win of wins) {
    const data = winData.get(win.id)!;
    win.role = data.role === undefined ? undefined : roleById.get(data.role);
    win.values = look(valueById, data.values);
    win.boundary = data.boundary === undefined ? undefined : boundaryById.get(data.boundary);
    win.grant = win.role && win.boundary && everyGrant.get(win.boundary)?.find((grant) => grant.role === win.role && appliesOn(grant, win.date));
    if (win.status !== 'published') continue;
    for (const value of win.values) value.wins.push(win);
    win.role?.wins.push(win);
    win.boundary?.wins.push(win);
  }

  // 4. Orderings, the changes feed and the review list.
  values.sort((a, b) => (a.order ?? Infinity) - (b.order ?? Infinity) || byTitle(a, b));
  for (const list of [roles, guidelines, boundaries, caseStudies]) list.sort(byTitle);
  for (const role of roles) role.grants.sort((a, b) => byTitle(a.boundary, b.boundary));

  const published = <T extends { status: string }>(list: T[]) => list.filter((item) => item.status === 'published');
  const changes: BoundaryChange<S>[] = published(boundaries)
    .flatMap((boundary) => boundary.history.map((change) => ({ boundary, date: change.date, summary: change.summary, anchor: change.anchor })))
    .sort((a, b) => b.date.localeCompare(a.date) || byTitle(a.boundary, b.boundary));
  const dueForReview: ReviewItem<S>[] = [...published(guidelines), ...published(boundaries)]
    .filter((entry) => entry.review.due)
    .map((entry) => ({ entry, review: entry.review }))
    .sort((a, b) => b.review.daysOverdue - a.review.daysOverdue || byTitle(a.entry, b.entry));
  const reviewSoon: ReviewItem<S>[] = [...published(guidelines), ...published(boundaries)]
    .filter((entry) => !entry.review.due && entry.review.daysUntilDue <= REVIEW_SOON_DAYS)
    .map((entry) => ({ entry, review: entry.review }))
    .sort((a, b) => a.review.daysUntilDue - b.review.daysUntilDue || byTitle(a.entry, b.entry));

  // Linear in the grants: each grant is looked at once.
  const grantsEnding = published(boundaries)
    .flatMap((boundary) => boundary.grants.filter((grant) => grant.until !== undefined && daysBetween(today, grant.until) <= REVIEW_SOON_DAYS))
    .sort((a, b) => a.until!.localeCompare(b.until!) || byTitle(a.boundary, b.boundary) || byTitle(a.role, b.role));

  const everyPublished = [
    ...published(values),
    ...published(roles),
    ...published(guidelines),
    ...published(boundaries),
    ...published(caseStudies),
    ...published(wins),
  ];
  return {
    settings,
    today,
    language: language?.tag ?? settings.locale,
    translations: {
      stale: everyPublished.filter((entry) => entry.translation.state === 'stale'),
      missing: everyPublished.filter((entry) => entry.translation.state === 'missing'),
    },
    values: published(values),
    roles: published(roles),
    guidelines: published(guidelines),
    boundaries: published(boundaries),
    caseStudies: published(caseStudies),
    wins: published(wins),
    pages: { values, roles, guidelines, boundaries, caseStudies, wins },
    boundaryById,
    roleById,
    guidelinesForEveryone: published(guidelines).filter((guideline) => guideline.roles.length === 0),
    changes,
    dueForReview,
    reviewSoon,
    grantsEnding,
  };
}

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}

function byTitle(a: { title: string; id: string }, b: { title: string; id: string }): number {
  return a.title.localeCompare(b.title) || a.id.localeCompare(b.id);
}

function newestFirst(a: { date: string; id: string }, b: { date: string; id: string }): number {
  return b.date.localeCompare(a.date) || a.id.localeCompare(b.id);
}
