/**
 * The words of one language at run time: interface words from its
 * dictionary with their placeholders filled, plurals chosen with
 * Intl.PluralRules, and numbers, money and dates through Intl for the same
 * language, so "up to 75 $ par cas" and "1 234" read as a French reader
 * expects. Pure and small: the browser's scripts build one from the words
 * the page hands them.
 */
import { formatMoney, type ResolvedMoney } from '../domain/money.ts';
import { fillPlaceholders, type Message } from './message.ts';
import type { WordKey } from './interface-en.ts';

/** Values for a message's placeholders: numbers are written with the language's digits. */
export type WordValues = Readonly<Record<string, string | number>>;

export interface Words {
  /** The BCP-47 tag the words and formats are for: `fr-CA`. */
  tag: string;
  /** An interface word, placeholders filled; a plural message takes the form for `values.count`. */
  t(key: WordKey, values?: WordValues): string;
  /** 20000 → "20,000" (en) or "20 000" (fr). */
  count(value: number): string;
  /** `2026-03-01` → "1 Mar 2026" (en-GB), "1 mars 2026" (fr-CA). */
  date(isoDate: string): string;
  /** £75, 75 $, 1 000 € — whole amounts without decimals. */
  money(money: ResolvedMoney): string;
}

export function createWords(tag: string, dictionary: Readonly<Partial<Record<WordKey, Message>>>): Words {
  const { plurals, numbers, dates, datesWritten } = formatsOf(tag);
  const count = (value: number) => numbers.format(value);
  return {
    tag,
    t(key, values = {}) {
      const message = dictionary[key];
      // A missing word shows its key: visible in review, never a crash.
      if (message === undefined) return key;
      const text = typeof message === 'string' ? message : (message[plurals.select(Number(values.count ?? 0))] ?? message.other);
      // Most words have no placeholder: a page asks for a hundred of them.
      if (!text.includes('{')) return text;
      return fillPlaceholders(text, values, count);
    },
    count,
    date(isoDate) {
      let written = datesWritten.get(isoDate);
      if (written === undefined) {
        if (datesWritten.size >= DATES_KEPT) datesWritten.clear();
        // Dates are calendar days, so UTC.
        written = dates.format(new Date(`${isoDate}T00:00:00Z`));
        datesWritten.set(isoDate, written);
      }
      return written;
    },
    money: (money) => formatMoney(money, tag),
  };
}

/** The most dates one language's words keep written (about 27 years of days). */
const DATES_KEPT = 10_000;

interface Formats {
  plurals: Intl.PluralRules;
  numbers: Intl.NumberFormat;
  dates: Intl.DateTimeFormat;
  /**
   * Dates already written, by ISO date: a page shows dozens of dates, and a
   * playbook has a few thousand different ones, so each is formatted once
   * (a 20,000-entry build spent 0.5 s formatting them again), and at most
   * `DATES_KEPT` are kept.
   */
  datesWritten: Map<string, string>;
}

/**
 * A language's Intl formats, made once per tag: every page asks for its
 * words (the middleware), and making three Intl formatters cost more than
 * rendering a small page. Intl formatters hold no state between calls.
 */
function formatsOf(tag: string): Formats {
  let formats = formatsByTag.get(tag);
  if (!formats) {
    formats = {
      plurals: new Intl.PluralRules(tag),
      numbers: new Intl.NumberFormat(tag),
      dates: new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }),
      datesWritten: new Map(),
    };
    formatsByTag.set(tag, formats);
  }
  return formats;
}

const formatsByTag = new Map<string, Formats>();
