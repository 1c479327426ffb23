/** The one ladder module (src/lib/domain/ladder.ts): the walk, the roles' ladder and a decision's. */
import { describe, expect, it } from 'vitest';
import { covers, decisionLadder, escalationCycles, firstCovering, rolesAbove, walkUp, type LadderGrant, type LadderRole } from '../../src/lib/domain/ladder.ts';

const ladder = (links: Record<string, string | undefined>) => new Map(Object.entries(links).map(([id, escalatesTo]) => [id, { escalatesTo }]));

describe('walkUp', () => {
  it('walks from the start to the top', () => {
    const roles = ladder({ agent: 'lead', lead: 'manager', manager: undefined });
    expect([...walkUp<string>('agent', (id) => roles.get(id)?.escalatesTo)]).toEqual(['agent', 'lead', 'manager']);
  });

  it('stops before repeating a step, so a cycle ends the walk', () => {
    const roles = ladder({ agent: 'lead', lead: 'manager', manager: 'agent' });
    expect([...walkUp<string>('lead', (id) => roles.get(id)?.escalatesTo)]).toEqual(['lead', 'manager', 'agent']);
  });

  it('compares steps by key, and skips what is marked visited already', () => {
    const top = { id: 'top', up: undefined as unknown };
    const copyOfTop = { id: 'top', up: undefined };
    const middle = { id: 'middle', up: copyOfTop };
    const bottom = { id: 'bottom', up: middle };
    top.up = bottom;
    type Step = { id: string; up: unknown };
    const up = (step: Step) => step.up as Step | undefined;
    expect([...walkUp<Step>(bottom, up, (step) => step.id)].map((step) => step.id)).toEqual(['bottom', 'middle', 'top']);
    expect([...walkUp<Step>(bottom, up, (step) => step.id, new Set(['middle']))].map((step) => step.id)).toEqual(['bottom']);
  });
});

describe('the roles ladder', () => {
  it('lists the roles above, nearest first, and never the role itself', () => {
    const roles = ladder({ agent: 'lead', lead: 'manager', manager: 'agent' });
    expect(rolesAbove('agent', roles)).toEqual(['lead', 'manager']);
  });

  it('finds each cycle once, from its alphabetically first role', () => {
    expect(escalationCycles(ladder({ c: 'a', a: 'b', b: 'c', d: 'a', e: undefined }))).toEqual([['a', 'b', 'c']]);
  });
});

describe("a decision's ladder", () => {
  // associate → lead → manager (retired) → regional → head; agent → senior → lead
  const roles = new Map<string, LadderRole>([
    ['associate', { escalatesTo: 'lead' }],
    ['lead', { escalatesTo: 'manager' }],
    ['manager', { escalatesTo: 'regional', status: 'retired' }],
    ['regional', { escalatesTo: 'head' }],
    ['head', {}],
    ['agent', { escalatesTo: 'senior' }],
    ['senior', { escalatesTo: 'lead' }],
  ]);
  const grants: (LadderGrant & { limit?: { amount: number; currency: string } })[] = [
    { role: 'associate', authority: 'decide', limit: { amount: 50, currency: 'GBP' } },
    { role: 'lead', authority: 'decide', limit: { amount: 150, currency: 'GBP' } },
    { role: 'manager', authority: 'decide', limit: { amount: 500, currency: 'GBP' } },
    { role: 'regional', authority: 'consult' },
    { role: 'agent', authority: 'escalate', escalateTo: 'regional' },
    { role: 'senior', authority: 'escalate' },
  ];
  const decision = decisionLadder(grants, roles);

  it('gives each role its grant, the path up, the next role in place and the holders above, nearest first', () => {
    expect(decision.of('associate')).toEqual({ role: 'associate', own: 0, above: ['lead', 'manager', 'regional', 'head'], next: 'lead', holders: [1, 3] });
    // A retired role holds nothing and is never next: the lead's next is past it.
    expect(decision.of('lead')).toMatchObject({ own: 1, next: 'regional', holders: [3] });
    expect(decision.of('manager')).toMatchObject({ own: undefined, next: 'regional', holders: [3] });
    expect(decision.of('head')).toEqual({ role: 'head', own: undefined, above: [], next: undefined, holders: [] });
  });

  it("follows a grant's own escalateTo, and passes over roles that only escalate", () => {
    expect(decision.of('agent')).toMatchObject({ own: 4, above: ['regional', 'head'], next: 'regional', holders: [3] });
    expect(decision.of('senior')).toMatchObject({ own: 5, above: ['lead', 'manager', 'regional', 'head'], holders: [1, 3] });
    // A role with no grant, below the senior agent who only escalates.
    expect(decision.of('unknown').above).toEqual([]);
  });

  it('finds where authority stops below the top: a limited topmost grant, or one that only escalates, with roles in place above', () => {
    const gaps = decisionLadder(
      [
        { role: 'associate', authority: 'decide', limit: { amount: 50 } },
        { role: 'lead', authority: 'decide', limit: { amount: 150 } },
        { role: 'agent', authority: 'escalate' },
        { role: 'head', authority: 'decide', limit: { amount: 900 } },
      ],
      new Map<string, LadderRole>([...roles, ['senior', { escalatesTo: 'regional' }], ['regional', { escalatesTo: undefined }]]),
    );
    expect(gaps.gaps()).toEqual([1, 2]);
  });

  it('finds the circles of its own path', () => {
    const circle = decisionLadder(
      [
        { role: 'associate', authority: 'escalate' },
        { role: 'lead', authority: 'escalate', escalateTo: 'associate' },
      ],
      roles,
    );
    expect(circle.circles()).toEqual([['associate', 'lead']]);
    expect(circle.of('associate').above).toEqual(['lead']);
  });

  it('picks, for an amount, the first holder whose limit covers it or may (another currency; no amount)', () => {
    const holders = [{ limit: { amount: 150, currency: 'GBP' } }, { limit: { amount: 500, currency: 'GBP' } }, { limit: undefined }];
    expect(firstCovering(holders, { amount: 150, currency: 'GBP' })).toBe(holders[0]);
    expect(firstCovering(holders, { amount: 150.01, currency: 'GBP' })).toBe(holders[1]);
    expect(firstCovering(holders, { amount: 9000, currency: 'GBP' })).toBe(holders[2]);
    expect(firstCovering(holders.slice(0, 2), { amount: 9000, currency: 'GBP' })).toBeUndefined();
    expect(firstCovering(holders, { amount: 9000, currency: 'EUR' })).toBe(holders[0]);
    expect(firstCovering(holders, undefined)).toBe(holders[0]);
    expect(covers({ amount: 5, currency: 'GBP' }, { amount: 5, currency: 'GBP' })).toBe(true);
  });
});
