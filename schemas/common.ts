/**
 * Building blocks shared by the collection schemas: ids, dates, money, status.
 * Pure zod, no Astro imports, so the validator, the tests and Astro's
 * collections all use the very same definitions.
 */
import { z } from 'zod';

/** Lower-case kebab-case, as every entry id and reference must be. */
export const ENTRY_ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** What every placeholder that `npm run new` writes starts with (see src/lib/domain/placeholders.ts). */
export const PLACEHOLDER_MARK = 'TODO:';

/** An id, or a placeholder written where the id was not known yet. */
const REFERENCE_PATTERN = new RegExp(`^(?:${ENTRY_ID_PATTERN.source.slice(1, -1)}|${PLACEHOLDER_MARK}[\\s\\S]*)$`);

/**
 * A reference to another entry by its id (the file name without extension).
 * A placeholder that `npm run new` wrote where it could not know the id
 * (`"TODO: the value it shows"`) is read as well, so an unfinished entry can
 * be previewed; the validator's `placeholder` check keeps it from being
 * published until the id is written.
 */
export const entryId = z.string().regex(REFERENCE_PATTERN, { error: 'must be a lower-case kebab-case id such as "store-associate"' });

/** A list of references; duplicates are harmless and dropped. */
export const entryIds = z.array(entryId).transform((ids) => [...new Set(ids)]);

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `text` is a real calendar date written `YYYY-MM-DD`. */
export function isCalendarDate(text: string): boolean {
  const match = DATE_PATTERN.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * A calendar date written `YYYY-MM-DD`; read as that same string.
 * YAML parsers that turn unquoted dates into `Date` objects (Astro's does) are
 * accepted too and normalised back to the string, so every reader sees one form.
 */
export const isoDate = z.preprocess(
  (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value),
  z
    .string()
    .regex(DATE_PATTERN, { error: 'must be a date written YYYY-MM-DD', abort: true })
    .refine(isCalendarDate, { error: 'is not a real calendar date', params: { check: 'date' } }),
);

/** Entry status: drafts appear nowhere in a build; retired entries keep their page only. */
export const status = z.enum(['draft', 'published', 'retired']).default('published');

/** The longest review cadence: ten years. Longer ones are typos, and would put the due date beyond any calendar. */
export const MAX_REVIEW_EVERY_DAYS = 3650;

/** A review cadence in days, at most ten years. */
export const reviewEveryDays = z
  .number()
  .max(MAX_REVIEW_EVERY_DAYS, { error: `must be at most ${MAX_REVIEW_EVERY_DAYS} days (ten years)`, abort: true })
  .int()
  .positive();

/** The form of an ISO 4217 currency code: three capitals. */
const CURRENCY_PATTERN = /^[A-Z]{3}$/;

/**
 * The kinds of value checked by their form, so that the validator's hint
 * says how to write one (its words are in src/lib/diagnostics/catalogue.ts).
 * A pattern is known by itself; a refinement carries `params: { check }`.
 */
export type ValueCheck = 'date' | 'id' | 'currency' | 'web-address' | 'locale';

/** The check each pattern makes, keyed by the pattern as zod reports it (`/…/`). */
export const PATTERN_CHECKS: ReadonlyMap<string, ValueCheck> = new Map([
  [REFERENCE_PATTERN.toString(), 'id'],
  [DATE_PATTERN.toString(), 'date'],
  [CURRENCY_PATTERN.toString(), 'currency'],
]);

/** Currency codes this runtime knows as ISO 4217 (Intl's list, which tracks the standard). */
export const ISO_4217_CODES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

/** An ISO 4217 currency code such as `GBP`, `EUR`, `USD`. */
export const currencyCode = z.string().regex(CURRENCY_PATTERN, { error: 'must be a three-letter ISO 4217 code in capitals, such as GBP' });

/** An amount of money. `currency` may be left out where `playbook.yaml` sets a default. */
export const money = z.strictObject({
  /**
   * The amount, in the currency's main unit (75 means £75, not 75p); no
   * larger than the largest whole number a computer counts exactly.
   */
  amount: z.number().nonnegative().max(Number.MAX_SAFE_INTEGER, { error: 'is too large to be counted exactly' }),
  /** ISO 4217 code; defaults to `currency` in `playbook.yaml`. */
  currency: currencyCode.optional(),
});

/**
 * A web address. Only http and https: a `javascript:` or `data:` address in a
 * link would run code in a reader's browser.
 */
export const webUrl = z.url({ protocol: /^https?$/, error: 'must be a full web address starting with https://' });

/**
 * A number written where text is expected (`period: 2025`, `title: 1984`)
 * becomes text. YAML has already read it as a number, so the text is the
 * number's usual form: `2025` → "2025", but `1.50` → "1.5" and `1e3` →
 * "1000"; quote a value whose exact digits matter. Only finite numbers:
 * `.inf` and `.nan` stay errors.
 */
function numberAsText(value: unknown): unknown {
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
}

/**
 * A non-empty line of text of at most `max` characters, for fields with a
 * length limit; a plain number is taken as text (see `text`).
 */
export function textOfAtMost(max: number) {
  return markNumberAsText(
    z.preprocess(
      numberAsText,
      z
        .string()
        .trim()
        .min(1, { error: 'must not be empty' })
        .max(max, { error: `must be at most ${max} characters` }),
    ),
  );
}

const numberAsTextSchemas = new WeakSet<z.ZodType>();

function markNumberAsText<S extends z.ZodType>(schema: S): S {
  numberAsTextSchemas.add(schema);
  return schema;
}

/** True for the text schemas that take a plain number as text, so the JSON Schemas can say a number is accepted there. */
export function takesNumberAsText(schema: z.ZodType): boolean {
  return numberAsTextSchemas.has(schema);
}

/**
 * A non-empty line of text (a title, a summary, a name). A plain number or
 * year written without quotes is accepted as text: authors expect
 * `period: 2025` to mean the text "2025". Number fields stay strict.
 */
export const text = markNumberAsText(z.preprocess(numberAsText, z.string().trim().min(1, { error: 'must not be empty' })));

export type Money = z.output<typeof money>;
export type EntryStatus = z.output<typeof status>;
