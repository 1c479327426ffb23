/** Money resolved against the playbook's default currency, and written through Intl for a language. */
import type { Money } from '../../../schemas/index.ts';

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

/**
 * How many decimals the currency has (GBP 2, JPY 0, BHD 3), as Intl knows it.
 * An amount with more is a typo the validator refuses.
 */
export function currencyDecimals(currency: string): number {
  // Asked for every amount of a large playbook, and a formatter is costly to make: each currency is asked of Intl once.
  let decimals = decimalsByCurrency.get(currency);
  if (decimals === undefined) {
    try {
      decimals = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      decimals = 2; // not a currency code: the currency check reports it
    }
    decimalsByCurrency.set(currency, decimals);
  }
  return decimals;
}

const decimalsByCurrency = new Map<string, number>();

/** The number of decimals written in an amount: 74.999 has 3, 1e-7 has 7. */
export function decimalsOf(amount: number): number {
  const [mantissa = '', exponent = '0'] = String(amount).split('e');
  const fraction = mantissa.split('.')[1]?.length ?? 0;
  return Math.max(0, fraction - Number(exponent));
}

/**
 * `$1,000`, `CA$55`, `€200`, `£75.50` — whole amounts without decimals.
 * Never rounded up: a limit shown as more than it is would let someone
 * commit more than they may (the validator refuses such amounts; this is
 * the second line).
 */
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
      roundingMode: 'trunc',
    });
    formatters.set(key, formatter);
  }
  return formatter.format(money.amount);
}
