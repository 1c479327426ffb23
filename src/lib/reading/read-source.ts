/**
 * Reads one content file the way an editor wrote it: checks it is UTF-8,
 * splits frontmatter from body, and parses the YAML keeping positions, so
 * every later finding can point at the line and column of its field.
 *
 * Plain YAML (most files) is read by `fastYaml` first, which gives the same
 * data without positions; the positions are parsed only when a finding
 * asks where a field is (the locator parses the file then, once).
 */
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node, type Pair } from 'yaml';
import type { FieldPath, Finding, Position } from '../diagnostics/diagnostic.ts';
import { finding, MESSAGES, TOP, type Wording } from '../diagnostics/catalogue.ts';
import type { SourceFile } from './scan-content-root.ts';
import { MAX_ENTRY_BYTES, openEntryBytes, type EntryBytes } from './entry-bytes.ts';
import { fastYaml } from './fast-yaml.ts';
import { readAroundErrors } from './yaml-recovery.ts';

/** Finds where a field is written in a file. */
export interface FieldLocator {
  locate(path: FieldPath, at?: 'key' | 'value'): Position;
}

export interface ReadSource {
  source: SourceFile;
  /** The parsed YAML (frontmatter or whole file); undefined when it could not be read. */
  data: Record<string, unknown> | undefined;
  /** The Markdown/MDX body after the frontmatter ('' for YAML files). */
  body: string;
  /** 1-based line on which the body starts. */
  bodyLine: number;
  locator: FieldLocator;
  /** Problems with the file itself: encoding, frontmatter, YAML syntax. */
  findings: Finding[];
  /**
   * Set when the YAML had errors but the rest could be read: `data` holds
   * the other keys, and these top-level keys were written on the broken lines.
   */
  unreadKeys?: readonly string[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * How many times aliases (`*name`) may be expanded in one file: the yaml
 * library's own guard against "billion laughs" files, whose few lines
 * expand to gigabytes. Content never needs more than a handful.
 */
export const MAX_ALIAS_COUNT = 100;

/**
 * How every content file's YAML is read: YAML 1.2 with its core schema and
 * nothing else, whatever the file asks for. YAML 1.1 (which a `%YAML 1.1`
 * line would otherwise bring back) reads `1:30` as the number 90, `yes` as
 * true and `<<` as a merge of another mapping; here they stay text and a
 * key. A directive line is refused all the same (`directiveProblem`).
 */
export const YAML_READ_OPTIONS = { version: '1.2', schema: 'core', merge: false } as const;

/**
 * Characters no content file may hold: C0 controls except tab, line feed
 * and carriage return; DEL; C1 controls; and the non-characters U+FFFE and
 * U+FFFF. They are invisible in editors, YAML refuses most of them, and
 * XML (the RSS feeds) cannot carry them at all.
 */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]/;

export async function readSource(source: SourceFile, kind: 'markdown' | 'data'): Promise<ReadSource> {
  return readSourceSync(source, kind);
}

/** `readSource`, synchronously: the reader takes files one after another. Never throws. */
export function readSourceSync(source: SourceFile, kind: 'markdown' | 'data'): ReadSource {
  const bytes = readEntryBytes(source);
  return bytes instanceof Uint8Array ? parseSource(source, kind, bytes) : bytes;
}

/** An entry file's bytes, or (when it must not or cannot be read) the reading that says why. */
export function readEntryBytes(source: SourceFile): Uint8Array | ReadSource {
  return readingOf(source, openEntryBytes(source.absolutePath));
}

/** What opening an entry file gave (here or on the read-ahead worker), as its bytes or the reading that says why there are none. */
export function readingOf(source: SourceFile, got: EntryBytes): Uint8Array | ReadSource {
  if ('bytes' in got) return got.bytes;
  if ('tooLarge' in got) return tooLarge(source, got.tooLarge);
  return notRead(source, unreadable(source, got.unreadable));
}

/** A file whose bytes were never read: its one finding says why. */
function notRead(source: SourceFile, finding: Finding): ReadSource {
  return { source, data: undefined, body: '', bodyLine: 1, locator: fixedLocator(TOP), findings: [finding] };
}

function tooLarge(source: SourceFile, size: number): ReadSource {
  return notRead(source, finding(MESSAGES['file-size'], 'default', { file: source.file, position: TOP }, { megabytes: (size / 1048576).toFixed(1) }));
}

/**
 * A file that could not be opened or read through, whoever read it: not a
 * crash, the one finding naming the file. `error` is what was thrown, or an
 * error code (`ENOTFILE` for a pipe, socket or device).
 */
export function unreadable(source: Pick<SourceFile, 'file'>, error: unknown): Finding {
  const code = typeof error === 'string' ? error : (error as NodeJS.ErrnoException | undefined)?.code;
  const where = { file: source.file, position: TOP };
  if (code === 'EACCES' || code === 'EPERM') return finding(MESSAGES.unreadable, 'permissions', where);
  if (code === 'EISDIR') return finding(MESSAGES.unreadable, 'folder', where);
  if (code === 'ENOTFILE') return finding(MESSAGES.unreadable, 'not-ordinary', where);
  return finding(MESSAGES.unreadable, 'other', where, { reason: code ?? (error instanceof Error ? error.message : String(error)) });
}

/**
 * The body of a Markdown file whose bytes `parseSource` has read before
 * without an encoding problem: the same text it gave as `body`, read again
 * the same way. The read cache keeps no body it can read back from the
 * file's bytes (`read-entries.ts`).
 */
export function bodyOfRead(bytes: Uint8Array): string {
  const split = splitFrontmatter(fileText(bytes));
  return typeof split === 'string' ? '' : split.body;
}

/** A file's text as every reading takes it: UTF-8 (throws on bytes that are not), without a byte-order mark. */
function fileText(bytes: Uint8Array): string {
  const text = utf8.decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Parses a content file's bytes; exported for tests. */
export function parseSource(source: SourceFile, kind: 'markdown' | 'data', bytes: Uint8Array, options: { fast?: boolean } = {}): ReadSource {
  const fail = (failed: Finding): ReadSource => notRead(source, failed);

  if (bytes.byteLength > MAX_ENTRY_BYTES) return tooLarge(source, bytes.byteLength);
  let text: string;
  try {
    text = fileText(bytes);
  } catch {
    return fail(finding(MESSAGES.encoding, 'not-utf8', { file: source.file, position: firstInvalidUtf8(bytes) }));
  }
  const control = CONTROL_CHARACTER.exec(text);
  if (control) {
    const code = control[0].codePointAt(0)!;
    return fail(
      finding(
        MESSAGES.encoding,
        'control',
        { file: source.file, position: pointAt(text, control.index) },
        { code: code.toString(16).toUpperCase().padStart(4, '0') },
      ),
    );
  }

  let yamlText = text;
  let yamlLine = 1;
  let body = '';
  let bodyLine = 1;
  if (kind === 'markdown') {
    const split = splitFrontmatter(text);
    if (split === 'missing') {
      return fail(finding(MESSAGES.frontmatter, 'missing', { file: source.file, position: TOP }));
    }
    if (split === 'unclosed') {
      return fail(finding(MESSAGES.frontmatter, 'unclosed', { file: source.file, position: TOP }));
    }
    ({ yaml: yamlText, body, bodyLine } = split);
    yamlLine = 2;
  }

  // Most files are plain YAML without problems: read fast, and parse with positions only when a finding needs a line.
  const fast = options.fast === false ? undefined : fastYaml(yamlText);
  if (fast) {
    let full: FieldLocator | undefined;
    const locator: FieldLocator = { locate: (path, at) => (full ??= readYaml(source, yamlText, yamlLine, body, bodyLine).locator).locate(path, at) };
    return { source, data: fast, body, bodyLine, locator, findings: [] };
  }
  return readYaml(source, yamlText, yamlLine, body, bodyLine);
}

/** The YAML of a file read by the full parser, with positions: every problem found and placed. */
function readYaml(source: SourceFile, yamlText: string, yamlLine: number, body: string, bodyLine: number): ReadSource {
  const lineCounter = new LineCounter();
  const position = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + yamlLine - 1, column: col };
  };
  const yamlFinding = (offset: number, wording: Wording): Finding =>
    finding(MESSAGES.yaml, 'parser', { file: source.file, position: position(offset) }, wording);
  const parse = (text: string, counter?: LineCounter) =>
    parseDocument(text, { ...YAML_READ_OPTIONS, lineCounter: counter, uniqueKeys: true, prettyErrors: false, strict: true });
  const tooDeep = (offset: number): ReadSource => ({
    source,
    data: undefined,
    body,
    bodyLine,
    locator: fixedLocator({ line: yamlLine, column: 1 }),
    findings: [finding(MESSAGES.yaml, 'too-deep', { file: source.file, position: position(offset) })],
  });
  let doc: Document;
  try {
    doc = parse(yamlText, lineCounter);
  } catch {
    // The yaml library reports its problems as errors; a throw means input beyond its limits (such as extreme nesting).
    return tooDeep(0);
  }
  // A directive would change how the rest is read (YAML 1.1, custom tags): refused before anything else.
  const directive = directiveProblem(doc, yamlText);
  if (directive) {
    const findings = [yamlFinding(directive.offset, directive)];
    return { source, data: undefined, body, bodyLine, locator: documentLocator(doc, position, { line: yamlLine, column: 1 }), findings };
  }
  let yamlFindings: Finding[] = [];
  let unreadKeys: string[] | undefined;
  if (doc.errors.length > 0) {
    const error = doc.errors[0]!;
    if (error.code === 'RESOURCE_EXHAUSTION') return tooDeep(error.pos[0]);
    // The keys outside the broken lines are still read and checked (see yaml-recovery.ts).
    let recovered: ReturnType<typeof readAroundErrors>;
    try {
      recovered = readAroundErrors(yamlText, doc, (text) => parse(text));
    } catch {
      recovered = undefined; // beyond the parser's limits: report the first error alone, as before
    }
    yamlFindings = (recovered?.errors ?? [{ error, offset: error.pos[0] }]).map((e) =>
      yamlFinding(e.offset, { message: yamlErrorMessage(e.error.code, e.error.message), hint: yamlErrorHint(e.error.code) }),
    );
    if (!recovered)
      return { source, data: undefined, body, bodyLine, locator: documentLocator(doc, position, { line: yamlLine, column: 1 }), findings: yamlFindings };
    ({ doc, unreadKeys } = recovered);
  }
  const locator = documentLocator(doc, position, { line: yamlLine, column: 1 });
  const refused = (findings: Finding[]): ReadSource => ({ source, data: undefined, body, bodyLine, locator, findings: [...yamlFindings, ...findings] });

