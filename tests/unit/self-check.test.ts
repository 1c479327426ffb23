/** Issue 18: a role's self-check, its score and what the device keeps. */
import { describe, expect, it } from 'vitest';
import { CHECK_QUESTIONS, checkScore, checkStorageKey, readProgress, roleCheck, saveProgress, type CheckStorage } from '../../src/lib/decision/self-check.ts';
import { englishWords } from '../../src/lib/languages/dictionary.ts';
import { boundary, LADDER, modelOf } from '../support/checked-content.ts';

const GRANTS = [
  { role: 'agent', authority: 'decide', limit: { amount: 50 } },
  { role: 'lead', authority: 'decide', limit: { amount: 150 } },
];
const SCENARIOS = [
  { situation: 'A £40 refund.', role: 'agent', amount: 40, answer: 'decide', explain: 'Within your limit.' },
  { situation: 'A £90 refund.', role: 'agent', amount: 90, answer: 'escalate' },
  { situation: 'A £90 refund for the lead.', role: 'lead', amount: 90, answer: 'decide' },
  { situation: 'Cash.', role: 'agent', answer: 'not-allowed' },
];

function memory(): CheckStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return { items, getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value), removeItem: (key) => void items.delete(key) };
}

describe('roleCheck', () => {
  const playbook = modelOf({
    roles: { ...LADDER },
    boundaries: {
      refunds: boundary(GRANTS, { scenarios: SCENARIOS, guardrails: ['Never in cash.'] }),
      other: boundary([{ role: 'director', authority: 'decide' }], { title: 'Other', scenarios: [{ situation: 'x', role: 'director', answer: 'decide' }] }),
    },
  });

  it("asks a role only its own scenarios, with the verdict's own words as the reason and the boundary's link", () => {
    const questions = roleCheck(playbook, 'agent', englishWords('en-GB'));
    expect(questions.map((q) => [q.key, q.answer, q.reason, q.boundary.path])).toEqual([
      ['refunds:0', 'decide', 'Yes — you may decide. £40 is within your limit of £50 per case.', '/boundaries/refunds/'],
      ['refunds:1', 'escalate', expect.stringMatching(/^No — £90 is above your limit of £50 per case\. .*Lead/), '/boundaries/refunds/'],
      ['refunds:3', 'not-allowed', 'Not allowed, whatever the amount: a guardrail of this boundary applies.', '/boundaries/refunds/'],
    ]);
    expect(questions[0]!.explain).toBe('Within your limit.');
    expect(questions[2]!.guardrails).toEqual(['Never in cash.']);
    expect(roleCheck(playbook, 'lead', englishWords('en-GB')).map((q) => q.key)).toEqual(['refunds:2']);
    expect(roleCheck(playbook, 'nobody', englishWords('en-GB'))).toEqual([]);
  });

  it('asks at most CHECK_QUESTIONS, however many boundaries the role meets', () => {
    const many = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`b-${i}`, boundary(GRANTS, { title: `B ${i}`, scenarios: SCENARIOS.slice(0, 2) })]));
    const big = modelOf({ roles: { ...LADDER }, boundaries: many });
    expect(roleCheck(big, 'agent', englishWords('en-GB'))).toHaveLength(CHECK_QUESTIONS);
  });
});

describe('score and progress', () => {
  const questions = [
    { key: 'a:0', answer: 'decide' as const },
    { key: 'a:1', answer: 'escalate' as const },
    { key: 'b:0', answer: 'not-allowed' as const },
  ];

  it('counts right answers and misses, and points at the first question not answered', () => {
    expect(checkScore(questions, {})).toEqual({ right: 0, answered: 0, total: 3, missed: [], next: 0 });
    expect(checkScore(questions, { 'a:0': 'decide', 'a:1': 'decide' })).toEqual({ right: 1, answered: 2, total: 3, missed: ['a:1'], next: 2 });
    expect(checkScore(questions, { 'a:0': 'decide', 'a:1': 'escalate', 'b:0': 'escalate' }).next).toBeUndefined();
  });

  it('keeps progress per site and role on the device, forgets it on start again, and survives bad storage', () => {
    const storage = memory();
    const key = checkStorageKey('/playbook/', 'agent');
    expect(key).toBe('latitude:/playbook/:check:agent');
    saveProgress(storage, key, { 'a:0': 'decide' });
    expect(readProgress(storage, key)).toEqual({ 'a:0': 'decide' });
    saveProgress(storage, key, {});
    expect(storage.items.has(key)).toBe(false);
    storage.setItem(key, '{"a:0":"shout","a:1":"escalate"}');
    expect(readProgress(storage, key)).toEqual({ 'a:1': 'escalate' });
    storage.setItem(key, 'not json');
    expect(readProgress(storage, key)).toEqual({});
    expect(readProgress(undefined, key)).toEqual({});
  });
});
