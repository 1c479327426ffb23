/**
 * The "Can I…?" verdicts, as the words people read. Table-driven over every
 * grant of the fixture playbook (tests/fixtures/can-i): no amount, just
 * below, at and just above each limit, with the exact sentence expected.
 * Then the answers the build ships (decision/answers.ts, helper-data.ts)
 * and the one verdict function that reads them.
 */
import path from 'node:path';
import { englishWords } from '../../src/lib/languages/dictionary.ts';
import { describe, expect, it } from 'vitest';
import { AUTHORITIES, LIMIT_PERIODS } from '../../schemas/index.ts';
import { roleAnswers } from '../../src/lib/decision/answers.ts';
import { roleDecisionMenu } from '../../src/lib/decision/decision-menu.ts';
import { AUTHORITY_CODES, helperDataJson, helperIndex, PERIOD_CODES, roleHelperData, unpackAnswers } from '../../src/lib/decision/helper-data.ts';
import { bandText, currencySymbol, verdictText, whomToCall } from '../../src/lib/decision/verdict-text.ts';
import { amountBasis, bandFor, verdict, verdictBands, verdictOutcome, type DecisionAnswer } from '../../src/lib/decision/verdict.ts';
import type { Playbook } from '../../src/lib/model/types.ts';
import { loadModel } from '../support/load-model.ts';
import { boundary, modelOf } from '../support/checked-content.ts';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/can-i');

const playbook = await loadModel(FIXTURE);

/** A role's answer on a decision, as the build works it out. */
function answerOf(roleId: string, decisionId: string, from: Playbook<unknown> = playbook): DecisionAnswer | undefined {
  return roleAnswers(from, roleId)?.find((answer) => answer.decision.id === decisionId);
}

interface Query {
  roleId: string;
  decisionId: string;
  amount?: number;
  currency?: string;
}

