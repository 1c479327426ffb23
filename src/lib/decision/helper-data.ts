/**
 * The "Can I…?" data as the browser receives it: `/can-i/` carries the
 * roles to choose from, and `/can-i/<role>.json` one role's answers (see
 * answers.ts), worked out by the build. The browser unpacks the answers and
 * only picks by amount (verdict.ts); it never walks a ladder. Compact arrays
 * indexed by position, not objects with long keys, because this ships to
 * every visitor.
 *
 * Pure: no Astro, no DOM, no zod (it is bundled into the client scripts).
 */
import { AUTHORITIES, LIMIT_PERIODS } from '../../../schemas/vocabulary.ts';
import type { Playbook } from '../model/types.ts';
import { roleAnswers } from './answers.ts';
import type { AnswerGroup, AnswerWindow, DecisionAnswer, GrantTerms, RoleRef } from './verdict.ts';

/** Authorities in code order: terms store the index (the schema's own list, which has no zod). */
export const AUTHORITY_CODES = AUTHORITIES;
/** Limit periods in code order: terms store the index. */
export const PERIOD_CODES = LIMIT_PERIODS;
/** How a decision reaches the role, in code order. */
export const GROUP_CODES: readonly AnswerGroup[] = ['own', 'comes-up', 'up'];

/** No role: where a role index would be. */
export const NO_ROLE = -1;

/** A role: `[id, title]`. */
export type HelperRole = [id: string, title: string];

/** The roles /can-i/ offers (published, by title), with the locale for money and the playbook's usual currency. */
export interface HelperIndex {
  l: string;
  /** The most common limit currency (else the playbook's): terms in it leave their currency out. */
  c: string;
  r: HelperRole[];
}

/**
 * A role's terms: `[role, authority, per, note, amount?, currency?]`. `role`
 * indexes `RoleHelperData.r`, `authority` and `per` index AUTHORITY_CODES and
 * PERIOD_CODES; `note` is '' for none. No amount: no monetary limit; no
 * currency: the data's usual currency `c`.
 */
export type PackedTerms =
  | [role: number, authority: number, per: number, note: string]
  | [role: number, authority: number, per: number, note: string, amount: number]
  | [role: number, authority: number, per: number, note: string, amount: number, currency: string];

/**
 * One window of days of a dated answer: `[from, until, group, next, own,
 * holders]`, dates YYYY-MM-DD or '' when open, the rest as in an answer.
 */
export type PackedWindow = [from: string, until: string, group: number, next: number, own: PackedTerms | 0, holders: PackedTerms[]];

/**
 * One decision's answer: `[id, decision, title, path, category, guardrails,
 * owner, group, next, own, holders, windows?]`; category '' for none, `group`
 * indexes GROUP_CODES, `next` a role (or NO_ROLE), `own` the role's terms or
 * 0, `holders` the terms of the roles above that may decide, nearest first
 * (all on the build date), and, only when the boundary's grants carry dates,
 * `windows`: the answer on each window of days, so the browser answers for
 * the reader's own date.
 */
export type PackedAnswer = [
  id: string,
  decision: string,
  title: string,
  path: string,
  category: string,
  guardrails: string[],
  owner: string,
  group: number,
  next: number,
  own: PackedTerms | 0,
  holders: PackedTerms[],
  windows?: PackedWindow[],
];

/** `/can-i/<role>.json`: one role's answers. */
export interface RoleHelperData extends HelperIndex {
  /** The roles the answers name; the first is the role itself. */
  r: HelperRole[];
  d: PackedAnswer[];
}

/** What the helper data needs of the model. */
export type HelperPlaybook = Pick<Playbook, 'settings' | 'roles' | 'boundaries'>;

const usual = new WeakMap<HelperPlaybook, string>();

/** The currency most limits are in, else the playbook's ('' when there is none): the currency terms leave out. */
function usualCurrency(playbook: HelperPlaybook): string {
  let currency = usual.get(playbook);
  if (currency === undefined) {
    const counts = new Map<string, number>();
    for (const boundary of playbook.boundaries) {
      if (boundary.status !== 'published') continue;
      for (const grant of boundary.grants) if (grant.limit) counts.set(grant.limit.currency, (counts.get(grant.limit.currency) ?? 0) + 1);
    }
    let best: string | undefined;
    for (const [code, count] of counts) if (best === undefined || count > counts.get(best)!) best = code;
    currency = best ?? playbook.settings.currency ?? '';
    usual.set(playbook, currency);
  }
  return currency;
}

