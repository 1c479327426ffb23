/**
 * The "Can I…?" helper's table: every published decision with its grants,
 * in a compact form that the page embeds as JSON and the browser reads.
 * Roles and grants are arrays indexed by position, not objects with long
 * keys, because at scale this ships to every visitor of /can-i/.
 *
 * Pure: no Astro, no DOM, no zod (it is bundled into the client script).
 */
import { AUTHORITIES, LIMIT_PERIODS } from '../../../schemas/vocabulary.ts';
import { walkUp } from '../domain/escalation.ts';
import type { Playbook } from '../model/types.ts';

/** Authorities in code order: a grant stores the index (the schema's own list, which has no zod). */
export const AUTHORITY_CODES = AUTHORITIES;
/** Limit periods in code order: a grant stores the index. */
export const PERIOD_CODES = LIMIT_PERIODS;

/** No role: where a role index would be. */
export const NO_ROLE = -1;

/**
 * A role: `[id, title, escalatesTo, selectable]`. `escalatesTo` is an index
 * into `HelperData.r` or `NO_ROLE`. Retired roles that are still on someone's
 * ladder are listed (so the ladder can be walked) with `selectable` 0.
 */
export type HelperRole = [id: string, title: string, escalatesTo: number, selectable: 0 | 1];

/**
 * A grant: `[role, authority, per, escalateTo, approver, note, amount?, currency?]`.
 * `role`, `escalateTo` and `approver` are indexes into `HelperData.r`
 * (`NO_ROLE` when there is none); `authority` and `per` index AUTHORITY_CODES
 * and PERIOD_CODES; `note` is the grant's conditions ('' for none). No amount
 * means no monetary limit; no currency means the data's default currency `c`.
 */
export type HelperGrant =
  | [role: number, authority: number, per: number, escalateTo: number, approver: number, note: string]
  | [role: number, authority: number, per: number, escalateTo: number, approver: number, note: string, amount: number]
  | [role: number, authority: number, per: number, escalateTo: number, approver: number, note: string, amount: number, currency: string];

/** A decision: `[id, decision, title, path, category, guardrails, grants]`; category '' when there is none. */
export type HelperDecision = [id: string, decision: string, title: string, path: string, category: string, guardrails: string[], grants: HelperGrant[]];

export interface HelperData {
  /** The playbook's locale, for money. */
  l: string;
  /** The most common limit currency (else the playbook's): grants in it leave their currency out. */
  c: string;
  /** Roles, published first in title order, then retired ones still on a ladder. */
  r: HelperRole[];
  /** One per published boundary, in title order. Retired and draft boundaries are never here. */
  d: HelperDecision[];
}

/** What `helperData` needs of the model. */
export type HelperPlaybook = Pick<Playbook, 'settings' | 'roles' | 'boundaries'>;

const built = new WeakMap<HelperPlaybook, HelperData>();

/** `helperData`, built once per model: /can-i/ and every per-role file and page read the same table. */
export function helperDataOf(playbook: HelperPlaybook): HelperData {
  let data = built.get(playbook);
  if (!data) built.set(playbook, (data = helperData(playbook)));
  return data;
}

