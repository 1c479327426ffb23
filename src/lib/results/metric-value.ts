/**
 * A case-study figure read as a number with its unit: "92%", "4.6/5",
 * "38 s", "£21", "+41", "1,200 calls". Numbers are read the way the
 * playbook's locale writes them (en: "1,200.5"; fr: "1 200,5"; de:
 * "1.200,5"); anything else — words around the number, a range, two units,
 * a number written another way — is not a figure this reads, and the
 * caller shows it as text rather than guess. Pure: Intl only.
 */

export interface MetricNumber {
  /** The number: "92%" → 92, "−3" → -3, "4.6/5" → 4.6. */
  amount: number;
  /**
   * What the number counts, as two figures must share it to be compared:
   * the symbol before it and the unit after it, spaces left out, words in
   * lower case ("£|", "|%", "|/5", "|s", "|calls").
   */
  unit: string;
  /** The top of the scale the unit itself sets: 100 for a percentage, 5 for "/5". */
  scaleTop?: number;
}

const SPACE = '[ \\u00a0\\u202f]';
const patterns = new Map<string, RegExp>();

/** The whole-text pattern for `locale`: symbol, sign, number (the locale's separators), unit. */
function patternFor(locale: string): RegExp {
  let pattern = patterns.get(locale);
  if (pattern) return pattern;
  const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const groupChar = parts.find((part) => part.type === 'group')?.value ?? ',';
  const decimal = escape(parts.find((part) => part.type === 'decimal')?.value ?? '.');
  // Locales that group with a space accept any of the spaces people type.
  const group = /^\s$/u.test(groupChar) ? SPACE : escape(groupChar);
  pattern = new RegExp(
    [
      '^',
      '(?<signBefore>[+\\-\\u2212])?',
      '(?<symbol>[A-Z]{0,3}\\p{Sc})?',
      '(?<sign>[+\\-\\u2212])?',
      `(?<whole>\\d{1,3}(?:${group}\\d{3})+|\\d+)(?:${decimal}(?<fraction>\\d+))?`,
      `(?:${SPACE}?(?<unit>%|\\/${SPACE}?(?<top>\\d+)|\\p{L}[\\p{L}.]{0,11}))?`,
      '$',
    ].join(''),
    'u',
  );
  patterns.set(locale, pattern);
  return pattern;
}

/** `text` as a number with its unit, or undefined when it is not one figure this can read. */
export function parseMetricValue(text: string, locale: string): MetricNumber | undefined {
  const match = patternFor(locale).exec(text.trim());
  const groups = match?.groups;
  if (!groups || (groups.signBefore && groups.sign)) return undefined;
  const digits = `${groups.whole!.replace(/\D/g, '')}${groups.fraction ? `.${groups.fraction}` : ''}`;
  const negative = [groups.signBefore, groups.sign].some((sign) => sign === '-' || sign === '\u2212');
  const amount = Number(digits) * (negative ? -1 : 1);
  if (!Number.isFinite(amount)) return undefined;
  const unit = groups.top !== undefined ? `/${Number(groups.top)}` : (groups.unit ?? '').toLowerCase();
  const scaleTop = unit === '%' ? 100 : groups.top !== undefined ? Number(groups.top) : undefined;
  return { amount, unit: `${groups.symbol ?? ''}|${unit}`, ...(scaleTop !== undefined ? { scaleTop } : {}) };
}
