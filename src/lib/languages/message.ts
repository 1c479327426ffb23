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
  const pieces = piecesOf(text);
  let filled = pieces[0]!;
  for (let i = 1; i < pieces.length; i += 2) {
    const name = pieces[i]!;
    const value = Object.hasOwn(values, name) ? values[name] : undefined;
    filled += (value === undefined ? `{${name}}` : typeof value === 'number' ? count(value) : value) + pieces[i + 1]!;
  }
  return filled;
}

/**
 * A text cut at its placeholders once: text, name, text, … (`split` with the
 * name captured). A build fills the same few hundred words on every page
 * (0.5 s of a 20,000-entry build matching them again each time). Kept for
 * at most `PIECES_KEPT` texts, so no caller's texts can make it grow without end.
 */
function piecesOf(text: string): readonly string[] {
  let pieces = piecesByText.get(text);
  if (!pieces) {
    if (piecesByText.size >= PIECES_KEPT) piecesByText.clear();
    pieces = text.split(/\{(\w+)\}/);
    piecesByText.set(text, pieces);
  }
  return pieces;
}

const PIECES_KEPT = 4096;
const piecesByText = new Map<string, readonly string[]>();

/** Text made safe to put in HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
