/**
 * The raw-HTML check. Each fragment (an `html` node of the body) is parsed
 * on its own and every element judged by the allowlist; then all the
 * fragments of the body, joined in document order, are parsed as one, so a
 * closing tag with no opening tag (`</div>`, `</main>`) or a tag left open
 * is found even when its partner sits in another paragraph. Either would
 * close or swallow the page's own layout around the text.
 */
import { fromHtml } from 'hast-util-from-html';
import type { Element, Root as HtmlRoot, RootContent as HtmlContent } from 'hast';
import { Tokenizer, type Token } from 'parse5';
import { find, html } from 'property-information';
import { allowedAttributes, COMPONENT_NAMES, MAX_BODY_DEPTH, VOID_ELEMENTS } from './policy.ts';
import { htmlAttributeProblem, tagProblem, tooDeepProblem, type Problem } from './problems.ts';
import { MESSAGES, problem } from '../../diagnostics/catalogue.ts';

type TagToken = Token.TagToken;

export interface BodyPoint {
  line: number;
  column: number;
}

/** A raw HTML fragment of the body, with where it starts (body-relative). */
export interface HtmlFragment {
  value: string;
  start: BodyPoint | undefined;
}

export interface PlacedProblem {
  point: BodyPoint | undefined;
  problem: Problem;
}

/** Parse errors for markup left open, which would swallow what follows it on the page. (An open <script> or <textarea> is refused as a tag.) */
const UNFINISHED = new Set(['eof-in-tag', 'eof-in-comment', 'eof-in-doctype', 'eof-in-cdata']);

/** One fragment: its elements and attributes against the allowlist, and markup it leaves unfinished. */
export function checkHtmlFragment(fragment: HtmlFragment): PlacedProblem[] {
  const source = fragment.value;
  const problems: PlacedProblem[] = [];
  const unfinished: { code: string; point: BodyPoint }[] = [];
  const tree = fromHtml(source, {
    fragment: true,
    verbose: true,
    onerror(message) {
      const code = message.ruleId ?? '';
      if (!UNFINISHED.has(code)) return;
      const place = message.place && 'start' in message.place ? message.place.start : message.place;
      // The error is where the text ends; point at the `<` that opened the unfinished markup instead.
      const opened = place?.offset === undefined ? -1 : source.lastIndexOf(code === 'eof-in-comment' ? '<!--' : '<', place.offset);
      unfinished.push({ code, point: opened === -1 ? { line: 1, column: 1 } : pointAt(source, opened) });
    },
  });
  const inBody = (point: BodyPoint | undefined) => toBody(fragment.start, point);
  // Iterative, and no deeper than the body may nest: the tree can be as deep as the tags are many.
  const pending: { children: readonly HtmlContent[]; depth: number }[] = [{ children: (tree as HtmlRoot).children, depth: 0 }];
  let tooDeep = false;
  const found: { element: Element; problems: PlacedProblem[] }[] = [];
  while (pending.length > 0) {
    const { children, depth } = pending.pop()!;
    for (const child of children) {
      if (child.type !== 'element') continue;
      if (depth >= MAX_BODY_DEPTH) {
        if (!tooDeep) problems.push({ point: inBody(child.position?.start), problem: tooDeepProblem(depth, MAX_BODY_DEPTH) });
        tooDeep = true;
        continue;
      }
      found.push({ element: child, problems: elementProblems(child, inBody) });
      pending.push({ children: child.children, depth: depth + 1 });
      if (child.content) pending.push({ children: child.content.children, depth: depth + 1 });
    }
  }
  // In document order, as a recursive walk would give them.
  found.sort((a, b) => (a.element.position?.start.offset ?? 0) - (b.element.position?.start.offset ?? 0));
  problems.unshift(...found.flatMap((entry) => entry.problems));
  for (const { code, point } of unfinished) {
    // An unfinished tag or comment swallows what Markdown writes after it, which could smuggle in attributes.
    problems.push({
      point: inBody(point),
      problem: problem(MESSAGES.html, code === 'eof-in-comment' ? 'unclosed-comment' : 'unfinished-tag'),
    });
  }
  return problems;
}

/**
 * All fragments of a body as one: closing tags without an opening tag, and
 * tags opened but never closed. Read with parse5's tokenizer (the parser
 * itself quietly drops a stray closing tag, where a browser reading the page
 * would close the layout's own element). Run when each fragment passed on
 * its own, so no <script> or <style> changes how the rest is read.
 */
