import { describe, expect, it } from 'vitest';
import { isPublic, publicEntries } from '../../src/lib/model/published.ts';
import { boundary, LADDER, modelOf, type ContentInput } from '../support/checked-content.ts';

const win = (date: string, extra: Record<string, unknown> = {}) => ({ title: `Win ${date}`, date, people: ['Ana'], values: ['care'], ...extra });

const example: ContentInput = {
  values: {
    care: { title: 'Care', summary: 'S', order: 2 },
    speed: { title: 'Speed', summary: 'S', order: 1 },
    secret: { title: 'Secret', summary: 'S', status: 'draft' },
  },
  roles: { ...LADDER },
  guidelines: {
    'first-fix': { title: 'Fix first', summary: 'S', owner: 'O', lastReviewed: '2025-01-01', values: ['care'], roles: ['agent'], boundaries: ['refunds'] },
  },
  boundaries: {
    refunds: boundary(
      [
        { role: 'agent', authority: 'decide', limit: { amount: 75 } },
        { role: 'lead', authority: 'escalate' },
        { role: 'manager', authority: 'decide-and-inform', limit: { amount: 500 } },
      ],
      { values: ['care'], changes: [{ date: '2026-03-01', summary: 'Agent limit from £40 to £75.' }] },
    ),
    old: boundary([{ role: 'agent', authority: 'decide' }], {
      title: 'Old way',
      status: 'retired',
      values: ['care'],
      changes: [{ date: '2026-05-01', summary: 'Retired.' }],
    }),
    hidden: boundary([{ role: 'agent', authority: 'decide' }], { title: 'Hidden', status: 'draft' }),
  },
  caseStudies: {
    ritz: {
      title: 'Ritz',
      summary: 'S',
      organisation: 'Ritz-Carlton',
      values: ['care'],
      boundaries: ['refunds'],
      sources: [{ title: 'A', url: 'https://example.com' }],
    },
  },
  wins: {
    a: win('2026-01-05', { role: 'agent', boundary: 'refunds', spent: { amount: 30 } }),
    b: win('2026-04-01', { role: 'agent', boundary: 'refunds' }),
    c: win('2025-12-24', { status: 'retired' }),
    d: win('2026-05-05', { status: 'draft', boundary: 'hidden' }),
  },
};

