/**
 * The "Can I…?" verdict: for a role, a decision and perhaps an amount, may
 * the role decide (and whom to inform or consult), or to whom does it go,
 * and what may that role approve. Worked out from the helper's table, so the
 * build (the no-JavaScript table, tests) and the browser give the same answer.
 *
 * Pure: no Astro, no DOM, no zod (it is bundled into the client script).
 */
import type { Authority, LimitPeriod } from '../../../schemas/index.ts';
import { approvingGrant, walkUp, type LadderGrant, type LadderRole } from '../domain/escalation.ts';
import type { ResolvedMoney } from '../domain/money.ts';
import { AUTHORITY_CODES, NO_ROLE, PERIOD_CODES, type HelperData } from './helper-data.ts';

export type VerdictKind = 'decide' | 'decide-and-inform' | 'consult' | 'escalate' | 'no-grant' | 'over-limit';

export interface RoleRef {
  id: string;
  title: string;
}

/** A role's terms on one decision. */
export interface GrantTerms {
  role: RoleRef;
  authority: Authority;
  /** Undefined: no monetary limit. */
  limit: ResolvedMoney | undefined;
  per: LimitPeriod;
  /** Where the role takes this decision next: to inform, consult or escalate (never a retired role). */
  escalateTo: RoleRef | undefined;
  /** The grant's conditions ("check the item is ours…"); undefined when it has none. */
  note: string | undefined;
}

export interface DecisionRef {
  id: string;
  /** The decision as a verb phrase: "Give a goodwill credit". */
  decision: string;
  /** The boundary's title. */
  title: string;
  /** The boundary page, without the site base. */
  path: string;
  category: string | undefined;
  guardrails: string[];
}

/** Where a decision goes, and what the role there may approve. */
export interface Escalation {
  to: RoleRef;
  /** `to`'s own terms on this decision; undefined when it holds no grant here. */
  approves: GrantTerms | undefined;
  /** The amount is more than anyone up the ladder may approve: `to` is the highest role that holds this decision. */
  highest: boolean;
}

export interface Verdict {
  kind: VerdictKind;
  role: RoleRef;
  decision: DecisionRef;
  /** The amount asked about; undefined when none was given. */
  amount: ResolvedMoney | undefined;
  /** True: the amount is within (or at) the role's limit; false: above it; undefined: no amount, or not comparable (another currency). */
  withinLimit: boolean | undefined;
  /** The role's own grant; undefined when it holds none on this decision. */
  grant: GrantTerms | undefined;
  /** Whom to inform (decide-and-inform) or consult (consult); undefined for other kinds, or when nobody is above ("your manager"). */
  counterpart: RoleRef | undefined;
  /** For escalate, over-limit and no-grant: where it goes; undefined when nobody up the ladder holds it ("ask your manager"). */
  escalation: Escalation | undefined;
  /** The role's manager: the nearest role above it that is not retired; undefined at the top of a ladder. */
  manager: RoleRef | undefined;
  /** When not to use the authority at all. */
  guardrails: string[];
  /** The boundary page, without the site base. */
  path: string;
}

export interface VerdictQuery {
  data: HelperData;
  roleId: string;
  decisionId: string;
  /** The amount for the grant's period (per case, per customer per day, …); undefined, NaN or negative means none given. */
  amount?: number | undefined;
  /** The amount's currency; by default the one `amountBasis` gives. */
  currency?: string | undefined;
}

/** The verdict, or undefined when the role or the decision is not in the data. */
export function verdict({ data, roleId, decisionId, amount, currency }: VerdictQuery): Verdict | undefined {
  const table = indexed(data);
  const role = table.roles.get(roleId);
  const decision = table.decisions.get(decisionId);
  if (!role || !decision) return undefined;

  const own = decision.byRole.get(roleId);
  const asked =
    amount === undefined || !Number.isFinite(amount) || amount < 0
      ? undefined
      : { amount, currency: currency ?? limitFor(table, decision, roleId)?.limit?.currency ?? table.currency };
  const base = {
    role: role.ref,
    decision: decision.ref,
    amount: asked,
    grant: own && terms(own),
    counterpart: undefined,
    escalation: undefined,
    withinLimit: undefined,
    guardrails: decision.ref.guardrails,
    path: decision.ref.path,
    manager: role.manager,
  };

  if (!own) {
    const first = approvingGrant({ role: roleId, authority: 'escalate' }, decision.ladder, table.ladder);
    return { ...base, kind: 'no-grant', escalation: first && climb(decision.byRole.get(first.role), asked) };
  }
  if (own.authority === 'escalate') {
    return { ...base, kind: 'escalate', escalation: climb(own.approver, asked) ?? direct(own.escalateTo) };
  }
  const within = covers(own, asked);
  if (within === false) {
    return { ...base, kind: 'over-limit', withinLimit: false, escalation: climb(own.approver, asked) ?? direct(own.escalateTo) };
  }
  // A retired role in between is skipped; if that leads back to the role itself, its manager is the one to ask.
  const next = own.escalateTo?.id === roleId ? role.manager : (own.escalateTo ?? role.manager);
  const counterpart = own.authority === 'decide' ? undefined : next;
  return { ...base, kind: own.authority, withinLimit: asked && own.limit ? within : undefined, counterpart };
}

/** What the Amount field means for a role and decision: its currency and the period it counts against. */
export interface AmountBasis {
  /** Undefined when the playbook has no currency at all. */
  currency: string | undefined;
  per: LimitPeriod;
}

/**
 * The Amount field's currency and period: those of the role's own limit,
 * else of the limit of the role it would escalate to, else of the first
 * limit on the decision, else the data's default currency per case.
 * Either id may be empty (nothing chosen yet).
 */