  const written = writtenProblem(doc, yamlText);
  if (written) return refused([yamlFinding(written.offset, written)]);

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const alias = firstAlias(doc);
    const bomb = error instanceof ReferenceError && /alias count/i.test(error.message);
    return refused([
      finding(MESSAGES.yaml, bomb ? 'alias-bomb' : 'too-deep', { file: source.file, position: position(alias ?? 0) }, { limit: MAX_ALIAS_COUNT }),
    ]);
  }
  if (unreadKeys && (data === null || data === undefined)) return refused([]);
  if (data === null || data === undefined || typeof data !== 'object' || Array.isArray(data)) {
    return {
      source,
      data: undefined,
      body,
      bodyLine,
      locator,
      findings: [
        finding(MESSAGES.yaml, data === null || data === undefined ? 'no-keys' : 'not-keys', { file: source.file, position: { line: yamlLine, column: 1 } }),
      ],
    };
  }
  return { source, data: data as Record<string, unknown>, body, bodyLine, locator, findings: yamlFindings, ...(unreadKeys && { unreadKeys }) };
}

export type Split = { yaml: string; body: string; bodyLine: number } | 'missing' | 'unclosed';

/** Frontmatter and body; exported for tests. */
export function splitFrontmatter(text: string): Split {
  // Most files have no carriage return: the closing line is found without splitting the whole body into lines.
  if (!text.includes('\r')) return splitLines(text);
  const lines = text.split(/\r?\n/);
  if (lines[0]?.trimEnd() !== '---') return 'missing';
  const close = lines.findIndex((line, index) => index > 0 && line.trimEnd() === '---');
  if (close === -1) return 'unclosed';
  return {
    yaml: lines.slice(1, close).join('\n'),
    body: lines.slice(close + 1).join('\n'),
    bodyLine: close + 2,
  };
}

