/**
 * The "Can I…?" verdicts, as the words people read. Table-driven over every
 * grant of the fixture playbook (tests/fixtures/can-i): no amount, just
 * below, at and just above each limit, with the exact sentence expected.
 */
import { englishWords } from '../../src/lib/languages/dictionary.ts';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUTHORITIES, LIMIT_PERIODS } from '../../schemas/index.ts';
import { decisionMenu, decisionTable, ladderOrder } from '../../src/lib/decision/decision-table.ts';
import { AUTHORITY_CODES, helperData, helperDataJson, PERIOD_CODES, type HelperData } from '../../src/lib/decision/helper-data.ts';
import { currencySymbol, verdictText } from '../../src/lib/decision/verdict-text.ts';
import { amountBasis, selectableRoles, verdict, type VerdictQuery } from '../../src/lib/decision/verdict.ts';
import { loadModel } from '../support/load-model.ts';
import { boundary, modelOf } from '../support/checked-content.ts';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/can-i');

const playbook = await loadModel(FIXTURE);
const data = helperData(playbook);
const say = (query: Omit<VerdictQuery, 'data'>, from: HelperData = data) => verdictText(verdict({ data: from, ...query })!, englishWords(from.l));

/**
 * Every grant: [decision, role, limit, no amount, below, at, above] for
 * limited grants; [decision, role, undefined, no amount, any amount] for
 * grants without a limit and for escalate grants (which commit nothing).
 */
