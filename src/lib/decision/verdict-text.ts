/**
 * Verdicts in plain words, the way the helper says them: "Yes — you may
 * decide.", "Consult Director first, then decide.", "Escalate to Store
 * manager, who may approve up to £250 per case." Money through Intl in the
 * playbook's locale.
 *
 * Pure: no Astro, no DOM (it is bundled into the client script).
 */
import { formatMoney, type ResolvedMoney } from '../domain/money.ts';
import { amountPerPeriod } from '../words/grants.ts';
import type { Escalation, GrantTerms, RoleRef, Verdict } from './verdict.ts';

const YOUR_MANAGER = 'your manager';

/** The verdict as one or more plain sentences. */
export function verdictText(verdict: Verdict, locale: string): string {
  const money = (m: ResolvedMoney) => formatMoney(m, locale);
  const limitOf = (grant: GrantTerms) => (grant.limit ? amountPerPeriod(grant.limit, grant.per, locale) : undefined);
  const manager = verdict.manager?.title ?? YOUR_MANAGER;
  const who = verdict.counterpart?.title ?? manager;
  const grant = verdict.grant;
  const limit = grant && limitOf(grant);

  // With an amount that was compared: a short answer, then the limit it was compared with.
  const answered = verdict.amount !== undefined && (verdict.withinLimit !== undefined || !grant?.limit);
  const because = verdict.withinLimit ? `${money(verdict.amount!)} is within your limit of ${limit}.` : 'You have no monetary limit on this decision.';

  switch (verdict.kind) {
    case 'decide':
      if (answered) return `Yes — you may decide. ${because}`;
      return limit ? `You may decide up to ${limit}.` : 'You may decide, with no monetary limit.';
    case 'decide-and-inform':
      if (answered) return `Yes — decide, then inform ${who}. ${because}`;
      return limit ? `You may decide up to ${limit}, then inform ${who}.` : `You may decide, with no monetary limit, then inform ${who}.`;
    case 'consult':
      if (answered) return `Consult ${who} first, then decide. ${because}`;
      return limit ? `Consult ${who} first, then you may decide up to ${limit}.` : `Consult ${who} first, then decide, with no monetary limit.`;
    case 'escalate':
      return escalationText(verdict.escalation, limitOf) ?? `Escalate to ${manager}.`;
    case 'over-limit': {
      const over = `No — ${money(verdict.amount!)} is above your limit of ${limit}.`;
      // No escalation here means no role above: the role is at the top of its ladder.
      return `${over} ${escalationText(verdict.escalation, limitOf) ?? 'No one higher on your ladder holds this decision.'}`;
    }
    case 'no-grant': {
      const next = escalationText(verdict.escalation, limitOf);
      return next ? `This decision is not in your playing field. ${next}` : `This decision is not in your playing field: ask ${manager}.`;
    }
  }
}

function escalationText(escalation: Escalation | undefined, limitOf: (grant: GrantTerms) => string | undefined): string | undefined {
  if (!escalation) return undefined;
  const { to, approves, highest } = escalation;
  const limit = approves && limitOf(approves);
  const may = !approves ? '' : limit ? `, who may approve up to ${limit}` : ', who has no monetary limit on this decision';
  return `Escalate to ${to.title}${may}.${highest ? ' No one higher on your ladder holds this decision.' : ''}`;
}

/** Whom the verdict sends the reader to, if anyone: the role and, where it holds the decision, what it may approve. */
export function whomToCall(verdict: Verdict, locale: string): { role: RoleRef; approves: string | undefined } | undefined {
  const approves = (grant: GrantTerms | undefined) =>
    grant && (grant.limit ? `May approve up to ${amountPerPeriod(grant.limit, grant.per, locale)}.` : 'Has no monetary limit on this decision.');
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
