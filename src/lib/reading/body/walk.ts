/**
 * The walk over a body's tree (mdast with the MDX extensions, from
 * mdast-util-from-markdown or from Sätteri, which use the same shapes):
 * each node judged by the policy, raw HTML handed to the raw-HTML check,
 * and the tree's depth kept far below what the renderer can take.
 */
import { parse as parseJs } from 'acorn';
import type { Program } from 'estree';
import type { Finding, Position } from '../../diagnostics/diagnostic.ts';
import { closestMatch } from '../../diagnostics/did-you-mean.ts';
import { allowedAttributes, COMPONENT_NAMES, COMPONENTS, MAX_BODY_DEPTH, refusedProtocol, type ContentComponent } from './policy.ts';
import { MESSAGES, problem } from '../../diagnostics/catalogue.ts';
import {
  BODY_IMAGE_PROBLEM,
  expressionAttributeProblem,
  expressionProblem,
  htmlAttributeProblem,
  linkProblem,
  orList,
  spreadProblem,
  tagProblem,
  tooDeepProblem,
  type Problem,
} from './problems.ts';
import { checkHtmlBalance, checkHtmlFragment, type BodyPoint, type HtmlFragment } from './raw-html.ts';

/** A node of the body's syntax tree, as far as the check reads it. */
export interface BodyNode {
  type: string;
  value?: unknown;
  name?: string | null;
  url?: string;
  attributes?: readonly BodyAttribute[];
  children?: readonly BodyNode[];
  position?: { start: BodyPoint } | undefined;
  data?: unknown;
}

export interface BodyAttribute {
  type: string;
  name?: string;
  value?: unknown;
  position?: { start: BodyPoint } | undefined;
}

export interface WalkOptions {
  file: string;
  bodyLine: number;
  format: 'md' | 'mdx';
  trusted: boolean;
}

/** A link written in a body: its address as written, and where. */
export interface BodyLink {
  url: string;
  position: Position;
}

export interface WalkResult {
  findings: Finding[];
  boundaryRefs: { id: string; position: Position }[];
  /** Every Markdown link and link definition, for the check of the addresses they lead to (rules/body-links.ts). */
  links: BodyLink[];
}

export function walkBody(tree: BodyNode, options: WalkOptions): WalkResult {
  const findings: Finding[] = [];
  const boundaryRefs: WalkResult['boundaryRefs'] = [];
  const links: BodyLink[] = [];
  const fragments: HtmlFragment[] = [];
  const mdx = !options.trusted;
  /** A body-relative point as a position in the file. */
  const at = (point: BodyPoint | undefined): Position =>
    point ? { line: point.line + options.bodyLine - 1, column: point.column } : { line: options.bodyLine, column: 1 };
  const add = (point: BodyPoint | undefined, problem: Problem): void => {
    findings.push({ file: options.file, path: [], position: at(point), ...problem });
  };
  let tooDeep = false;

  // Depth first in document order, each node's children read once: a parser's lazy tree may build its
  // children list on every read, and a walk that reads it per child would take time in the square of a paragraph.
  const pending: { node: BodyNode; depth: number }[] = [{ node: tree, depth: 0 }];
  while (pending.length > 0) {
    const { node, depth } = pending.pop()!;
    if (depth > MAX_BODY_DEPTH) {
      if (!tooDeep) add(node.position?.start, tooDeepProblem(depth, MAX_BODY_DEPTH));
      tooDeep = true;
      continue;
    }
    switch (node.type) {
      case 'mdxjsEsm':
        if (mdx) esm(node, add);
        break;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        if (mdx && !isCommentOnly(node)) add(node.position?.start, expressionProblem(String(node.value ?? '')));
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        jsxElement(node, options.trusted, add, (id, point) => boundaryRefs.push({ id, position: at(point) }));
        break;
      case 'html':
        fragments.push({ value: String(node.value ?? ''), start: node.position?.start });
        break;
      case 'link':
      case 'definition': {
        const scheme = refusedProtocol(node.url ?? '');
        if (scheme) add(node.position?.start, linkProblem(scheme));
        else if (node.url) links.push({ url: node.url, position: at(node.position?.start) });
        break;
      }
      case 'image':
      case 'imageReference':
        add(node.position?.start, BODY_IMAGE_PROBLEM);
        break;
    }
    const children = node.children;
    if (children) for (let i = children.length - 1; i >= 0; i--) pending.push({ node: children[i]!, depth: depth + 1 });
  }

  // Each fragment in document order (findings are sorted by position later), then all of them as one.
  const before = findings.length;
  for (const fragment of fragments) for (const { point, problem } of checkHtmlFragment(fragment)) add(point, problem);
  if (findings.length === before) for (const { point, problem } of checkHtmlBalance(fragments)) add(point, problem);
  return { findings: inDocumentOrder(findings), boundaryRefs, links };
}

