/**
 * The one reading of a content body: parsed once by Sätteri (the parser the
 * site's Markdown renderer uses, with the same GFM and punctuation settings),
 * checked on that tree, and turned into the HTML the page shows. The
 * validator and the build both call `renderBody`, so what the check passes is
 * exactly what the site renders, and a body the check refuses never becomes a
 * page.
 *
 * - `.md` goes through Sätteri's native Markdown-to-HTML pipeline, with the
 *   check as an mdast plugin and heading ids as a hast plugin.
 * - `.mdx` (restricted: only the playbook's own components, no code) is
 *   parsed to mdast by Sätteri and rendered like Markdown: the two components
 *   become plain HTML here, so no entry becomes a bundled module.
 * - Raw HTML is re-serialised from a parse of the whole body (balanced, HTML
 *   comments dropped) whenever a body holds any.
 *
 * `BoundaryRef` needs the rest of the playbook (the boundary's title and
 * limits), so it is left as a marker that `expandBoundaryRefs` fills in once
 * the entries are read. Never throws: a parser failure is a finding.
 */
import GithubSlugger from 'github-slugger';
import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import type { Nodes as MdastNodes, Root as MdastRoot } from 'mdast';
import { toHast, type Handler, type State } from 'mdast-util-to-hast';
import { markdownToHtml, mdxToMdast, type Features, type HastPluginDefinition, type MarkdownToHtmlResult, type MdastPluginDefinition } from 'satteri';
import type { Finding } from '../diagnostics/diagnostic.ts';
import { bodyHeadingId } from '../links/page-ids.ts';
import { mayNestDeeply } from './body/policy.ts';
import { closeSelfClosingTags } from './body/raw-html.ts';
import { boundFinding, checkBodyTree, syntaxFinding, type BodyCheckInput, type BodyCheckResult, type BodyNode } from './check-body.ts';
import { CALLOUT_KINDS, calloutKind, type CalloutType } from './content-components.ts';

/** Sätteri's features as the site's Markdown renderer sets them (astro.config.mjs: GFM on, smart punctuation on). */
export const BODY_FEATURES: Features = { gfm: true, smartPunctuation: true };

export interface BodyHeading {
  depth: number;
  slug: string;
  text: string;
}

export interface RenderBodyInput {
  /** Path relative to the content root, used as Finding.file. */
  file: string;
  /** The body text after the frontmatter. */
  body: string;
  /** 1-based line in the file where the body starts. */
  bodyLine: number;
  format: 'md' | 'mdx';
  /** playbook.yaml `trustedMdx: true`: MDX is left to Astro's own MDX pipeline (checked here, rendered there). */
  trusted: boolean;
  /** The words a `<Callout>` shows for its type, in the body's language; English by default. */
  calloutLabels?: Readonly<Record<CalloutType, string>>;
}

export interface RenderedBody extends BodyCheckResult {
  /**
   * The body as HTML, with `BoundaryRef` markers (see `expandBoundaryRefs`);
   * undefined when the check refused the body, or for trusted MDX, which
   * Astro's MDX integration renders.
   */
  html: string | undefined;
  headings: BodyHeading[];
}

/** The marker a `<BoundaryRef id>` leaves in rendered HTML; ids are kebab-case, so they need no escaping. */
const BOUNDARY_REF_MARKER = /<latitude-boundary-ref data-id="([^"]*)"><\/latitude-boundary-ref>/g;

export function renderBody(input: RenderBodyInput): RenderedBody {
  const bound = boundFinding(input);
  if (bound) return { findings: [bound], boundaryRefs: [], links: [], html: undefined, headings: [] };
  try {
    return input.format === 'mdx' ? renderMdx(input) : renderMarkdown(input);
  } catch (error) {
    return { findings: [parserFinding(error, input)], boundaryRefs: [], links: [], html: undefined, headings: [] };
  }
}