/** `splitFrontmatter` for a text whose lines end in \n only: the same result, one scan up to the closing line. */
function splitLines(text: string): Split {
  const firstEnd = text.indexOf('\n');
  if ((firstEnd === -1 ? text : text.slice(0, firstEnd)).trimEnd() !== '---') return 'missing';
  if (firstEnd === -1) return 'unclosed';
  for (let start = firstEnd + 1, line = 2; ; line++) {
    const end = text.indexOf('\n', start);
    const lineEnd = end === -1 ? text.length : end;
    if (text.charCodeAt(start) === 45 && text.slice(start, lineEnd).trimEnd() === '---') {
      return { yaml: text.slice(firstEnd + 1, start - 1), body: end === -1 ? '' : text.slice(end + 1), bodyLine: line + 1 };
    }
    if (end === -1) return 'unclosed';
    start = end + 1;
  }
}

/**
 * What the YAML says that it cannot mean for content: an alias (`*name`)
 * whose anchor (`&name`) is never set, tags (`!Ref`, `!!binary`), which
 * content has no use for and which the yaml library would otherwise drop or
 * turn into objects, and a `__proto__` key.
 */
function writtenProblem(doc: Document, text: string): { offset: number; message: string; hint: string } | undefined {
  let problem: { offset: number; message: string; hint: string } | undefined;
  visit(doc, {
    Pair(_, pair) {
      // A key that JavaScript objects treat as their prototype: never content, and a trap for every reader after this one.
      if (!isScalar(pair.key) || pair.key.value !== '__proto__') return undefined;
      problem = {
        offset: pair.key.range?.[0] ?? 0,
        message: '__proto__ cannot be used as a key',
        hint: 'remove this key; if it is a synonym, write the word without the underscores',
      };
      return visit.BREAK;
    },
    Alias(_, alias) {
      if (alias.resolve(doc) !== undefined) return undefined;
      problem = {
        offset: alias.range?.[0] ?? 0,
        message: `*${alias.source} is read as a YAML alias, but no value is named &${alias.source} before it`,
        hint: `put the text in quotes to write it as it is: "*${alias.source}"`,
      };
      return visit.BREAK;
    },
    Node(_, node) {
      if (node.tag === undefined || isAlias(node)) return undefined;
      // Every explicit tag, the core ones (!!str) included: content only needs plain values.
      const value = node.range?.[0] ?? 0;
      // The node's range starts at its value; point at the tag written before it.
      const lineStart = text.lastIndexOf('\n', value - 1) + 1;
      const tag = /!\S*\s*$/.exec(text.slice(lineStart, value));
      problem = {
        offset: tag ? lineStart + tag.index : value,
        message: `${node.tag.replace(/^tag:yaml\.org,2002:/, '!!')} is a YAML tag, and content cannot use tags`,
        hint: 'remove the tag; if the ! belongs to the text, put the whole value in quotes',
      };
      return visit.BREAK;
    },
  });
  return problem;
}