type LimitedRow = [string, string, number, string, string, string, string];
type OpenRow = [string, string, undefined, string, string];
const GRANTS: (LimitedRow | OpenRow)[] = [
  [
    'damage-to-home',
    'driver',
    undefined,
    'Escalate to Delivery supervisor, who may approve up to £250 per case.',
    'Escalate to Director, who has no monetary limit on this decision.',
  ],
  [
    'damage-to-home',
    'agent',
    undefined,
    'Escalate to Delivery supervisor, who may approve up to £250 per case.',
    'Escalate to Director, who has no monetary limit on this decision.',
  ],
  [
    'damage-to-home',
    'supervisor',
    250,
    'You may decide up to £250 per case.',
    'Yes — you may decide. £249 is within your limit of £250 per case.',
    'Yes — you may decide. £250 is within your limit of £250 per case.',
    'No — £251 is above your limit of £250 per case. Escalate to Director, who has no monetary limit on this decision.',
  ],
  ['damage-to-home', 'director', undefined, 'You may decide, with no monetary limit.', 'Yes — you may decide. You have no monetary limit on this decision.'],
  [
    'community-donation',
    'manager',
    200,
    'You may decide up to £200 per month.',
    'Yes — you may decide. £199 is within your limit of £200 per month.',
    'Yes — you may decide. £200 is within your limit of £200 per month.',
    'No — £201 is above your limit of £200 per month. Escalate to Director, who may approve up to £2,500 per year.',
  ],
  [
    'community-donation',
    'director',
    2500,
    'You may decide up to £2,500 per year.',
    'Yes — you may decide. £2,499 is within your limit of £2,500 per year.',
    'Yes — you may decide. £2,500 is within your limit of £2,500 per year.',
    'No — £2,501 is above your limit of £2,500 per year. No one higher on your ladder holds this decision.',
  ],
  [
    'goodwill-credit',
    'agent',
    75,
    'You may decide up to £75 per case.',
    'Yes — you may decide. £74 is within your limit of £75 per case.',
    'Yes — you may decide. £75 is within your limit of £75 per case.',
    'No — £76 is above your limit of £75 per case. Escalate to Team lead, who may approve up to £250 per case.',
  ],
  [
    'goodwill-credit',
    'lead',
    250,
    'You may decide up to £250 per case, then inform Director.',
    'Yes — decide, then inform Director. £249 is within your limit of £250 per case.',
    'Yes — decide, then inform Director. £250 is within your limit of £250 per case.',
    'No — £251 is above your limit of £250 per case. Escalate to Director, who has no monetary limit on this decision.',
  ],
  [
    'goodwill-credit',
    'manager',
    1000,
    'Consult Director first, then you may decide up to £1,000 per case.',
    'Consult Director first, then decide. £999 is within your limit of £1,000 per case.',
    'Consult Director first, then decide. £1,000 is within your limit of £1,000 per case.',
    'No — £1,001 is above your limit of £1,000 per case. Escalate to Director, who has no monetary limit on this decision.',
  ],
  ['goodwill-credit', 'director', undefined, 'You may decide, with no monetary limit.', 'Yes — you may decide. You have no monetary limit on this decision.'],
  [
    'ireland-goodwill',
    'agent',
    85,
    'You may decide up to €85 per case.',
    'Yes — you may decide. €84 is within your limit of €85 per case.',
    'Yes — you may decide. €85 is within your limit of €85 per case.',
    'No — €86 is above your limit of €85 per case. Escalate to Team lead, who may approve up to £150 per case.',
  ],
  [
    'ireland-goodwill',
    'lead',
    150,
    'You may decide up to £150 per case.',
    'Yes — you may decide. £149 is within your limit of £150 per case.',
    'Yes — you may decide. £150 is within your limit of £150 per case.',
    'No — £151 is above your limit of £150 per case. Escalate to Centre manager, who may approve up to €1,000 per case.',
  ],
  [
    'ireland-goodwill',
    'manager',
    1000,
    'You may decide up to €1,000 per case.',
    'Yes — you may decide. €999 is within your limit of €1,000 per case.',
    'Yes — you may decide. €1,000 is within your limit of €1,000 per case.',
    'No — €1,001 is above your limit of €1,000 per case. Escalate to Director.',
  ],
  [
    'canada-make-good',
    'driver',
    40,
    'You may decide up to CA$40 per case.',
    'Yes — you may decide. CA$39 is within your limit of CA$40 per case.',
    'Yes — you may decide. CA$40 is within your limit of CA$40 per case.',
    'No — CA$41 is above your limit of CA$40 per case. Escalate to Delivery supervisor, who may approve up to CA$150 per case.',
  ],
  [
    'canada-make-good',
    'supervisor',
    150,
    'You may decide up to CA$150 per case.',
    'Yes — you may decide. CA$149 is within your limit of CA$150 per case.',
    'Yes — you may decide. CA$150 is within your limit of CA$150 per case.',
    'No — CA$151 is above your limit of CA$150 per case. Escalate to Director.',
  ],
  [
    'canada-make-good',
    'agent',
    60,
    'You may decide up to CA$60 per case.',
    'Yes — you may decide. CA$59 is within your limit of CA$60 per case.',
    'Yes — you may decide. CA$60 is within your limit of CA$60 per case.',
    'No — CA$61 is above your limit of CA$60 per case. Escalate to Team lead, who may approve up to CA$250 per case.',
  ],
  [
    'canada-make-good',
    'lead',
    250,
    'You may decide up to CA$250 per case, then inform Centre manager.',
    'Yes — decide, then inform Centre manager. CA$249 is within your limit of CA$250 per case.',
    'Yes — decide, then inform Centre manager. CA$250 is within your limit of CA$250 per case.',
    'No — CA$251 is above your limit of CA$250 per case. Escalate to Centre manager.',
  ],
  ['rebook-delivery', 'agent', undefined, 'You may decide, with no monetary limit.', 'Yes — you may decide. You have no monetary limit on this decision.'],
  [
    'rebook-delivery',
    'driver',
    undefined,
    'You may decide, with no monetary limit, then inform Delivery supervisor.',
    'Yes — decide, then inform Delivery supervisor. You have no monetary limit on this decision.',
  ],
  ['rebook-delivery', 'supervisor', undefined, 'You may decide, with no monetary limit.', 'Yes — you may decide. You have no monetary limit on this decision.'],
  [
    'refund-without-receipt',
    'agent',
    50,
    'You may decide up to £50 per customer per day.',
    'Yes — you may decide. £49 is within your limit of £50 per customer per day.',
    'Yes — you may decide. £50 is within your limit of £50 per customer per day.',
    'No — £51 is above your limit of £50 per customer per day. Escalate to Team lead, who may approve up to £150 per customer per day.',
  ],
  [
    'refund-without-receipt',
    'lead',
    150,
    'You may decide up to £150 per customer per day.',
    'Yes — you may decide. £149 is within your limit of £150 per customer per day.',
    'Yes — you may decide. £150 is within your limit of £150 per customer per day.',
    'No — £151 is above your limit of £150 per customer per day. Escalate to Centre manager, who has no monetary limit on this decision.',
  ],
  [
    'refund-without-receipt',
    'manager',
    undefined,
    'Consult Director first, then decide, with no monetary limit.',
    'Consult Director first, then decide. You have no monetary limit on this decision.',
  ],
  [
    'waive-delivery-charge',
    'agent',
    50,
    'You may decide up to £50 per customer.',
    'Yes — you may decide. £49 is within your limit of £50 per customer.',
    'Yes — you may decide. £50 is within your limit of £50 per customer.',
    'No — £51 is above your limit of £50 per customer. Escalate to Team lead, who may approve up to £150 per customer.',
  ],
  [
    'waive-delivery-charge',
    'lead',
    150,
    'You may decide up to £150 per customer.',
    'Yes — you may decide. £149 is within your limit of £150 per customer.',
    'Yes — you may decide. £150 is within your limit of £150 per customer.',
    'No — £151 is above your limit of £150 per customer. Escalate to Centre manager.',
  ],
  [
    'waive-delivery-charge',
    'driver',
    20,
    'You may decide up to £20 per day.',
    'Yes — you may decide. £19 is within your limit of £20 per day.',
    'Yes — you may decide. £20 is within your limit of £20 per day.',
    'No — £21 is above your limit of £20 per day. Escalate to Delivery supervisor, who may approve up to £100 per day.',
  ],
  [
    'waive-delivery-charge',
    'supervisor',
    100,
    'You may decide up to £100 per day.',
    'Yes — you may decide. £99 is within your limit of £100 per day.',
    'Yes — you may decide. £100 is within your limit of £100 per day.',
    'No — £101 is above your limit of £100 per day. Escalate to Director.',
  ],
];

