/**
 * The "Can I…?" verdict, the one function every path answers with: the
 * helper and the search answer in the browser, the role tables, pocket
 * cards and tests at build time. It takes the build's answer for a role and
 * a decision (`DecisionAnswer`: the role's own terms, whom it turns to, and
 * the holders above it, nearest first, as the ladder module worked them
 * out) and an amount, and only picks by amount: it never walks a ladder.
 * When the boundary's grants carry dates, the answer carries one set of
 * terms per window of days, and the verdict takes the day to answer for
 * (`answerOn`): the reader's device date in the browser, the build date
 * otherwise.
 *
 * Pure: no Astro, no DOM, no zod (it is bundled into the client scripts).
 */
import type { Authority, LimitPeriod } from '../../../schemas/vocabulary.ts';
import { appliesOn, covers, firstCovering } from '../domain/ladder.ts';
import type { ResolvedMoney } from '../domain/money.ts';

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
  /** Who answers for the boundary: the person to ask when nobody up the ladder may approve. */
  owner: string;
}

/** How a decision reaches a role: it holds it, a role below brings it up, or it goes up the role's ladder. */
export type AnswerGroup = 'own' | 'comes-up' | 'up';

/** The build's answer for one role on one decision: all a verdict needs, for any amount. */
export interface DecisionAnswer {
  role: RoleRef;
  decision: DecisionRef;
  group: AnswerGroup;
  /** The role's own terms; undefined when it holds nothing here. */
  own: GrantTerms | undefined;
  /** The first role in place up this decision's path: whom the role informs, consults or turns to; undefined at the top. */
  next: RoleRef | undefined;
  /** The roles above that may decide, nearest first, with their terms; retired roles and roles that only escalate are not here. */
  holders: GrantTerms[];
  /**
   * When the boundary's grants carry dates: the answer on each window of
   * days from the build date on, in order (the first holds the build date,
   * and is what the fields above say; the last has no end). Undefined when
   * no grant carries dates.
   */
  windows?: AnswerWindow[] | undefined;
}

/** The answer on a window of days over which the boundary's grants do not change. */
export interface AnswerWindow {
  /** The first day, YYYY-MM-DD; undefined: from the start. */
  from: string | undefined;
  /** The last day (inclusive); undefined: for ever. */
  until: string | undefined;
  group: AnswerGroup;
  own: GrantTerms | undefined;
  next: RoleRef | undefined;
  holders: GrantTerms[];
}

/**
 * The answer on `day` (YYYY-MM-DD): the terms of the window that holds it
 * (a day before the first window gets the first), with `window` set to it.
 * Without a day, or for grants without dates, the answer as built.
 */
export function answerOn(answer: DecisionAnswer, day: string | undefined): DecisionAnswer & { window?: AnswerWindow | undefined } {
  const windows = answer.windows;
  if (day === undefined || !windows || windows.length === 0) return answer;
  const window = windows.find((candidate) => appliesOn(candidate, day)) ?? windows[0]!;
  return { ...answer, group: window.group, own: window.own, next: window.next, holders: window.holders, window };
}

export type VerdictKind = 'decide' | 'decide-and-inform' | 'consult' | 'escalate' | 'no-grant' | 'over-limit';

/** What was wrong with an amount given, which the verdict then leaves out (and says so). */
export type AmountProblem = 'negative' | 'unreadable';

export interface Verdict {
  kind: VerdictKind;
  /** The answer on the day asked about (`answerOn`). */
  answer: DecisionAnswer;
  /** The day the verdict is for, YYYY-MM-DD; undefined: the build date. */
  on: string | undefined;
  /** The window of days whose terms were used, when the boundary's grants carry dates. */
  window: AnswerWindow | undefined;
  role: RoleRef;
  decision: DecisionRef;
  /** The amount asked about; undefined when none was given (or it was left out, see `amountProblem`). */
  amount: ResolvedMoney | undefined;
  amountProblem: AmountProblem | undefined;
  /** True: the amount is within (or at) the role's limit; false: above it; undefined: no amount, or not comparable (another currency). */
  withinLimit: boolean | undefined;
  /** Whom to inform (decide-and-inform) or consult (consult); undefined for the other kinds. */
  counterpart: RoleRef | undefined;
  /** Escalate, over-limit and no-grant: the first role up the ladder whose authority covers the amount. */
  approver: GrantTerms | undefined;
  /** The nearest holder above, when it cannot approve the amount and someone higher can: whom the reader meets first. */
  callFirst: GrantTerms | undefined;
  /** Nobody up the ladder may approve this (at all, or not this amount): the boundary's owner answers. */
  beyond: boolean;
  /** When `beyond` for an amount: the holder above who may approve the most in the amount's currency. */
  highest: GrantTerms | undefined;
}

/** What the Amount field means for a role and decision: its currency and the period it counts against. */
export interface AmountBasis {
  /** Undefined when the playbook has no currency at all. */
  currency: string | undefined;
  per: LimitPeriod;
}

/**
 * The Amount's currency and period: those of the role's own limit, else of
 * the first holder above with a limit, else `fallback` (the playbook's
 * usual currency) per case.
 */
