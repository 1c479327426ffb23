import { englishWords } from '../../src/lib/languages/dictionary.ts';
import { describe, expect, it } from 'vitest';
import { searchFacets } from '../../src/lib/search/facets.ts';
import { joinLimitLines, splitLimitLines } from '../../src/lib/search/meta.ts';
import { recordAttributes, recordMarkup, searchRecord, type SearchRecordContext } from '../../src/lib/search/records.ts';
import { SEARCH_WEIGHTS } from '../../src/lib/search/weights.ts';
import { boundary, modelOf } from '../support/checked-content.ts';

const playbook = modelOf({
  values: { care: { title: 'Care', summary: 'We care.' }, speed: { title: 'Speed', summary: 'We are quick.' } },
  roles: {
    agent: { title: 'Store associate', team: 'Stores', escalatesTo: 'lead', summary: 'On the shop floor.' },
    lead: { title: 'Shift lead', team: 'Stores', escalatesTo: 'manager' },
    manager: { title: 'Regional manager', team: 'Regions' },
    driver: { title: 'Driver', escalatesTo: 'manager' },
  },
  guidelines: {
    'for-agents': { title: 'For associates', summary: 'Agents only.', owner: 'O', lastReviewed: '2026-06-01', roles: ['agent'], values: ['care'] },
    everyone: { title: 'For everyone', summary: 'All of us.', owner: 'O', lastReviewed: '2026-06-01' },
  },
  boundaries: {
    refunds: boundary(
      [
        { role: 'agent', authority: 'decide', limit: { amount: 75 } },
        { role: 'lead', authority: 'escalate' },
        { role: 'manager', authority: 'decide-and-inform', limit: { amount: 1000 }, escalateTo: 'agent' },
        { role: 'driver', authority: 'consult', limit: { amount: 20 }, per: 'customer-day' },
      ],
      { summary: 'Money back without a receipt.', category: 'Billing', values: ['care', 'speed'] },
    ),
    old: boundary([{ role: 'agent', authority: 'decide' }], { title: 'Old way', status: 'retired' }),
  },
  caseStudies: {
    ritz: {
      title: 'Ritz',
      summary: 'The $2,000 rule.',
      organisation: 'Ritz-Carlton',
      values: ['speed'],
      sources: [{ title: 'A', url: 'https://example.com' }],
    },
  },
  wins: {
    cake: { title: 'A late cake', date: '2026-03-14', people: ['Ada'], values: ['care'], role: 'agent', boundary: 'refunds', impact: 'They came back.' },
    plain: { title: 'A plain win', date: '2025-01-02', people: ['Ben', 'Cleo'], values: ['speed'], team: 'Night shift' },
  },
});

const context: SearchRecordContext = { words: englishWords('en-GB'), roles: playbook.roles };
const find = <T extends { id: string }>(list: readonly T[], id: string) => list.find((entry) => entry.id === id)!;