describe('the published model', () => {
  const playbook = modelOf(example);

  it('leaves drafts out everywhere and retired entries out of listings only', () => {
    expect(playbook.values.map((v) => v.id)).toEqual(['speed', 'care']);
    expect(playbook.boundaries.map((b) => b.id)).toEqual(['refunds']);
    expect(playbook.pages.boundaries.map((b) => b.id).sort()).toEqual(['old', 'refunds']);
    expect(playbook.pages.wins.map((w) => w.id)).toEqual(['b', 'a', 'c']);
    expect(playbook.wins.map((w) => w.id)).toEqual(['b', 'a']);
    expect(JSON.stringify(playbook.changes.map((c) => c.summary))).not.toContain('Retired.');
  });

  it('computes backlinks once, from published entries only', () => {
    const care = playbook.values.find((v) => v.id === 'care')!;
    expect(care.guidelines.map((g) => g.id)).toEqual(['first-fix']);
    expect(care.boundaries.map((b) => b.id)).toEqual(['refunds']);
    expect(care.caseStudies.map((c) => c.id)).toEqual(['ritz']);
    expect(care.wins.map((w) => w.id)).toEqual(['b', 'a']);
    const refunds = playbook.boundaries[0]!;
    expect(refunds.guidelines.map((g) => g.id)).toEqual(['first-fix']);
    expect(refunds.caseStudies.map((c) => c.id)).toEqual(['ritz']);
    expect(refunds.wins.map((w) => w.id)).toEqual(['b', 'a']);
  });

  it("resolves grants and money, and reads each boundary's ladder once", () => {
    const refunds = playbook.boundaries[0]!;
    const [agent, lead, manager] = refunds.grants;
    expect(agent!.limit).toEqual({ amount: 75, currency: 'GBP' });
    expect(agent!.escalateTo?.id).toBe('lead');
    // The ladder's indexes are the grants': the lead only escalates, so the manager is the one holder above the agent.
    expect(refunds.ladder.of('agent').holders.map((index) => refunds.grants[index]!.role.id)).toEqual(['manager']);
    expect(refunds.ladder.of('lead').holders.map((index) => refunds.grants[index]!.role.id)).toEqual(['manager']);
    expect(refunds.ladder.of('manager').holders).toEqual([]);
    expect(manager!.escalateTo?.id).toBe('director');
    expect(lead!.authority).toBe('escalate');
    expect(playbook.roleById.get('agent')?.title).toBe(playbook.roles.find((r) => r.id === 'agent')!.title);
    const agentRole = playbook.roles.find((r) => r.id === 'agent')!;
    expect(agentRole.grants.map((g) => g.boundary.id)).toEqual(['refunds']);
    expect(agentRole.chainAbove.map((r) => r.id)).toEqual(['lead', 'manager', 'director']);
    expect(playbook.roles.find((r) => r.id === 'lead')!.below.map((r) => r.id)).toEqual(['agent']);
    expect(agentRole.guidelines.map((g) => g.id)).toEqual(['first-fix']);
    expect(playbook.wins[1]!.spent).toEqual({ amount: 30, currency: 'GBP' });
  });

  it('lists changes newest first and due reviews most overdue first', () => {
    expect(playbook.changes.map((c) => `${c.date} ${c.boundary.id}`)).toEqual(['2026-03-01 refunds']);
    expect(playbook.dueForReview.map((r) => `${r.entry.id} ${r.review.dueOn} ${r.review.daysOverdue}`)).toEqual(['first-fix 2026-01-01 326']);
  });

  it('lists what falls due within 30 days, soonest first, apart from what is overdue', () => {
    const soon = modelOf({
      ...example,
      guidelines: {
        ...example.guidelines,
        later: { title: 'Later', summary: 'S', owner: 'O', lastReviewed: '2025-12-20' },
        sooner: { title: 'Sooner', summary: 'S', owner: 'O', lastReviewed: '2025-12-01' },
        'not-yet': { title: 'Not yet', summary: 'S', owner: 'O', lastReviewed: '2026-01-01' },
      },
    });
    expect(soon.reviewSoon.map((r) => `${r.entry.id} ${r.review.dueOn} in ${r.review.daysUntilDue}`)).toEqual([
      'sooner 2026-12-01 in 8',
      'later 2026-12-20 in 27',
    ]);
    expect(soon.dueForReview.map((r) => r.entry.id)).toEqual(['first-fix']);
  });

  it("works out what pages show: a win's grant, boundaries by id, guidelines for everyone, change anchors, entry kinds", () => {
    const refunds = playbook.boundaryById.get('refunds')!;
    expect(playbook.pages.wins.find((w) => w.id === 'a')!.grant).toBe(refunds.grants[0]);
    expect(playbook.pages.wins.find((w) => w.id === 'c')!.grant).toBeUndefined();
    expect(playbook.boundaryById.get('old')?.status).toBe('retired');
    expect(playbook.boundaryById.has('hidden')).toBe(false);
    expect(playbook.guidelinesForEveryone).toEqual([]);
    expect(refunds.history).toEqual([{ date: '2026-03-01', summary: 'Agent limit from £40 to £75.', anchor: 'change-2026-03-01' }]);
    expect(playbook.changes.map((c) => c.anchor)).toEqual(['change-2026-03-01']);
    expect([refunds.kind, playbook.caseStudies[0]!.kind, playbook.wins[0]!.kind]).toEqual(['Boundary', 'Case study', 'Win']);
  });

  it('passes on a customer only with their consent', () => {
    const model = modelOf({
      ...example,
      wins: {
        named: win('2026-02-01', { customer: { name: 'Mrs Patel', quote: 'Thank you', consent: true } }),
        unnamed: win('2026-02-02', { customer: { consent: false } }),
      },
    });
    expect(model.wins.map((w) => [w.id, w.customer?.name])).toEqual([
      ['unnamed', undefined],
      ['named', 'Mrs Patel'],
    ]);
    expect(model.wins.find((w) => w.id === 'unnamed')!.customer).toBeUndefined();
  });

  it('builds edit paths and site paths', () => {
    expect(playbook.boundaries[0]!.path).toBe('/boundaries/refunds/');
    expect(playbook.caseStudies[0]!.path).toBe('/case-studies/ritz/');
    expect(playbook.boundaries[0]!.file).toBe('boundaries/refunds.md');
  });
});

describe('the draft filter fails closed', () => {
  it.each([
    ['published', true],
    ['retired', true],
    ['draft', false],
    [undefined, false],
    ['Published', false],
    ['', false],
    [null, false],
  ])('%s → %s', (status, expected) => expect(isPublic(status)).toBe(expected));

  it('keeps order and drops anything not known to be public', () => {
    const entries = [{ data: { status: 'published' } }, { data: { status: 'draft' } }, { data: {} }, { data: { status: 'retired' } }];
    expect(publicEntries(entries)).toEqual([{ data: { status: 'published' } }, { data: { status: 'retired' } }]);
  });
});

describe('scale', () => {
  it('links 20,000 wins to their boundary and role without dropping any', () => {
    const wins: Record<string, Record<string, unknown>> = {};
    for (let i = 0; i < 20_000; i++) wins[`w-${i}`] = win(`2026-01-${String((i % 28) + 1).padStart(2, '0')}`, { role: 'agent', boundary: 'refunds' });
    const big = modelOf({ ...example, wins });
    expect(big.wins).toHaveLength(20_000);
    expect(big.boundaries[0]!.wins).toHaveLength(20_000);
    expect(big.roles.find((r) => r.id === 'agent')!.wins).toHaveLength(20_000);
  });
});
