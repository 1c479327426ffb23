/**
 * Characters named in messages. An id with a zero-width space, or with a
 * Cyrillic "а" where a Latin "a" belongs, looks right in the message that
 * refuses it; naming the character ("U+200B ZERO WIDTH SPACE", "U+0430
 * CYRILLIC SMALL LETTER A") shows the editor what to delete.
 *
 * Names come from the Unicode Character Database (the `unicode` package's
 * tables, one file per general category, loaded only when a message needs
 * one).
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The `unicode` package's table of each general category, loaded when a message first needs it (one is megabytes). */
const TABLES: Record<string, () => unknown> = {
  Cc: () => require('unicode/category/Cc'),
  Cf: () => require('unicode/category/Cf'),
  Co: () => require('unicode/category/Co'),
  Cs: () => require('unicode/category/Cs'),
  Ll: () => require('unicode/category/Ll'),
  Lm: () => require('unicode/category/Lm'),
  Lo: () => require('unicode/category/Lo'),
  Lt: () => require('unicode/category/Lt'),
  Lu: () => require('unicode/category/Lu'),
  Mc: () => require('unicode/category/Mc'),
  Me: () => require('unicode/category/Me'),
  Mn: () => require('unicode/category/Mn'),
  Nd: () => require('unicode/category/Nd'),
  Nl: () => require('unicode/category/Nl'),
  No: () => require('unicode/category/No'),
  Pc: () => require('unicode/category/Pc'),
  Pd: () => require('unicode/category/Pd'),
  Pe: () => require('unicode/category/Pe'),
  Pf: () => require('unicode/category/Pf'),
  Pi: () => require('unicode/category/Pi'),
  Po: () => require('unicode/category/Po'),
  Ps: () => require('unicode/category/Ps'),
  Sc: () => require('unicode/category/Sc'),
  Sk: () => require('unicode/category/Sk'),
  Sm: () => require('unicode/category/Sm'),
  So: () => require('unicode/category/So'),
  Zl: () => require('unicode/category/Zl'),
  Zp: () => require('unicode/category/Zp'),
  Zs: () => require('unicode/category/Zs'),
};

const CATEGORIES = Object.keys(TABLES);

interface CharacterRecord {
  name: string;
  /** The Unicode 1.0 name, which control characters keep their everyday name in ("LINE FEED (LF)"). */
  unicode_name?: string;
}

const tables = new Map<string, Record<number, CharacterRecord> | undefined>();

function categoryOf(char: string): string | undefined {
  return CATEGORIES.find((category) => new RegExp(`^\\p{gc=${category}}$`, 'u').test(char));
}

/** The character's Unicode name, such as "ZERO WIDTH SPACE"; undefined when the tables do not know it. */
export function characterName(char: string): string | undefined {
  const code = char.codePointAt(0);
  const category = categoryOf(char);
  if (code === undefined || category === undefined) return undefined;
  if (!tables.has(category)) {
    try {
      tables.set(category, TABLES[category]!() as Record<number, CharacterRecord>);
    } catch {
      tables.set(category, undefined);
    }
  }
  const record = tables.get(category)?.[code];
  if (!record) return undefined;
  if (record.name.startsWith('<')) return record.unicode_name || undefined;
  return record.name;
}

/** "U+200B ZERO WIDTH SPACE": the code point and, where known, the name. */
export function describeCharacter(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  const name = characterName(char);
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}${name ? ` ${name}` : ''}`;
}

/**
 * A character an editor cannot see, or cannot tell apart from a plain one:
 * controls, format characters (zero-width, direction marks), spaces other
 * than the plain one, private-use, unassigned and lone surrogate code
 * points. (Look-alike letters are found by `unexpectedCharacters`.)
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}\p{Zl}\p{Zp}]|(?! )\p{Zs}/u;

export function isInvisible(char: string): boolean {
  return INVISIBLE.test(char);
}

/**
 * The characters of `text` that do not belong in text that should be plain
 * ASCII (an id, a key, a file name): invisible ones, and every character
 * outside ASCII, each once, in order, at most `limit`.
 */
export function unexpectedCharacters(text: string, limit = 3): string[] {
  const found: string[] = [];
  for (const char of text) {
    if (found.length >= limit) break;
    if ((char.codePointAt(0)! > 0x7e || isInvisible(char)) && !found.includes(char)) found.push(char);
  }
  return found;
}

/** "it holds U+200B ZERO WIDTH SPACE", for a message about text that should be plain; undefined when it is. */
export function unexpectedCharactersNote(text: string): string | undefined {
  const found = unexpectedCharacters(text);
  if (found.length === 0) return undefined;
  const names = found.map(describeCharacter);
  const list = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`;
  return `it holds ${list}${found.some(isInvisible) ? ', which cannot be seen' : ''}`;
}
