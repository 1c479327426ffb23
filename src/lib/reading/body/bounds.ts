/**
 * Bounds on a body, checked in one pass over its text before any parser
 * sees it. The parsers are fast on text, but two shapes cost them far more
 * than their size: a paragraph packed with markup characters (emphasis
 * markers, brackets, entities) takes time in the square of its length to
 * parse and to walk, and code nested thousands of levels deep in an MDX
 * expression or `export` line overflows the native parser's stack, which
 * ends the whole process without naming the file. Neither shape is ever
 * written by hand, so both are refused where they start, with the line.
 */
import { MESSAGES, problem, type Problem } from '../../diagnostics/catalogue.ts';
import type { BodyPoint } from './raw-html.ts';

/**
 * The most markup characters (`* _ ~ \` [ ] ( ) ! < & \ { }`) one block of
 * text (lines up to a blank line) may hold. Parsing pairs them up, so a
 * block's cost grows with the square of this number: 10,000 keeps the worst
 * block to tens of milliseconds, and real paragraphs hold a few dozen.
 */
export const MAX_MARKUP_PER_BLOCK = 10_000;

/**
 * The most markup characters a whole body may hold. Each becomes a node or
 * two of the parsed tree, and every node costs the check time: 100,000 is
 * fifty times a long entry's, and keeps the check of the largest body to
 * about a second.
 */
export const MAX_MARKUP_PER_BODY = 100_000;

/**
 * How deeply code in an MDX body (`{…}` expressions, attributes written as
 * code, `import`/`export` lines) may nest brackets. The MDX parser's native
 * code stops at a few hundred levels, some shapes far earlier; code in
 * content never needs more than a handful.
 */
export const MAX_CODE_NESTING = 32;

export interface BoundProblem {
  point: BodyPoint;
  problem: Problem;
}

const MARKUP = new Uint8Array(128);
for (const char of '*_~`[]!<&\\{}()') MARKUP[char.charCodeAt(0)] = 1;

/** The first bound the body breaks, if any; one pass, linear in the body's length. */
export function bodyBoundProblem(body: string, format: 'md' | 'mdx'): BoundProblem | undefined {
  if (withinBoundsForSure(body, format)) return undefined;
  let blockMarkup = 0;
  let bodyMarkup = 0;
  let blockLine = 1;
  let fence: string | undefined;
  // MDX only: how deep { ( [ nest inside an expression or an import/export block.
  let codeDepth = 0;
  let inEsm = false;
  let lineStart = 0;
  for (let line = 1; lineStart <= body.length; line++) {
    const newline = body.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? body.length : newline;
    const text = body.slice(lineStart, lineEnd);
    lineStart = lineEnd + 1;
    if (text.trim() === '') {
      blockMarkup = 0;
      inEsm = false;
      continue;
    }
    // Fenced code is one node whatever it holds, and MDX reads no code in it.
    const fenceMark = codeDepth === 0 ? /^ {0,3}(`{3,}|~{3,})/.exec(text)?.[1] : undefined;
    if (fence !== undefined) {
      if (fenceMark !== undefined && fenceMark[0] === fence[0] && fenceMark.length >= fence.length && text.trim() === fenceMark) fence = undefined;
      continue;
    }
    if (fenceMark) {
      fence = fenceMark;
      continue;
    }
    if (blockMarkup === 0) blockLine = line;
    if (format === 'mdx' && codeDepth === 0 && /^(import|export)\b/.test(text)) inEsm = true;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code >= 128 || MARKUP[code] !== 1) continue;
      if (++blockMarkup > MAX_MARKUP_PER_BLOCK) return { point: { line: blockLine, column: 1 }, problem: markupProblem() };
      if (++bodyMarkup > MAX_MARKUP_PER_BODY) return { point: { line, column: i + 1 }, problem: bodyMarkupProblem() };
      if (format !== 'mdx' || (i > 0 && text.charCodeAt(i - 1) === 92)) continue; // an escaped character is text
      if (code === 123 || ((code === 40 || code === 91) && (codeDepth > 0 || inEsm))) {
        if (++codeDepth > MAX_CODE_NESTING) return { point: { line, column: i + 1 }, problem: codeTooDeepProblem() };
      } else if ((code === 125 || code === 41 || code === 93) && codeDepth > 0) {
        codeDepth--;
      }
    }
  }
  return undefined;
}

/**
 * Whether no bound can be broken, seen without the pass: a body shorter
 * than a block's markup bound cannot hold too much markup, and MDX code can
 * only nest where a `{` opens it or an `import`/`export` line starts it.
 * Most bodies are a few kilobytes, and the pass over every character was a
 * twentieth of a large playbook's reading.
 */
function withinBoundsForSure(body: string, format: 'md' | 'mdx'): boolean {
  if (body.length > MAX_MARKUP_PER_BLOCK) return false;
  return format === 'md' || (!body.includes('{') && !/^(?:import|export)\b/m.test(body));
}

/**
 * A numeric character reference that names no character: `&#0;`, a
 * surrogate, or one beyond U+10FFFF such as `&#99999999;`. A browser shows
 * U+FFFD or the text as written, and code that decodes it again fails; no
 * editor means either.
 */
export function characterReferenceProblem(body: string): BoundProblem | undefined {
  for (const match of body.matchAll(/&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));/g)) {
    const digits = match[1] ?? match[2]!;
    const code = digits.length > 8 ? Infinity : parseInt(digits, match[1] !== undefined ? 16 : 10);
    if (code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)) continue;
    const before = body.slice(0, match.index);
    const lineStart = before.lastIndexOf('\n') + 1;
    const written = match[0].length > 24 ? `${match[0].slice(0, 21)}...` : match[0];
    return {
      point: { line: before.split('\n').length, column: match.index - lineStart + 1 },
      problem: problem(MESSAGES['character-reference'], 'default', { written }),
    };
  }
  return undefined;
}

function markupProblem(): Problem {
  return problem(MESSAGES.complexity, 'paragraph', { limit: MAX_MARKUP_PER_BLOCK });
}

function bodyMarkupProblem(): Problem {
  return problem(MESSAGES.complexity, 'body', { limit: MAX_MARKUP_PER_BODY });
}

function codeTooDeepProblem(): Problem {
  return problem(MESSAGES.nesting, 'code', { limit: MAX_CODE_NESTING });
}
