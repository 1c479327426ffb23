/**
 * A fast reading of the plain YAML most content files are written in: block
 * mappings and sequences, one-line scalars (plain, quoted), one-line flow
 * lists and mappings (`[a, b]`, `{ amount: 50 }`), and block scalars (`|`,
 * and `>` without more-indented lines). It gives the same data as the yaml
 * library reading the same text with `YAML_READ_OPTIONS` (plain scalars are
 * resolved by that library's own core-schema tags), or `undefined` as soon
 * as it meets anything else: then the file is read by the full parser, which
 * also keeps positions and words every problem.
 *
 * Keeping positions is most of what reading YAML costs, and a file without
 * findings never needs them: `parseSource` tries this first and parses with
 * positions only when a finding needs a line (see read-source.ts). So this
 * reader never judges a file: anything it is not sure of is the full
 * parser's to read (a tab, a carriage return, a comment where a value
 * continues, an anchor, a tag, a duplicate key, a key that is not a plain
 * word, a multi-line plain or quoted scalar, an escape, a document marker).
 * tests/unit/fast-yaml.test.ts compares it with the full parser.
 */
import { Document, isScalar } from 'yaml';

type Value = unknown;

/** The full parser's own scalar tags, from its core schema (YAML 1.2, no merge keys). */
const SCHEMA = new Document(null, { version: '1.2', schema: 'core', merge: false }).schema;
interface PlainTag {
  test: RegExp;
  resolve(value: string, onError: (message: string) => void, options: { intAsBigInt: boolean }): unknown;
}
const PLAIN_TAGS = SCHEMA.tags.filter((tag) => tag.default === true && tag.test !== undefined && !tag.collection) as unknown as PlainTag[];
const TAG_OPTIONS = { intAsBigInt: false };

/** Thrown inside the reader when the text holds anything it does not read itself. */
class NotPlain extends Error {}
const NOT_PLAIN = new NotPlain();

/**
 * A key the full parser reads as the same string: plain words starting with
 * a letter (`resolvePlain` refuses null and the booleans), spaces inside.
 */