/** The helper's table for a playbook: published boundaries only (the model's `boundaries` already are). */
export function helperData(playbook: HelperPlaybook): HelperData {
  const boundaries = playbook.boundaries.filter((boundary) => boundary.status === 'published');

  // Roles: published ones, then any retired role that still holds a grant (listed, never selectable, never escalated to).
  type RoleLike = HelperPlaybook['roles'][number];
  type GrantLike = HelperPlaybook['boundaries'][number]['grants'][number];
  // The helper never sends anyone to a retired role: a link to one leads on to the first role above it that is not retired.
  const live = (role: RoleLike | undefined): RoleLike | undefined => {
    const seen = new Set<RoleLike>();
    let next = role;
    while (next && next.status === 'retired' && !seen.has(next)) {
      seen.add(next);
      next = next.escalatesTo;
    }
    return next?.status === 'retired' ? undefined : next;
  };
  const liveApprover = (grant: GrantLike | undefined): GrantLike | undefined => {
    const seen = new Set<GrantLike>();
    let next = grant;
    while (next && next.role.status === 'retired' && !seen.has(next)) {
      seen.add(next);
      next = next.approver;
    }
    return next?.role.status === 'retired' ? undefined : next;
  };
  const roles: RoleLike[] = [];
  const index = new Map<string, number>();
  const listed = new Set<string>();
  const push = (role: RoleLike): void => {
    listed.add(role.id);
    index.set(role.id, roles.length);
    roles.push(role);
  };
  // Up the ladder from `role`, past retired roles, stopping at the first role listed already.
  const add = (role: RoleLike | undefined): void => {
    for (const next of walkUp(
      live(role),
      (step) => live(step.escalatesTo),
      (step) => step.id,
      listed,
    ))
      push(next);
  };
  for (const role of playbook.roles) push(role);
  for (const role of playbook.roles) add(role.escalatesTo);
  for (const boundary of boundaries) {
    for (const grant of boundary.grants) {
      if (!listed.has(grant.role.id)) push(grant.role);
      [grant.escalateTo, liveApprover(grant.approver)?.role].forEach(add);
    }
  }
  const at = (role: { id: string } | undefined): number => (role ? index.get(role.id)! : NO_ROLE);

  const currency = mostCommonCurrency(boundaries) ?? playbook.settings.currency ?? '';
  return {
    l: playbook.settings.locale,
    c: currency,
    r: roles.map((role): HelperRole => [role.id, role.title, at(live(role.escalatesTo)), role.status === 'published' ? 1 : 0]),
    d: boundaries.map((boundary): HelperDecision => [
      boundary.id,
      boundary.decision,
      boundary.title,
      boundary.path,
      boundary.category ?? '',
      [...boundary.guardrails],
      boundary.grants.map((grant): HelperGrant => {
        const head: [number, number, number, number, number, string] = [
          at(grant.role),
          AUTHORITY_CODES.indexOf(grant.authority),
          PERIOD_CODES.indexOf(grant.per),
          at(live(grant.escalateTo)),
          at(liveApprover(grant.approver)?.role),
          grant.note ?? '',
        ];
        if (!grant.limit) return head;
        return grant.limit.currency === currency ? [...head, grant.limit.amount] : [...head, grant.limit.amount, grant.limit.currency];
      }),
    ]),
  };
}

/**
 * The helper's data for one role, which the page loads when the role is
 * chosen (`/can-i/<role>.json`): every role (for the ladder), and only the
 * decisions the role or a role above it holds. Those are all the decisions
 * on which a verdict for this role can differ from "not in your playing
 * field": a decision that nobody up the ladder holds cannot be escalated
 * (approvingGrant only follows grants once it meets one on the ladder).
 * Its size grows with the grants of one ladder, not with the playbook.
 */
export function roleHelperData(data: HelperData, roleId: string): HelperData | undefined {
  const index = roleIndex(data);
  const start = index.byId.get(roleId);
  if (start === undefined) return undefined;
  const ladder = new Set<number>();
  for (let at = start; at !== NO_ROLE && !ladder.has(at); at = data.r[at]![2]) ladder.add(at);
  const wanted = new Set<number>();
  for (const role of ladder) for (const decision of index.decisionsOf[role]!) wanted.add(decision);
  return { ...data, d: data.d.filter((_, at) => wanted.has(at)) };
}

/** The decisions a role holds a grant on, by its index in `r`: one pass over the grants, once per data object. */
export function decisionsHeld(data: HelperData, roleId: string): HelperDecision[] {
  const index = roleIndex(data);
  const at = index.byId.get(roleId);
  return at === undefined ? [] : index.decisionsOf[at]!.map((decision) => data.d[decision]!);
}

interface RoleIndex {
  byId: Map<string, number>;
  /** Per role (by index), the indexes into `d` of the decisions it holds a grant on. */
  decisionsOf: number[][];
}

const roleIndexes = new WeakMap<HelperData, RoleIndex>();

function roleIndex(data: HelperData): RoleIndex {
  const hit = roleIndexes.get(data);
  if (hit) return hit;
  const index: RoleIndex = { byId: new Map(data.r.map(([id], at) => [id, at])), decisionsOf: data.r.map((): number[] => []) };
  data.d.forEach(([, , , , , , grants], at) => {
    for (const [role] of grants) if (index.decisionsOf[role]?.at(-1) !== at) index.decisionsOf[role]?.push(at);
  });
  roleIndexes.set(data, index);
  return index;
}

/**
 * The data as JSON that is safe inside `<script type="application/json">`:
 * every `<` is written `\u003c`, so no string from content can close the
 * element (`</script>`) or open a comment. JSON.parse reads it back unchanged.
 */
export function helperDataJson(data: HelperData): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function mostCommonCurrency(boundaries: HelperPlaybook['boundaries']): string | undefined {
  const counts = new Map<string, number>();
  for (const boundary of boundaries) {
    for (const grant of boundary.grants) {
      if (grant.limit) counts.set(grant.limit.currency, (counts.get(grant.limit.currency) ?? 0) + 1);
    }
  }
  let best: string | undefined;
  for (const [currency, count] of counts) if (best === undefined || count > counts.get(best)!) best = currency;
  return best;
}