/** The roles to choose from: what /can-i/ embeds. */
export function helperIndex(playbook: HelperPlaybook): HelperIndex {
  return { l: playbook.settings.locale, c: usualCurrency(playbook), r: playbook.roles.map((role): HelperRole => [role.id, role.title]) };
}

/** One published role's answers, packed; undefined for any other id. */
export function roleHelperData(playbook: HelperPlaybook, roleId: string): RoleHelperData | undefined {
  const answers = roleAnswers(playbook, roleId);
  const role = playbook.roles.find((r) => r.id === roleId);
  if (!answers || !role) return undefined;
  const currency = usualCurrency(playbook);
  const roles: HelperRole[] = [[role.id, role.title]];
  const index = new Map([[role.id, 0]]);
  const at = (ref: RoleRef | undefined): number => {
    if (!ref) return NO_ROLE;
    if (!index.has(ref.id)) {
      index.set(ref.id, roles.length);
      roles.push([ref.id, ref.title]);
    }
    return index.get(ref.id)!;
  };
  const pack = (terms: GrantTerms): PackedTerms => {
    const head: [number, number, number, string] = [
      at(terms.role),
      AUTHORITY_CODES.indexOf(terms.authority),
      PERIOD_CODES.indexOf(terms.per),
      terms.note ?? '',
    ];
    if (!terms.limit) return head;
    return terms.limit.currency === currency ? [...head, terms.limit.amount] : [...head, terms.limit.amount, terms.limit.currency];
  };
  const d = answers.map(({ decision, group, own, next, holders, windows }): PackedAnswer => {
    const packed: PackedAnswer = [
      decision.id,
      decision.decision,
      decision.title,
      decision.path,
      decision.category ?? '',
      decision.guardrails,
      decision.owner,
      GROUP_CODES.indexOf(group),
      at(next),
      own ? pack(own) : 0,
      holders.map(pack),
    ];
    if (!windows) return packed;
    const packedWindows = windows.map((window): PackedWindow => [
      window.from ?? '',
      window.until ?? '',
      GROUP_CODES.indexOf(window.group),
      at(window.next),
      window.own ? pack(window.own) : 0,
      window.holders.map(pack),
    ]);
    packed[11] = packedWindows;
    return packed;
  });
  return { l: playbook.settings.locale, c: currency, r: roles, d };
}

const unpacked = new WeakMap<RoleHelperData, DecisionAnswer[]>();

/** A role's answers, as the build worked them out, from its packed data (once per data object). */
export function unpackAnswers(data: RoleHelperData): DecisionAnswer[] {
  const hit = unpacked.get(data);
  if (hit) return hit;
  const refs = data.r.map(([id, title]): RoleRef => ({ id, title }));
  const terms = ([role, authority, per, note, amount, currency]: PackedTerms): GrantTerms => ({
    role: refs[role]!,
    authority: AUTHORITY_CODES[authority]!,
    per: PERIOD_CODES[per]!,
    note: note || undefined,
    limit: amount === undefined ? undefined : { amount, currency: currency ?? data.c },
  });
  const answers = data.d.map(([id, decision, title, path, category, guardrails, owner, group, next, own, holders, windows]): DecisionAnswer => ({
    role: refs[0]!,
    decision: { id, decision, title, path, category: category || undefined, guardrails, owner },
    group: GROUP_CODES[group]!,
    own: own === 0 ? undefined : terms(own),
    next: next === NO_ROLE ? undefined : refs[next],
    holders: holders.map(terms),
    ...(windows
      ? {
          windows: windows.map(([from, until, windowGroup, windowNext, windowOwn, windowHolders]): AnswerWindow => ({
            from: from || undefined,
            until: until || undefined,
            group: GROUP_CODES[windowGroup]!,
            own: windowOwn === 0 ? undefined : terms(windowOwn),
            next: windowNext === NO_ROLE ? undefined : refs[windowNext],
            holders: windowHolders.map(terms),
          })),
        }
      : {}),
  }));
  unpacked.set(data, answers);
  return answers;
}

/**
 * The data as JSON that is safe inside `<script type="application/json">`:
 * every `<` is written `\u003c`, so no string from content can close the
 * element (`</script>`) or open a comment. JSON.parse reads it back unchanged.
 */
export function helperDataJson(data: HelperIndex | RoleHelperData): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
