/**
 * Money is in real currencies, every amount has a currency (its own or the
 * playbook's default), and wins that spent more than the role's limit (on
 * the win's date) are flagged for a leader's look.
 */
import { ISO_4217_CODES, type Money } from '../../../schemas/index.ts';
import { didYouMean } from '../diagnostics/did-you-mean.ts';
import { formatFieldPath, type FieldPath, type Finding } from '../diagnostics/diagnostic.ts';
import { appliesOn } from '../domain/ladder.ts';
import { currencyDecimals, decimalsOf, formatMoney, resolveMoney } from '../domain/money.ts';
import type { CheckedEntry } from '../reading/checked-content.ts';
import type { Rule } from './rule.ts';

export const checkMoney: Rule = ({ entries, settings }) => {
  const findings: Finding[] = [];
  const check = (entry: CheckedEntry, path: FieldPath, money: Money | undefined) => {
    if (!money) return;
    const field = formatFieldPath(path);
    if (money.currency !== undefined && !ISO_4217_CODES.has(money.currency)) {
      findings.push({
        file: entry.file,
        path: [...path, 'currency'],
        severity: 'error',
        rule: 'currency',
        message: `${field}.currency: "${money.currency}" is not an ISO 4217 currency code`,
        found: money.currency,
        expected: 'an ISO 4217 code such as GBP, EUR, USD',
        hint: didYouMean(money.currency, ISO_4217_CODES) ?? 'use the three-letter code of the currency, such as GBP, EUR, USD or CAD',
      });
    }
    const currency = money.currency ?? settings?.currency;
    if (currency !== undefined && ISO_4217_CODES.has(currency)) {
      const allowed = currencyDecimals(currency);
      if (decimalsOf(money.amount) > allowed) {
        findings.push({
          file: entry.file,
          path: [...path, 'amount'],
          severity: 'error',
          rule: 'currency-decimals',
          message:
            allowed === 0
              ? `${field}.amount: ${money.amount} has decimals, but ${currency} amounts are whole numbers`
              : `${field}.amount: ${money.amount} has more decimals than ${currency} has (${allowed})`,
          found: String(money.amount),
          hint:
            allowed === 0
              ? `write a whole number of ${currency}, such as ${Math.floor(money.amount)}`
              : `write at most ${allowed} decimals, such as ${money.amount.toFixed(allowed + 2).slice(0, -2)}`,
        });
      }
    }
    // Without valid settings playbook.yaml's own error says it all; don't echo it on every amount.
    if (money.currency === undefined && settings !== undefined && settings.currency === undefined) {
      findings.push({
        file: entry.file,
        path,
        severity: 'error',
        rule: 'currency',
        message: `${field}: the amount has no currency, and playbook.yaml sets no default currency`,
        hint: 'add "currency: GBP" (or your currency) here, or a default "currency:" to playbook.yaml',
      });
    }
  };

  if (settings?.currency !== undefined && !ISO_4217_CODES.has(settings.currency)) {
    findings.push({
      file: 'playbook.yaml',
      path: ['currency'],
      severity: 'error',
      rule: 'currency',
      message: `currency: "${settings.currency}" is not an ISO 4217 currency code`,
      found: settings.currency,
      expected: 'an ISO 4217 code such as GBP, EUR, USD',
      hint: didYouMean(settings.currency, ISO_4217_CODES) ?? 'use the three-letter code of the currency, such as GBP, EUR, USD or CAD',
    });
  }
  for (const boundary of entries.boundaries) {
    boundary.data.grants.forEach((grant, i) => check(boundary, ['grants', i, 'limit'], grant.limit));
  }
  const boundaries = new Map(entries.boundaries.map((b) => [b.id, b.data]));
  const locale = settings?.locale ?? 'en';
  for (const win of entries.wins) {
    const { spent, role, boundary } = win.data;
    check(win, ['spent'], spent);
    if (!spent || !role || !boundary) continue;
    // The grant the role held on the win's date: a December raise covers a December win, not a March one.
    const grant = boundaries.get(boundary)?.grants.find((g) => g.role === role && appliesOn(g, win.data.date));
    const limit = grant?.limit && resolveMoney(grant.limit, settings?.currency);
    const cost = resolveMoney(spent, settings?.currency);
    if (grant && grant.per === 'case' && limit && cost && limit.currency === cost.currency && cost.amount > limit.amount) {
      findings.push({
        file: win.file,
        path: ['spent', 'amount'],
        severity: 'warning',
        rule: 'spend-over-limit',
        message: `spent: ${formatMoney(cost, locale)} is more than the ${formatMoney(limit, locale)} a ${role} may commit on ${boundary}`,
        hint: "say in the story who approved the extra, or ask the boundary's owner whether the limit is too tight",
      });
    }
  }
  return findings;
};
