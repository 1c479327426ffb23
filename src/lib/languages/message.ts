/**
 * What an interface word is: text with `{name}` placeholders, or, for words
 * that change with a number, one text per plural category (`one`, `other`,
 * and where a language has them `zero`, `two`, `few`, `many`), chosen with
 * Intl.PluralRules for the page's language. Pure: the browser's scripts use it too.
 */

export const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
export type PluralCategory = (typeof PLURAL_CATEGORIES)[number];

/** Words for each plural category; `other` is required. */
export type PluralMessage = Partial<Record<PluralCategory, string>> & { other: string };
export type Message = string | PluralMessage;

/** The `{placeholders}` a message uses. */
export function placeholdersOf(message: Message): Set<string> {
  const texts = typeof message === 'string' ? [message] : Object.values(message);
  return new Set(texts.flatMap((text) => [...(text ?? '').matchAll(/\{(\w+)\}/g)].map((match) => match[1]!)));
}

/**
 * Fills `{name}` placeholders; a placeholder without a value is left as
 * written, so a gap shows. A number is written by `count` (the language's
 * digits), else as JavaScript writes it.
 */
export function fillPlaceholders(text: string, values: Readonly<Record<string, string | number>>, count: (value: number) => string = String): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = Object.hasOwn(values, name) ? values[name] : undefined;
    return value === undefined ? whole : typeof value === 'number' ? count(value) : value;
  });
}

/** Text made safe to put in HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
