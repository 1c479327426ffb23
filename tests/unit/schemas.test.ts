import { describe, expect, it } from 'vitest';
import { boundarySchema, caseStudySchema, guidelineSchema, playbookSchema, roleSchema, valueSchema, winSchema, isCalendarDate } from '../../schemas/index.ts';
import { checkWithSchema } from '../../src/lib/diagnostics/schema-issues.ts';

const boundary = {
  title: 'Goodwill credit on a bill',
  summary: 'How far you may go to put a billing mistake right.',
  decision: "Credit a customer's bill",
  grants: [
    { role: 'agent', authority: 'decide', limit: { amount: 75, currency: 'GBP' } },
    { role: 'team-lead', authority: 'decide-and-inform', limit: { amount: 250 }, per: 'customer-day' },
  ],
  owner: 'Billing',
  approvedBy: 'Dana Whitfield',
  effective: '2026-01-01',
  lastReviewed: '2026-06-01',
};

/** The messages an editor would read for `data`, one string per finding. */
function messages(schema: Parameters<typeof checkWithSchema>[0], data: unknown): string[] {
  const result = checkWithSchema(schema, data, 'x.md');
  return result.ok ? [] : result.findings.map((f) => (f.hint ? `${f.message} — ${f.hint}` : f.message));
}

describe('valid samples', () => {
  it('accepts a full boundary and fills defaults', () => {
    const result = checkWithSchema(boundarySchema, boundary, 'b.md');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.status).toBe('published');
    expect(result.data.grants[0]!.per).toBe('case');
    expect(result.data.examples).toEqual({ within: [], outside: [] });
    expect(result.data.changes).toEqual([]);
  });

  it('accepts each collection at its smallest', () => {
    expect(messages(valueSchema, { title: 'Own it', summary: 'We finish what we start.' })).toEqual([]);
    expect(messages(roleSchema, { title: 'Agent' })).toEqual([]);
    expect(messages(guidelineSchema, { title: 'T', summary: 'S', owner: 'O', lastReviewed: '2026-01-31' })).toEqual([]);
    expect(messages(caseStudySchema, { title: 'T', summary: 'S', organisation: 'Southwest Airlines' })).toEqual([]);
    expect(messages(winSchema, { title: 'T', date: '2026-02-28', people: ['Ana'], values: ['own-it'] })).toEqual([]);
    expect(messages(playbookSchema, { name: 'Harbour & Pine' })).toEqual([]);
  });

  it('normalises dates that a YAML parser turned into Date objects', () => {
    const result = checkWithSchema(winSchema, { title: 'T', date: new Date('2026-03-01T00:00:00Z'), people: ['Ana'], values: ['own-it'] }, 'w.md');
    expect(result.ok && result.data.date).toBe('2026-03-01');
  });

  it("refuses a language listed twice, or the playbook's own locale among its languages", () => {
    const result = checkWithSchema(playbookSchema, { name: 'X', locale: 'en-GB', languages: ['fr-CA', 'fr-ca', 'en-GB', 'not a tag'] }, 'playbook.yaml');
    expect(result.ok ? [] : result.findings.map((finding) => finding.message)).toEqual([
      'languages[3]: must be a BCP-47 language tag such as "fr" or "fr-CA", found "not a tag"',
      'languages[1]: is listed twice, found "fr-ca"',
      'languages[2]: is the playbook\'s own locale, which is published already, found "en-GB"',
    ]);
  });

  it('applies playbook defaults', () => {
    const result = checkWithSchema(playbookSchema, { name: 'X' }, 'playbook.yaml');
    expect(result.ok && result.data).toEqual({ name: 'X', locale: 'en', languages: [], reviewEveryDays: 365, trustedMdx: false });
  });

  it('drops duplicate references', () => {
    const result = checkWithSchema(valueSchema, { title: 'T', summary: 'S' }, 'v.md');
    expect(result.ok).toBe(true);
    const win = checkWithSchema(winSchema, { title: 'T', date: '2026-01-01', people: ['A'], values: ['a', 'a'] }, 'w.md');
    expect(win.ok && win.data.values).toEqual(['a']);
  });
});

