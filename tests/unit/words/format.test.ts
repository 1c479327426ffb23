import { describe, expect, it } from 'vitest';
import { formatCount, formatDate, formatMoney, overdueInWords, plural } from '../../../src/lib/words/format.ts';
import { amountPerPeriod, authorityInWords, grantInWords, limitInWords, limitLine } from '../../../src/lib/words/grants.ts';

describe('formatDate', () => {
  it('writes "1 Mar 2026" in en-GB and "Mar 1, 2026" in en-US', () => {
    expect(formatDate('2026-03-01', 'en-GB')).toBe('1 Mar 2026');
    expect(formatDate('2026-03-01', 'en-US')).toBe('Mar 1, 2026');
  });

  it('reads dates as calendar days, whatever the machine time zone', () => {
    expect(formatDate('2026-12-31', 'en-GB')).toBe('31 Dec 2026');
    expect(formatDate('2026-01-01', 'en-GB')).toBe('1 Jan 2026');
  });
});

describe('formatMoney', () => {
  it('formats whole amounts without decimals in the playbook locale', () => {
    expect(formatMoney({ amount: 1000, currency: 'USD' }, 'en-US')).toBe('$1,000');
    expect(formatMoney({ amount: 55, currency: 'CAD' }, 'en-US')).toBe('CA$55');
    expect(formatMoney({ amount: 200, currency: 'EUR' }, 'en-IE')).toBe('€200');
    expect(formatMoney({ amount: 75, currency: 'GBP' }, 'en-GB')).toBe('£75');
  });

  it('keeps pence when the amount has them', () => {
    expect(formatMoney({ amount: 75.5, currency: 'GBP' }, 'en-GB')).toBe('£75.50');
  });
});

describe('plural', () => {
  it('picks the form with Intl.PluralRules and groups digits', () => {
    expect(plural(1, 'win', 'wins', 'en')).toBe('1 win');
    expect(plural(0, 'win', 'wins', 'en')).toBe('0 wins');
    expect(plural(20000, 'win', 'wins', 'en-GB')).toBe('20,000 wins');
    expect(formatCount(1234567, 'en-US')).toBe('1,234,567');
  });
});

describe('authorityInWords', () => {
  it('says what the role does, naming the role above', () => {
    expect(authorityInWords('decide', 'Shift lead')).toBe('Decides');
    expect(authorityInWords('decide-and-inform', 'Store manager')).toBe('Decides, then informs Store manager');
    expect(authorityInWords('consult', 'Loss prevention')).toBe('Consults Loss prevention first');
    expect(authorityInWords('escalate', 'Shift lead')).toBe('Escalates to Shift lead');
  });

  it('still reads when no role is above', () => {
    expect(authorityInWords('consult', undefined)).toBe('Consults the next role up first');
  });
});

describe('limitInWords', () => {
  it('gives the limit and what it counts against', () => {
    expect(limitInWords({ amount: 75, currency: 'GBP' }, 'case', 'en-GB')).toBe('up to £75 per case');
    expect(limitInWords({ amount: 50, currency: 'GBP' }, 'customer-day', 'en-GB')).toBe('up to £50 per customer per day');
    expect(limitInWords({ amount: 2000, currency: 'USD' }, 'customer', 'en-US')).toBe('up to $2,000 per customer');
  });

  it('says so when there is no limit', () => {
    expect(limitInWords(undefined, 'case', 'en-GB')).toBe('no monetary limit');
  });
});

describe('grantInWords', () => {
  const escalateTo = { title: 'Store manager' };

  it('joins authority and limit', () => {
    expect(grantInWords({ authority: 'decide', limit: { amount: 75, currency: 'GBP' }, per: 'case', escalateTo }, 'en-GB')).toBe('Decides up to £75 per case');
    expect(grantInWords({ authority: 'decide', limit: undefined, per: 'case', escalateTo }, 'en-GB')).toBe('Decides, no monetary limit');
    expect(grantInWords({ authority: 'decide-and-inform', limit: { amount: 1000, currency: 'GBP' }, per: 'case', escalateTo }, 'en-GB')).toBe(
      'Decides up to £1,000 per case, then informs Store manager',
    );
    expect(grantInWords({ authority: 'decide-and-inform', limit: undefined, per: 'case', escalateTo }, 'en-GB')).toBe(
      'Decides with no monetary limit, then informs Store manager',
    );
    expect(grantInWords({ authority: 'consult', limit: { amount: 500, currency: 'EUR' }, per: 'customer-day', escalateTo }, 'en-IE')).toBe(
      'Consults Store manager first, then decides up to €500 per customer per day',
    );
  });

  it('gives no limit for a role that escalates', () => {
    expect(grantInWords({ authority: 'escalate', limit: undefined, per: 'case', escalateTo }, 'en-GB')).toBe('Escalates to Store manager');
  });
});

describe('overdueInWords', () => {
  it('counts days overdue', () => {
    expect(overdueInWords(1, 'en')).toBe('1 day overdue');
    expect(overdueInWords(40, 'en')).toBe('40 days overdue');
  });
});

describe('amountPerPeriod and limitLine', () => {
  it('says an amount with what it counts against', () => {
    expect(amountPerPeriod({ amount: 75, currency: 'GBP' }, 'customer-day', 'en-GB')).toBe('£75 per customer per day');
  });

  it('gives a search result one line per grant', () => {
    const grant = {
      role: { title: 'Store manager' },
      authority: 'decide-and-inform' as const,
      limit: { amount: 400, currency: 'GBP' },
      per: 'case' as const,
      escalateTo: { title: 'Regional manager' },
    };
    expect(limitLine(grant, 'en-GB')).toBe('Store manager: up to £400 per case, then informs Regional manager');
  });
});