/** Findings of the walk and of the raw-HTML check, merged by place (stable for equal places). */
function inDocumentOrder(findings: Finding[]): Finding[] {
  return findings
    .map((finding, index) => ({ finding, index }))
    .sort((a, b) => a.finding.position!.line - b.finding.position!.line || a.finding.position!.column - b.finding.position!.column || a.index - b.index)
    .map(({ finding }) => finding);
}

type Add = (point: BodyPoint | undefined, problem: Problem) => void;

/** One finding per statement: each line of the block that starts one. */
function esm(node: BodyNode, add: Add): void {
  const start = node.position?.start;
  String(node.value ?? '')
    .split(/\r?\n/)
    .forEach((line, index) => {
      const keyword = /^\s*(import|export)\b/.exec(line)?.[1];
      if (!keyword || (index > 0 && /^\s/.test(line))) return;
      const point = start && { line: start.line + index, column: index === 0 ? start.column : 1 };
      add(point, keyword === 'import' ? problem(MESSAGES['mdx-import'], 'import', { components: COMPONENT_NAMES }) : problem(MESSAGES['mdx-import'], 'export'));
    });
}

function jsxElement(node: BodyNode, trusted: boolean, add: Add, boundaryRef: (id: string, point: BodyPoint | undefined) => void): void {
  const name = node.name ?? null;
  const at = node.position?.start;
  if (name === null || name === '') {
    if (!trusted) {
      add(at, problem(MESSAGES['mdx-component'], 'fragment'));
    }
    return;
  }
  const attributes = node.attributes ?? [];
  if (isHtmlName(name)) {
    jsxHtmlElement(name, attributes, at, trusted, add);
    return;
  }
  if (name === 'BoundaryRef') {
    const id = attributes.find((attribute) => attribute.type === 'mdxJsxAttribute' && attribute.name === 'id');
    if (typeof id?.value === 'string') boundaryRef(id.value, at);
  }
  if (trusted) return;
  const component = Object.hasOwn(COMPONENTS, name) ? COMPONENTS[name] : undefined;
  if (!component) {
    add(at, problem(MESSAGES['mdx-component'], 'unknown', { name, near: closestMatch(name, COMPONENT_NAMES), components: COMPONENT_NAMES }));
    return;
  }
  for (const { at: where, ...problem } of componentAttributeProblems(name, component, attributes)) add(where ?? at, problem);
}