export function amountBasis(answer: DecisionAnswer | undefined, fallback?: string): AmountBasis {
  const own = answer?.own?.authority !== 'escalate' ? answer?.own : undefined;
  const limited = own?.limit ? own : answer?.holders.find((holder) => holder.limit);
  return limited?.limit ? { currency: limited.limit.currency, per: limited.per } : { currency: fallback || undefined, per: 'case' };
}

/**
 * The verdict for an amount (in `currency`, else the amount basis's), on
 * `day` (YYYY-MM-DD; undefined: the build date). A negative amount, or one
 * that is not a number, is left out, and the verdict says so (`amountProblem`).
 */
export function verdict(built: DecisionAnswer, amount?: number, currency?: string, day?: string): Verdict {
  const dated = answerOn(built, day);
  const answer: DecisionAnswer = dated;
  const amountProblem: AmountProblem | undefined =
    amount === undefined ? undefined : !Number.isFinite(amount) ? 'unreadable' : amount < 0 ? 'negative' : undefined;
  const asked = amount === undefined || amountProblem ? undefined : { amount, currency: currency ?? amountBasis(answer).currency ?? '' };
  const base = {
    answer,
    on: day,
    window: 'window' in dated ? dated.window : undefined,
    role: answer.role,
    decision: answer.decision,
    amount: asked,
    amountProblem,
    withinLimit: undefined,
    counterpart: undefined,
    approver: undefined,
    callFirst: undefined,
    beyond: false,
    highest: undefined,
  };
  const own = answer.own;
  if (own && own.authority !== 'escalate') {
    const within = covers(own.limit, asked);
    if (within !== false) {
      const counterpart = own.authority === 'decide' ? undefined : answer.next;
      return { ...base, kind: own.authority, withinLimit: asked && own.limit ? within : undefined, counterpart };
    }
    return { ...base, kind: 'over-limit', withinLimit: false, ...goingUp(answer, asked) };
  }
  return { ...base, kind: own ? 'escalate' : 'no-grant', ...goingUp(answer, asked) };
}

/** Who takes it from here: the first holder who may approve the amount, and the nearest one when that is someone else. */
function goingUp(answer: DecisionAnswer, asked: ResolvedMoney | undefined): Pick<Verdict, 'approver' | 'callFirst' | 'beyond' | 'highest'> {
  const approver = firstCovering(answer.holders, asked);
  const nearest = answer.holders[0];
  if (approver) return { approver, callFirst: nearest !== approver ? nearest : undefined, beyond: false, highest: undefined };
  const comparable = answer.holders.filter((holder) => holder.limit && holder.limit.currency === asked?.currency);
  const highest = comparable.reduce<GrantTerms | undefined>((best, holder) => (!best || holder.limit!.amount > best.limit!.amount ? holder : best), undefined);
  return { approver: undefined, callFirst: undefined, beyond: true, highest };
}

/**
 * A verdict in one short code: what the reader does and with whom.
 * Two verdicts with the same outcome send the reader the same way; the
 * pages carry it (`data-outcome`) so every path can be compared.
 */
export function verdictOutcome(verdict: Verdict): string {
  switch (verdict.kind) {
    case 'decide':
      return 'decide';
    case 'decide-and-inform':
    case 'consult':
      return `${verdict.kind}:${verdict.counterpart?.id ?? ''}`;
    default:
      if (verdict.beyond) return 'beyond';
      return `approver:${verdict.approver!.role.id}${verdict.callFirst ? `/first:${verdict.callFirst.role.id}` : ''}`;
  }
}

/** A range of amounts with one outcome: up to `upTo` (inclusive) from the band before; undefined: above every limit (or any amount). */
export interface VerdictBand {
  upTo: ResolvedMoney | undefined;
  verdict: Verdict;
}

/**
 * The verdict for every amount, as bands: "up to £50, you decide; up to
 * £150, Shift lead; up to £500, Store manager; above, ask the owner". Made
 * from the verdict at each limit (in the amount basis's currency) and above
 * the highest, so reading a band off a table gives the verdict itself.
 */
export function verdictBands(built: DecisionAnswer, day?: string): VerdictBand[] {
  const answer = answerOn(built, day);
  const { currency } = amountBasis(answer);
  const limits = [answer.own, ...answer.holders].flatMap((terms) =>
    terms?.limit && terms.limit.currency === currency && terms.authority !== 'escalate' ? [terms.limit.amount] : [],
  );
  const points = [...new Set(limits)].sort((a, b) => a - b);
  const bands: VerdictBand[] = points.map((amount) => ({ upTo: { amount, currency: currency! }, verdict: verdict(built, amount, currency, day) }));
  bands.push({ upTo: undefined, verdict: verdict(built, points.length > 0 ? points.at(-1)! + 1 : undefined, currency, day) });
  // Neighbouring bands with one outcome are one band, up to the higher amount.
  return bands.filter((band, index) => index === bands.length - 1 || verdictOutcome(band.verdict) !== verdictOutcome(bands[index + 1]!.verdict));
}

/** The band an amount falls in. */
export function bandFor(bands: readonly VerdictBand[], amount: number): VerdictBand {
  return bands.find((band) => band.upTo === undefined || amount <= band.upTo.amount)!;
}