describe('the verdict for every grant of the fixture', () => {
  it('has a row for every grant of every published boundary, and for nothing else', () => {
    const grants = playbook.boundaries.flatMap((b) => b.grants.map((g) => `${b.id} ${g.role.id} ${g.authority === 'escalate' ? undefined : g.limit?.amount}`));
    expect(GRANTS.map(([decision, role, limit]) => `${decision} ${role} ${limit}`).sort()).toEqual(grants.sort());
  });

  for (const row of GRANTS) {
    const [decisionId, roleId, limit] = row;
    if (limit === undefined) {
      const [, , , none, any] = row as OpenRow;
      it(`${roleId} on ${decisionId}, no limit`, () => {
        expect(say({ roleId, decisionId })).toBe(none);
        expect(say({ roleId, decisionId, amount: 1_000_000 })).toBe(any);
      });
    } else {
      const [, , , none, below, at, above] = row as LimitedRow;
      it(`${roleId} on ${decisionId}, limit ${limit}`, () => {
        expect(say({ roleId, decisionId })).toBe(none);
        expect(say({ roleId, decisionId, amount: limit - 1 })).toBe(below);
        expect(say({ roleId, decisionId, amount: limit })).toBe(at);
        expect(say({ roleId, decisionId, amount: limit + 1 })).toBe(above);
      });
    }
  }
});

