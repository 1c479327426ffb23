/**
 * Verdicts in plain words, the way the helper says them: "Yes — you may
 * decide.", "Consult Director first, then decide.", "Escalate to Store
 * manager, who may approve up to £250 per case." In the reader's language:
 * the words from its dictionary, money through Intl (`Words`).
 *
 * Pure: no Astro, no DOM (it is bundled into the client script).
 */
import type { Words } from '../languages/words.ts';
import { amountPerPeriod } from '../words/grants.ts';
import type { Escalation, GrantTerms, RoleRef, Verdict } from './verdict.ts';

/** The verdict as one or more plain sentences. */
export function verdictText(verdict: Verdict, words: Words): string {
  const t = words.t;
  const limitOf = (grant: GrantTerms) => (grant.limit ? amountPerPeriod(grant.limit, grant.per, words) : undefined);
  const manager = verdict.manager?.title ?? t('verdict.yourManager');
  const who = verdict.counterpart?.title ?? manager;
  const grant = verdict.grant;
  const limit = grant && limitOf(grant);

  // With an amount that was compared: a short answer, then the limit it was compared with.
  const answered = verdict.amount !== undefined && (verdict.withinLimit !== undefined || !grant?.limit);
  const because = verdict.withinLimit ? t('verdict.withinLimit', { amount: words.money(verdict.amount!), limit: limit! }) : t('verdict.noLimit');

  switch (verdict.kind) {
    case 'decide':
      if (answered) return t('verdict.decideAnswered', { because });
      return limit ? t('verdict.decideUpTo', { limit }) : t('verdict.decideNoLimit');
    case 'decide-and-inform':
      if (answered) return t('verdict.informAnswered', { whom: who, because });
      return limit ? t('verdict.informUpTo', { limit, whom: who }) : t('verdict.informNoLimit', { whom: who });
    case 'consult':
      if (answered) return t('verdict.consultAnswered', { whom: who, because });
      return limit ? t('verdict.consultUpTo', { limit, whom: who }) : t('verdict.consultNoLimit', { whom: who });
    case 'escalate':
      return escalationText(verdict.escalation, limitOf, words) ?? t('verdict.escalate', { whom: manager });
    case 'over-limit': {
      const over = t('verdict.overLimit', { amount: words.money(verdict.amount!), limit: limit! });
      // No escalation here means no role above: the role is at the top of its ladder.
      return `${over} ${escalationText(verdict.escalation, limitOf, words) ?? t('verdict.nobodyHigher')}`;
    }
    case 'no-grant': {
      const next = escalationText(verdict.escalation, limitOf, words);
      return next ? t('verdict.notYours', { next }) : t('verdict.notYoursAsk', { whom: manager });
    }
  }
}

function escalationText(escalation: Escalation | undefined, limitOf: (grant: GrantTerms) => string | undefined, words: Words): string | undefined {
  if (!escalation) return undefined;
  const { to, approves, highest } = escalation;
  const limit = approves && limitOf(approves);
  const whom = to.title;
  const text = !approves
    ? words.t('verdict.escalate', { whom })
    : limit
      ? words.t('verdict.escalateApproves', { whom, limit })
      : words.t('verdict.escalateUnlimited', { whom });
  return highest ? `${text} ${words.t('verdict.nobodyHigher')}` : text;
}

/** Whom the verdict sends the reader to, if anyone: the role and, where it holds the decision, what it may approve. */
export function whomToCall(verdict: Verdict, words: Words): { role: RoleRef; approves: string | undefined } | undefined {
  const approves = (grant: GrantTerms | undefined) =>
    grant && (grant.limit ? words.t('verdict.mayApprove', { limit: amountPerPeriod(grant.limit, grant.per, words) }) : words.t('verdict.mayApproveUnlimited'));
  if (verdict.escalation) return { role: verdict.escalation.to, approves: approves(verdict.escalation.approves) };
  if (verdict.counterpart) return { role: verdict.counterpart, approves: undefined };
  if (verdict.kind === 'decide') return undefined;
  return verdict.manager && { role: verdict.manager, approves: undefined };
}

/** The currency's symbol as the locale writes it: "£", "€", "CA$"; the code itself when Intl has none. */
export function currencySymbol(currency: string, locale: string): string {
  try {
    const parts = new Intl.NumberFormat(locale, { style: 'currency', currency }).formatToParts(0);
    return parts.find((part) => part.type === 'currency')?.value ?? currency;
  } catch {
    return currency;
  }
}
