/** Small model objects for rendering components without a content root. */
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
    grants: [],
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
    approver: undefined,
    note: undefined,
  };
  boundary.grants.push(grant);
  return grant;
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
