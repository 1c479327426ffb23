import { englishWords } from '../../../src/lib/languages/dictionary.ts';
import { describe, expect, it } from 'vitest';
import { isGap, ladderViews, limitsInWords, NO_CATEGORY } from '../../../src/lib/views/ladders.ts';
import { ladderHoldsInWords } from '../../../src/lib/words/grants.ts';
import { boundary, LADDER, modelOf } from '../../support/checked-content.ts';

describe('ladderViews', () => {
  const playbook = modelOf({
    roles: { ...LADDER, driver: { title: 'Driver', escalatesTo: 'manager' } },
    boundaries: {
      refunds: boundary(
        [
          { role: 'agent', authority: 'decide', limit: { amount: 50 } },
          { role: 'manager', authority: 'decide' },
        ],
        { category: 'billing' },
      ),
      credits: boundary(
        [
          { role: 'agent', authority: 'decide', limit: { amount: 20 } },
          { role: 'lead', authority: 'consult', limit: { amount: 100 } },
          { role: 'director', authority: 'decide-and-inform' },
        ],
        { title: 'Credits', category: 'billing' },
      ),
      fees: boundary(
        [
          { role: 'driver', authority: 'escalate', limit: { amount: 5 } },
          { role: 'manager', authority: 'decide' },
        ],
        { title: 'Fees' },
      ),
    },
  });
  const views = ladderViews(playbook, englishWords('en-GB'));

  it('draws every ladder top to bottom, named by its bottom role', () => {
    expect(views.map((v) => `${v.path}: ${v.steps.map((s) => s.title).join(' > ')}`)).toEqual([
      '/ladders/agent/: Director > Manager > Lead > Agent',
      '/ladders/driver/: Director > Manager > Driver',
    ]);
  });

  it('sums up the limit at each step per category, never per boundary', () => {
    const agent = views.find((v) => v.id === 'agent')!;
    expect(agent.categories.map((c) => [c.name, c.boundaries, ...c.cells.map((cell) => cell.words || '—')])).toEqual([
      ['billing', 2, 'no monetary limit', 'no monetary limit', 'up to £100 per case', 'up to £20–£50 per case'],
      [NO_CATEGORY, 1, '—', 'no monetary limit', '—', '—'],
    ]);
  });

  it("carries the validator's own ladder warnings to every ladder the role is on", () => {
    const lines = (id: string) => views.find((v) => v.id === id)!.warnings.map((w) => `${w.boundary.id}: ${w.finding.message}`);
    expect(lines('driver')).toEqual([
      'credits: grants[2].authority: director must inform someone, but has nobody above it',
      'fees: grants[0].limit: driver escalates every decision here, so this limit is never used',
    ]);
    expect(lines('agent')).toEqual(['credits: grants[2].authority: director must inform someone, but has nobody above it']);
    expect(views.find((v) => v.id === 'driver')!.categories.find((c) => c.name === NO_CATEGORY)!.warnings).toBe(1);
  });

  it('shows where authority stops below the top as a gap, not as "holds"', () => {
    const gapped = ladderViews(
      modelOf({
        roles: { ...LADDER },
        boundaries: {
          waive: boundary(
            [
              { role: 'agent', authority: 'decide', limit: { amount: 50 } },
              { role: 'lead', authority: 'decide', limit: { amount: 150 } },
            ],
            { category: 'delivery' },
          ),
          refunds: boundary(
            [
              { role: 'agent', authority: 'decide', limit: { amount: 50 } },
              { role: 'director', authority: 'decide' },
            ],
            { category: 'billing' },
          ),
        },
      }),
      englishWords('en-GB'),
    ).find((view) => view.id === 'agent')!;
    expect(gapped.warnings.filter(isGap).map((w) => `${w.boundary.id}: ${w.finding.message}`)).toEqual([
      'waive: grants[1]: authority stops at lead: no role above it (manager, director) holds this decision, so anything over £150 per case has nobody to approve it',
    ]);
    expect(gapped.categories.map((c) => `${c.name}: ${ladderHoldsInWords(c.warnings, c.gaps, englishWords('en-GB'))}`)).toEqual([
      'billing: Yes',
      'delivery: No: 1 gap',
    ]);
    expect(ladderHoldsInWords(3, 1, englishWords('en-GB'))).toBe('No: 1 gap (and 2 warnings)');
    expect(ladderHoldsInWords(2, 0, englishWords('en-GB'))).toBe('2 warnings');
  });

  it('is worked out once per model', () => {
    expect(ladderViews(playbook, englishWords('en-GB'))).toBe(views);
  });
});

describe('limitsInWords', () => {
  const g = (amount: number | undefined, extra: Record<string, unknown> = {}) => ({
    authority: 'decide',
    limit: amount === undefined ? undefined : { amount, currency: 'GBP' },
    per: 'case' as const,
    ...extra,
  });
  it('says a range, no limit, escalates, or that limits vary', () => {
    expect(limitsInWords([g(75)], englishWords('en-GB'))).toBe('up to £75 per case');
    expect(limitsInWords([g(75), g(20), g(undefined)], englishWords('en-GB'))).toBe('up to £20–£75 per case or no monetary limit');
    expect(limitsInWords([g(10, { per: 'day' }), g(20)], englishWords('en-GB'))).toBe('up to £10 per day or up to £20 per case');
    expect(limitsInWords([g(10, { per: 'day' }), g(20), g(5, { per: 'month' })], englishWords('en-GB'))).toBe('limits vary');
    expect(limitsInWords([g(undefined, { authority: 'escalate' })], englishWords('en-GB'))).toBe('escalates');
    expect(limitsInWords([], englishWords('en-GB'))).toBe('');
  });
});