export function amountBasis(data: HelperData, roleId: string, decisionId: string): AmountBasis {
  const table = indexed(data);
  const decision = table.decisions.get(decisionId);
  const grant = decision && limitFor(table, decision, roleId);
  return grant?.limit ? { currency: grant.limit.currency, per: grant.per } : { currency: table.currency || undefined, per: 'case' };
}

/** The decisions of the data, for menus and tables. */
export function decisionsOf(data: HelperData): DecisionRef[] {
  return [...indexed(data).decisions.values()].map((d) => d.ref);
}

/** The roles a person can pick (published roles), in the data's order. */
export function selectableRoles(data: HelperData): RoleRef[] {
  return data.r.filter((role) => role[3] === 1).map(([id, title]) => ({ id, title }));
}

interface IndexedGrant {
  role: RoleRef;
  /** False for a retired role's grant: it is never an answer, only a step up the ladder. */
  live: boolean;
  note: string | undefined;
  authority: Authority;
  per: LimitPeriod;
  limit: ResolvedMoney | undefined;
  escalateTo: RoleRef | undefined;
  approver: IndexedGrant | undefined;
}

interface IndexedDecision {
  ref: DecisionRef;
  byRole: Map<string, IndexedGrant>;
  ladder: LadderGrant[];
}

interface Indexed {
  /** The data's default currency, '' for none. */
  currency: string;
  roles: Map<string, { ref: RoleRef; manager: RoleRef | undefined }>;
  ladder: Map<string, LadderRole>;
  decisions: Map<string, IndexedDecision>;
}

const cache = new WeakMap<HelperData, Indexed>();

/** The compact data, unpacked once per data object. */
function indexed(data: HelperData): Indexed {
  const hit = cache.get(data);
  if (hit) return hit;
  const refs = data.r.map(([id, title]): RoleRef => ({ id, title }));
  // Nobody is sent to a retired role: a link to one goes on up its ladder to the next role still in place.
  const live = (index: number): number => {
    const seen = new Set<number>();
    let at = index;
    while (at !== NO_ROLE && data.r[at]![3] !== 1 && !seen.has(at)) {
      seen.add(at);
      at = data.r[at]![2];
    }
    return at !== NO_ROLE && data.r[at]![3] === 1 ? at : NO_ROLE;
  };
  const ref = (index: number): RoleRef | undefined => (index === NO_ROLE ? undefined : refs[live(index)]);
  const table: Indexed = {
    currency: data.c,
    roles: new Map(refs.map((r, at) => [r.id, { ref: r, manager: ref(data.r[at]![2]) }])),
    ladder: new Map(data.r.map(([id, , up]) => [id, { escalatesTo: ref(up)?.id }])),
    decisions: new Map(),
  };
  for (const [id, decision, title, path, category, guardrails, grants] of data.d) {
    const byRole = new Map<string, IndexedGrant>();
    const approvers: [IndexedGrant, number][] = [];
    const ladder: LadderGrant[] = [];
    for (const [role, authority, per, escalateTo, approver, note, amount, currency] of grants) {
      const grant: IndexedGrant = {
        role: refs[role]!,
        live: data.r[role]![3] === 1,
        note: note || undefined,
        authority: AUTHORITY_CODES[authority]!,
        per: PERIOD_CODES[per]!,
        limit: amount === undefined ? undefined : { amount, currency: currency ?? data.c },
        escalateTo: ref(escalateTo),
        approver: undefined,
      };
      byRole.set(grant.role.id, grant);
      approvers.push([grant, approver]);
      ladder.push({ role: grant.role.id, authority: grant.authority, escalateTo: grant.escalateTo?.id });
    }
    for (const [grant, approver] of approvers) grant.approver = approver === NO_ROLE ? undefined : byRole.get(refs[approver]!.id);
    table.decisions.set(id, { ref: { id, decision, title, path, category: category || undefined, guardrails }, byRole, ladder });
  }
  cache.set(data, table);
  return table;
}

function terms(grant: IndexedGrant): GrantTerms {
  return { role: grant.role, authority: grant.authority, limit: grant.limit, per: grant.per, escalateTo: grant.escalateTo, note: grant.note };
}

/** Does the grant's limit cover the amount? Undefined when it cannot be told (no amount, or another currency). */
function covers(grant: IndexedGrant, asked: ResolvedMoney | undefined): boolean | undefined {
  if (!grant.limit) return true;
  if (!asked || asked.currency !== grant.limit.currency) return undefined;
  return asked.amount <= grant.limit.amount;
}

/**
 * Up the approvers from `start` to the first whose limit covers the amount
 * (or cannot be compared with it); when none does, the highest of them.
 */
function climb(start: IndexedGrant | undefined, asked: ResolvedMoney | undefined): Escalation | undefined {
  let last: IndexedGrant | undefined;
  for (const grant of walkUp(start, (grant) => grant.approver)) {
    if (!grant.live) continue;
    last = grant;
    if (covers(grant, asked) !== false) return { to: grant.role, approves: terms(grant), highest: false };
  }
  return last && { to: last.role, approves: terms(last), highest: true };
}

function direct(to: RoleRef | undefined): Escalation | undefined {
  return to && { to, approves: undefined, highest: false };
}

/** The grant whose limit the Amount field is compared with first. */
function limitFor(table: Indexed, decision: IndexedDecision, roleId: string): IndexedGrant | undefined {
  const own = decision.byRole.get(roleId);
  if (own?.limit && own.authority !== 'escalate') return own;
  const up = own ? own.approver : decision.byRole.get(approvingGrant({ role: roleId, authority: 'escalate' }, decision.ladder, table.ladder)?.role ?? '');
  if (up?.limit) return up;
  for (const grant of decision.byRole.values()) if (grant.limit) return grant;
  return undefined;
}
