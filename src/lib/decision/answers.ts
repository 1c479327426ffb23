/**
 * The build's answers: for each published role, every decision it can ask
 * about, with its own terms and the holders above it, read off each
 * boundary's ladder (the model's `boundary.ladder`). The role's helper file,
 * its no-JavaScript table, its pocket card and (through the file) the search
 * answer all carry these answers, so every path gives the same verdict.
 *
 * A role's decisions are those it holds, those a role just below it brings
 * up to it, and those someone up its ladder holds. Its list grows with the
 * grants of the roles around it, never with the whole playbook.
 */
import type { DecisionLadder } from '../domain/ladder.ts';
import type { Boundary, Grant, Playbook, Role } from '../model/types.ts';
import type { AnswerGroup, AnswerWindow, DecisionAnswer, DecisionRef, GrantTerms, RoleRef } from './verdict.ts';

/** What the answers need of the model. */
export type AnswerPlaybook = Pick<Playbook, 'roles' | 'boundaries'>;

interface Answers {
  /** Published roles by id: the roles an answer can name. */
  roles: Map<string, Role>;
  /** Per role id, the boundaries brought up to it by a role just below that holds them, when it does not hold them itself. */
  comesUp: Map<string, Set<Boundary>>;
  byRole: Map<string, DecisionAnswer[]>;
  order: Map<Boundary, number>;
}

const cache = new WeakMap<AnswerPlaybook, Answers>();

function answersOf(playbook: AnswerPlaybook): Answers {
  let answers = cache.get(playbook);
  if (answers) return answers;
  const comesUp = new Map<string, Set<Boundary>>();
  for (const boundary of published(playbook)) {
    const held = new Set(boundary.grants.map((grant) => grant.role.id));
    for (const grant of boundary.grants) {
      const next = boundary.ladder.of(grant.role.id).next;
      if (next === undefined || held.has(next) || grant.role.status !== 'published') continue;
      if (!comesUp.has(next)) comesUp.set(next, new Set());
      comesUp.get(next)!.add(boundary);
    }
  }
  answers = {
    roles: new Map(playbook.roles.map((role) => [role.id, role])),
    comesUp,
    byRole: new Map(),
    order: new Map(playbook.boundaries.map((boundary, index) => [boundary, index])),
  };
  cache.set(playbook, answers);
  return answers;
}

/** Every decision a published role can ask about, in the boundaries' order (by title); undefined for a role that is not published. */
export function roleAnswers(playbook: AnswerPlaybook, roleId: string): DecisionAnswer[] | undefined {
  const answers = answersOf(playbook);
  const hit = answers.byRole.get(roleId);
  if (hit) return hit;
  const role = answers.roles.get(roleId);
  if (!role) return undefined;
  // Any boundary a role on this one's ladder holds (its path can only leave the roles' ladder at a grant), or one that comes up to it.
  const candidates = new Set<Boundary>(answers.comesUp.get(roleId));
  for (const on of [role, ...role.chainAbove]) for (const grant of on.grants) if (grant.boundary.status === 'published') candidates.add(grant.boundary);
  const list = [...candidates]
    .sort((a, b) => answers.order.get(a)! - answers.order.get(b)!)
    .flatMap((boundary) => {
      const answer = decisionAnswer(boundary, role, answers.roles, answers.comesUp.get(roleId)?.has(boundary) ?? false);
      return answer ? [answer] : [];
    });
  answers.byRole.set(roleId, list);
  return list;
}

/**
 * One role's answer on one boundary, or undefined when the role can do
 * nothing with it on any day (holds nothing, nobody above does, none below
 * brings it). With dated grants, the answer on each window of days too.
 */
export function decisionAnswer(boundary: Boundary, role: Role, roles: ReadonlyMap<string, Role>, comesUp = false): DecisionAnswer | undefined {
  const source = (ladder: DecisionLadder) => ({ ladder, terms: (index: number) => terms(boundary.grants[index]!) });
  const roleRef = (id: string) => roleRefOf(roles.get(id));
  const dated = boundary.windows.length > 1;
  const windows = dated
    ? boundary.windows.map((window) => ({ from: window.from, until: window.until, terms: termsOnLadder(source(window.ladder), role.id, roleRef, comesUp) }))
    : [];
  const today = dated ? windows[0]!.terms : termsOnLadder(source(boundary.ladder), role.id, roleRef, comesUp);
  if (!today && !windows.some((window) => window.terms)) return undefined;
  // On a day when the role can do nothing with it, it holds nothing and nobody above may approve: the owner answers.
  const nothing = (): AnswerTerms => ({
    group: 'up',
    own: undefined,
    next: roleRef(boundary.ladder.of(role.id).next ?? ''),
    holders: [],
  });
  const now = today ?? nothing();
  return {
    role: roleRefOf(role),
    decision: decisionRef(boundary),
    ...now,
    ...(dated ? { windows: windows.map(({ from, until, terms }): AnswerWindow => ({ from, until, ...(terms ?? nothing()) })) } : {}),
  };
}

/** What an answer on one decision is read from: its ladder on one day, the terms of the grant at each of the ladder's indexes, and the decision. */
export interface DecisionSource {
  ladder: DecisionLadder;
  terms: (index: number) => GrantTerms;
  decision: DecisionRef;
}

/** A role's terms on one decision, without the dates of a window. */
type AnswerTerms = Omit<AnswerWindow, 'from' | 'until'>;

/**
 * One role's answer on one decision on one day, read off that day's ladder:
 * the validator's scenario check (from the grants as written) makes its
 * answers here, and the site's answers (above, from the model) read each
 * window through the same `termsOnLadder`, so the verdict they give is the
 * same.
 */
export function ladderAnswer(source: DecisionSource, role: RoleRef, roleRef: (id: string) => RoleRef | undefined, comesUp = false): DecisionAnswer | undefined {
  const found = termsOnLadder(source, role.id, roleRef, comesUp);
  return found && { role, decision: source.decision, ...found };
}

/** A role's place on one ladder as an answer's terms, or undefined when it can do nothing with the decision there. */
function termsOnLadder(
  source: Pick<DecisionSource, 'ladder' | 'terms'>,
  roleId: string,
  roleRef: (id: string) => RoleRef | undefined,
  comesUp: boolean,
): AnswerTerms | undefined {
  const place = source.ladder.of(roleId);
  const own = place.own === undefined ? undefined : source.terms(place.own);
  let group: AnswerGroup;
  if (own) group = 'own';
  else if (comesUp) group = 'comes-up';
  else if (place.holders.length > 0) group = 'up';
  else return undefined;
  return {
    group,
    own,
    next: place.next === undefined ? undefined : roleRef(place.next),
    holders: place.holders.map((index) => source.terms(index)),
  };
}

function roleRefOf(role: { id: string; title: string }): RoleRef;
function roleRefOf(role: { id: string; title: string } | undefined): RoleRef | undefined;
function roleRefOf(role: { id: string; title: string } | undefined): RoleRef | undefined {
  return role && { id: role.id, title: role.title };
}

function terms(grant: Grant): GrantTerms {
  return { role: roleRefOf(grant.role), authority: grant.authority, limit: grant.limit, per: grant.per, note: grant.note };
}

function decisionRef(boundary: Boundary): DecisionRef {
  return {
    id: boundary.id,
    decision: boundary.decision,
    title: boundary.title,
    path: boundary.path,
    category: boundary.category,
    guardrails: [...boundary.guardrails],
    owner: boundary.owner,
  };
}

function published(playbook: AnswerPlaybook): Boundary[] {
  return playbook.boundaries.filter((boundary) => boundary.status === 'published');
}