const say = ({ roleId, decisionId, amount, currency }: Query, from: Playbook<unknown> = playbook) =>
  verdictText(verdict(answerOf(roleId, decisionId, from)!, amount, currency), englishWords(from.settings.locale));

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
    'Delivery supervisor may approve up to £250 per case; £1,000,000 goes to Director, who has no monetary limit on this decision.',
  ],
  [
    'damage-to-home',
    'agent',
    undefined,
    'Escalate to Delivery supervisor, who may approve up to £250 per case.',
    'Delivery supervisor may approve up to £250 per case; £1,000,000 goes to Director, who has no monetary limit on this decision.',
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
    'No — £2,501 is above your limit of £2,500 per year. The playbook does not cover £2,501 here: no one up your ladder may approve more than you. Ask Customer operations, who answers for this decision.',
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
    'No — €1,001 is above your limit of €1,000 per case. The playbook does not cover €1,001 here: no one up your ladder may approve more than you. Ask Customer operations, who answers for this decision.',
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
    'No — CA$151 is above your limit of CA$150 per case. The playbook does not cover CA$151 here: no one up your ladder may approve more than you. Ask Customer operations, who answers for this decision.',
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
    'No — CA$251 is above your limit of CA$250 per case. The playbook does not cover CA$251 here: no one up your ladder may approve more than you. Ask Customer operations, who answers for this decision.',
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
    'No — £151 is above your limit of £150 per customer. The playbook does not cover £151 here: no one up your ladder may approve more than you. Ask Customer operations, who answers for this decision.',
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
    'No — £101 is above your limit of £100 per day. The playbook does not cover £101 here: no one up your ladder may approve more than you. Ask Customer operations, who answers for this decision.',
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
    const lead = verdict(answerOf('lead', 'goodwill-credit')!, 100);
    expect(lead).toMatchObject({
      kind: 'decide-and-inform',
      withinLimit: true,
      counterpart: { id: 'director', title: 'Director' },
      answer: { own: { authority: 'decide-and-inform', limit: { amount: 250, currency: 'GBP' }, per: 'case' } },
      amount: { amount: 100, currency: 'GBP' },
      decision: { path: '/boundaries/goodwill-credit/', owner: 'Customer operations' },
      approver: undefined,
      beyond: false,
    });
    expect(verdict(answerOf('manager', 'goodwill-credit')!)).toMatchObject({ kind: 'consult', counterpart: { id: 'director' } });
    expect(verdict(answerOf('agent', 'goodwill-credit')!, 10)).toMatchObject({ kind: 'decide', counterpart: undefined });
  });

  it('includes the guardrails of the decision', () => {
    expect(answerOf('agent', 'goodwill-credit')!.decision.guardrails).toEqual([
      'One credit per problem.',
      'Never as a bargaining chip to stop a customer cancelling.',
    ]);
    expect(answerOf('agent', 'damage-to-home')!.decision.guardrails).toHaveLength(2);
    expect(answerOf('agent', 'rebook-delivery')!.decision.guardrails).toEqual([]);
  });

  it('goes past a holder whose limit is too low to the first whose limit covers the amount, and names the one met first', () => {
    // agent £75 → team lead £250 (escalates to director by override) → director, no limit
    expect(say({ roleId: 'agent', decisionId: 'goodwill-credit', amount: 300 })).toBe(
      'No — £300 is above your limit of £75 per case. Team lead may approve up to £250 per case; £300 goes to Director, who has no monetary limit on this decision.',
    );
    expect(verdict(answerOf('agent', 'goodwill-credit')!, 300)).toMatchObject({
      kind: 'over-limit',
      withinLimit: false,
      approver: { role: { id: 'director' }, limit: undefined },
      callFirst: { role: { id: 'lead' } },
      beyond: false,
    });
    // an escalate grant with an amount above the first holder's limit
    expect(say({ roleId: 'driver', decisionId: 'damage-to-home', amount: 600 })).toBe(
      'Delivery supervisor may approve up to £250 per case; £600 goes to Director, who has no monetary limit on this decision.',
    );
    expect(say({ roleId: 'driver', decisionId: 'damage-to-home', amount: 250 })).toBe('Escalate to Delivery supervisor, who may approve up to £250 per case.');
  });

  it("never sends anyone to a role that cannot approve the amount: beyond the last holder, the boundary's owner answers", () => {
    expect(say({ roleId: 'agent', decisionId: 'waive-delivery-charge', amount: 500 })).toBe(
      'No — £500 is above your limit of £50 per customer. The playbook does not cover £500 here: no one up your ladder may approve more than £150 per customer (Team lead). Ask Customer operations, who answers for this decision.',
    );
    expect(verdict(answerOf('agent', 'waive-delivery-charge')!, 500)).toMatchObject({ approver: undefined, beyond: true, highest: { role: { id: 'lead' } } });
    expect(say({ roleId: 'driver', decisionId: 'canada-make-good', amount: 400 })).toBe(
      'No — CA$400 is above your limit of CA$40 per case. The playbook does not cover CA$400 here: no one up your ladder may approve more than CA$150 per case (Delivery supervisor). Ask Customer operations, who answers for this decision.',
    );
    // The same words on every path: the role's own band above the top says so too.
    const bands = verdictBands(answerOf('agent', 'waive-delivery-charge')!);
    expect(bands.map((band) => bandText(band, bands, englishWords('en-GB')))).toEqual([
      'Up to £50 per customer: you decide',
      'Up to £150 per customer: goes to Team lead',
      'Over £150 per customer: not covered, ask Customer operations',
    ]);
    expect(whomToCall(verdict(answerOf('agent', 'waive-delivery-charge')!, 500), englishWords('en-GB'))).toEqual([
      { owner: 'Customer operations', words: 'answers for this decision' },
    ]);
  });

  it('sends a role without a grant up its ladder to the first role whose authority covers the amount', () => {
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
      'This decision is not in your playing field. Centre manager may approve up to £200 per month; £300 goes to Director, who may approve up to £2,500 per year.',
    );
    expect(say({ roleId: 'lead', decisionId: 'community-donation', amount: 3000 })).toBe(
      'This decision is not in your playing field. The playbook does not cover £3,000 here: no one up your ladder may approve more than £2,500 per year (Director). Ask Customer operations, who answers for this decision.',
    );
    expect(verdict(answerOf('driver', 'goodwill-credit')!)).toMatchObject({ kind: 'no-grant', answer: { own: undefined } });
  });

  it('offers a decision that comes up from a role just below, and says the truth when nobody above holds it', () => {
    // The centre manager holds nothing on waiving a delivery charge; the team lead below does.
    expect(answerOf('manager', 'waive-delivery-charge')).toMatchObject({ group: 'comes-up', own: undefined, holders: [] });
    expect(say({ roleId: 'manager', decisionId: 'waive-delivery-charge', amount: 10 })).toBe(
      'This decision comes up to you, but it is not in your playing field. The playbook does not cover this: no one up your ladder holds this decision. Ask Customer operations, who answers for this decision.',
    );
    // A decision nobody on a role's ladder holds, and none below brings up, is not the role's to ask about.
    expect(answerOf('driver', 'ireland-goodwill')).toBeUndefined();
    expect(answerOf('director', 'goodwill-credit')).toMatchObject({ group: 'own' });
    expect(answerOf('director', 'rebook-delivery')).toMatchObject({ group: 'comes-up', holders: [] });
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
    expect(verdict(answerOf('lead', 'ireland-goodwill')!, 5000, 'EUR')).toMatchObject({ kind: 'decide', withinLimit: undefined });
  });

  it('says when an amount is left out because it is negative or not a number, and treats no amount as none', () => {
    expect(say({ roleId: 'agent', decisionId: 'goodwill-credit' })).toBe('You may decide up to £75 per case.');
    expect(say({ roleId: 'agent', decisionId: 'goodwill-credit', amount: -5 })).toBe(
      'An amount cannot be negative, so it was left out: type what the decision would cost, such as 80. You may decide up to £75 per case.',
    );
    for (const amount of [Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(say({ roleId: 'agent', decisionId: 'goodwill-credit', amount })).toBe(
        'That amount is not a number, so it was left out: type digits only, such as 80 or 80.50. You may decide up to £75 per case.',
      );
    }
    expect(say({ roleId: 'agent', decisionId: 'goodwill-credit', amount: 0 })).toBe('Yes — you may decide. £0 is within your limit of £75 per case.');
    expect(say({ roleId: 'agent', decisionId: 'goodwill-credit', amount: 75.5 })).toBe(
      'No — £75.50 is above your limit of £75 per case. Escalate to Team lead, who may approve up to £250 per case.',
    );
  });

  it('has no answers for an unknown role, and none on a retired or draft boundary', () => {
    expect(roleAnswers(playbook, 'nobody')).toBeUndefined();
    for (const roleId of ['agent', 'manager']) {
      const ids = roleAnswers(playbook, roleId)!.map((answer) => answer.decision.id);
      expect(ids).not.toContain('old-refund');
      expect(ids).not.toContain('trade-discount');
    }
  });
});