export function checkHtmlBalance(fragments: readonly HtmlFragment[]): PlacedProblem[] {
  if (fragments.length === 0) return [];
  // Each fragment on lines of its own, so an offset in the whole maps back to one fragment.
  const starts: number[] = [];
  let whole = '';
  for (const fragment of fragments) {
    starts.push(whole.length);
    whole += `${fragment.value}\n`;
  }
  const locate = (offset: number): BodyPoint | undefined => {
    // The last fragment starting at or before the offset (binary search: a body may hold thousands).
    let index = 0;
    let high = starts.length - 1;
    while (index < high) {
      const middle = (index + high + 1) >> 1;
      if (starts[middle]! <= offset) index = middle;
      else high = middle - 1;
    }
    const fragment = fragments[index]!;
    return toBody(fragment.start, pointAt(fragment.value, offset - starts[index]!));
  };
  const problems: PlacedProblem[] = [];
  const open: { tag: string; offset: number }[] = [];
  const unclosed = (tag: string, offset: number): PlacedProblem => ({
    point: locate(offset),
    problem: problem(MESSAGES.html, 'never-closed', { tag }),
  });
  // The innermost open element of a name, found from the top of the stack; the whole stack is never scanned per tag unless it must be.
  const lastOpen = (tag: string): number => {
    for (let i = open.length - 1; i >= 0; i--) if (open[i]!.tag === tag) return i;
    return -1;
  };
  tagsOf(whole, {
    onStartTag(token: TagToken) {
      if (!token.selfClosing && !VOID_ELEMENTS.has(token.tagName)) open.push({ tag: token.tagName, offset: token.location?.startOffset ?? 0 });
    },
    onEndTag(token: TagToken) {
      const offset = token.location?.startOffset ?? 0;
      const match = lastOpen(token.tagName);
      if (match === -1) {
        problems.push({
          point: locate(offset),
          problem: problem(MESSAGES.html, 'stray-close', { tag: token.tagName }),
        });
        return;
      }
      for (const left of open.splice(match).slice(1)) problems.push(unclosed(left.tag, left.offset));
    },
  });
  for (const left of open) problems.push(unclosed(left.tag, left.offset));
  return problems.sort((a, b) => (a.point?.line ?? 0) - (b.point?.line ?? 0) || (a.point?.column ?? 0) - (b.point?.column ?? 0));
}

/**
 * `<details/>` and `<small/>` written as if HTML had self-closing tags: HTML
 * ignores the slash on any element that is not void, so the tag stays open
 * and takes in everything after it. Each such tag is given its closing tag
 * right after it, which is what its writer meant (and what MDX does).
 */
export function closeSelfClosingTags(html: string): string {
  const ends: { offset: number; tag: string }[] = [];
  tagsOf(html, {
    onStartTag(token: TagToken) {
      if (token.selfClosing && !VOID_ELEMENTS.has(token.tagName) && token.location) ends.push({ offset: token.location.endOffset, tag: token.tagName });
    },
  });
  if (ends.length === 0) return html;
  let out = '';
  let from = 0;
  for (const { offset, tag } of ends) {
    out += `${html.slice(from, offset)}</${tag}>`;
    from = offset;
  }
  return out + html.slice(from);
}

/** Reads `html` with parse5's tokenizer, handing its start and end tags (with where they are) to `handlers`. */
function tagsOf(html: string, handlers: { onStartTag?: (token: TagToken) => void; onEndTag?: (token: TagToken) => void }): void {
  const ignore = () => undefined;
  new Tokenizer(
    { sourceCodeLocationInfo: true },
    {
      onStartTag: handlers.onStartTag ?? ignore,
      onEndTag: handlers.onEndTag ?? ignore,
      onComment: ignore,
      onDoctype: ignore,
      onEof: ignore,
      onCharacter: ignore,
      onNullCharacter: ignore,
      onWhitespaceCharacter: ignore,
      onParseError: ignore,
    },
  ).write(html, true);
}

function elementProblems(element: Element, inBody: (point: BodyPoint | undefined) => BodyPoint | undefined): PlacedProblem[] {
  const problems: PlacedProblem[] = [];
  const tag = element.tagName;
  const allowed = allowedAttributes(tag);
  if (!allowed) {
    // Raw HTML names are case-insensitive: <Callout> in a .md file arrives here as <callout>.
    const component = COMPONENT_NAMES.find((known) => known.toLowerCase() === tag);
    problems.push({
      point: inBody(element.position?.start),
      problem: { ...tagProblem(tag), ...(component ? { hint: `<${component}> works only in .mdx files: rename this file to end in .mdx` } : {}) },
    });
  }
  for (const attribute of attributesOf(element)) {
    const problem = htmlAttributeProblem(tag, allowed, attribute.name, attribute.value);
    if (problem) problems.push({ point: inBody(attribute.point ?? element.position?.start), problem });
  }
  return problems;
}

/** An element's attributes by their HTML names (`onerror`, not hast's `onError`, as property-information knows them), with where. */
function attributesOf(element: Element): { name: string; value: string | undefined; point: BodyPoint | undefined }[] {
  const positions = (element.data as { position?: { properties?: Record<string, { start: BodyPoint } | undefined> } } | undefined)?.position?.properties ?? {};
  return Object.entries(element.properties).map(([property, value]) => ({
    name: find(html, property).attribute.toLowerCase(),
    value: Array.isArray(value) ? value.join(' ') : typeof value === 'string' ? value : undefined,
    point: positions[property]?.start,
  }));
}

/**
 * A point inside a fragment as a point in the body. Later lines of a block
 * inside a list or quote lose their indent, so their column is approximate.
 */
function toBody(start: BodyPoint | undefined, point: BodyPoint | undefined): BodyPoint | undefined {
  if (!start || !point) return start;
  return point.line === 1 ? { line: start.line, column: start.column + point.column - 1 } : { line: start.line + point.line - 1, column: point.column };
}

/** The 1-based line and column of an offset in a text. */
export function pointAt(text: string, offset: number): BodyPoint {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}
