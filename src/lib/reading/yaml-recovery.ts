/**
 * What can still be read of YAML that has errors. A broken line should cost
 * an editor the key it is written in, not the whole file: the other keys are
 * checked in the same run (a bad date two lines below a tab is reported at
 * once, not after the tab is fixed).
 *
 * Each error is traced to the top-level key it is written in, that key's
 * lines are blanked (every character but the line breaks becomes a space, so
 * every offset, line and column of the rest stays where the editor wrote it),
 * and the text is parsed again, until it reads cleanly. The keys on blanked
 * lines are "unread": checks that need them say nothing about them rather
 * than report them missing.
 *
 * Offsets only: the caller places findings with its own line counter.
 */
import { isMap, isScalar, type Document, type YAMLError } from 'yaml';

export interface RecoveredYaml {
  /** The text parsed again with the broken keys' lines blanked; it has no errors. */
  doc: Document;
  /** The first error of each broken part, in the order written, with the offset to report it at. */
  errors: { error: YAMLError; offset: number }[];
  /** The top-level keys written on the blanked lines: what could not be read. */
  unreadKeys: string[];
}

/** A document that parses into nothing useful after this many rounds is left unread. */
const MAX_ROUNDS = 10;

/** A key at the start of a line (or after tabs only: a tab-indented key was meant as a top-level one). */
const KEY_LINE = /^\t*([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]|$)/;

/**
 * Reads around the errors of `broken` (the parse of `text`), or returns
 * undefined when nothing can be saved: the top of the document is not a
 * group of keys, or blanking does not make the errors go.
 */
export function readAroundErrors(text: string, broken: Document, parse: (text: string) => Document): RecoveredYaml | undefined {
  const lines = splitLines(text);
  const blank = new Set<number>();
  const reported: RecoveredYaml['errors'] = [];
  let doc = broken;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const errors = doc.errors;
    if (errors.length === 0) break;
    if (!isMap(doc.contents) && doc.contents !== null) return undefined;
    const keyLines = topLevelKeyLines(doc, lines);
    let progress = false;
    for (const error of errors) {
      const { region, atEnd } = brokenRegion(error.pos[0], text, lines, keyLines);
      const fresh = region.filter((line) => !blank.has(line));
      if (fresh.length === 0) continue;
      // One message per broken part: the parser's later errors inside it are mostly echoes of the first.
      // An error found only at the end of the text (an unclosed quote) is reported where its key starts.
      if (fresh.length === region.length) reported.push({ error, offset: atEnd ? lines[region[0]!]!.start : error.pos[0] });
      for (const line of fresh) blank.add(line);
      progress = true;
    }
    if (!progress) return undefined;
    doc = parse(blanked(text, lines, blank));
  }
  if (doc.errors.length > 0) return undefined;
  const unreadKeys = new Set<string>();
  for (const line of [...blank].sort((a, b) => a - b)) {
    const key = KEY_LINE.exec(text.slice(lines[line]!.start, lines[line]!.end))?.[1];
    if (key) unreadKeys.add(key);
  }
  return { doc, errors: reported.sort((a, b) => a.offset - b.offset), unreadKeys: [...unreadKeys] };
}

interface Line {
  start: number;
  /** Offset of the line break (or the end of the text). */
  end: number;
  /** A line that starts at column 1 with something other than a comment: where a top-level key begins. */
  top: boolean;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (;;) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const first = text[start];
    lines.push({ start, end, top: end > start && first !== ' ' && first !== '\t' && first !== '#' && first !== '\r' });
    if (newline === -1) return lines;
    start = newline + 1;
  }
}

function lineAt(offset: number, lines: readonly Line[]): number {
  let low = 0;
  let high = lines.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (lines[middle]!.start <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** The lines on which the parser saw a top-level key begin, in order. */
function topLevelKeyLines(doc: Document, lines: readonly Line[]): number[] {
  if (!isMap(doc.contents)) return [];
  return doc.contents.items.flatMap((pair) => (isScalar(pair.key) && pair.key.range ? [lineAt(pair.key.range[0], lines)] : []));
}

/**
 * The lines of the top-level key an error is written in: from the line that
 * key starts on (the error's own line when it starts a key there) to the line
 * before the next one that starts at column 1, and at least to the error's
 * own line. An error at the very end (an unclosed quote, say) belongs to the
 * key before it, not to everything after that key.
 */
function brokenRegion(offset: number, text: string, lines: readonly Line[], keyLines: readonly number[]): { region: number[]; atEnd: boolean } {
  const errorLine = lineAt(Math.min(offset, text.length), lines);
  const atEnd = text.slice(offset).trim() === '';
  const { start: lineStart, top } = lines[errorLine]!;
  let start = 0;
  if (top || (text[lineStart] === '\t' && KEY_LINE.test(text.slice(lineStart, lines[errorLine]!.end)))) start = errorLine;
  else for (const line of keyLines) if (line <= errorLine) start = line;
  let end = start + 1;
  while (end < lines.length && !lines[end]!.top) end++;
  const last = atEnd ? end - 1 : Math.max(end - 1, errorLine);
  return { region: Array.from({ length: last - start + 1 }, (_, index) => start + index), atEnd };
}

function blanked(text: string, lines: readonly Line[], blank: ReadonlySet<number>): string {
  let out = '';
  let from = 0;
  for (const index of [...blank].sort((a, b) => a - b)) {
    const { start, end } = lines[index]!;
    out += text.slice(from, start) + ' '.repeat(end - start);
    from = end;
  }
  return out + text.slice(from);
}