describe('verdicts', () => {
  it('names the kind, the limit and per, whom to inform or consult, and the boundary', () => {
    const lead = verdict({ data, roleId: 'lead', decisionId: 'goodwill-credit', amount: 100 })!;
    expect(lead).toMatchObject({
      kind: 'decide-and-inform',
      withinLimit: true,
      counterpart: { id: 'director', title: 'Director' },
      grant: { authority: 'decide-and-inform', limit: { amount: 250, currency: 'GBP' }, per: 'case' },
      amount: { amount: 100, currency: 'GBP' },
      path: '/boundaries/goodwill-credit/',
      escalation: undefined,
    });
    expect(verdict({ data, roleId: 'manager', decisionId: 'goodwill-credit' })).toMatchObject({ kind: 'consult', counterpart: { id: 'director' } });
    expect(verdict({ data, roleId: 'agent', decisionId: 'goodwill-credit', amount: 10 })).toMatchObject({ kind: 'decide', counterpart: undefined });
  });

  it('includes the guardrails of the decision', () => {
    expect(verdict({ data, roleId: 'agent', decisionId: 'goodwill-credit' })!.guardrails).toEqual([
      'One credit per problem.',
      'Never as a bargaining chip to stop a customer cancelling.',
    ]);
    expect(verdict({ data, roleId: 'agent', decisionId: 'damage-to-home', amount: 10 })!.guardrails).toHaveLength(2);
    expect(verdict({ data, roleId: 'agent', decisionId: 'rebook-delivery' })!.guardrails).toEqual([]);
  });

  it('goes past an approver whose limit is too low, to the first role whose limit covers the amount', () => {
    // agent £75 → team lead £250 (escalates to director by override) → director, no limit
    expect(say({ roleId: 'agent', decisionId: 'goodwill-credit', amount: 300 })).toBe(
      'No — £300 is above your limit of £75 per case. Escalate to Director, who has no monetary limit on this decision.',
    );
    const answer = verdict({ data, roleId: 'agent', decisionId: 'goodwill-credit', amount: 300 })!;
    expect(answer).toMatchObject({
      kind: 'over-limit',
      withinLimit: false,
      escalation: { to: { id: 'director' }, approves: { limit: undefined }, highest: false },
    });
    // an escalate grant with an amount above its approver's limit
    expect(say({ roleId: 'driver', decisionId: 'damage-to-home', amount: 600 })).toBe('Escalate to Director, who has no monetary limit on this decision.');
    expect(say({ roleId: 'driver', decisionId: 'damage-to-home', amount: 250 })).toBe('Escalate to Delivery supervisor, who may approve up to £250 per case.');
  });

  it('names the highest role on the ladder when no limit covers the amount', () => {
    expect(say({ roleId: 'agent', decisionId: 'waive-delivery-charge', amount: 500 })).toBe(
      'No — £500 is above your limit of £50 per customer. Escalate to Team lead, who may approve up to £150 per customer. No one higher on your ladder holds this decision.',
    );
    expect(verdict({ data, roleId: 'agent', decisionId: 'waive-delivery-charge', amount: 500 })!.escalation).toMatchObject({
      to: { id: 'lead' },
      highest: true,
    });
    expect(say({ roleId: 'driver', decisionId: 'canada-make-good', amount: 400 })).toBe(
      'No — CA$400 is above your limit of CA$40 per case. Escalate to Delivery supervisor, who may approve up to CA$150 per case. No one higher on your ladder holds this decision.',
    );
  });

  it('sends a role without a grant up its ladder to the first role that holds the decision', () => {
    expect(say({ roleId: 'driver', decisionId: 'goodwill-credit' })).toBe(
      'This decision is not in your playing field. Escalate to Director, who has no monetary limit on this decision.',
    );
    expect(say({ roleId: 'agent', decisionId: 'community-donation' })).toBe(
      'This decision is not in your playing field. Escalate to Centre manager, who may approve up to £200 per month.',
    );
    expect(say({ roleId: 'agent', decisionId: 'community-donation', amount: 150 })).toBe(
      'This decision is not in your playing field. Escalate to Centre manager, who may approve up to £200 per month.',
    );
    expect(say({ roleId: 'agent', decisionId: 'community-donation', amount: 300 })).toBe(
      'This decision is not in your playing field. Escalate to Director, who may approve up to £2,500 per year.',
    );
    expect(say({ roleId: 'lead', decisionId: 'community-donation', amount: 3000 })).toBe(
      'This decision is not in your playing field. Escalate to Director, who may approve up to £2,500 per year. No one higher on your ladder holds this decision.',
    );
    expect(verdict({ data, roleId: 'driver', decisionId: 'goodwill-credit' })).toMatchObject({ kind: 'no-grant', grant: undefined });
  });

  it('names the manager when nobody up the ladder holds the decision, and says "your manager" only at the top', () => {
    for (const [roleId, decisionId, manager] of [
      ['driver', 'ireland-goodwill', 'Delivery supervisor'],
      ['director', 'rebook-delivery', 'your manager'],
      ['manager', 'waive-delivery-charge', 'Director'],
    ] as const) {
      expect(say({ roleId, decisionId })).toBe(`This decision is not in your playing field: ask ${manager}.`);
      expect(say({ roleId, decisionId, amount: 10 })).toBe(`This decision is not in your playing field: ask ${manager}.`);
      expect(verdict({ data, roleId, decisionId })).toMatchObject({ kind: 'no-grant', escalation: undefined });
    }
  });

  it('compares only limits in the same currency', () => {
    // agent €85 → team lead £150: not comparable, so the team lead is named with its own limit
    expect(say({ roleId: 'agent', decisionId: 'ireland-goodwill', amount: 5000 })).toBe(
      'No — €5,000 is above your limit of €85 per case. Escalate to Team lead, who may approve up to £150 per case.',
    );
    expect(say({ roleId: 'lead', decisionId: 'ireland-goodwill', amount: 5000 })).toBe(
      'No — £5,000 is above your limit of £150 per case. Escalate to Centre manager, who may approve up to €1,000 per case.',
    );
    // an amount in another currency than the role's limit is not compared: the grant is described
    expect(say({ roleId: 'lead', decisionId: 'ireland-goodwill', amount: 5000, currency: 'EUR' })).toBe('You may decide up to £150 per case.');
    expect(verdict({ data, roleId: 'lead', decisionId: 'ireland-goodwill', amount: 5000, currency: 'EUR' })).toMatchObject({
      kind: 'decide',
      withinLimit: undefined,
    });
  });

  it('treats a missing, negative or unreadable amount as no amount', () => {
    for (const amount of [undefined, Number.NaN, -5, Number.POSITIVE_INFINITY]) {
      expect(say({ roleId: 'agent', decisionId: 'goodwill-credit', amount })).toBe('You may decide up to £75 per case.');
    }
    expect(say({ roleId: 'agent', decisionId: 'goodwill-credit', amount: 0 })).toBe('Yes — you may decide. £0 is within your limit of £75 per case.');
    expect(say({ roleId: 'agent', decisionId: 'goodwill-credit', amount: 75.5 })).toBe(
      'No — £75.50 is above your limit of £75 per case. Escalate to Team lead, who may approve up to £250 per case.',
    );
  });

  it('has no verdict for an unknown role or decision, nor for a retired or draft boundary', () => {
    for (const [roleId, decisionId] of [
      ['nobody', 'goodwill-credit'],
      ['agent', 'nothing'],
      ['agent', 'old-refund'],
      ['manager', 'trade-discount'],
      ['', ''],
    ]) {
      expect(verdict({ data, roleId: roleId!, decisionId: decisionId! })).toBeUndefined();
    }
  });
});