/** The check alone, on the same parse as `renderBody` (what the HTML would be is left out). */
export function checkBody(input: BodyCheckInput): BodyCheckResult {
  const { findings, boundaryRefs, links } = renderBody(input);
  return { findings, boundaryRefs, links };
}

/** Replaces each BoundaryRef marker with the HTML `render` gives for its id. */
export function expandBoundaryRefs(html: string, render: (id: string) => string): string {
  return hasBoundaryRefs(html) ? html.replace(BOUNDARY_REF_MARKER, (_, id: string) => render(id)) : html;
}

/** Whether a body's HTML holds a BoundaryRef marker for `expandBoundaryRefs` to fill. */
export function hasBoundaryRefs(html: string | undefined): boolean {
  return html?.includes('<latitude-boundary-ref') === true;
}

function renderMarkdown(input: RenderBodyInput): RenderedBody {
  let checked: BodyCheckResult = { findings: [], boundaryRefs: [], links: [] };
  let rawHtml = false;
  const check: MdastPluginDefinition = {
    name: 'latitude:body-check',
    options: { position: true },
    before(tree) {
      checked = checkBodyTree(tree as unknown as BodyNode, input);
    },
    html() {
      rawHtml = true;
    },
  };
  const headings: BodyHeading[] = [];
  const slugger = new GithubSlugger();
  // The check looks at raw HTML, links, definitions and pictures (without "<" or "[" a Markdown body has none), and at depth.
  const needsCheck = /[<[]/.test(input.body) || mayNestDeeply(input.body);
  if (!needsCheck) {
    // No plugin at all: Sätteri parses and renders in one native call (a third of the time), and the ids go into the HTML after.
    const { html } = markdownToHtml(input.body, { features: BODY_FEATURES }) as MarkdownToHtmlResult;
    return { ...checked, html: withHeadingIds(html, slugger, headings), headings };
  }
  const headingIds: HastPluginDefinition = {
    name: 'latitude:heading-ids',
    element: {
      filter: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
      visit(node, ctx) {
        const heading = nextHeading(slugger, Number(node.tagName[1]), ctx.textContent(node));
        headings.push(heading);
        ctx.setProperty(node, 'id', heading.slug);
      },
    },
  };
  // Every plugin here is synchronous, so the result is too.
  const { html } = markdownToHtml(input.body, { features: BODY_FEATURES, mdastPlugins: [check], hastPlugins: [headingIds] }) as MarkdownToHtmlResult;
  if (hasErrors(checked)) return { ...checked, html: undefined, headings: [] };
  return { ...checked, html: rawHtml ? rebalance(html) : html, headings };
}

/** A heading's record, its id the way Astro's Markdown renderer makes it (github-slugger over its text), never one the page uses itself. */
function nextHeading(slugger: GithubSlugger, depth: number, text: string): BodyHeading {
  return { depth, slug: bodyHeadingId((words) => slugger.slug(words), text), text };
}

/**
 * A heading as Sätteri renders a body without raw HTML, links or pictures:
 * no attributes, and inside only text and the inline elements of emphasis,
 * code and autolinked addresses.
 */
const RENDERED_HEADING = /<h([1-6])>([\s\S]*?)<\/h\1>/g;

/** The characters Sätteri escapes in text, as it writes them. */
const ESCAPED = /&(amp|lt|gt|quot);/g;
const UNESCAPED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"' };

/**
 * Ids on the headings of HTML Sätteri rendered from a body without raw
 * HTML, links or pictures, and their records in order: the same ids and
 * text the heading-id plugin gives (its text is the heading's text content:
 * the HTML without its tags, unescaped). tests/unit/render-body-headings.test.ts
 * holds the two ways to each other.
 */
function withHeadingIds(html: string, slugger: GithubSlugger, headings: BodyHeading[]): string {
  if (!html.includes('<h')) return html;
  return html.replace(RENDERED_HEADING, (_, depth: string, inner: string) => {
    const heading = nextHeading(
      slugger,
      Number(depth),
      inner.replace(/<[^>]*>/g, '').replace(ESCAPED, (__, name: string) => UNESCAPED[name]!),
    );
    headings.push(heading);
    return `<h${depth} id="${escapeAttribute(heading.slug)}">${inner}</h${depth}>`;
  });
}

/** An attribute value as Sätteri writes one. */
function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

function renderMdx(input: RenderBodyInput): RenderedBody {
  const tree = mdxToMdast(input.body, { features: BODY_FEATURES }) as unknown as MdastRoot;
  placeAttributes(tree as unknown as PlacedNode, input.body);
  const checked = checkBodyTree(tree as unknown as BodyNode, input);
  if (hasErrors(checked) || input.trusted) return { ...checked, html: undefined, headings: [] };
  const hast = toHast(tree, { handlers: mdxHandlers(input.calloutLabels ?? CALLOUT_KINDS) }) as HastRoot;
  const headings = addHeadingIds(hast);
  return { ...checked, html: toHtml(hast), headings };
}

function hasErrors(result: BodyCheckResult): boolean {
  return result.findings.some((finding) => finding.severity === 'error');
}

/**
 * Sätteri reports a syntax error as `line:column: reason (source:ruleId)`;
 * the check's syntax messages (body/mdx-syntax.ts) read those fields.
 */
function parserFinding(error: unknown, input: RenderBodyInput): Finding {
  const message = error instanceof Error ? error.message : String(error);
  const match = /^(\d+):(\d+): ([\s\S]*?)(?: \(([\w-]+):([\w-]+)\))?$/.exec(message);
  if (!match) return syntaxFinding(error, input);
  const [, line, column, reason, source, ruleId] = match;
  return syntaxFinding({ reason, line: Number(line), column: Number(column), source, ruleId }, input);
}

/** The two content components as plain HTML, and the allowed lower-case HTML tags as elements. */
function mdxHandlers(labels: Readonly<Record<CalloutType, string>>): Record<string, Handler> {
  const element: Handler = (state, node) => jsxElement(state, node, labels);
  return {
    mdxJsxFlowElement: element,
    mdxJsxTextElement: element,
    // {/* comments */}: the check allows only comment-only expressions; they render as nothing.
    mdxFlowExpression: () => undefined,
    mdxTextExpression: () => undefined,
    mdxjsEsm: () => undefined,
  };
}

interface JsxNode {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: { type: string; name?: string; value?: unknown }[];
  children: MdastNodes[];
}

function jsxElement(state: State, node: MdastNodes, labels: Readonly<Record<CalloutType, string>>): ElementContent | undefined {
  const jsx = node as unknown as JsxNode;
  const attributes = new Map(
    jsx.attributes.flatMap((a) => (a.type === 'mdxJsxAttribute' && a.name ? [[a.name, typeof a.value === 'string' ? a.value : '']] : [])),
  );
  const children = state.all(node as never) as ElementContent[];
  if (jsx.name === 'Callout') return callout(attributes.get('type'), attributes.get('title'), children, labels);
  if (jsx.name === 'BoundaryRef')
    return { type: 'element', tagName: 'latitude-boundary-ref', properties: { dataId: attributes.get('id') ?? '' }, children: [] };
  if (!jsx.name) return undefined;
  // The check has allowed only the tags and attributes of its HTML allowlist.
  const properties = Object.fromEntries([...attributes].map(([name, value]) => [name, value === '' ? true : value]));
  return { type: 'element', tagName: jsx.name, properties, children };
}

/** The same markup as src/components/content/Callout.astro renders for trusted MDX. */
function callout(requested: string | undefined, title: string | undefined, children: ElementContent[], labels: Readonly<Record<CalloutType, string>>): Element {
  const type = calloutKind(requested);
  const kind = labels[type];
  const titleParts: ElementContent[] = [
    { type: 'element', tagName: 'span', properties: { className: ['callout__kind'] }, children: [{ type: 'text', value: kind }] },
  ];
  if (title) titleParts.push({ type: 'element', tagName: 'span', properties: {}, children: [{ type: 'text', value: `: ${title}` }] });
  return {
    type: 'element',
    tagName: 'aside',
    properties: { className: ['callout', `callout--${type}`], ariaLabel: title ? `${kind}: ${title}` : kind },
    children: [
      { type: 'element', tagName: 'p', properties: { className: ['callout__title'] }, children: titleParts },
      { type: 'element', tagName: 'div', properties: { className: ['callout__body'] }, children },
    ],
  };
}

/** Heading ids the way Astro's Markdown renderer makes them (github-slugger over the heading's text), never one the page uses itself. */
function addHeadingIds(tree: HastRoot): BodyHeading[] {
  const slugger = new GithubSlugger();
  const headings: BodyHeading[] = [];
  const visit = (node: HastRoot | HastContent) => {
    if (node.type === 'element' && /^h[1-6]$/.test(node.tagName)) {
      const heading = nextHeading(slugger, Number(node.tagName[1]), textOf(node));
      node.properties.id = heading.slug;
      headings.push(heading);
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
  return headings;
}

function textOf(node: HastRoot | HastContent): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map(textOf).join('') : '';
}

/**
 * Raw HTML, parsed with the rest of the body as one fragment and written out
 * again: whatever the fragments held, the result is balanced (a stray closing
 * tag cannot close the page's own elements, a `<details/>` cannot take in
 * the text after it) and carries no HTML comments (editors' notes never
 * reach readers).
 */
function rebalance(html: string): string {
  const tree = fromHtml(closeSelfClosingTags(html), { fragment: true });
  const drop = (node: HastRoot | Element) => {
    node.children = node.children.filter((child) => child.type !== 'comment');
    for (const child of node.children) if (child.type === 'element') drop(child);
  };
  drop(tree);
  return toHtml(tree);
}

interface PlacedPoint {
  line: number;
  column: number;
  offset?: number;
}

interface PlacedNode {
  type: string;
  name?: string | null;
  attributes?: { type: string; name?: string; position?: { start: PlacedPoint; end: PlacedPoint } }[];
  children?: PlacedNode[];
  position?: { start: PlacedPoint; end: PlacedPoint };
}

/**
 * Sätteri places JSX elements but not their attributes; the check points at
 * the attribute itself ("title={…}" at its column), so find each one in the
 * source after its element's name, in order.
 */
function placeAttributes(tree: PlacedNode, source: string): void {
  let lineStarts: number[] | undefined;
  const pointAt = (offset: number): PlacedPoint => {
    lineStarts ??= [0, ...[...source.matchAll(/\n/g)].map((match) => match.index + 1)];
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - lineStarts[low]! + 1, offset };
  };
  const visit = (node: PlacedNode) => {
    const start = node.position?.start.offset;
    if (node.attributes?.length && start !== undefined) {
      let cursor = start + 1 + (node.name?.length ?? 0);
      for (const attribute of node.attributes) {
        if (attribute.position) continue;
        const at = attribute.type === 'mdxJsxAttribute' && attribute.name ? findName(source, attribute.name, cursor) : source.indexOf('{', cursor);
        if (at < 0) break;
        attribute.position = { start: pointAt(at), end: pointAt(at) };
        cursor = at + 1;
      }
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
}

/** An attribute name as a whole word, by name: a few names (`type`, `title`, `id`) come back in every body. */
const NAME_PATTERNS = new Map<string, RegExp>();

function findName(source: string, name: string, from: number): number {
  let pattern = NAME_PATTERNS.get(name);
  if (!pattern) {
    pattern = new RegExp(`(?<![\\w-])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`, 'g');
    // Names come from content: a body with thousands of made-up names does not keep a pattern for each.
    if (NAME_PATTERNS.size < 256) NAME_PATTERNS.set(name, pattern);
  }
  pattern.lastIndex = from;
  return pattern.exec(source)?.index ?? -1;
}