/**
 * A `%YAML` or `%TAG` line: content is read as YAML 1.2 core only
 * (`YAML_READ_OPTIONS`), so a directive could only mislead its writer.
 */
function directiveProblem(doc: Document, text: string): { offset: number; message: string; hint: string } | undefined {
  // Directives stand before the document's first --- line; the parser drops the ones it does not know (%FOO).
  const start = /^---/m.exec(text)?.index ?? text.length;
  const line = /^%\S*.*$/m.exec(text.slice(0, start));
  const tags = Object.keys(doc.directives?.tags ?? {}).filter((handle) => handle !== '!' && handle !== '!!');
  if (!line && !doc.directives?.yaml.explicit && tags.length === 0) return undefined;
  const written = line?.[0].trim() ?? '%YAML';
  return {
    offset: line?.index ?? 0,
    message: `"${written.length > 40 ? `${written.slice(0, 37)}...` : written}" is a YAML directive; content is always read as YAML 1.2, so it cannot choose another version or tags`,
    hint: 'delete the line that starts with %, and the --- line after it',
  };
}

/** Where the first alias is written, for findings about aliases as a whole. */
function firstAlias(doc: Document): number | undefined {
  let offset: number | undefined;
  visit(doc, {
    Alias(_, alias) {
      offset = alias.range?.[0];
      return visit.BREAK;
    },
  });
  return offset;
}