describe('the Amount field', () => {
  it("takes the currency and period of the role's limit, else of the role it escalates to, else the decision's", () => {
    expect(amountBasis(data, 'agent', 'refund-without-receipt')).toEqual({ currency: 'GBP', per: 'customer-day' });
    expect(amountBasis(data, 'lead', 'ireland-goodwill')).toEqual({ currency: 'GBP', per: 'case' });
    expect(amountBasis(data, 'agent', 'ireland-goodwill')).toEqual({ currency: 'EUR', per: 'case' });
    expect(amountBasis(data, 'driver', 'canada-make-good')).toEqual({ currency: 'CAD', per: 'case' });
    expect(amountBasis(data, 'agent', 'community-donation')).toEqual({ currency: 'GBP', per: 'month' });
    expect(amountBasis(data, 'driver', 'damage-to-home')).toEqual({ currency: 'GBP', per: 'case' });
    expect(amountBasis(data, '', 'canada-make-good')).toEqual({ currency: 'CAD', per: 'case' });
    expect(amountBasis(data, 'agent', 'rebook-delivery')).toEqual({ currency: 'GBP', per: 'case' });
    expect(amountBasis(data, '', '')).toEqual({ currency: 'GBP', per: 'case' });
    expect(verdict({ data, roleId: 'agent', decisionId: 'ireland-goodwill', amount: 10 })!.amount).toEqual({ amount: 10, currency: 'EUR' });
  });

  it('shows the currency symbol the locale uses', () => {
    expect(['GBP', 'EUR', 'CAD', 'USD'].map((c) => currencySymbol(c, 'en-GB'))).toEqual(['£', '€', 'CA$', 'US$']);
    expect(currencySymbol('USD', 'en-US')).toBe('$');
    expect(currencySymbol('XYZ!', 'en')).toBe('XYZ!');
  });
});

