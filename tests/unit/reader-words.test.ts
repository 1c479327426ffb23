/**
 * Issue 23's papercuts in words: counts take the plural form Intl.PluralRules
 * picks in the page's language ("and 1 more role", not "and 1 more roles"),
 * and dates are written by Intl like on every other page ("As of 4 Dec 2026",
 * never "2026-12-04"), in English and Canadian French.
 */
import { describe, expect, it } from 'vitest';
import { ENGLISH, type WordKey } from '../../src/lib/languages/dictionary.ts';
import { FRENCH } from '../../src/lib/languages/interface-fr.ts';
import { createWords } from '../../src/lib/languages/words.ts';

const en = createWords('en-GB', ENGLISH);
const french = createWords('fr-CA', FRENCH);
/** French words with its narrow and no-break spaces (« 1 200 », « changent : ») read as plain spaces, to write the expected text plainly. */
const fr = { ...french, t: (...args: Parameters<typeof french.t>) => french.t(...args).replace(/[\u00a0\u202f]/g, ' ') };

describe('plurals in the strings readers reported', () => {
  it.each([
    ['search.moreRoles', 1, 'and 1 more role', 'et 1 autre rôle'],
    ['search.moreRoles', 3, 'and 3 more roles', 'et 3 autres rôles'],
    ['search.moreRoles', 1200, 'and 1,200 more roles', 'et 1 200 autres rôles'],
    ['search.seeAll', 2, 'See all 2 results', 'Voir les 2 résultats'],
    ['search.seeAll', 1, 'See the 1 result', 'Voir le résultat'],
  ] as const)('%s with %i reads "%s" and « %s »', (key, count, english, french) => {
    expect(en.t(key, { count })).toBe(english);
    expect(fr.t(key, { count })).toBe(french);
  });

  it('the matrix count agrees with its total, leaving {shown} for the filter script', () => {
    expect(en.t('matrix.showing', { count: 1, total: 1 })).toBe('Showing {shown} of 1 boundary');
    expect(en.t('matrix.showing', { count: 12, total: 12 })).toBe('Showing {shown} of 12 boundaries');
    expect(fr.t('matrix.showing', { count: 1, total: 1 })).toBe('{shown} limite affichée sur 1');
    expect(fr.t('matrix.showing', { count: 12, total: 12 })).toBe('{shown} limites affichées sur 12');
  });

  it('French says 0 and 1 in the singular, as Intl.PluralRules("fr-CA") does', () => {
    expect(fr.t('search.moreRoles', { count: 0 })).toBe('et 0 autre rôle');
    expect(en.t('search.moreRoles', { count: 0 })).toBe('and 0 more roles');
  });

  it('no English word counts a plural noun in one fixed form ("{count} roles" must be a plural group)', () => {
    const fixed = (Object.entries(ENGLISH) as [WordKey, unknown][]).filter(
      ([, message]) => typeof message === 'string' && /\{(?:count|total)\}(?: more)? [a-z]+s\b/.test(message),
    );
    expect(fixed.map(([key]) => key)).toEqual([]);
  });
});

describe('dates in the strings readers reported', () => {
  it('the pocket card\'s "As of" date is written by Intl in the page\'s language', () => {
    expect(en.t('card.asOf', { date: en.date('2026-12-04') })).toBe('As of 4 Dec 2026. Limits change: the role page always has the current ones.');
    expect(fr.t('card.asOf', { date: fr.date('2026-12-04') })).toBe(
      'En date du 4 déc. 2026. Les limites changent : la page du rôle a toujours les limites en vigueur.',
    );
  });

  it('the review page and the print footer use the same dates', () => {
    expect(en.t('reviewPage.asOf', { date: en.date('2026-12-04'), overdue: 'x', soon: 'y', days: 30 })).toMatch(/^As of 4 Dec 2026,/);
    expect(fr.t('reviewPage.asOf', { date: fr.date('2026-12-04'), overdue: 'x', soon: 'y', days: 30 })).toMatch(/^En date du 4 déc\. 2026,/);
  });
});
