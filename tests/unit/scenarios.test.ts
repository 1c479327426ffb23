/** Issue 18: training scenarios are checked with the "Can I…?" verdict itself. */
import { describe, expect, it } from 'vitest';
import { roleAnswers } from '../../src/lib/decision/answers.ts';
import { grantedAnswer, scenarioVerdict } from '../../src/lib/decision/scenarios.ts';
import { checkScenarios } from '../../src/lib/rules/scenarios.ts';
import { checkReferences } from '../../src/lib/rules/references.ts';
import { boundary, checkedContent, LADDER, modelOf } from '../support/checked-content.ts';

const GRANTS = [
  { role: 'agent', authority: 'decide', limit: { amount: 50 } },
  { role: 'lead', authority: 'consult', limit: { amount: 150 } },
  { role: 'manager', authority: 'decide-and-inform', limit: { amount: 500 } },
];
const messages = (scenarios: Record<string, unknown>[], grants: Record<string, unknown>[] = GRANTS, extra: Record<string, unknown> = {}) =>
  checkScenarios(checkedContent({ roles: { ...LADDER }, boundaries: { refunds: boundary(grants, { scenarios, ...extra }) } })).map(
    (finding) => `${finding.rule} ${finding.path.join('.')}: ${finding.message}`,
  );

describe('scenarios', () => {
  it('accepts scenarios that agree with the grants, on both sides of each limit', () => {
    expect(
      messages([
        { situation: 'a', role: 'agent', amount: 50, answer: 'decide' },
        { situation: 'b', role: 'agent', amount: 51, answer: 'escalate' },
        { situation: 'c', role: 'lead', amount: 150, answer: 'consult' },
        { situation: 'd', role: 'manager', amount: { amount: 500, currency: 'GBP' }, answer: 'decide-and-inform' },
        { situation: 'e', role: 'manager', amount: 501, answer: 'escalate' },
        { situation: 'g', role: 'agent', answer: 'decide' },
      ]),
    ).toEqual([]);
  });

  it('says what the grants give instead, in each of the verdict’s kinds', () => {
    expect(
      messages([
        { situation: 'a', role: 'agent', amount: 40, answer: 'escalate' },
        { situation: 'b', role: 'lead', amount: 100, answer: 'decide' },
        { situation: 'c', role: 'manager', amount: 200, answer: 'decide' },
        { situation: 'd', role: 'agent', amount: 120, answer: 'decide' },
        { situation: 'e', role: 'manager', amount: 900, answer: 'decide-and-inform' },
        { situation: 'f', role: 'director', answer: 'decide' },
      ]),
    ).toEqual([
      'scenario-answer scenarios.0.answer: scenarios[0]: an agent asking about £40 may decide alone (limit £50), but the scenario expects escalate',
      'scenario-answer scenarios.1.answer: scenarios[1]: a lead asking about £100 must consult manager before deciding (limit £150), but the scenario expects decide',
      'scenario-answer scenarios.2.answer: scenarios[2]: a manager asking about £200 may decide, then inform director (limit £500), but the scenario expects decide',
      'scenario-answer scenarios.3.answer: scenarios[3]: an agent asking about £120 must escalate to lead (limit £50), but the scenario expects decide',
      "scenario-answer scenarios.4.answer: scenarios[4]: a manager asking about £900 must escalate to the boundary's owner (Retail ops) (limit £500), but the scenario expects decide-and-inform",
      'scenario-role scenarios.5.role: scenarios[5].role: director holds no grant on this boundary and no role up its ladder does, so it never meets this decision',
    ]);
  });

  it('an escalate-only grant escalates to the first holder who covers the amount', () => {
    const grants = [{ role: 'agent', authority: 'escalate' }, ...GRANTS.slice(1)];
    expect(messages([{ situation: 'a', role: 'agent', amount: 300, answer: 'decide' }], grants)).toEqual([
      'scenario-answer scenarios.0.answer: scenarios[0]: an agent asking about £300 must escalate to manager, but the scenario expects decide',
    ]);
  });

  it('a role that holds nothing here escalates to the first holder above', () => {
    expect(messages([{ situation: 'a', role: 'agent', amount: 10, answer: 'decide' }], GRANTS.slice(1))).toEqual([
      'scenario-answer scenarios.0.answer: scenarios[0]: an agent asking about £10 must escalate to lead (it holds no grant here), but the scenario expects decide',
    ]);
  });

  it('takes not-allowed where a guardrail can forbid it', () => {
    const scenario = { situation: 'a', role: 'agent', amount: 5, answer: 'not-allowed' };
    expect(messages([scenario], GRANTS, { guardrails: ['Never to another card.'] })).toEqual([]);
    expect(messages([scenario])).toEqual([
      'scenario-answer scenarios.0.answer: scenarios[0].answer: not-allowed means a guardrail forbids it, but this boundary has no guardrails',
    ]);
  });

  it('leaves retired boundaries alone and reports an unknown role once, as a reference', () => {
    const content = checkedContent({
      roles: { ...LADDER },
      boundaries: {
        refunds: boundary(GRANTS, { scenarios: [{ situation: 'a', role: 'agnet', answer: 'decide' }] }),
        old: boundary(GRANTS, { status: 'retired', scenarios: [{ situation: 'a', role: 'agent', amount: 99, answer: 'decide' }] }),
      },
    });
    expect(checkScenarios(content)).toEqual([]);
    expect(checkReferences(content).map((finding) => finding.message)).toEqual(['scenarios[0].role: there is no role "agnet"']);
  });

  it('gives the answer the site’s own "Can I…?" answers give', () => {
    const playbook = modelOf({ roles: { ...LADDER }, boundaries: { refunds: boundary(GRANTS) } });
    const answer = roleAnswers(playbook, 'agent')![0]!;
    expect([10, 50, 51, 150, 151, 500, 501].map((amount) => grantedAnswer(scenarioVerdict(answer, amount, 'GBP')))).toEqual([
      'decide',
      'decide',
      'escalate',
      'escalate',
      'escalate',
      'escalate',
      'escalate',
    ]);
    expect(scenarioVerdict(answer, 51, 'GBP').approver?.role.id).toBe('lead');
  });
});