/** A lower-case JSX tag in MDX is plain HTML: the same allowlist as raw HTML. */
function jsxHtmlElement(name: string, attributes: readonly BodyAttribute[], at: BodyPoint | undefined, trusted: boolean, add: Add): void {
  const tag = name.toLowerCase();
  const allowed = allowedAttributes(tag);
  if (!allowed) {
    const near = closestMatch(name, COMPONENT_NAMES);
    add(at, { ...tagProblem(tag), ...(near ? { hint: `did you mean <${near}>? Component names start with a capital letter` } : {}) });
  }
  for (const attribute of attributes) {
    const where = attribute.position?.start ?? at;
    if (attribute.type !== 'mdxJsxAttribute' || attribute.name === undefined) {
      add(
        where,
        trusted
          ? problem(MESSAGES.html, 'code-attributes', { name, code: String(attribute.value ?? '') })
          : spreadProblem(name, 'each attribute out with its value in quotes'),
      );
      continue;
    }
    const value = attribute.value;
    const refused = htmlAttributeProblem(name, allowed, attribute.name, typeof value === 'string' ? value : undefined);
    if (refused) add(where, refused);
    else if (allowed && isExpressionValue(value) && !trusted) {
      add(where, expressionAttributeProblem(name, attribute.name, `${attribute.name}="…" with the text in quotes`, value));
    }
  }
}

function componentAttributeProblems(
  name: string,
  component: ContentComponent,
  attributes: readonly BodyAttribute[],
): (Problem & { at?: BodyPoint | undefined })[] {
  const problems: (Problem & { at?: BodyPoint | undefined })[] = [];
  const specs = component.attributes;
  const known = Object.keys(specs);
  const first = specs[known[0] ?? ''];
  for (const attribute of attributes) {
    const at = attribute.position?.start;
    if (attribute.type !== 'mdxJsxAttribute' || attribute.name === undefined) {
      problems.push({ at, ...spreadProblem(name, first ? `each attribute out with its value in quotes, such as ${first.example}` : 'no attributes') });
      continue;
    }
    const spec = Object.hasOwn(specs, attribute.name) ? specs[attribute.name] : undefined;
    if (!spec) {
      problems.push({
        at,
        ...problem(MESSAGES['mdx-attribute'], 'unknown', { name, attribute: attribute.name, near: closestMatch(attribute.name, known), known }),
      });
      continue;
    }
    const value = attribute.value;
    if (typeof value === 'string') {
      if (spec.values && !spec.values.includes(value)) {
        const near = closestMatch(value, spec.values);
        problems.push({ at, ...problem(MESSAGES['mdx-attribute'], 'value', { name, attribute: attribute.name, value, values: spec.values, near }) });
      }
      continue;
    }
    const howTo = spec.values ? orList(spec.values.map((allowed) => `${attribute.name}="${allowed}"`)) : `${attribute.name}="…" with the text in quotes`;
    if (isExpressionValue(value)) problems.push({ at, ...expressionAttributeProblem(name, attribute.name, howTo, value) });
    else problems.push({ at, ...problem(MESSAGES['mdx-attribute'], 'empty', { name, attribute: attribute.name, howTo }) });
  }
  for (const [attributeName, spec] of Object.entries(specs)) {
    if (!spec.required || attributes.some((attribute) => attribute.type === 'mdxJsxAttribute' && attribute.name === attributeName)) continue;
    problems.push(problem(MESSAGES['mdx-attribute'], 'required', { name, attribute: attributeName, example: spec.example }));
  }
  return problems;
}

function isExpressionValue(value: unknown): value is { value?: unknown } {
  return typeof value === 'object' && value !== null;
}

/** JSX names that are plain HTML rather than components: lower-case, dashed or namespaced, never `a.b`. */
function isHtmlName(name: string): boolean {
  return !name.includes('.') && (/^[a-z]/.test(name) || /[-:]/.test(name));
}

/**
 * `{/* … *\/}` and `{// …}` hold nothing that runs: MDX's way to write a
 * comment. Judged on the expression's estree (the MDX parser's own, or
 * acorn's when the tree came without one): a program with no statements.
 */
function isCommentOnly(node: BodyNode): boolean {
  const estree = (node.data as { estree?: Program } | undefined)?.estree;
  if (estree) return estree.body.length === 0;
  try {
    return parseJs(String(node.value ?? ''), { ecmaVersion: 'latest', sourceType: 'module' }).body.length === 0;
  } catch {
    return false;
  }
}
