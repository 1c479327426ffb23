/**
 * "Is this path inside the content root?", asked in one way everywhere: for
 * pictures, the logo, and the files the Markdown pipeline compiles; and
 * "may a file be called this?", the one rule for every name in the root.
 * Paths inside the root are written with `/` whatever the system, as
 * messages and entry files show them.
 */
import path from 'node:path';
import { describeCharacter, isInvisible } from '../diagnostics/characters.ts';

/** `to` relative to `from`, with `/` between folders: `boundaries/refund.md`. */
export function posixRelative(from: string, to: string): string {
  return path.relative(from, to).split(path.sep).join('/');
}

/** `file`'s path inside `root` (posix), or undefined when `file` is the root itself or lies outside it. */
export function pathInside(root: string, file: string): string | undefined {
  const relative = path.relative(root, file);
  if (relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) return undefined;
  return relative.split(path.sep).join('/');
}

/** Whether `file` lies inside `root` (the root itself does not count). */
export function isInside(root: string, file: string): boolean {
  return pathInside(root, file) !== undefined;
}

/**
 * A path relative to the project as Astro's data store keeps it: Astro reads
 * it as a URL (`new URL(filePath, root)`), so every character a URL reads
 * otherwise (`%` an escape, `#` a fragment, `?` a query, `\` a slash,
 * controls and spaces, which it drops at the ends or everywhere) is written
 * as an escape; every other character reads as itself. A content root under
 * a folder named `R&D #2 (100%)` builds like any other.
 */
export function toStoredPath(relative: string): string {
  return relative.replace(/[%#?\\\u0000-\u0020\u007f]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** The path `toStoredPath` wrote, as the file system names it (every escape in it is one `toStoredPath` made). */
export function fromStoredPath(stored: string): string {
  return stored.replace(/%([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * The longest file or folder name in a content root, in UTF-8 bytes. Linux
 * and macOS take 255, encrypted home folders 143; the build adds a dot and
 * an eight-character hash and a new extension to a picture's name, so 120
 * leaves room on every one of them.
 */
export const MAX_NAME_BYTES = 120;

/**
 * What a file or folder name may be written with: letters and digits of any
 * script, spaces, and `. - _ ( ) + ,`. Everything else means something in a
 * web address or an import (`?` starts a query, `#` a fragment, `%` an
 * escape, `&` `=` `;` `:` `\` `"` `'` `<` `>` `|` `*` and the rest), or is
 * refused by another operating system.
 */
const NAME_CHARACTER = /^[\p{L}\p{M}\p{N} ._\-()+,]$/u;

export interface NameProblem {
  message: string;
  hint: string;
}

/**
 * What is wrong with one file or folder name of the content root, if
 * anything: the one rule every name the reader or the build opens is held
 * to, so a name that a later step (a web address, an import, a file system)
 * would break on is a finding here, never a failed build.
 */
export function nameProblem(name: string): NameProblem | undefined {
  const rename = 'rename it with letters, digits, spaces, hyphens, underscores and dots only';
  for (const char of name) {
    if (isInvisible(char)) {
      return {
        message: `the name holds an invisible character (${describeCharacter(char)})`,
        hint: `${rename}; retype the name if you cannot see the character`,
      };
    }
  }
  const bytes = Buffer.byteLength(name, 'utf8');
  if (bytes > MAX_NAME_BYTES) {
    return {
      message: `the name is ${bytes} bytes long, more than the ${MAX_NAME_BYTES} a name may be (some file systems, and the names the build gives pictures, take no more)`,
      hint: 'shorten the name',
    };
  }
  for (const char of name) {
    if (!NAME_CHARACTER.test(char)) {
      return {
        message: `the name holds "${char}" (${describeCharacter(char)}), which a web address or the build would read as something else`,
        hint: rename,
      };
    }
  }
  if (name !== name.trim() || name.endsWith('.')) {
    return {
      message: 'the name starts or ends with a space, or ends with a dot, which some systems drop',
      hint: 'remove the space or dot at the start or end of the name',
    };
  }
  return undefined;
}

/** The first name along `relative` (a posix path inside the root) that breaks the rule, with the path up to it. */
export function pathNameProblem(relative: string): (NameProblem & { path: string }) | undefined {
  const parts = relative.split('/');
  for (let i = 0; i < parts.length; i++) {
    const problem = nameProblem(parts[i]!);
    if (problem) return { ...problem, path: parts.slice(0, i + 1).join('/') };
  }
  return undefined;
}