describe('bands: the verdict for every amount', () => {
  it('reads the same as the verdict at every amount, both sides of every limit', () => {
    for (const role of playbook.roles) {
      for (const answer of roleAnswers(playbook, role.id)!) {
        const bands = verdictBands(answer);
        const limits = [answer.own, ...answer.holders].flatMap((terms) => (terms?.limit ? [terms.limit.amount] : []));
        for (const amount of [0, 1, ...limits.flatMap((limit) => [limit - 0.01, limit, limit + 0.01]), 1e9]) {
          if (amount < 0) continue;
          const currency = amountBasis(answer).currency;
          expect(verdictOutcome(bandFor(bands, amount).verdict), `${role.id} ${answer.decision.id} ${amount}`).toBe(
            verdictOutcome(verdict(answer, amount, currency)),
          );
        }
      }
    }
  });

  it('says "Any amount" when no limit applies', () => {
    const bands = verdictBands(answerOf('director', 'goodwill-credit')!);
    expect(bands.map((band) => bandText(band, bands, englishWords('en-GB')))).toEqual(['Any amount: you decide']);
  });
});

describe('the Amount field', () => {
  it("takes the currency and period of the role's limit, else of the first holder above with one, else the playbook's", () => {
    const basis = (roleId: string, decisionId: string) => amountBasis(answerOf(roleId, decisionId), 'GBP');
    expect(basis('agent', 'refund-without-receipt')).toEqual({ currency: 'GBP', per: 'customer-day' });
    expect(basis('lead', 'ireland-goodwill')).toEqual({ currency: 'GBP', per: 'case' });
    expect(basis('agent', 'ireland-goodwill')).toEqual({ currency: 'EUR', per: 'case' });
    expect(basis('driver', 'canada-make-good')).toEqual({ currency: 'CAD', per: 'case' });
    expect(basis('agent', 'community-donation')).toEqual({ currency: 'GBP', per: 'month' });
    expect(basis('driver', 'damage-to-home')).toEqual({ currency: 'GBP', per: 'case' });
    expect(basis('agent', 'rebook-delivery')).toEqual({ currency: 'GBP', per: 'case' });
    expect(amountBasis(undefined, 'GBP')).toEqual({ currency: 'GBP', per: 'case' });
    expect(verdict(answerOf('agent', 'ireland-goodwill')!, 10).amount).toEqual({ amount: 10, currency: 'EUR' });
  });

  it('shows the currency symbol the locale uses', () => {
    expect(['GBP', 'EUR', 'CAD', 'USD'].map((c) => currencySymbol(c, 'en-GB'))).toEqual(['£', '€', 'CA$', 'US$']);
    expect(currencySymbol('USD', 'en-US')).toBe('$');
    expect(currencySymbol('XYZ!', 'en')).toBe('XYZ!');
  });
});