/** The 1-based line and column of an offset in a text. */
function pointAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}

function firstInvalidUtf8(bytes: Uint8Array): Position {
  // Decode growing prefixes line by line to find the first line that breaks.
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a) {
      try {
        utf8.decode(bytes.subarray(lineStart, i));
      } catch {
        return { line, column: 1 };
      }
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: 1 };
}

function yamlErrorMessage(code: string, message: string): string {
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'the same key is written twice';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
    case 'UNEXPECTED_TOKEN':
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return `the YAML cannot be read here (${firstSentence(message)})`;
    case 'TAB_AS_INDENT':
      return 'a tab is used for indentation';
    default:
      return `the YAML cannot be read here (${firstSentence(message)})`;
  }
}

function yamlErrorHint(code: string): string {
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'keep one of the two lines and delete the other';
    case 'TAB_AS_INDENT':
      return 'indent with spaces only, two per level';
    default:
      return 'check the indentation, and put quotes around values that contain a colon (title: "Refunds: how far you can go")';
  }
}

function firstSentence(message: string): string {
  const first = message.split('\n')[0] ?? message;
  return first.replace(/ at line \d+, column \d+:?$/, '').replace(/\.$/, '');
}

function fixedLocator(position: Position): FieldLocator {
  return { locate: () => position };
}

function documentLocator(doc: Document, position: (offset: number) => Position, fallback: Position): FieldLocator {
  return {
    locate(path, at = 'value') {
      let node: unknown = doc.contents;
      let lastPair: Pair | undefined;
      let lastNode: Node | undefined = isNode(node) ? node : undefined;
      for (const segment of path) {
        let next: unknown;
        if (isMap(node)) {
          const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === segment);
          if (pair) {
            lastPair = pair;
            next = pair.value;
          }
        } else if (isSeq(node) && typeof segment === 'number') {
          next = node.items[segment];
          lastPair = undefined;
        }
        if (next === undefined) {
          // The field is not written (a missing key): point at its parent.
          return startOf(lastPair?.key) ?? startOf(lastNode) ?? fallback;
        }
        node = next;
        if (isNode(node)) lastNode = node;
      }
      if (at === 'key' && lastPair) return startOf(lastPair.key) ?? fallback;
      return startOf(isNode(node) ? node : undefined) ?? startOf(lastPair?.key) ?? fallback;
    },
  };

  function startOf(node: unknown): Position | undefined {
    if (!isNode(node) || !node.range) return undefined;
    return position(node.range[0]);
  }
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && 'range' in value;
}
