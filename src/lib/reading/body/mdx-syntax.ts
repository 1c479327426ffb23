/**
 * MDX syntax errors in words an editor can act on. Sätteri, the one parser
 * of bodies (the validator's and the build's), names its errors with coarse
 * rule ids (a mismatched closing tag and a stray "<" are both
 * `mdx-jsx:unexpected-character`), so the kind of mistake is told from the
 * parser's text (`wordingOf`), and the few facts only that text carries
 * (the tag names of a mismatch, where an unclosed tag opened) are read out
 * of it. A message still reads sensibly when they are missing, and an error
 * of a kind not known here keeps the parser's own words (`catchAll`).
 */
import type { Finding } from '../../diagnostics/diagnostic.ts';
import { pointAt, type BodyPoint } from './raw-html.ts';
import { finding, MESSAGES, type Wording } from '../../diagnostics/catalogue.ts';

const CATCH_ALL_HINT = 'check that every <Tag> is closed (or ends with />) and every { has a matching }; write \\< and \\{ to show those characters themselves';

const ESM: Wording = {
  message: 'a line starting with "import" or "export" is read as code, and it could not be understood',
  hint: 'content cannot use import or export: reword the sentence so that the line does not start with either word',
};
const EXPRESSION: Wording = {
  message: 'the text between { and } could not be understood',
  hint: 'in .mdx files { and } surround code, which content cannot use: write \\{ and \\} to show the characters themselves',
};
const UNCLOSED_BRACE: Wording = { message: 'a { is never closed with }', hint: 'in .mdx files { starts code: to show the character itself write \\{' };
const COMMENT: Wording = { message: 'HTML comments (<!-- … -->) cannot be used in .mdx files', hint: 'write the note as {/* your note */} instead' };
const UNQUOTED: Wording = { message: 'an attribute value must be written in quotes', hint: 'put the value in quotes, such as type="tip"' };
const NOT_A_TAG: Wording = {
  message: 'a < here starts a tag, but what follows is not a tag',
  hint: 'to show the character < itself write \\<; write links as [text](https://…)',
};
const STRAY_CLOSING: Wording = {
  message: 'a closing tag appears without a matching opening tag',
  hint: 'remove the closing tag, or add the opening tag before it',
};
const UNFINISHED_TAG: Wording = {
  message: 'a tag is started but not finished',
  hint: 'finish the tag with > (or /> if it has no text), and close any quotes it opens',
};

/** How Sätteri starts its error for a "<" followed by anything it cannot read as a tag (a value without quotes among them). */
const UNREADABLE_TAG = /^Unexpected character after `</;

/** The editor's finding for a parse error thrown by the MDX parser; undefined when it is not a parse error at all. */
export function syntaxFinding(error: unknown, file: string, body: string, bodyLine: number): Finding | undefined {
  const failure = error as { reason?: unknown; message?: unknown; ruleId?: unknown; source?: unknown; line?: unknown; column?: unknown };
  const reason = typeof failure.reason === 'string' ? failure.reason : typeof failure.message === 'string' ? failure.message : undefined;
  if (reason === undefined) return undefined;
  const source = String(failure.source ?? '');
  const ruleId = String(failure.ruleId ?? '');
  const point = syntaxPoint(reason, failure.line, failure.column);
  const offset = point && offsetOf(body, point);
  // Sätteri reports a value without quotes as a tag it cannot read, at the tag's "<": the value is found in the text.
  const unquoted = offset !== undefined && UNREADABLE_TAG.test(reason) ? unquotedValueAt(body, offset) : undefined;
  const wording = unquoted !== undefined ? UNQUOTED : wordingOf(reason, ruleId, source);
  const at = unquoted !== undefined ? pointAt(body, unquoted) : point;
  const position = at ? { line: at.line + bodyLine - 1, column: at.column } : { line: bodyLine, column: 1 };
  return finding(MESSAGES['mdx-syntax'], 'parser', { file, position }, wording);
}

/**
 * Where an attribute's value starts without a quote in the tag that opens at
 * `offset` (`<Callout type=tip>`: at `tip`), or undefined when every value
 * before the first unquoted one is quoted, or braced, or there is none.
 */
function unquotedValueAt(body: string, offset: number): number | undefined {
  const tag = /^<[A-Za-z][\w.:-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|\{[^{}]*\}))?)*\s+[A-Za-z_:][\w.:-]*\s*=\s*(?=[^\s"'{])/.exec(
    body.slice(offset, offset + 2000),
  );
  return tag ? offset + tag[0].length : undefined;
}

function syntaxPoint(reason: string, line: unknown, column: unknown): BodyPoint | undefined {
  // Should a tag left open be reported where its block ends, its own place is in the text: "… `<X>` (3:1-3:21)".
  const open = /^Expected a closing tag for `[^`]*` \((\d+):(\d+)-/.exec(reason);
  if (open) return { line: Number(open[1]), column: Number(open[2]) };
  if (typeof line === 'number' && typeof column === 'number') return { line, column };
  return undefined;
}

function offsetOf(text: string, point: BodyPoint): number | undefined {
  let offset = 0;
  for (let line = 1; line < point.line; line++) {
    offset = text.indexOf('\n', offset) + 1;
    if (offset === 0) return undefined;
  }
  return offset + point.column - 1;
}

function catchAll(reason: string): Wording {
  return { message: `this text could not be read as MDX: ${reason.replace(/\s*\([^()]*\)\s*$/, '')}`, hint: CATCH_ALL_HINT };
}

/** The words for an error, told apart by the parser's text (its rule ids say too little); its own words for any other. */
function wordingOf(reason: string, ruleId: string, source: string): Wording {
  let match: RegExpExecArray | null;
  if ((match = /^Expected a closing tag for `<([^`>]*)>`/.exec(reason))) {
    const tag = match[1] ?? '';
    return {
      message: `the <${tag}> tag is never closed`,
      hint: `add </${tag}> where its text ends, in the same paragraph or list item, or write <${tag} … /> if it has no text`,
    };
  }
  if ((match = /^Unexpected closing tag `<\/([^`>]*)>`, expected corresponding closing tag for `<([^`>]*)>`/.exec(reason))) {
    return {
      message: `</${match[1] ?? ''}> does not match the open <${match[2] ?? ''}> tag`,
      hint: `close <${match[2] ?? ''}> with </${match[2] ?? ''}>`,
    };
  }
  if ((match = /^Expected the closing tag `<\/([^`>]*)>` either after the end of/.exec(reason))) {
    return {
      message: `</${match[1] ?? ''}> is not in the same paragraph or list item as its opening tag`,
      hint: 'put the opening and closing tags in the same block, or each on a line of its own with blank lines around the text between them',
    };
  }
  if (/^Unexpected closing slash/.test(reason)) return STRAY_CLOSING;
  if (reason.includes('to create a comment in MDX')) return COMMENT;
  if (source.includes('esm') || /import\/exports/.test(reason)) return ESM;
  if (/closing brace for `\{`/.test(reason)) return UNCLOSED_BRACE;
  if (source.includes('expression')) return EXPRESSION;
  if (/before attribute value/.test(reason)) return UNQUOTED;
  if ((/(before|in) name\b/.test(reason) && ruleId === 'unexpected-character') || UNREADABLE_TAG.test(reason)) return NOT_A_TAG;
  if (/^Unexpected end of file/.test(reason) && source.includes('jsx')) return UNFINISHED_TAG;
  return catchAll(reason);
}