const KEY = /^(\p{L}[^:#[\]{},"'`]*?):(?: +|$)/u;
const FLOW_KEY = /^(\p{L}[^:#[\]{},"'`]*?): +/u;
/** A plain scalar cannot start with these (quotes, flows and block scalars are read on their own). */
const PLAIN_START = /^[[\]{},#&*!|>'"%@`]|^[-?:](?: |$)/;
/** Characters this reader leaves to the full parser, anywhere in the text. */
const UNREAD = /[\t\r\ufeff]/;

interface Line {
  indent: number;
  /** The line without its indentation. */
  text: string;
  /** The index of the raw line, for block scalars. */
  index: number;
}

/**
 * The data of a YAML text whose top level is a mapping, or undefined when
 * the full parser must read it (see above).
 */
export function fastYaml(text: string): Record<string, unknown> | undefined {
  if (UNREAD.test(text)) return undefined;
  try {
    const reader = new Reader(text);
    const first = reader.peek();
    if (!first || first.indent !== 0 || isSeqLine(first.text)) return undefined;
    const data = reader.map(0);
    if (reader.peek()) return undefined;
    return data;
  } catch (error) {
    if (error instanceof NotPlain) return undefined;
    throw error;
  }
}

function isSeqLine(text: string): boolean {
  return text === '-' || text.startsWith('- ');
}

class Reader {
  private readonly raw: string[];
  private position = 0;
  /** The current line, when a compact item (`- key: value`) has been rewritten as a line of its own. */
  private current: Line | undefined;

  constructor(text: string) {
    this.raw = text.split('\n');
  }

  /** The next line with content (not blank, not a comment), or undefined at the end. */
  peek(): Line | undefined {
    if (this.current) return this.current;
    while (this.position < this.raw.length) {
      const line = this.raw[this.position]!;
      const text = line.trimStart();
      if (text === '' || text.startsWith('#')) {
        this.position++;
        continue;
      }
      if (line.startsWith('---') || line.startsWith('...') || line.startsWith('%')) throw NOT_PLAIN;
      this.current = { indent: line.length - text.length, text, index: this.position };
      return this.current;
    }
    return undefined;
  }

  /** Moves past the current line. */
  private next(): void {
    if (this.current) this.position = this.current.index + 1;
    this.current = undefined;
  }

  /** Replaces the current line by what follows a `- ` on it, at its own column. */
  private rest(line: Line, offset: number): void {
    const text = line.text.slice(offset);
    const trimmed = text.trimStart();
    this.current = { indent: line.indent + offset + (text.length - trimmed.length), text: trimmed, index: line.index };
  }

  map(indent: number): Record<string, Value> {
    const map: Record<string, Value> = {};
    for (let line = this.peek(); line; line = this.peek()) {
      if (line.indent < indent) break;
      if (line.indent > indent) throw NOT_PLAIN;
      const key = KEY.exec(line.text);
      if (!key) throw NOT_PLAIN;
      const name = key[1]!;
      if (Object.hasOwn(map, name) || name.endsWith(' ') || resolvePlain(name) !== name) throw NOT_PLAIN;
      const value = line.text.slice(key[0].length);
      map[name] = value === '' || value.startsWith('#') ? this.nested(line, indent, true) : this.inline(line, value, indent);
    }
    return map;
  }

  seq(indent: number): Value[] {
    const seq: Value[] = [];
    for (let line = this.peek(); line; line = this.peek()) {
      if (line.indent < indent) break;
      if (line.indent > indent || !isSeqLine(line.text)) {
        if (line.indent === indent) break; // the mapping this compact list belongs to goes on
        throw NOT_PLAIN;
      }
      const value = line.text.slice(1).trimStart();
      if (value === '' || value.startsWith('#')) {
        seq.push(this.nested(line, indent, false));
      } else if (KEY.test(value) || isSeqLine(value)) {
        // `- key: value` or `- - item`: a collection starting on the item's own line, at its column.
        this.rest(line, 1);
        const inner = this.current!;
        seq.push(isSeqLine(inner.text) ? this.seq(inner.indent) : this.map(inner.indent));
      } else {
        seq.push(this.inline(line, value, indent));
      }
    }
    return seq;
  }

  /** The value after `key:` or `-` with nothing else on the line: a collection on the lines below, or null. */
  private nested(line: Line, indent: number, inMap: boolean): Value {
    this.next();
    const below = this.peek();
    if (below && below.indent > indent) return isSeqLine(below.text) ? this.seq(below.indent) : this.map(below.indent);
    // A mapping's list may stand at the key's own indentation.
    if (inMap && below && below.indent === indent && isSeqLine(below.text)) return this.seq(indent);
    void line;
    return null;
  }

  /** A value written on its key's (or item's) line. */
  private inline(line: Line, text: string, indent: number): Value {
    const first = text[0];
    let value: Value;
    if (first === '|' || first === '>') return this.blockScalar(line, text, indent);
    if (first === '"' || first === "'") value = oneLine(quoted(text));
    else if (first === '[' || first === '{') value = oneLine(flow(text));
    else value = resolvePlain(plain(text));
    this.next();
    // A more-indented line after a one-line value would continue it, or be a mistake: the full parser's to read.
    const after = this.peek();
    if (after && after.indent > indent) throw NOT_PLAIN;
    return value;
  }

  /** `|`, `|-`, `>` or `>-`, and its lines (all blank lines empty, no trailing spaces). */
  private blockScalar(line: Line, header: string, indent: number): string {
    const match = /^([|>])([-+]?)(?: +#.*)?$/.exec(header);
    if (!match || match[2] === '+') throw NOT_PLAIN;
    const folded = match[1] === '>';
    const lines: string[] = [];
    let blockIndent = -1;
    let index = line.index + 1;
    for (; index < this.raw.length; index++) {
      const raw = this.raw[index]!;
      if (raw === '') {
        if (blockIndent === -1) throw NOT_PLAIN; // leading blank lines: the full parser's
        lines.push('');
        continue;
      }
      const text = raw.trimStart();
      const at = raw.length - text.length;
      if (text === '' || raw.endsWith(' ')) throw NOT_PLAIN;
      if (blockIndent === -1) {
        if (at <= indent) break;
        blockIndent = at;
      } else if (at < blockIndent) {
        break;
      } else if (at > blockIndent && folded) {
        throw NOT_PLAIN;
      }
      lines.push(raw.slice(blockIndent));
    }
    if (blockIndent === -1) throw NOT_PLAIN;
    while (lines.at(-1) === '') lines.pop();
    this.current = undefined;
    this.position = index;
    const value = folded ? fold(lines) : lines.join('\n');
    return match[2] === '-' ? value : `${value}\n`;
  }
}

/** Folded lines: a line break between two lines becomes a space, and each empty line a line break. */
function fold(lines: readonly string[]): string {
  let value = '';
  let breaks = 0;
  for (const [index, line] of lines.entries()) {
    if (line === '') {
      breaks++;
      continue;
    }
    if (index > 0) value += breaks > 0 ? '\n'.repeat(breaks) : ' ';
    value += line;
    breaks = 0;
  }
  return value;
}

/** A value that must end its line (spaces and a comment may follow). */
function oneLine([value, rest]: [Value, string]): Value {
  if (rest !== '' && !/^ +(#.*)?$/.test(rest)) throw NOT_PLAIN;
  return value;
}

/** A one-line quoted scalar and what follows it; no escapes. */
function quoted(text: string): [string, string] {
  const quote = text[0]!;
  if (quote === '"') {
    const end = text.indexOf('"', 1);
    if (end === -1) throw NOT_PLAIN;
    const value = text.slice(1, end);
    if (value.includes('\\')) throw NOT_PLAIN;
    return [value, text.slice(end + 1)];
  }
  let value = '';
  for (let index = 1; index < text.length; index++) {
    if (text[index] !== "'") {
      value += text[index];
    } else if (text[index + 1] === "'") {
      value += "'";
      index++;
    } else {
      return [value, text.slice(index + 1)];
    }
  }
  throw NOT_PLAIN;
}

/** A one-line plain scalar in a block, without its comment. */
function plain(text: string): string {
  if (PLAIN_START.test(text)) throw NOT_PLAIN;
  const comment = text.indexOf(' #');
  const value = (comment === -1 ? text : text.slice(0, comment)).trimEnd();
  if (value.includes(': ') || value.endsWith(':') || value.includes(' #')) throw NOT_PLAIN;
  return value;
}

/** `[a, b]` or `{ key: value, … }` on one line, with plain or quoted scalars only, and what follows it. */
function flow(text: string): [Value, string] {
  const isMap = text[0] === '{';
  const close = isMap ? '}' : ']';
  const seq: Value[] = [];
  const map: Record<string, Value> = {};
  let rest = text.slice(1).trimStart();
  if (rest.startsWith(close)) return [isMap ? map : seq, rest.slice(1)];
  for (;;) {
    let name: string | undefined;
    if (isMap) {
      const key = FLOW_KEY.exec(rest);
      if (!key) throw NOT_PLAIN;
      name = key[1]!;
      if (Object.hasOwn(map, name) || name.endsWith(' ') || resolvePlain(name) !== name) throw NOT_PLAIN;
      rest = rest.slice(key[0].length);
    }
    let value: Value;
    if (rest[0] === '"' || rest[0] === "'") {
      [value, rest] = quoted(rest);
    } else {
      const plainItem = /^[^,[\]{}#:"']*/.exec(rest)![0];
      const item = plainItem.trimEnd();
      if (item === '' || PLAIN_START.test(item)) throw NOT_PLAIN;
      value = resolvePlain(item);
      rest = rest.slice(plainItem.length);
    }
    if (name === undefined) seq.push(value);
    else map[name] = value;
    rest = rest.trimStart();
    if (rest.startsWith(close)) return [isMap ? map : seq, rest.slice(1)];
    // Another item after a comma; a trailing comma or anything else is the full parser's.
    if (!rest.startsWith(',')) throw NOT_PLAIN;
    rest = rest.slice(1).trimStart();
    if (rest === '' || rest.startsWith(close)) throw NOT_PLAIN;
  }
}

/** A plain scalar as the full parser's core schema reads it: null, a boolean, a number, or the text. */
function resolvePlain(value: string): Value {
  const tag = PLAIN_TAGS.find((candidate) => candidate.test.test(value));
  if (!tag) return value;
  const resolved: unknown = tag.resolve(
    value,
    () => {
      throw NOT_PLAIN;
    },
    TAG_OPTIONS,
  );
  return isScalar(resolved) ? resolved.value : resolved;
}