describe('helperData', () => {
  it('lists published boundaries only, in title order, and every published role', () => {
    expect(data.d.map(([id]) => id)).toEqual(playbook.boundaries.map((b) => b.id));
    expect(data.d.map(([id]) => id)).not.toContain('old-refund');
    expect(data.d.map(([id]) => id)).not.toContain('trade-discount');
    expect(JSON.stringify(data)).not.toMatch(/retired rules|secret trade discount/);
    expect(selectableRoles(data).map((r) => r.id)).toEqual(playbook.roles.map((r) => r.id));
  });

  it('is compact: roles by index, codes for authority and period, the common currency left out', () => {
    expect(data.l).toBe('en-GB');
    expect(data.c).toBe('GBP');
    const roleIndex = (id: string) => data.r.findIndex(([roleId]) => roleId === id);
    expect(data.r[roleIndex('agent')]).toEqual(['agent', 'Contact agent', roleIndex('lead'), 1]);
    expect(data.r[roleIndex('director')]).toEqual(['director', 'Director', -1, 1]);
    const goodwill = data.d.find(([id]) => id === 'goodwill-credit')!;
    expect(goodwill.slice(0, 6)).toEqual([
      'goodwill-credit',
      'Give a goodwill credit',
      'Goodwill credit',
      '/boundaries/goodwill-credit/',
      'Service recovery',
      ['One credit per problem.', 'Never as a bargaining chip to stop a customer cancelling.'],
    ]);
    expect(goodwill[6]).toEqual([
      [roleIndex('agent'), 0, 0, roleIndex('lead'), roleIndex('lead'), '', 75],
      [roleIndex('lead'), 1, 0, roleIndex('director'), roleIndex('director'), '', 250],
      [roleIndex('manager'), 2, 0, roleIndex('director'), roleIndex('director'), '', 1000],
      [roleIndex('director'), 0, 0, -1, -1, ''],
    ]);
    const canada = data.d.find(([id]) => id === 'canada-make-good')!;
    expect(canada[6][0]).toEqual([roleIndex('driver'), 0, 0, roleIndex('supervisor'), roleIndex('supervisor'), '', 40, 'CAD']);
    const refund = data.d.find(([id]) => id === 'refund-without-receipt')!;
    expect(refund[6][0]![2]).toBe(PERIOD_CODES.indexOf('customer-day'));
  });

  it('uses the same codes as the schema', () => {
    expect([...AUTHORITY_CODES]).toEqual([...AUTHORITIES]);
    expect([...PERIOD_CODES]).toEqual([...LIMIT_PERIODS]);
  });

  it('survives JSON in a <script> element: no "<" can close it, and it parses back unchanged', () => {
    const json = helperDataJson(data);
    expect(json).not.toContain('<');
    expect(json).toContain('\\u003c/script>');
    expect(JSON.parse(json)).toEqual(data);
    expect(helperDataJson({ ...data, l: 'a\u2028b' })).toContain('\\u2028');
  });

  it('leads a ladder past a retired role, and neither offers it nor sends anyone to it', () => {
    const model = modelOf({
      roles: {
        agent: { title: 'Agent', escalatesTo: 'lead' },
        lead: { title: 'Lead', escalatesTo: 'manager', status: 'retired' },
        manager: { title: 'Manager' },
      },
      boundaries: {
        refunds: boundary([
          { role: 'agent', authority: 'decide', limit: { amount: 50 } },
          { role: 'manager', authority: 'decide', limit: { amount: 500 } },
        ]),
      },
    });
    const small = helperData(model);
    expect(small.r.map(([id, , , selectable]) => `${id}:${selectable}`)).toEqual(['agent:1', 'manager:1']);
    expect(selectableRoles(small).map((r) => r.id)).toEqual(['agent', 'manager']);
    expect(say({ roleId: 'agent', decisionId: 'refunds', amount: 80 }, small)).toBe(
      'No — £80 is above your limit of £50 per case. Escalate to Manager, who may approve up to £500 per case.',
    );
  });

  it('never sends anyone to a retired role, whether a grant or a role names it', () => {
    const model = modelOf({
      roles: {
        agent: { title: 'Agent', escalatesTo: 'manager' },
        lead: { title: 'Lead', escalatesTo: 'manager', status: 'retired' },
        manager: { title: 'Manager' },
      },
      boundaries: {
        refunds: boundary([
          { role: 'agent', authority: 'escalate', escalateTo: 'lead' },
          { role: 'lead', authority: 'decide', limit: { amount: 100 } },
          { role: 'manager', authority: 'decide', limit: { amount: 500 } },
        ]),
      },
    });
    const small = helperData(model);
    expect(selectableRoles(small).map((r) => r.id)).toEqual(['agent', 'manager']);
    const verdict = say({ roleId: 'agent', decisionId: 'refunds', amount: 80 }, small);
    expect(verdict).not.toContain('Lead');
    expect(verdict).toContain('Manager');
  });

  it('writes money the way the playbook locale does', () => {
    const model = modelOf(
      {
        roles: { rep: { title: 'Rep', escalatesTo: 'boss' }, boss: { title: 'Boss' } },
        boundaries: {
          refunds: boundary([
            { role: 'rep', authority: 'decide', limit: { amount: 1000 } },
            { role: 'boss', authority: 'decide', limit: { amount: 5000 }, per: 'year' },
          ]),
        },
      },
      { name: 'US', currency: 'USD', locale: 'en-US' },
    );
    const us = helperData(model);
    expect(say({ roleId: 'rep', decisionId: 'refunds' }, us)).toBe('You may decide up to $1,000 per case.');
    expect(say({ roleId: 'rep', decisionId: 'refunds', amount: 1200.5 }, us)).toBe(
      'No — $1,200.50 is above your limit of $1,000 per case. Escalate to Boss, who may approve up to $5,000 per year.',
    );
  });
});