describe('search records', () => {
  it('gives a boundary every role it grants, its teams, values and category, and limits in words', () => {
    const record = searchRecord(find(playbook.boundaries, 'refunds'), context);
    expect(record.filters).toEqual({
      type: 'Boundary',
      role: ['Store associate', 'Shift lead', 'Regional manager', 'Driver'],
      value: ['Care', 'Speed'],
      team: ['Stores', 'Regions'],
      category: ['Billing'],
    });
    expect(record.meta.title).toBe('Refund a purchase');
    expect(record.meta.summary).toBe('Money back without a receipt.');
    expect(record.meta.decision).toBe('Refund a purchase');
    expect(splitLimitLines(record.meta.limits)).toEqual([
      'Store associate: up to £75 per case',
      'Shift lead: escalates to Regional manager',
      'Regional manager: up to £1,000 per case, then informs Store associate',
      'Driver: up to £20 per customer per day, after consulting Regional manager',
    ]);
    expect(record.sort).toEqual({});
    expect(record.weights).toEqual({ title: SEARCH_WEIGHTS.boundaryTitle, summary: SEARCH_WEIGHTS.summary, decision: SEARCH_WEIGHTS.decision });
  });

  it('says "no monetary limit" for a grant without one', () => {
    const record = searchRecord(find(playbook.pages.boundaries, 'old'), context);
    expect(record.meta.limits).toBe('Store associate: no monetary limit');
  });

  it('gives a guideline its roles, or every role when it is for everyone', () => {
    const named = searchRecord(find(playbook.guidelines, 'for-agents'), context);
    expect(named.filters).toEqual({ type: 'Guideline', role: ['Store associate'], value: ['Care'], team: ['Stores'], category: [] });
    const everyone = searchRecord(find(playbook.guidelines, 'everyone'), context);
    expect(everyone.filters.role.sort()).toEqual(['Driver', 'Regional manager', 'Shift lead', 'Store associate']);
    expect(everyone.filters.team.sort()).toEqual(['Regions', 'Stores']);
    expect(everyone.meta).toEqual({ title: 'For everyone', summary: 'All of us.' });
    expect(everyone.weights).toEqual({ title: SEARCH_WEIGHTS.title, summary: SEARCH_WEIGHTS.summary });
  });

  it('gives a role itself and its team, and a summary even when it has none', () => {
    expect(searchRecord(find(playbook.roles, 'agent'), context)).toMatchObject({
      filters: { type: 'Role', role: ['Store associate'], team: ['Stores'], value: [], category: [] },
      meta: { title: 'Store associate', summary: 'On the shop floor.' },
    });
    expect(searchRecord(find(playbook.roles, 'lead'), context).meta.summary).toBe('A role in Stores');
    expect(searchRecord(find(playbook.roles, 'driver'), context).meta.summary).toBe('A role in this playbook');
  });

  it('gives a value itself, and a case study its values', () => {
    expect(searchRecord(find(playbook.values, 'care'), context).filters).toEqual({ type: 'Value', role: [], value: ['Care'], team: [], category: [] });
    expect(searchRecord(find(playbook.caseStudies, 'ritz'), context)).toMatchObject({
      filters: { type: 'Case study', value: ['Speed'], role: [] },
      meta: { title: 'Ritz', summary: 'The $2,000 rule.' },
    });
  });

  it('gives a win its role, team and values, sorts it by date, and sums it up without an impact line', () => {
    const cake = searchRecord(find(playbook.wins, 'cake'), context);
    expect(cake.filters).toEqual({ type: 'Win', role: ['Store associate'], value: ['Care'], team: ['Stores'], category: [] });
    expect(cake.sort).toEqual({ date: '2026-03-14' });
    expect(cake.meta.summary).toBe('They came back.');
    const plain = searchRecord(find(playbook.wins, 'plain'), context);
    expect(plain.filters.team).toEqual(['Night shift']);
    expect(plain.meta.summary).toBe('Ben, Cleo, 2 Jan 2025');
  });

  it('writes one Pagefind attribute per element, inline, leaving out empty meta', () => {
    const record = searchRecord(find(playbook.wins, 'cake'), context);
    expect(recordAttributes(record)).toEqual([
      { 'data-pagefind-filter': 'type:Win' },
      { 'data-pagefind-filter': 'role:Store associate' },
      { 'data-pagefind-filter': 'value:Care' },
      { 'data-pagefind-filter': 'team:Stores' },
      { 'data-pagefind-meta': 'title:A late cake' },
      { 'data-pagefind-meta': 'summary:They came back.' },
      { 'data-pagefind-sort': 'date:2026-03-14' },
    ]);
  });

  it('writes the record as hidden, ignored elements, its values escaped as attribute text', () => {
    const record = searchRecord(find(playbook.wins, 'cake'), context);
    expect(recordMarkup(record)).toBe(
      '<div hidden data-pagefind-ignore><span data-pagefind-filter="type:Win"></span><span data-pagefind-filter="role:Store associate"></span><span data-pagefind-filter="value:Care"></span><span data-pagefind-filter="team:Stores"></span><span data-pagefind-meta="title:A late cake"></span><span data-pagefind-meta="summary:They came back."></span><span data-pagefind-sort="date:2026-03-14"></span></div>',
    );
    const hostile = { ...record, meta: { ...record.meta, title: 'A "late" <cake> & tea' } };
    expect(recordMarkup(hostile)).toContain('<span data-pagefind-meta="title:A &#34;late&#34; &#60;cake&#62; &#38; tea"></span>');
  });

  it('keeps limit lines apart even when a role title holds the separator', () => {
    const joined = joinLimitLines(['A; B: up to £1 per case', 'C: no monetary limit']);
    expect(splitLimitLines(joined)).toEqual(['A, B: up to £1 per case', 'C: no monetary limit']);
    expect(splitLimitLines(undefined)).toEqual([]);
  });

  it('lists the facets the search page offers from the published playbook', () => {
    expect(searchFacets(playbook, englishWords('en-GB'))).toEqual([
      { key: 'type', values: ['Boundary', 'Guideline', 'Role', 'Value', 'Case study', 'Win'] },
      { key: 'role', values: ['Driver', 'Regional manager', 'Shift lead', 'Store associate'] },
      { key: 'value', values: ['Care', 'Speed'] },
      { key: 'team', values: ['Regions', 'Stores'] },
      { key: 'category', values: ['Billing'] },
    ]);
  });
});
