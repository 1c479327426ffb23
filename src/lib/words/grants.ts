/**
 * A grant or a limit in words, in one place: the boundary pages, the matrix,
 * search results, the "Can I…?" helper and the validator's messages all say
 * "up to £75 per case" the same way, in the reader's language (`Words`:
 * its dictionary, and money through Intl). Pure: no Astro, no DOM, no zod
 * (the helper's script bundles it).
 */
import type { Authority, LimitPeriod } from '../../../schemas/vocabulary.ts';
import type { ResolvedMoney } from '../domain/money.ts';
import type { Words } from '../languages/words.ts';

/** "per case", "per customer per day", … */
export function describePeriod(per: LimitPeriod, words: Words): string {
  return words.t(`period.${per}`);
}

/**
 * What a role does with a decision, in words. `escalationRole` is the
 * title of the role it informs, consults or escalates to.
 */
export function authorityInWords(authority: Authority, escalationRole: string | undefined, words: Words): string {
  return words.t(`authority.${authority}`, { whom: escalationRole ?? words.t('authority.nextRoleUp') });
}

/** "£75 per case": an amount and what it counts against. */
export function amountPerPeriod(limit: ResolvedMoney, per: LimitPeriod, words: Words): string {
  return words.t('limit.amountPer', { amount: words.money(limit), period: describePeriod(per, words) });
}

/** "up to £75 per case", or "no monetary limit" when there is none. */
export function limitInWords(limit: ResolvedMoney | undefined, per: LimitPeriod, words: Words): string {
  return limit ? words.t('limit.upTo', { amount: amountPerPeriod(limit, per, words) }) : words.t('limit.none');
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
export function grantInWords(grant: GrantWords, words: Words): string {
  const whom = grant.escalateTo?.title ?? words.t('authority.nextRoleUp');
  const limit = grant.limit ? limitInWords(grant.limit, grant.per, words) : undefined;
  switch (grant.authority) {
    case 'decide':
      return limit ? words.t('grant.decideUpTo', { limit }) : words.t('grant.decideNoLimit');
    case 'decide-and-inform':
      return limit ? words.t('grant.informUpTo', { limit, whom }) : words.t('grant.informNoLimit', { whom });
    case 'consult':
      return limit ? words.t('grant.consultUpTo', { limit, whom }) : words.t('grant.consultNoLimit', { whom });
    case 'escalate':
      return words.t('grant.escalate', { whom });
  }
}

/**
 * A search result's line for a grant, in the order written: "Store associate: up to £75 per case",
 * "Store manager: up to £400 per case, then informs Regional manager",
 * "Contact agent: escalates to Team lead".
 */
export function limitLine(grant: GrantWords & { role: { title: string } }, words: Words): string {
  const whom = grant.escalateTo?.title ?? words.t('authority.nextRoleUp');
  const limit = limitInWords(grant.limit, grant.per, words);
  const line = {
    decide: limit,
    'decide-and-inform': words.t('limitLine.inform', { limit, whom }),
    consult: words.t('limitLine.consult', { limit, whom }),
    escalate: words.t('limitLine.escalate', { whom }),
  }[grant.authority];
  return words.t('limitLine.role', { role: grant.role.title, limit: line });
}

/** Under a ladder whose top grant has a limit (or only escalates) and nobody above holds the decision: beyond it, whom to ask. */
export function ladderEndsInWords(owner: string, words: Words): string {
  return words.t('ladder.endsAskOwner', { owner });
}

/** A ladder page's lead where authority stops below the top on some boundaries. */
export function ladderGapsInWords(boundaries: number, words: Words): string {
  return words.t('ladderPage.gapsLead', { count: boundaries });
}

/** Whether a ladder holds for a kind of decision: "Yes", "2 warnings", or, where authority stops below the top, "No: 1 gap (and 1 warning)". */
export function ladderHoldsInWords(warnings: number, gaps: number, words: Words): string {
  if (warnings === 0) return words.t('ladderPage.yes');
  if (gaps === 0) return words.t('count.warnings', { count: warnings });
  const others = warnings - gaps;
  const no = words.t('ladderPage.noGaps', { gaps: words.t('count.gaps', { count: gaps }) });
  return others > 0 ? words.t('ladderPage.andWarnings', { holds: no, warnings: words.t('count.warnings', { count: others }) }) : no;
}

/** A grant's dates, as the window words need them. */
export interface DatedGrantWords extends GrantWords {
  from?: string | undefined;
  until?: string | undefined;
}

/**
 * What a grant's dates add beside its limit, on `today`: "until 31 Jan
 * 2027, then £75" (the role's grant from the next day), "until 31 Jan 2027",
 * "from 1 Feb 2027" (not started yet); '' for a grant that applies today and
 * has no end. Dates through Intl in the reader's language.
 */
export function grantWindowInWords(grant: DatedGrantWords, next: GrantWords | undefined, today: string, words: Words): string {
  if (grant.from !== undefined && grant.from > today) return words.t('window.from', { date: words.date(grant.from) });
  if (grant.until === undefined) return '';
  const date = words.date(grant.until);
  if (!next) return words.t('window.until', { date });
  const then =
    next.authority === 'escalate'
      ? words.t('limit.escalates')
      : next.limit
        ? next.per === grant.per
          ? words.money(next.limit)
          : amountPerPeriod(next.limit, next.per, words)
        : words.t('limit.none');
  return words.t('window.untilThen', { date, next: then });
}