describe('the role × decision table and the Decision menu', () => {
  it('orders roles ladder by ladder, from the front line up', () => {
    expect(ladderOrder(data).map((r) => r.id)).toEqual(['agent', 'lead', 'manager', 'driver', 'supervisor', 'director']);
  });

  it('has a row per published decision and a cell per grant', () => {
    const table = decisionTable(data);
    expect(table.rows.map((row) => row.decision.id)).toEqual(data.d.map(([id]) => id));
    const damage = table.rows.find((row) => row.decision.id === 'damage-to-home')!;
    expect(damage.cells.map((cell) => cell && `${cell.authority} ${cell.limit?.amount ?? '-'} ${cell.escalateTo?.id ?? '-'}`)).toEqual([
      'escalate - supervisor',
      undefined,
      undefined,
      'escalate - supervisor',
      'decide 250 director',
      'decide - -',
    ]);
  });

  it('groups decisions by category, then by decision', () => {
    expect(decisionMenu(data).map((group) => `${group.category}: ${group.decisions.map((d) => d.id).join(', ')}`)).toEqual([
      'Community: community-donation',
      'Delivery: canada-make-good, damage-to-home, rebook-delivery, waive-delivery-charge',
      'Returns: refund-without-receipt',
      'Service recovery: goodwill-credit, ireland-goodwill',
    ]);
  });
});
