import { describe, expect, it } from 'vitest';
import { closestMatch, closestMatches, didYouMean, editDistance } from '../../src/lib/diagnostics/did-you-mean.ts';
import { formatGithub, formatSummary, formatText } from '../../src/lib/diagnostics/format.ts';

describe('closestMatch', () => {
  it('finds slips of the keyboard, not different words', () => {
    expect(editDistance('escalateTo', 'escalatesTo')).toBe(1);
    expect(editDistance('ab', 'ba')).toBe(1);
    expect(closestMatch('store-asociate', ['store-associate', 'shift-lead'])).toBe('store-associate');
    expect(closestMatch('Limit', ['limit', 'per'])).toBe('limit');
    expect(closestMatch('manager', ['store-associate', 'shift-lead'])).toBeUndefined();
    expect(closestMatch('boundary', ['boundaries', 'values'], 3)).toBe('boundaries');
  });

  it('lists up to a limit of near misses, nearest first, ties alphabetical', () => {
    const ids = ['shift-lead', 'store-leads', 'store-leaf', 'store-lead', 'regional-director'];
    expect(closestMatches('store-lea', ids)).toEqual(['store-lead', 'store-leaf', 'store-leads']);
    expect(closestMatches('store-lea', ids, 2)).toEqual(['store-lead', 'store-leaf']);
    expect(closestMatches('director', ids)).toEqual([]);
    expect(didYouMean('store-lea', ids, 3)).toBe('did you mean "store-lead", "store-leaf" or "store-leads"?');
    expect(didYouMean('store-lea', ids)).toBe('did you mean "store-lead"?');
    expect(didYouMean('director', ids)).toBeUndefined();
  });
});

describe('formats', () => {
  const diagnostic = {
    file: 'wins/a.md',
    line: 3,
    column: 7,
    severity: 'error' as const,
    rule: 'consent',
    field: 'customer.consent',
    message: 'customer.consent: the customer is named, so consent must be true',
    hint: 'ask first, 100%, then: add it',
  };
  it('text puts the hint on its own line', () => {
    expect(formatText([diagnostic])).toBe(
      'wins/a.md:3:7 error customer.consent: the customer is named, so consent must be true (consent)\n    hint: ask first, 100%, then: add it',
    );
  });
  it('github escapes what workflow commands need escaped', () => {
    expect(formatGithub([{ ...diagnostic, file: 'a,b:c.md' }])).toBe(
      '::error file=a%2Cb%3Ac.md,line=3,col=7,title=Latitude%3A consent::customer.consent: the customer is named, so consent must be true%0AHint: ask first, 100%25, then: add it',
    );
  });
  it('summaries count in words', () => {
    expect(formatSummary(1, 0, 1)).toBe('1 error, 0 warnings in 1 entry');
    expect(formatSummary(2, 1, 30)).toBe('2 errors, 1 warning in 30 entries');
  });
});
