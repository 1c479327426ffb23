import { describe, expect, it } from 'vitest';
import { ENGLISH } from '../../../src/lib/languages/dictionary.ts';
import { FRENCH } from '../../../src/lib/languages/interface-fr.ts';
import { createWords } from '../../../src/lib/languages/words.ts';
import { dueInWords, overdueInWords } from '../../../src/lib/words/format.ts';
import { amountPerPeriod, authorityInWords, grantInWords, limitInWords, limitLine } from '../../../src/lib/words/grants.ts';

/** English words with dates, numbers and money in `locale`. */
const en = (locale = 'en-GB') => createWords(locale, ENGLISH);
const fr = createWords('fr-CA', FRENCH);

describe('dates', () => {
  it('writes "1 Mar 2026" in en-GB, "Mar 1, 2026" in en-US and « 1 mars 2026 » in fr-CA', () => {
    expect(en('en-GB').date('2026-03-01')).toBe('1 Mar 2026');
    expect(en('en-US').date('2026-03-01')).toBe('Mar 1, 2026');
    expect(fr.date('2026-03-01')).toBe('1 mars 2026');
  });

  it('reads dates as calendar days, whatever the machine time zone', () => {
    expect(en().date('2026-12-31')).toBe('31 Dec 2026');
    expect(en().date('2026-01-01')).toBe('1 Jan 2026');
  });
});

describe('money', () => {
  it('formats whole amounts without decimals in the language of the words', () => {
    expect(en('en-US').money({ amount: 1000, currency: 'USD' })).toBe('$1,000');
    expect(en('en-US').money({ amount: 55, currency: 'CAD' })).toBe('CA$55');
    expect(en('en-IE').money({ amount: 200, currency: 'EUR' })).toBe('€200');
    expect(en('en-GB').money({ amount: 75, currency: 'GBP' })).toBe('£75');
    expect(fr.money({ amount: 1500, currency: 'CAD' })).toBe('1\u00a0500\u00a0$');
  });

  it('keeps pence when the amount has them', () => {
    expect(en().money({ amount: 75.5, currency: 'GBP' })).toBe('£75.50');
  });
});

describe('plurals', () => {
  it('picks the form with Intl.PluralRules for the language, and groups digits', () => {
    expect(en('en').t('count.wins', { count: 1 })).toBe('1 win');
    expect(en('en').t('count.wins', { count: 0 })).toBe('0 wins');
    expect(en('en-GB').t('count.wins', { count: 20000 })).toBe('20,000 wins');
    expect(en('en-US').count(1234567)).toBe('1,234,567');
    // French counts 0 and 1 as singular, and groups digits with a (non-breaking) space.
    expect(fr.t('count.wins', { count: 0 })).toBe('0 réussite');
    expect(fr.t('count.wins', { count: 20000 })).toBe('20\u00a0000 réussites');
  });
});

describe('authorityInWords', () => {
  it('says what the role does, naming the role above', () => {
    expect(authorityInWords('decide', 'Shift lead', en())).toBe('Decides');
    expect(authorityInWords('decide-and-inform', 'Store manager', en())).toBe('Decides, then informs Store manager');
    expect(authorityInWords('consult', 'Loss prevention', en())).toBe('Consults Loss prevention first');
    expect(authorityInWords('escalate', 'Shift lead', en())).toBe('Escalates to Shift lead');
  });

  it('still reads when no role is above', () => {
    expect(authorityInWords('consult', undefined, en())).toBe('Consults the next role up first');
  });
});

describe('limitInWords', () => {
  it('gives the limit and what it counts against', () => {
    expect(limitInWords({ amount: 75, currency: 'GBP' }, 'case', en('en-GB'))).toBe('up to £75 per case');
    expect(limitInWords({ amount: 50, currency: 'GBP' }, 'customer-day', en('en-GB'))).toBe('up to £50 per customer per day');
    expect(limitInWords({ amount: 2000, currency: 'USD' }, 'customer', en('en-US'))).toBe('up to $2,000 per customer');
  });

  it('says so when there is no limit', () => {
    expect(limitInWords(undefined, 'case', en('en-GB'))).toBe('no monetary limit');
  });
});

describe('grantInWords', () => {
  const escalateTo = { title: 'Store manager' };

  it('joins authority and limit', () => {
    expect(grantInWords({ authority: 'decide', limit: { amount: 75, currency: 'GBP' }, per: 'case', escalateTo }, en('en-GB'))).toBe(
      'Decides up to £75 per case',
    );
    expect(grantInWords({ authority: 'decide', limit: undefined, per: 'case', escalateTo }, en('en-GB'))).toBe('Decides, no monetary limit');
    expect(grantInWords({ authority: 'decide-and-inform', limit: { amount: 1000, currency: 'GBP' }, per: 'case', escalateTo }, en('en-GB'))).toBe(
      'Decides up to £1,000 per case, then informs Store manager',
    );
    expect(grantInWords({ authority: 'decide-and-inform', limit: undefined, per: 'case', escalateTo }, en('en-GB'))).toBe(
      'Decides with no monetary limit, then informs Store manager',
    );
    expect(grantInWords({ authority: 'consult', limit: { amount: 500, currency: 'EUR' }, per: 'customer-day', escalateTo }, en('en-IE'))).toBe(
      'Consults Store manager first, then decides up to €500 per customer per day',
    );
  });

  it('gives no limit for a role that escalates', () => {
    expect(grantInWords({ authority: 'escalate', limit: undefined, per: 'case', escalateTo }, en('en-GB'))).toBe('Escalates to Store manager');
  });
});

describe('overdueInWords and dueInWords', () => {
  it('say how late or how soon, in the language of the words', () => {
    expect(overdueInWords(0, en())).toBe('Due today');
    expect(dueInWords(1, fr)).toBe('À réviser demain');
    expect(dueInWords(12, fr)).toBe('À réviser dans 12 jours');
  });

  it('counts days overdue', () => {
    expect(overdueInWords(1, en('en'))).toBe('1 day overdue');
    expect(overdueInWords(40, en('en'))).toBe('40 days overdue');
  });
});

describe('amountPerPeriod and limitLine', () => {
  it('says an amount with what it counts against', () => {
    expect(amountPerPeriod({ amount: 75, currency: 'GBP' }, 'customer-day', en())).toBe('£75 per customer per day');
  });

  it('gives a search result one line per grant', () => {
    const grant = {
      role: { title: 'Store manager' },
      authority: 'decide-and-inform' as const,
      limit: { amount: 400, currency: 'GBP' },
      per: 'case' as const,
      escalateTo: { title: 'Regional manager' },
    };
    expect(limitLine(grant, en())).toBe('Store manager: up to £400 per case, then informs Regional manager');
  });
});

describe('grants in French', () => {
  it('say the same facts in Canadian French words, with fr-CA money', () => {
    const escalateTo = { title: 'Directeur de la logistique' };
    expect(grantInWords({ authority: 'decide', limit: { amount: 40, currency: 'CAD' }, per: 'case', escalateTo }, fr)).toBe(
      'Décide jusqu’à 40\u00a0$ par dossier',
    );
    expect(grantInWords({ authority: 'decide-and-inform', limit: { amount: 600, currency: 'CAD' }, per: 'case', escalateTo }, fr)).toBe(
      'Décide jusqu’à 600\u00a0$ par dossier, puis informe Directeur de la logistique',
    );
    expect(limitInWords(undefined, 'case', fr)).toBe('aucune limite monétaire');
  });
});
