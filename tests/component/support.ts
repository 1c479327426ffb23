/** Small model objects for rendering components without a content root. */
import { decisionLadder, type LadderRole } from '../../src/lib/domain/ladder.ts';
import { ENGLISH, type Dictionary } from '../../src/lib/languages/dictionary.ts';
import { pageLanguage, type PageLanguage } from '../../src/lib/languages/page-language.ts';
import type { Boundary, EntryTranslation, Grant, Role } from '../../src/lib/model/types.ts';

/** Entries written in the base language. */
const SOURCE_WORDS: EntryTranslation = { state: 'source', sourceLanguage: 'en-GB', untranslated: new Set(), file: undefined };

export function makeRole(id: string, title: string, escalatesTo?: Role): Role {
  return {
    collection: 'roles',
    kind: 'Role',
    id,
    title,
    status: 'published',
    path: `/roles/${id}/`,
    file: `roles/${id}.yaml`,
    source: undefined,
    translation: SOURCE_WORDS,
    teamKey: undefined,
    escalatesTo,
    chainAbove: [],
    below: [],
    grants: [],
    guidelines: [],
    wins: [],
  } as Role;
}

export function makeBoundary(id: string, title: string): Boundary {
  // Undated grants all apply on the build date: one list for both.
  const grants: Grant[] = [];
  return {
    collection: 'boundaries',
    kind: 'Boundary',
    id,
    title,
    status: 'published',
    path: `/boundaries/${id}/`,
    file: `boundaries/${id}.md`,
    source: undefined,
    translation: SOURCE_WORDS,
    decision: title,
    summary: '',
    grants,
    grantsNow: grants,
    windows: [],
    values: [],
    guidelines: [],
    caseStudies: [],
    wins: [],
    changes: [],
    history: [],
    guardrails: [],
    examples: { within: [], outside: [] },
    owner: 'Owner',
    approvedBy: 'Approver',
    effective: '2026-01-01',
    lastReviewed: '2026-01-01',
    review: { dueOn: '2027-01-01', due: false, daysOverdue: 0, daysUntilDue: 39 },
  } as unknown as Boundary;
}

export function makeGrant(boundary: Boundary, role: Role, authority: Grant['authority'], amount?: number, currency = 'GBP', per: Grant['per'] = 'case'): Grant {
  const grant: Grant = {
    boundary,
    role,
    authority,
    limit: amount === undefined ? undefined : { amount, currency },
    per,
    escalateTo: role.escalatesTo,
    note: undefined,
    from: undefined,
    until: undefined,
  };
  boundary.grants.push(grant);
  return grant;
}

/** The boundary's ladder over its grants as they are now, with `escalateTo` overrides kept: call once the grants are made. */
export function withLadder(boundary: Boundary): Boundary {
  const roles = new Map<string, LadderRole>();
  const add = (role: Role | undefined): void => {
    for (let at = role; at && !roles.has(at.id); at = at.escalatesTo) roles.set(at.id, { escalatesTo: at.escalatesTo?.id, status: at.status });
  };
  for (const grant of boundary.grants) [grant.role, grant.escalateTo].forEach(add);
  boundary.ladder = decisionLadder(
    boundary.grants.map((g) => ({ role: g.role.id, authority: g.authority, limit: g.limit, escalateTo: g.escalateTo?.id })),
    roles,
  );
  boundary.windows = [{ from: undefined, until: undefined, ladder: boundary.ladder }];
  return boundary;
}

/** Every role reachable from the boundary's grants, by id, as a page gets them from the model. */
export function rolesOf(boundary: Boundary): Map<string, Role> {
  const roles = new Map<string, Role>();
  for (const grant of boundary.grants) for (let at: Role | undefined = grant.role; at && !roles.has(at.id); at = at.escalatesTo) roles.set(at.id, at);
  for (const grant of boundary.grants) if (grant.escalateTo) roles.set(grant.escalateTo.id, grant.escalateTo);
  return roles;
}

/** The text of rendered HTML, tags removed and spaces collapsed. */
export function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** What the middleware gives a page: its language (English words, `locale`'s formats), as component tests pass it in `locals`. */
export function pageIn(locale = 'en-GB', dictionary: Dictionary = ENGLISH): { lang: PageLanguage } {
  const language = { tag: locale, path: '', isBase: true };
  return { lang: pageLanguage(language, [language], dictionary, '/') };
}
