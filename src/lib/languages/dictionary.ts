/**
 * Interface words: one dictionary per language, the same keys in each.
 * English (`interface-en.ts`) defines the keys; French (`interface-fr.ts`)
 * must have every one of them (the type checker says which are missing).
 * A playbook adds another language with `translations/<language>/interface.yaml`,
 * checked here: a missing key, an unknown key or a lost `{placeholder}` is
 * an error that lists them all.
 *
 * Messages are text or plural groups (`message.ts`).
 */
import { closestMatch } from '../diagnostics/did-you-mean.ts';
import type { Finding } from '../diagnostics/diagnostic.ts';
import { finding, MESSAGES } from '../diagnostics/catalogue.ts';
import { ENGLISH, type Dictionary, type WordKey } from './interface-en.ts';
import { FRENCH } from './interface-fr.ts';
import { PLURAL_CATEGORIES, placeholdersOf, type Message } from './message.ts';
import { createWords, type Words } from './words.ts';

export { ENGLISH };
export type { Dictionary, Message, WordKey };

/** The languages Latitude ships words for, by primary language subtag; regional variants use them (`fr-CA` → `fr`). */
const SHIPPED: Record<string, Dictionary> = { en: ENGLISH, fr: FRENCH };

/** The primary language of a BCP-47 tag: `fr-CA` → `fr`. */
export function primaryLanguage(tag: string): string {
  try {
    return new Intl.Locale(tag).language.toLowerCase();
  } catch {
    return tag.split('-')[0]!.toLowerCase();
  }
}

/** Latitude's own dictionary for a language, if it ships one. */
export function shippedDictionary(tag: string): Dictionary | undefined {
  return SHIPPED[primaryLanguage(tag)];
}

/**
 * Checks an `interface.yaml`: every key of the English dictionary, each a
 * text or a plural group with `other`, keeping the English words'
 * placeholders. Returns the dictionary when it is complete and sound.
 */
export function checkInterfaceWords(data: Record<string, unknown>, file: string): { findings: Finding[]; dictionary?: Dictionary } {
  const findings: Finding[] = [];
  const keys = Object.keys(ENGLISH) as WordKey[];
  const missing = keys.filter((key) => !(key in data));
  if (missing.length > 0) findings.push(finding(MESSAGES['interface-words'], 'missing', { file, at: 'value' }, { missing }));
  for (const [key, value] of Object.entries(data)) {
    if (!(key in ENGLISH)) {
      findings.push(finding(MESSAGES['interface-words'], 'unknown-key', { file, path: [key], at: 'key' }, { key, near: closestMatch(key, keys) }));
      continue;
    }
    const english = ENGLISH[key as WordKey] as Message;
    if (!isMessage(value)) {
      findings.push(finding(MESSAGES['interface-words'], 'kind', { file, path: [key], at: 'value' }, { key, plural: typeof english !== 'string' }));
      continue;
    }
    const lost = [...placeholdersOf(english)].filter((name) => !placeholdersOf(value).has(name));
    if (lost.length > 0) findings.push(finding(MESSAGES['interface-words'], 'lost-placeholders', { file, path: [key], at: 'value' }, { key, lost }));
  }
  return findings.length === 0 ? { findings, dictionary: data as Dictionary } : { findings };
}

function isMessage(value: unknown): value is Message {
  if (typeof value === 'string') return value.trim() !== '';
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const forms = Object.entries(value);
  return (
    typeof (value as { other?: unknown }).other === 'string' &&
    forms.every(([category, text]) => (PLURAL_CATEGORIES as readonly string[]).includes(category) && typeof text === 'string')
  );
}

/**
 * English words with money and numbers in `locale`: for what leaders and
 * editors read in a terminal (the validator's messages, `npm run diff`),
 * which is written in English whatever the playbook's languages.
 */
export function englishWords(locale: string): Words {
  // Asked once per grant by the register and the rules: made once per locale (Words hold no state, only formatters).
  let words = englishByLocale.get(locale);
  if (!words) englishByLocale.set(locale, (words = createWords(locale, ENGLISH)));
  return words;
}

const englishByLocale = new Map<string, Words>();

/**
 * The interface words of a language: the playbook's own `interface.yaml`
 * when it has one, else Latitude's (English and French serve their
 * regional variants), else English (the base language of a playbook
 * Latitude has no words for reads as it always has).
 */
export function dictionaryFor(tag: string, own?: Dictionary): Dictionary {
  return own ?? shippedDictionary(tag) ?? ENGLISH;
}
