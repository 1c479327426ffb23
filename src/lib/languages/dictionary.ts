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
import type { FieldPath, Finding } from '../diagnostics/diagnostic.ts';
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
  const problem = (path: FieldPath, message: string, hint: string, at: 'key' | 'value' = 'value') =>
    findings.push({ file, path, at, severity: 'error', rule: 'interface-words', message, hint });

  const missing = keys.filter((key) => !(key in data));
  if (missing.length > 0) {
    problem(
      [],
      `${missing.length === 1 ? 'one key is' : `${missing.length} keys are`} missing: ${missing.join(', ')}`,
      'add each key with its words in this language; schemas/json/interface.schema.json lists every key with its English words',
    );
  }
  for (const [key, value] of Object.entries(data)) {
    if (!(key in ENGLISH)) {
      const near = closestMatch(key, keys);
      problem([key], `${key}: unknown key`, near ? `did you mean "${near}"?` : 'remove it; schemas/json/interface.schema.json lists every key', 'key');
      continue;
    }
    const english = ENGLISH[key as WordKey] as Message;
    if (!isMessage(value)) {
      problem(
        [key],
        `${key}: expected ${typeof english === 'string' ? 'text' : 'text, or a group of keys one and other'}`,
        typeof english === 'string'
          ? `write the words on one line: ${key}: …`
          : 'write "other:" (and "one:" and the other forms your language uses) indented under the key',
      );
      continue;
    }
    const lost = [...placeholdersOf(english)].filter((name) => !placeholdersOf(value).has(name));
    if (lost.length > 0) {
      problem(
        [key],
        `${key}: leaves out ${lost.map((name) => `{${name}}`).join(', ')}, which the page fills in`,
        `write ${lost.map((name) => `{${name}}`).join(', ')} where it belongs in the sentence`,
      );
    }
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
  return createWords(locale, ENGLISH);
}

/**
 * The interface words of a language: the playbook's own `interface.yaml`
 * when it has one, else Latitude's (English and French serve their
 * regional variants), else English (the base language of a playbook
 * Latitude has no words for reads as it always has).
 */
export function dictionaryFor(tag: string, own?: Dictionary): Dictionary {
  return own ?? shippedDictionary(tag) ?? ENGLISH;
}
