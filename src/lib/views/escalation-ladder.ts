/**
 * The escalation ladders of one boundary, drawn from the lowest role up.
 * A boundary may span several ladders (stores, contact centre, delivery);
 * each starts at a role no other grant-holder passes decisions to. A ladder
 * that reaches a role already drawn stops there and says it joins it, so
 * shared upper rungs are drawn once.
 */
import { walkUp } from '../domain/escalation.ts';
import type { Words } from '../languages/words.ts';

export interface LadderRole {
  id: string;
  escalatesTo: LadderRole | undefined;
}

export interface LadderGrant<R extends LadderRole> {
  role: R;
  authority: string;
  /** Where this role sends the decision (the grant's escalateTo, else the role's). */
  escalateTo: R | undefined;
}

export interface LadderStep<R, G> {
  role: R;
  /** Undefined for a role on the way up that holds no grant and passes the decision on. */
  grant: G | undefined;
  /** Whether the decision can go higher from this role (its grant's escalateTo, else its escalatesTo). */
  hasAbove: boolean;
}

export interface Ladder<R, G> {
  /** Lowest role first. */
  steps: LadderStep<R, G>[];
  /** The role in an earlier ladder this one continues into, if any. */
  joins: R | undefined;
}

export function escalationLadders<R extends LadderRole, G extends LadderGrant<R>>(grants: readonly G[]): Ladder<R, G>[] {
  const grantByRole = new Map(grants.map((grant) => [grant.role.id, grant]));
  const next = (role: R): R | undefined => (grantByRole.has(role.id) ? grantByRole.get(role.id)!.escalateTo : (role.escalatesTo as R | undefined));
  const id = (role: R) => role.id;
  const above = (role: R): string[] => [...walkUp(next(role), next, id, new Set([role.id]))].map(id);

  const reachedFromOthers = new Set<string>();
  for (const grant of grants) for (const id of above(grant.role)) reachedFromOthers.add(id);
  const lowest = grants.filter((grant) => !reachedFromOthers.has(grant.role.id));

  const drawn = new Set<string>();
  const ladders: Ladder<R, G>[] = [];
  for (const start of lowest) {
    const steps: LadderStep<R, G>[] = [];
    let joins: R | undefined;
    for (const role of walkUp(start.role, next, id)) {
      if (drawn.has(role.id)) {
        joins = role;
        break;
      }
      steps.push({ role, grant: grantByRole.get(role.id), hasAbove: next(role) !== undefined });
    }
    if (!joins) trimAboveLastGrant(steps);
    for (const step of steps) drawn.add(step.role.id);
    ladders.push({ steps, joins });
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