describe('invalid samples: the exact message an editor reads', () => {
  it('misspelt key suggests the right one', () => {
    expect(messages(roleSchema, { title: 'Agent', escalateTo: 'team-lead' })).toEqual(['escalateTo: unknown key — did you mean "escalatesTo"?']);
  });

  it('unknown key without a near miss lists the allowed keys', () => {
    expect(messages(roleSchema, { title: 'Agent', colour: 'blue' })).toEqual([
      'colour: unknown key — remove it; the keys allowed here are title, summary, team, escalatesTo, status',
    ]);
  });

  it('unknown key inside a grant', () => {
    expect(messages(boundarySchema, { ...boundary, grants: [{ role: 'agent', authority: 'decide', limt: { amount: 5 } }] })).toEqual([
      'grants[0].limt: unknown key — did you mean "limit"?',
    ]);
  });

  it('missing required field', () => {
    expect(messages(valueSchema, { title: 'Own it' })).toEqual(['summary: is required — add "summary:" with text']);
  });

  it('wrong type', () => {
    expect(messages(winSchema, { title: 'T', date: '2026-01-01', people: 'Ana', values: ['a'] })).toEqual([
      'people: expected a list, found "Ana" — write a list, one "- item" per line, or [first, second] on one line',
    ]);
  });

  it('amount written with a currency sign', () => {
    expect(messages(winSchema, { title: 'T', date: '2026-01-01', people: ['A'], values: ['a'], spent: { amount: '£40' } })).toEqual([
      'spent.amount: expected a number, found "£40" — write the number alone, without a currency sign or quotes (amount: 75)',
    ]);
  });

  it('unknown authority suggests the closest', () => {
    expect(messages(boundarySchema, { ...boundary, grants: [{ role: 'agent', authority: 'decides' }] })).toEqual([
      'grants[0].authority: expected one of decide, decide-and-inform, consult, escalate, found "decides" — did you mean "decide"?',
    ]);
  });

  it('impossible date', () => {
    expect(messages(guidelineSchema, { title: 'T', summary: 'S', owner: 'O', lastReviewed: '2026-02-30' })).toEqual([
      'lastReviewed: is not a real calendar date, found "2026-02-30" — write the date as year-month-day, such as 2026-03-01',
    ]);
  });

  it('date in another format', () => {
    expect(messages(guidelineSchema, { title: 'T', summary: 'S', owner: 'O', lastReviewed: '1 March 2026' })).toEqual([
      'lastReviewed: must be a date written YYYY-MM-DD, found "1 March 2026" — write the date as year-month-day, such as 2026-03-01',
    ]);
  });

  it('reference that is not kebab-case', () => {
    expect(messages(roleSchema, { title: 'Agent', escalatesTo: 'Team Lead' })).toEqual([
      'escalatesTo: must be a lower-case kebab-case id such as "store-associate", found "Team Lead" — use the file name of the entry you mean, without extension',
    ]);
  });

  it('summary over 280 characters', () => {
    expect(messages(valueSchema, { title: 'T', summary: 'x'.repeat(281) })).toEqual([
      `summary: must be at most 280 characters, found "${'x'.repeat(57)}..." — shorten the text; put the detail in the body instead`,
    ]);
  });

  it('no grants', () => {
    expect(messages(boundarySchema, { ...boundary, grants: [] })).toEqual([
      'grants: must list at least one grant, found an empty list — add an item to the list',
    ]);
  });

  it('lower-case currency', () => {
    expect(messages(boundarySchema, { ...boundary, grants: [{ role: 'a', authority: 'decide', limit: { amount: 5, currency: 'gbp' } }] })).toEqual([
      'grants[0].limit.currency: must be a three-letter ISO 4217 code in capitals, such as GBP, found "gbp" — use a currency code such as GBP, EUR, USD or CAD',
    ]);
  });

  it('negative review cadence', () => {
    expect(messages(playbookSchema, { name: 'X', reviewEveryDays: -5 })).toEqual(['reviewEveryDays: must be more than 0, found -5 — change the number']);
  });

  it('edit URL that is not a URL', () => {
    expect(messages(playbookSchema, { name: 'X', editUrl: 'github/edit' })).toEqual([
      'editUrl: must be a full web address starting with https://, found "github/edit" — copy the full address from the browser, such as https://example.com/page',
    ]);
  });

  it('refuses addresses that would run code in a link', () => {
    expect(messages(caseStudySchema, { title: 'T', summary: 'S', organisation: 'O', sources: [{ title: 'x', url: 'javascript:alert(1)' }] })).toEqual([
      'sources[0].url: must be a full web address starting with https://, found "javascript:alert(1)" — copy the full address from the browser, such as https://example.com/page',
    ]);
  });

  it('boolean written as text', () => {
    expect(messages(caseStudySchema, { title: 'T', summary: 'S', organisation: 'O', internal: 'yes' })).toEqual([
      'internal: expected true or false, found "yes" — write true or false, without quotes',
    ]);
  });

  it('reports every problem of an entry at once', () => {
    expect(messages(winSchema, { title: '', date: 'soon', people: [], values: ['a'], colour: 1 })).toHaveLength(4);
  });
});

describe('isCalendarDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['2026-04-31', false],
    ['2026-1-1', false],
  ])('%s → %s', (text, expected) => expect(isCalendarDate(text)).toBe(expected));
});

describe('plain numbers written as text', () => {
  it('a text field takes a plain number or year as its text', () => {
    const result = checkWithSchema(
      caseStudySchema,
      { title: 1984, summary: 'S', organisation: 2025, period: 2025, internal: true, metrics: [{ label: 'NPS', value: 1.5 }] },
      'c.md',
    );
    expect(result.ok && result.data).toMatchObject({ title: '1984', organisation: '2025', period: '2025', metrics: [{ label: 'NPS', value: '1.5' }] });
    const value = checkWithSchema(valueSchema, { title: 7, summary: 42 }, 'v.md');
    expect(value.ok && value.data).toMatchObject({ title: '7', summary: '42' });
  });

  it('number fields stay strict, and true/false is not text', () => {
    expect(messages(valueSchema, { title: 'Care', summary: 'S', order: '2' })).toEqual([
      'order: expected a number, found "2" — write the number alone, without a currency sign or quotes (amount: 75)',
    ]);
    expect(messages(roleSchema, { title: true })).toEqual(['title: expected text, found true — put the value in quotes to make it text']);
    expect(messages(roleSchema, { title: Number.POSITIVE_INFINITY })).toEqual([
      'title: expected text, found Infinity — put the value in quotes to make it text',
    ]);
  });
});
