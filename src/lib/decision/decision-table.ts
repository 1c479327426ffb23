/**
 * The role × decision table the helper shows without JavaScript: one row per
 * published decision, one column per role, each cell the role's grant
 * (the page puts it in words: "Decides up to £75 per case") or nothing.
 */
import { NO_ROLE, type HelperData } from './helper-data.ts';
import { decisionsOf, verdict, type DecisionRef, type GrantTerms, type RoleRef } from './verdict.ts';

export interface DecisionTable {
  /** Columns: selectable roles, front line first within each ladder. */
  roles: RoleRef[];
  rows: { decision: DecisionRef; cells: (GrantTerms | undefined)[] }[];
}

export function decisionTable(data: HelperData): DecisionTable {
  const roles = ladderOrder(data);
  return {
    roles,
    rows: decisionsOf(data).map((decision) => ({
      decision,
      cells: roles.map((role) => verdict({ data, roleId: role.id, decisionId: decision.id })?.grant),
    })),
  };
}

/**
 * Roles ladder by ladder, each read from the front line upwards: a role
 * comes after every role below it and before the role it escalates to
 * (siblings, and the tops of ladders, in the data's order).
 */
export function ladderOrder(data: HelperData): RoleRef[] {
  const below = data.r.map((): number[] => []);
  const tops: number[] = [];
  data.r.forEach(([, , up], index) => (up === NO_ROLE ? tops : below[up]!).push(index));
  const order: number[] = [];
  const seen = new Set<number>();
  const visit = (index: number): void => {
    if (seen.has(index)) return;
    seen.add(index);
    for (const child of below[index]!) visit(child);
    order.push(index);
  };
  tops.forEach(visit);
  data.r.forEach((_, index) => visit(index)); // roles on a broken (cyclic) ladder still get a column
  return order.filter((index) => data.r[index]![3] === 1).map((index) => ({ id: data.r[index]![0], title: data.r[index]![1] }));
}

/** A group of the Decision menu. */
export interface DecisionGroup {
  category: string;
  decisions: DecisionRef[];
}

/** Decisions for the Decision menu: grouped by category (those without one last, as "Other"), each group by decision. */
export function decisionMenu(data: HelperData, other = 'Other'): DecisionGroup[] {
  const groups = new Map<string, DecisionRef[]>();
  for (const decision of decisionsOf(data)) {
    const category = decision.category ?? other;
    groups.set(category, [...(groups.get(category) ?? []), decision]);
  }
  return [...groups]
    .sort(([a], [b]) => (a === other ? 1 : b === other ? -1 : a.localeCompare(b)))
    .map(([category, decisions]) => ({ category, decisions: decisions.sort((a, b) => a.decision.localeCompare(b.decision) || a.id.localeCompare(b.id)) }));
}

/** The Decision menu once a role is chosen: the decisions it holds first, then those that go up its ladder. */
export interface RoleDecisionMenu {
  own: DecisionRef[];
  other: DecisionRef[];
}

/**
 * Splits a role's helper data (`roleHelperData`) into the role's own
 * decisions and the others, each by category (none last) then by decision.
 */
export function roleDecisionMenu(data: HelperData, roleId: string, other = 'Other'): RoleDecisionMenu {
  const roleAt = data.r.findIndex(([id]) => id === roleId);
  const held = new Set(data.d.filter(([, , , , , , grants]) => grants.some(([role]) => role === roleAt)).map(([id]) => id));
  const order = (a: DecisionRef, b: DecisionRef) => {
    const ca = a.category ?? other;
    const cb = b.category ?? other;
    if (ca !== cb) return ca === other ? 1 : cb === other ? -1 : ca.localeCompare(cb);
    return a.decision.localeCompare(b.decision) || a.id.localeCompare(b.id);
  };
  const decisions = decisionsOf(data).sort(order);
  return { own: decisions.filter((d) => held.has(d.id)), other: decisions.filter((d) => !held.has(d.id)) };
}
