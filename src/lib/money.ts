/** Money and limits in words, through Intl in the playbook's locale. */
import type { LimitPeriod, Money } from '../../schemas/index.ts';

/** Money with its currency resolved against the playbook default. */
export interface ResolvedMoney {
  amount: number;
  currency: string;
}

export function resolveMoney(money: Money, defaultCurrency: string | undefined): ResolvedMoney | undefined {
  const currency = money.currency ?? defaultCurrency;
  return currency === undefined ? undefined : { amount: money.amount, currency };
}

const formatters = new Map<string, Intl.NumberFormat>();

/** `$1,000`, `CA$55`, `€200`, `£75.50` — whole amounts without decimals. */
export function formatMoney(money: ResolvedMoney, locale: string): string {
  const whole = Number.isInteger(money.amount);
  const key = `${locale}|${money.currency}|${whole}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: money.currency,
      minimumFractionDigits: whole ? 0 : undefined,
      maximumFractionDigits: whole ? 0 : undefined,
    });
    formatters.set(key, formatter);
  }
  return formatter.format(money.amount);
}

const PERIOD_WORDS: Record<LimitPeriod, string> = {
  case: 'per case',
  customer: 'per customer',
  'customer-day': 'per customer per day',
  day: 'per day',
  month: 'per month',
  year: 'per year',
};

/** "per case", "per customer per day", … */
export function describePeriod(per: LimitPeriod): string {
  return PERIOD_WORDS[per];
}
