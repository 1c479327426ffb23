import { describe, expect, it } from 'vitest';
import { pagefindFilters, readSearchState, writeSearchState } from '../../src/lib/search/filters.ts';
import { expandQuery, MAX_VARIANTS, mergeRanked, SYNONYM_SCORE } from '../../src/lib/search/synonyms.ts';

describe('synonyms', () => {
  const synonyms = { refund: ['money back', 'reimburse'], 'money back': ['refund'], late: ['delayed'] };

  it('swaps each key found in the query for each of its synonyms', () => {
    expect(expandQuery('refund', synonyms)).toEqual(['money back', 'reimburse']);
    expect(expandQuery('Refund a sofa?', synonyms)).toEqual(['money back a sofa', 'reimburse a sofa']);
    expect(expandQuery('late refund', synonyms)).toEqual(['late money back', 'late reimburse', 'delayed refund']);
  });

  it('matches keys as whole words, allowing common endings', () => {
    expect(expandQuery('get my money back', synonyms)).toEqual(['get my refund']);
    expect(expandQuery('refunds', synonyms)).toEqual(['money back', 'reimburse']);
    expect(expandQuery('refunded twice', synonyms)).toEqual(['money back twice', 'reimburse twice']);
    expect(expandQuery('refundable', synonyms)).toEqual([]);
    expect(expandQuery('money', synonyms)).toEqual([]);
    expect(expandQuery('lately', synonyms)).toEqual([]);
    expect(expandQuery('later', { late: ['delayed'] })).toEqual([]); // keys under four letters match exactly
  });

  it('runs no extra searches without synonyms, and at most a few with many', () => {
    expect(expandQuery('refund', undefined)).toEqual([]);
    expect(expandQuery('refund', {})).toEqual([]);
    const many = { a: ['b', 'c', 'd', 'e', 'f', 'g'] };
    expect(expandQuery('a', many)).toHaveLength(MAX_VARIANTS);
  });

  it('merges results: each page once, at its best score, synonym finds a little lower', () => {
    const typed = [
      { id: 'x', score: 2 },
      { id: 'y', score: 1 },
    ];
    const via = [
      [
        { id: 'z', score: 3 },
        { id: 'y', score: 0.5 },
      ],
      [{ id: 'w', score: 1 }],
    ];
    expect(mergeRanked(typed, via).map((r) => r.id)).toEqual(['z', 'x', 'y', 'w']);
    expect(mergeRanked([{ id: 'a', score: 1 }], [[{ id: 'b', score: 1 }]]).map((r) => r.id)).toEqual(['a', 'b']);
    expect(SYNONYM_SCORE).toBeLessThan(1);
  });
});

describe('search state in the address', () => {
  it('reads the query, filters with several values, and the order', () => {
    const state = readSearchState(new URLSearchParams('q=+refund+&type=Boundary&role=Store+associate&role=Shift+lead&role=&order=newest&other=x'));
    expect(state).toEqual({ query: 'refund', filters: { type: ['Boundary'], role: ['Store associate', 'Shift lead'] }, order: 'newest' });
    expect(readSearchState(new URLSearchParams(''))).toEqual({ query: '', filters: {}, order: 'relevance' });
  });

  it('writes back what it reads', () => {
    const query = 'q=refund&type=Boundary&role=Store+associate&role=Shift+lead&order=newest';
    expect(writeSearchState(readSearchState(new URLSearchParams(query))).toString()).toBe(query);
    expect(writeSearchState({ query: '', filters: {}, order: 'relevance' }).toString()).toBe('');
  });

  it('turns filters into a Pagefind filter: any value within a key, every key', () => {
    expect(pagefindFilters({ type: ['Boundary', 'Guideline'], role: ['Store associate'], team: [] })).toEqual({
      type: { any: ['Boundary', 'Guideline'] },
      role: { any: ['Store associate'] },
    });
  });
});
