/**
 * The escalation ladders of one boundary, drawn from the lowest role up,
 * along the paths the boundary's ladder (domain/ladder.ts) gives: a
 * boundary may span several ladders (stores, contact centre, delivery);
 * each starts at a role no other grant-holder passes decisions to. A ladder
 * that reaches a role already drawn stops there and says it joins it, so
 * shared upper rungs are drawn once. A retired role on the way is drawn as
 * one that passes the decision on: it holds nothing any more.
 */
import type { DecisionLadder } from '../domain/ladder.ts';
import type { Words } from '../languages/words.ts';

export interface LadderStep<R, G> {
  role: R;
  /** Undefined for a role on the way up that holds nothing here and passes the decision on. */
  grant: G | undefined;
  /** Whether the decision can go higher from this role. */
  hasAbove: boolean;
}

export interface Ladder<R, G> {
  /** Lowest role first. */
  steps: LadderStep<R, G>[];
  /** The role in an earlier ladder this one continues into, if any. */
  joins: R | undefined;
  /** Nobody above the ladder's top grant holds the decision, though that grant has a limit (or only escalates): beyond it the playbook names nobody. */
  endsBelowNeed: boolean;
}

/**
 * The ladders of `grants` (the boundary's, in the order of its `ladder`),
 * with each role looked up by id (`roleOf`: every role with a page).
 */
export function escalationLadders<R extends { id: string }, G extends { role: R; authority: string; limit?: unknown }>(
  grants: readonly G[],
  ladder: DecisionLadder,
  roleOf: (id: string) => R | undefined,
): Ladder<R, G>[] {
  const grantAt = new Map<string, G>();
  grants.forEach((grant, index) => {
    if (ladder.of(grant.role.id).own === index) grantAt.set(grant.role.id, grant);
  });
  const reachedFromOthers = new Set(grants.flatMap((grant) => ladder.of(grant.role.id).above));
  const lowest = grants.filter((grant, index) => !reachedFromOthers.has(grant.role.id) && grants.findIndex((g) => g.role.id === grant.role.id) === index);

  const drawn = new Set<string>();
  const ladders: Ladder<R, G>[] = [];
  for (const start of lowest) {
    const steps: LadderStep<R, G>[] = [];
    let joins: R | undefined;
    for (const id of [start.role.id, ...ladder.of(start.role.id).above]) {
      const role = id === start.role.id ? start.role : roleOf(id);
      if (!role) break;
      if (drawn.has(id)) {
        joins = role;
        break;
      }
      steps.push({ role, grant: grantAt.get(id), hasAbove: ladder.of(id).above.length > 0 });
    }
    if (!joins) trimAboveLastGrant(steps);
    for (const step of steps) drawn.add(step.role.id);
    const top = steps.findLast((step) => step.grant)?.grant;
    const endsBelowNeed = !joins && top !== undefined && (top.authority === 'escalate' || !!top.limit) && ladder.of(top.role.id).holders.length === 0;
    ladders.push({ steps, joins, endsBelowNeed });
  }
  return ladders;
}

/**
 * Drops roles above the last grant-holder, which have nothing to do with
 * this decision, but keeps the one it informs, consults or escalates to.
 */
function trimAboveLastGrant<R, G extends { authority: string }>(steps: LadderStep<R, G>[]): void {
  let last = steps.length - 1;
  while (last >= 0 && !steps[last]!.grant) last--;
  const lastGrant = steps[last]?.grant;
  const keep = lastGrant && lastGrant.authority !== 'decide' ? last + 2 : last + 1;
  steps.splice(Math.min(keep, steps.length));
}

/**
 * What a step without a grant does, in words. Only a step with somewhere
 * to send the decision "passes it up": the top rung of a ladder, with
 * nobody above, is where decisions passed up end.
 */
export function stepWithoutGrantInWords(ladder: Ladder<unknown, unknown>, index: number, words: Words): string {
  const step = ladder.steps[index]!;
  const last = index === ladder.steps.length - 1;
  if (!last || ladder.joins) return words.t('ladder.passesUp');
  return step.hasAbove ? words.t('ladder.passedUpHere') : words.t('ladder.topEndsHere');
}
