/**
 * A grant or a limit in words, in one place: the boundary pages, the matrix,
 * search results, the "Can I…?" helper and the validator's messages all say
 * "up to £75 per case" the same way. Money through Intl in the playbook's
 * locale. Pure: no Astro, no DOM, no zod (the helper's script bundles it).
 */
import type { Authority, LimitPeriod } from '../../../schemas/vocabulary.ts';
import { describePeriod, formatMoney, type ResolvedMoney } from '../domain/money.ts';
import { plural } from './format.ts';

/**
 * What a role does with a decision, in words. `escalationRole` is the
 * title of the role it informs, consults or escalates to.
 */
export function authorityInWords(authority: Authority, escalationRole: string | undefined): string {
  const whom = escalationRole ?? 'the next role up';
  switch (authority) {
    case 'decide':
      return 'Decides';
    case 'decide-and-inform':
      return `Decides, then informs ${whom}`;
    case 'consult':
      return `Consults ${whom} first`;
    case 'escalate':
      return `Escalates to ${whom}`;
  }
}

/** "£75 per case": an amount and what it counts against. */
export function amountPerPeriod(limit: ResolvedMoney, per: LimitPeriod, locale: string): string {
  return `${formatMoney(limit, locale)} ${describePeriod(per)}`;
}

/** "up to £75 per case", or "no monetary limit" when there is none. */
export function limitInWords(limit: ResolvedMoney | undefined, per: LimitPeriod, locale: string): string {
  return limit ? `up to ${amountPerPeriod(limit, per, locale)}` : 'no monetary limit';
}

/** What a grant needs for words. */
export interface GrantWords {
  authority: Authority;
  limit: ResolvedMoney | undefined;
  per: LimitPeriod;
  escalateTo: { title: string } | undefined;
}

/**
 * One sentence for a grant: "Decides up to £75 per case", "Decides up to
 * £1,000 per case, then informs Regional manager", "Consults Store manager
 * first, then decides up to £500 per case", "Escalates to Shift lead". A
 * role that escalates commits nothing on its own, so no limit is given.
 */
export function grantInWords(grant: GrantWords, locale: string): string {
  const whom = grant.escalateTo?.title ?? 'the next role up';
  const limit = grant.limit ? limitInWords(grant.limit, grant.per, locale) : undefined;
  switch (grant.authority) {
    case 'decide':
      return limit ? `Decides ${limit}` : 'Decides, no monetary limit';
    case 'decide-and-inform':
      return limit ? `Decides ${limit}, then informs ${whom}` : `Decides with no monetary limit, then informs ${whom}`;
    case 'consult':
      return limit ? `Consults ${whom} first, then decides ${limit}` : `Consults ${whom} first, then decides with no monetary limit`;
    case 'escalate':
      return `Escalates to ${whom}`;
  }
}

/**
 * A search result's line for a grant, in the order written: "Store associate: up to £75 per case",
 * "Store manager: up to £400 per case, then informs Regional manager",
 * "Contact agent: escalates to Team lead".
 */
export function limitLine(grant: GrantWords & { role: { title: string } }, locale: string): string {
  const whom = grant.escalateTo?.title ?? 'the next role up';
  const limit = limitInWords(grant.limit, grant.per, locale);
  const words = {
    decide: limit,
    'decide-and-inform': `${limit}, then informs ${whom}`,
    consult: `${limit}, after consulting ${whom}`,
    escalate: `escalates to ${whom}`,
  }[grant.authority];
  return `${grant.role.title}: ${words}`;
}

/** Under a ladder whose top grant has a limit (or only escalates) and nobody above holds the decision: beyond it, whom to ask. */
export function ladderEndsInWords(owner: string): string {
  return `Beyond the top step, no one up this ladder holds the decision: ask ${owner}, who answers for it.`;
}

/** A ladder page's lead where authority stops below the top on some boundaries. */
export function ladderGapsInWords(boundaries: number, locale: string): string {
  return `It does not hold everywhere: on ${plural(boundaries, 'decision boundary', 'decision boundaries', locale)} authority stops below the top, and beyond it readers are sent to the boundary's owner.`;
}

/** Whether a ladder holds for a kind of decision: "Yes", "2 warnings", or, where authority stops below the top, "No: 1 gap (and 1 warning)". */
export function ladderHoldsInWords(warnings: number, gaps: number, locale: string): string {
  if (warnings === 0) return 'Yes';
  if (gaps === 0) return plural(warnings, 'warning', 'warnings', locale);
  const others = warnings - gaps;
  return `No: ${plural(gaps, 'gap', 'gaps', locale)}${others > 0 ? ` (and ${plural(others, 'warning', 'warnings', locale)})` : ''}`;
}

/**
 * What a boundary's guardrails are, introduced so that it is true of any
 * list: guardrails say when to stop ("not for trade accounts") as often as
 * what must always be done ("refund to the card used").
 */
export const GUARDRAILS_LEAD = 'Whatever the limit, these always apply:';

/** The mark on the reader's own row of a boundary's limits, once "Can I…?" knows their role. */
export const YOUR_ROLE = 'Your role';
