/**
 * Text from content (file names, titles) made safe to print: every
 * character that would act instead of show is written as an escape an
 * editor can read. A line break in a file name would otherwise start a new
 * line of the report (or a new Markdown block), an escape character would
 * drive the terminal, and a direction override would show the text around
 * it in another order than it is written.
 */

/**
 * Controls (C0, DEL, C1), line and paragraph separators, and the
 * characters that change the direction or joining of the text around them.
 */
const ACTING = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** `text` with each acting character written as `\n`, `\r`, `\t` or `\u{202E}`. */
export function visibleText(text: string): string {
  return text.replace(ACTING, (char) => NAMED[char] ?? `\\u{${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}}`);
}
