/**
 * The Decision menu of "Can I…?" once a role is chosen, and the sections of
 * its no-JavaScript table: the decisions the role holds, those that come up
 * to it from the roles just below, and the others that go up its ladder,
 * each by category (none last) then by decision.
 */
import type { DecisionAnswer } from './verdict.ts';

export interface RoleDecisionMenu {
  own: DecisionAnswer[];
  comesUp: DecisionAnswer[];
  other: DecisionAnswer[];
}

export function roleDecisionMenu(answers: readonly DecisionAnswer[]): RoleDecisionMenu {
  const category = (answer: DecisionAnswer) => answer.decision.category;
  const order = (a: DecisionAnswer, b: DecisionAnswer) => {
    const [ca, cb] = [category(a), category(b)];
    if (ca !== cb) return ca === undefined ? 1 : cb === undefined ? -1 : ca.localeCompare(cb);
    return a.decision.decision.localeCompare(b.decision.decision) || a.decision.id.localeCompare(b.decision.id);
  };
  const sorted = [...answers].sort(order);
  return {
    own: sorted.filter((answer) => answer.group === 'own'),
    comesUp: sorted.filter((answer) => answer.group === 'comes-up'),
    other: sorted.filter((answer) => answer.group === 'up'),
  };
}