describe('the helper data the browser receives', () => {
  it("offers every published role, and ships each one its answers, which unpack to exactly the build's", () => {
    expect(helperIndex(playbook).r.map(([id]) => id)).toEqual(playbook.roles.map((r) => r.id));
    for (const role of playbook.roles) {
      const data = roleHelperData(playbook, role.id)!;
      const shipped = unpackAnswers(JSON.parse(helperDataJson(data)) as typeof data);
      expect(JSON.parse(JSON.stringify(shipped)), role.id).toEqual(JSON.parse(JSON.stringify(roleAnswers(playbook, role.id))));
      expect(JSON.stringify(data)).not.toMatch(/retired rules|secret trade discount/);
    }
    expect(roleHelperData(playbook, 'nobody')).toBeUndefined();
  });

  it('is compact: roles by index (the role first), codes for authority, period and group, the common currency left out', () => {
    const data = roleHelperData(playbook, 'agent')!;
    expect(data.l).toBe('en-GB');
    expect(data.c).toBe('GBP');
    expect(data.r[0]).toEqual(['agent', 'Contact agent']);
    const at = (id: string) => data.r.findIndex(([roleId]) => roleId === id);
    const goodwill = data.d.find(([id]) => id === 'goodwill-credit')!;
    expect(goodwill).toEqual([
      'goodwill-credit',
      'Give a goodwill credit',
      'Goodwill credit',
      '/boundaries/goodwill-credit/',
      'Service recovery',
      ['One credit per problem.', 'Never as a bargaining chip to stop a customer cancelling.'],
      'Customer operations',
      0,
      at('lead'),
      [0, 0, 0, '', 75],
      [
        [at('lead'), 1, 0, '', 250],
        [at('director'), 0, 0, ''],
      ],
    ]);
    const canada = data.d.find(([id]) => id === 'canada-make-good')!;
    expect(canada[9]).toEqual([0, 0, 0, '', 60, 'CAD']);
    const refund = data.d.find(([id]) => id === 'refund-without-receipt')!;
    expect((refund[9] as number[])[2]).toBe(PERIOD_CODES.indexOf('customer-day'));
  });

  it('uses the same codes as the schema', () => {
    expect([...AUTHORITY_CODES]).toEqual([...AUTHORITIES]);
    expect([...PERIOD_CODES]).toEqual([...LIMIT_PERIODS]);
  });

  it('survives JSON in a <script> element: no "<" can close it, and it parses back unchanged', () => {
    const data = roleHelperData(playbook, 'agent')!;
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
          { role: 'lead', authority: 'decide', limit: { amount: 100 } },
          { role: 'manager', authority: 'decide', limit: { amount: 500 } },
        ]),
      },
    });
    expect(helperIndex(model).r.map(([id]) => id)).toEqual(['agent', 'manager']);
    expect(say({ roleId: 'agent', decisionId: 'refunds', amount: 80 }, model)).toBe(
      'No — £80 is above your limit of £50 per case. Escalate to Manager, who may approve up to £500 per case.',
    );
    expect(JSON.stringify(roleHelperData(model, 'agent'))).not.toContain('Lead');
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
    const said = say({ roleId: 'agent', decisionId: 'refunds', amount: 80 }, model);
    expect(said).toBe('Escalate to Manager, who may approve up to £500 per case.');
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
    expect(say({ roleId: 'rep', decisionId: 'refunds' }, model)).toBe('You may decide up to $1,000 per case.');
    expect(say({ roleId: 'rep', decisionId: 'refunds', amount: 1200.5 }, model)).toBe(
      'No — $1,200.50 is above your limit of $1,000 per case. Escalate to Boss, who may approve up to $5,000 per year.',
    );
  });
});

describe('the Decision menu', () => {
  it("lists the role's own decisions, then those that come up to it, then those up its ladder, each by category then decision", () => {
    const group = (answers: DecisionAnswer[]) => answers.map((answer) => answer.decision.id);
    const lead = roleDecisionMenu(roleAnswers(playbook, 'lead')!);
    expect(group(lead.own)).toEqual(
      ['community-donation', 'canada-make-good', 'waive-delivery-charge', 'refund-without-receipt', 'goodwill-credit', 'ireland-goodwill'].filter((id) =>
        lead.own.some((a) => a.decision.id === id),
      ),
    );
    const manager = roleDecisionMenu(roleAnswers(playbook, 'manager')!);
    expect(group(manager.comesUp)).toContain('waive-delivery-charge');
    const driver = roleDecisionMenu(roleAnswers(playbook, 'driver')!);
    expect(group(driver.own)).toEqual(['canada-make-good', 'damage-to-home', 'rebook-delivery', 'waive-delivery-charge']);
    expect(group(driver.other)).toEqual(['community-donation', 'goodwill-credit']);
  });
});
