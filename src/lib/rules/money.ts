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
import { finding, MESSAGES } from '../diagnostics/catalogue.ts';
import type { Rule } from './rule.ts';

export const checkMoney: Rule = ({ entries, settings }) => {
  const findings: Finding[] = [];
  const check = (entry: CheckedEntry, path: FieldPath, money: Money | undefined) => {
    if (!money) return;
    // Written only into findings: most amounts have none.
    const field = () => formatFieldPath(path);
    if (money.currency !== undefined && !ISO_4217_CODES.has(money.currency)) {
      findings.push(currencyFinding(entry.file, [...path, 'currency'], money.currency));
    }
    const currency = money.currency ?? settings?.currency;
    if (currency !== undefined && ISO_4217_CODES.has(currency)) {
      const allowed = currencyDecimals(currency);
      if (decimalsOf(money.amount) > allowed) {
        findings.push(
          finding(
            MESSAGES['currency-decimals'],
            'default',
            { file: entry.file, path: [...path, 'amount'], found: String(money.amount) },
            { field: field(), amount: money.amount, currency, allowed },
          ),
        );
      }
    }
    // Without valid settings playbook.yaml's own error says it all; don't echo it on every amount.
    if (money.currency === undefined && settings !== undefined && settings.currency === undefined) {
      findings.push(finding(MESSAGES.currency, 'missing', { file: entry.file, path }, { field: field() }));
    }
  };

  if (settings?.currency !== undefined && !ISO_4217_CODES.has(settings.currency)) {
    findings.push(currencyFinding('playbook.yaml', ['currency'], settings.currency));
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
      findings.push(
        finding(
          MESSAGES['spend-over-limit'],
          'default',
          { file: win.file, path: ['spent', 'amount'] },
          { cost: formatMoney(cost, locale), limit: formatMoney(limit, locale), role, boundary },
        ),
      );
    }
  }
  return findings;
};

/** A currency code that ISO 4217 does not have. */
function currencyFinding(file: string, path: FieldPath, code: string): Finding {
  return finding(
    MESSAGES.currency,
    'code',
    { file, path, found: code, expected: 'an ISO 4217 code such as GBP, EUR, USD' },
    { field: formatFieldPath(path), code, near: didYouMean(code, ISO_4217_CODES) },
  );
}
