/**
 * The safety check for content bodies: the Markdown or MDX after the
 * frontmatter. Bodies arrive through pull requests from many hands, so they
 * must not run code at build time or in a reader's browser.
 *
 * Policy (`trustedMdx: true` in playbook.yaml lifts the MDX rules, never the HTML ones):
 * - MDX may use the playbook's own components, without imports
 *   (`CONTENT_COMPONENTS`), with plain quoted attribute values only.
 *   `import`, `export`, `{expressions}`, expression or spread attributes,
 *   unknown components and fragments are refused. `{/* … *\/}` is allowed: it
 *   is MDX's only way to write a comment and runs nothing.
 * - Raw HTML, in `.md` and `.mdx` alike, is limited to a few harmless tags
 *   (`ALLOWED_HTML`) and HTML comments; event handlers and links to
 *   `javascript:`, `vbscript:` or `data:` addresses are refused everywhere.
 * - Pictures are not placed in bodies: a win's `image` field keeps them
 *   inside the content root and sends them through the image pipeline.
 *
 * Problems are rejected, not sanitised: the editor sees each one, with its
 * line, in their pull request, and nothing they wrote is silently dropped
 * from the published page.
 *
 * `checkBodyTree` is the same check over an already parsed tree, so the
 * build-time gate (`satteri-gate.ts`) judges exactly what Astro compiles.
 */
import { fromHtml } from 'hast-util-from-html';
import type { Element, Root as HtmlRoot, RootContent as HtmlContent } from 'hast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { mdxjs } from 'micromark-extension-mdxjs';
import type { Finding, Position } from '../diagnostics/diagnostic.ts';
import { closestMatch } from '../diagnostics/did-you-mean.ts';

/** The MDX parser's extensions are plain objects: made once, reused for every file. */
const MDX_OPTIONS = { extensions: [mdxjs()], mdastExtensions: [mdxFromMarkdown()] };

export interface BodyCheckInput {
  /** Path relative to the content root, used as Finding.file. */
  file: string;
  /** The body text after the frontmatter. */
  body: string;
  /** 1-based line in the file where the body starts (add it to body-relative lines). */
  bodyLine: number;
  format: 'md' | 'mdx';
  /** playbook.yaml `trustedMdx: true`: MDX imports/exports/expressions/any component allowed (raw HTML rules still apply). */
  trusted: boolean;
}

export interface BodyCheckResult {
  findings: Finding[];
  /** Every <BoundaryRef id="…"/> found (literal id), with its file position, so the validator can check the id resolves. */
  boundaryRefs: { id: string; position: Position }[];
}

export interface ComponentAttribute {
  required: boolean;
  /** The literal values allowed; any text when absent. */
  values?: readonly string[];
  /** How to write it, for hints. */
  example: string;
}

export interface ContentComponent {
  attributes: Readonly<Record<string, ComponentAttribute>>;
}

/** The components content may use, with their allowed attributes and allowed literal values. */
export const CONTENT_COMPONENTS = {
  Callout: {
    attributes: {
      type: { required: false, values: ['note', 'tip', 'warning'], example: 'type="tip"' },
      title: { required: false, example: 'title="A short heading"' },
    },
  },
  BoundaryRef: {
    attributes: {
      id: { required: true, example: 'id="goodwill-credit"' },
    },
  },
} as const satisfies Record<string, ContentComponent>;

/** The raw HTML tags and attributes allowed in bodies. */
export const ALLOWED_HTML = {
  kbd: [],
  abbr: ['title'],
  details: ['open'],
  summary: [],
  sup: [],
  sub: [],
  mark: [],
  br: [],
  small: [],
  ins: [],
  del: [],
  dl: [],
  dt: [],
  dd: [],
  figure: [],
  figcaption: [],
} as const satisfies Record<string, readonly string[]>;

/**
 * A node of the body's syntax tree: mdast with the MDX extensions, as built by
 * mdast-util-from-markdown or by Sätteri (which uses the same shapes).
 */
export interface BodyNode {
  type: string;
  value?: unknown;
  name?: string | null;
  url?: string;
  attributes?: readonly BodyAttribute[];
  children?: readonly BodyNode[];
  position?: { start: BodyPoint } | undefined;
}

export interface BodyAttribute {
  type: string;
  name?: string;
  value?: unknown;
  position?: { start: BodyPoint } | undefined;
}

interface BodyPoint {
  line: number;
  column: number;
}

export type BodyTreeOptions = Omit<BodyCheckInput, 'body'>;

export function checkBody(input: BodyCheckInput): BodyCheckResult {
  try {
    const tree = input.format === 'mdx'
      ? fromMarkdown(input.body, MDX_OPTIONS)
      : fromMarkdown(input.body);
    return checkBodyTree(tree as BodyNode, input);
  } catch (error) {
    const finding = syntaxFinding(error, input);
    return { findings: [finding], boundaryRefs: [] };
  }
}

/** The check over a parsed tree (positions relative to the body). Never throws. */
export function checkBodyTree(tree: BodyNode, options: BodyTreeOptions): BodyCheckResult {
  const check = new BodyWalk(options);
  try {
    check.walk(tree);
  } catch (error) {
    check.findings.push(unexpectedFinding(error, options));
  }
  return { findings: check.findings, boundaryRefs: check.boundaryRefs };
}

type Problem = Pick<Finding, 'rule' | 'message' | 'hint'>;

const COMPONENTS: Readonly<Record<string, ContentComponent>> = CONTENT_COMPONENTS;
const HTML: Readonly<Record<string, readonly string[]>> = ALLOWED_HTML;
const COMPONENT_NAMES = Object.keys(CONTENT_COMPONENTS);
/** Parse errors for markup left open, which would swallow what follows it on the page. (An open <script> or <textarea> is refused as a tag.) */
const UNFINISHED = new Set(['eof-in-tag', 'eof-in-comment', 'eof-in-doctype', 'eof-in-cdata']);

class BodyWalk {
  readonly findings: Finding[] = [];
  readonly boundaryRefs: BodyCheckResult['boundaryRefs'] = [];
  readonly #options: BodyTreeOptions;

  constructor(options: BodyTreeOptions) {
    this.#options = options;
  }

  walk(node: BodyNode): void {
    const mdx = !this.#options.trusted;
    switch (node.type) {
      case 'mdxjsEsm':
        if (mdx) this.#esm(node);
        break;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        if (mdx && !isCommentOnly(String(node.value ?? ''))) this.#add(node.position?.start, expressionProblem(String(node.value ?? '')));
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        this.#jsxElement(node);
        break;
      case 'html':
        this.#rawHtml(node);
        break;
      case 'link':
      case 'definition': {
        const scheme = codeRunningScheme(node.url ?? '');
        if (scheme) this.#add(node.position?.start, codeLinkProblem(scheme));
        break;
      }
      case 'image':
      case 'imageReference':
        this.#add(node.position?.start, {
          rule: 'body-image',
          message: 'pictures cannot be placed in the text of an entry',
          hint: "put the picture in the content root (for example in assets/) and name it in a win's image field, with imageAlt; the text cannot point at files, which keeps every picture inside the content root and sends it through the image pipeline",
        });
        break;
    }
    for (const child of node.children ?? []) this.walk(child);
  }

  #add(point: BodyPoint | undefined, problem: Problem): void {
    this.findings.push({ file: this.#options.file, path: [], position: this.#at(point), severity: 'error', ...problem });
  }

  /** A body-relative point as a position in the file. */
  #at(point: BodyPoint | undefined): Position {
    return point ? { line: point.line + this.#options.bodyLine - 1, column: point.column } : { line: this.#options.bodyLine, column: 1 };
  }

  /** One finding per statement: each line of the block that starts one. */
  #esm(node: BodyNode): void {
    const start = node.position?.start;
    String(node.value ?? '').split(/\r?\n/).forEach((line, index) => {
      const keyword = /^\s*(import|export)\b/.exec(line)?.[1];
      if (!keyword || (index > 0 && /^\s/.test(line))) return;
      const point = start && { line: start.line + index, column: index === 0 ? start.column : 1 };
      this.#add(point, keyword === 'import'
        ? {
          rule: 'mdx-import',
          message: 'import statements are not allowed in content',
          hint: `remove this line: ${COMPONENT_NAMES.map((name) => `<${name}>`).join(' and ')} can be used without importing them`,
        }
        : {
          rule: 'mdx-import',
          message: 'export statements are not allowed in content',
          hint: 'remove this line: facts such as the title or date belong in the frontmatter between the --- lines',
        });
    });
  }

  #jsxElement(node: BodyNode): void {
    const name = node.name ?? null;
    const at = node.position?.start;
    if (name === null || name === '') {
      if (!this.#options.trusted) {
        this.#add(at, {
          rule: 'mdx-component',
          message: 'empty tags <> and </> are not allowed in content',
          hint: 'remove <> and </> and keep the text between them',
        });
      }
      return;
    }
    const attributes = node.attributes ?? [];
    if (isHtmlName(name)) {
      this.#jsxHtmlElement(name, attributes, at);
      return;
    }
    if (name === 'BoundaryRef') {
      const id = attributes.find((attribute) => attribute.type === 'mdxJsxAttribute' && attribute.name === 'id');
      if (typeof id?.value === 'string') this.boundaryRefs.push({ id: id.value, position: this.#at(at) });
    }
    if (this.#options.trusted) return;
    const component = Object.hasOwn(COMPONENTS, name) ? COMPONENTS[name] : undefined;
    if (!component) {
      const near = closestMatch(name, COMPONENT_NAMES);
      this.#add(at, {
        rule: 'mdx-component',
        message: `<${name}> is not one of the playbook's components`,
        hint: near ? `did you mean <${near}>?` : `use ${orList(COMPONENT_NAMES.map((known) => `<${known}>`))}; content cannot use other components`,
      });
      return;
    }
    for (const { at: where, ...problem } of componentAttributeProblems(name, component, attributes)) this.#add(where ?? at, problem);
  }

  /** A lower-case JSX tag in MDX is plain HTML: the same allowlist as raw HTML. */
  #jsxHtmlElement(name: string, attributes: readonly BodyAttribute[], at: BodyPoint | undefined): void {
    const tag = name.toLowerCase();
    const allowed = Object.hasOwn(HTML, tag) ? HTML[tag] : undefined;
    if (!allowed) {
      const near = closestMatch(name, COMPONENT_NAMES);
      this.#add(at, {
        ...tagProblem(tag),
        ...(near ? { hint: `did you mean <${near}>? Component names start with a capital letter` } : {}),
      });
    }
    for (const attribute of attributes) {
      const where = attribute.position?.start ?? at;
      if (attribute.type !== 'mdxJsxAttribute' || attribute.name === undefined) {
        this.#add(where, this.#options.trusted
          ? {
            rule: 'html',
            message: `<${name}> is given attributes written as code (${braced(String(attribute.value ?? ''))}), which cannot be checked`,
            hint: 'write each attribute out with its value in quotes',
          }
          : spreadProblem(name, 'each attribute out with its value in quotes'));
        continue;
      }
      const value = attribute.value;
      const problem = htmlAttributeProblem(name, allowed, attribute.name, typeof value === 'string' ? value : undefined);
      if (problem) this.#add(where, problem);
      else if (allowed && isExpressionValue(value) && !this.#options.trusted) {
        this.#add(where, expressionAttributeProblem(name, attribute.name, `${attribute.name}="…" with the text in quotes`, value));
      }
    }
  }

  /** Raw HTML in Markdown: parsed on its own, each element judged by the allowlist. */
  #rawHtml(node: BodyNode): void {
    const source = String(node.value ?? '');
    const start = node.position?.start;
    const unfinished: { code: string; point: BodyPoint }[] = [];
    const tree = fromHtml(source, {
      fragment: true,
      verbose: true,
      onerror(message) {
        const code = message.ruleId ?? '';
        const place = message.place && 'start' in message.place ? message.place.start : message.place;
        if (!UNFINISHED.has(code)) return;
        // The error is where the text ends; point at the `<` that opened the unfinished markup instead.
        const opened = place?.offset === undefined ? -1 : source.lastIndexOf(code === 'eof-in-comment' ? '<!--' : '<', place.offset);
        unfinished.push({ code, point: opened === -1 ? { line: 1, column: 1 } : pointAt(source, opened) });
      },
    });
    // A point inside the HTML as a point in the body. Later lines of a block
    // inside a list or quote lose their indent, so their column is approximate.
    const inBody = (point: BodyPoint | undefined): BodyPoint | undefined => {
      if (!start || !point) return start;
      return point.line === 1 ? { line: start.line, column: start.column + point.column - 1 } : { line: start.line + point.line - 1, column: point.column };
    };
    const visit = (children: readonly HtmlContent[]): void => {
      for (const child of children) {
        if (child.type !== 'element') continue;
        this.#htmlElement(child, source, inBody);
        visit(child.children);
        if (child.content) visit(child.content.children);
      }
    };
    visit((tree as HtmlRoot).children);
    for (const { code, point } of unfinished) {
      // An unfinished tag or comment swallows what Markdown writes after it, which could smuggle in attributes.
      this.#add(inBody(point), code === 'eof-in-comment'
        ? { rule: 'html', message: 'an HTML comment is opened with <!-- but never closed', hint: 'end the comment with -->' }
        : { rule: 'html', message: 'an HTML tag is started but not finished', hint: 'finish the tag with > and close any quotes it opens, or write \\< to show the character < itself' });
    }
  }

  #htmlElement(element: Element, source: string, inBody: (point: BodyPoint | undefined) => BodyPoint | undefined): void {
    const tag = element.tagName;
    const allowed = Object.hasOwn(HTML, tag) ? HTML[tag] : undefined;
    if (!allowed) {
      // Raw HTML names are case-insensitive: <Callout> in a .md file arrives here as <callout>.
      const component = COMPONENT_NAMES.find((known) => known.toLowerCase() === tag);
      this.#add(inBody(element.position?.start), {
        ...tagProblem(tag),
        ...(component ? { hint: `<${component}> works only in .mdx files: rename this file to end in .mdx` } : {}),
      });
    }
    for (const attribute of writtenAttributes(element, source)) {
      const problem = htmlAttributeProblem(tag, allowed, attribute.name, attribute.value);
      if (problem) this.#add(inBody(attribute.point ?? element.position?.start), problem);
    }
  }
}

/**
 * What is wrong with one attribute of an HTML tag, if anything. On a refused
 * tag only attributes that run code are named, so the tag is not drowned in
 * findings; on an allowed tag every attribute outside the allowlist is.
 */
function htmlAttributeProblem(tag: string, allowed: readonly string[] | undefined, name: string, value: string | undefined): Problem | undefined {
  const lower = name.toLowerCase();
  if (lower.startsWith('on')) {
    return {
      rule: 'html',
      message: `the ${lower} attribute on <${tag}> is not allowed: event handler attributes such as ${lower} run code`,
      hint: `remove the ${lower} attribute`,
    };
  }
  const scheme = value === undefined ? undefined : codeRunningScheme(value);
  if (scheme) {
    return {
      rule: 'html',
      message: `the ${lower} attribute on <${tag}> points to a "${scheme}:" address; links like this can run code`,
      hint: 'link to a web page with a Markdown link instead: [text](https://…)',
    };
  }
  if (!allowed || allowed.includes(lower)) return undefined;
  return {
    rule: 'html',
    message: `the ${lower} attribute is not allowed on <${tag}>`,
    hint: allowed.length === 0 ? `remove it: <${tag}> takes no attributes` : `remove it: <${tag}> takes only the ${andList(allowed)} attribute`,
  };
}

/** What to use instead of each refused tag. */
const TAG_HINTS: readonly [readonly string[], string][] = [
  [['a'], 'write a Markdown link instead: [text](https://…)'],
  [['img', 'picture', 'source'], "pictures belong in a win's image field (with imageAlt), which keeps them inside the content root and sends them through the image pipeline"],
  [['script', 'noscript'], 'content cannot run code: remove the tag, and ask the playbook\'s developers if a page needs something interactive'],
  [['style', 'link', 'font', 'center'], 'the site\'s theme decides how content looks: remove the tag and use Markdown such as **bold** or a heading'],
  [['iframe', 'object', 'embed', 'video', 'audio', 'frame', 'frameset', 'portal', 'track', 'canvas'], 'embedded pages and media cannot be shown in content: link to them instead, [title](https://…)'],
  [['form', 'input', 'button', 'select', 'option', 'textarea', 'label', 'fieldset', 'output', 'datalist'], 'forms cannot be used in content: link to the form instead, [title](https://…)'],
  [['svg', 'math'], "drawings and formulas cannot be written in content: save the drawing as a picture for a win's image field, or describe it in words"],
  [['meta', 'base', 'title', 'head', 'body', 'html', 'template'], 'page settings come from the frontmatter and the theme: remove the tag'],
  [['b', 'strong'], 'write **bold** in Markdown instead'],
  [['i', 'em', 'u', 'cite'], 'write *emphasis* in Markdown instead'],
  [['h1', 'h2', 'h3', 'h4', 'h5', 'h6'], 'write a Markdown heading instead: ## Heading'],
  [['ul', 'ol', 'li'], 'write a Markdown list instead: one item per line, starting with "- " or "1. "'],
  [['blockquote', 'q'], 'write a Markdown quote instead: start the line with "> "'],
  [['pre', 'code', 'samp', 'tt'], 'write code in Markdown instead: `inline` or a fenced block between ``` lines'],
  [['hr'], 'write a line with only --- instead'],
  [['p'], 'separate paragraphs with a blank line instead'],
  [['s', 'strike'], 'use <del> instead'],
  [['table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'colgroup', 'col'], 'write a Markdown table instead: | a | b | rows with a |---|---| line under the header'],
];

function tagProblem(tag: string): Problem {
  const hint = TAG_HINTS.find(([tags]) => tags.includes(tag))?.[1]
    ?? `remove the tag and keep its text; the tags content can use are ${andList(Object.keys(ALLOWED_HTML).map((name) => `<${name}>`))}`;
  return { rule: 'html', message: `<${tag}> is not allowed in content`, hint };
}

function codeLinkProblem(scheme: string): Problem {
  return {
    rule: 'html',
    message: `this link points to a "${scheme}:" address; links like this can run code`,
    hint: 'link to a web page (https://…) or to another page of the playbook instead',
  };
}

function componentAttributeProblems(name: string, component: ContentComponent, attributes: readonly BodyAttribute[]): (Problem & { at?: BodyPoint | undefined })[] {
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
      const near = closestMatch(attribute.name, known);
      problems.push({
        at,
        rule: 'mdx-attribute',
        message: `<${name}> does not take a "${attribute.name}" attribute`,
        hint: near ? `did you mean ${near}?` : `<${name}> takes ${known.length === 1 ? 'only ' : ''}${andList(known)}`,
      });
      continue;
    }
    const value = attribute.value;
    if (typeof value === 'string') {
      if (spec.values && !spec.values.includes(value)) {
        const near = closestMatch(value, spec.values);
        problems.push({
          at,
          rule: 'mdx-attribute',
          message: `the ${attribute.name} of <${name}> must be ${orList(spec.values)}, not "${value}"`,
          hint: near ? `did you mean ${attribute.name}="${near}"?` : `write ${orList(spec.values.map((allowed) => `${attribute.name}="${allowed}"`))}`,
        });
      }
      continue;
    }
    const howTo = spec.values ? orList(spec.values.map((allowed) => `${attribute.name}="${allowed}"`)) : `${attribute.name}="…" with the text in quotes`;
    if (isExpressionValue(value)) problems.push({ at, ...expressionAttributeProblem(name, attribute.name, howTo, value) });
    else problems.push({ at, rule: 'mdx-attribute', message: `the ${attribute.name} attribute of <${name}> has no value`, hint: `write ${howTo}` });
  }
  for (const [attributeName, spec] of Object.entries(specs)) {
    if (!spec.required || attributes.some((attribute) => attribute.type === 'mdxJsxAttribute' && attribute.name === attributeName)) continue;
    problems.push({
      rule: 'mdx-attribute',
      message: `<${name}> needs ${/^[aeiou]/.test(attributeName) ? 'an' : 'a'} ${attributeName}`,
      hint: name === 'BoundaryRef'
        ? 'write <BoundaryRef id="…" /> with the id of a boundary: its file name in boundaries/, without the extension'
        : `add ${spec.example}`,
    });
  }
  return problems;
}

function spreadProblem(name: string, writeInstead: string): Problem {
  return {
    rule: 'mdx-attribute',
    message: `<${name}> is given attributes written as code, which is not allowed in content`,
    hint: `write ${writeInstead}`,
  };
}

function expressionAttributeProblem(tag: string, attribute: string, howTo: string, value: { value?: unknown }): Problem {
  return {
    rule: 'mdx-attribute',
    message: `the ${attribute} of <${tag}> is written as code (${braced(String(value.value ?? ''))}); it must be plain text in quotes`,
    hint: `write ${howTo}`,
  };
}

function expressionProblem(code: string): Problem {
  return {
    rule: 'mdx-expression',
    message: `${braced(code)} is read as code, and code is not allowed in content`,
    hint: 'to show curly braces as text write \\{ and \\}; to leave a note for editors write {/* note */}',
  };
}

function isExpressionValue(value: unknown): value is { value?: unknown } {
  return typeof value === 'object' && value !== null;
}

/** `{code}`, shortened to fit a message. */
function braced(code: string): string {
  const flat = code.replace(/\s+/g, ' ').trim();
  return `{${flat.length > 40 ? `${flat.slice(0, 37)}...` : flat}}`;
}

/** JSX names that are plain HTML rather than components: lower-case, dashed or namespaced, never `a.b`. */
function isHtmlName(name: string): boolean {
  return !name.includes('.') && (/^[a-z]/.test(name) || /[-:]/.test(name));
}

/** `{/* … *\/}` and `{// …}` hold nothing that runs: MDX's way to write a comment. */
function isCommentOnly(code: string): boolean {
  let rest = code.trim();
  while (rest !== '') {
    if (rest.startsWith('/*')) {
      const end = rest.indexOf('*/', 2);
      if (end === -1) return false;
      rest = rest.slice(end + 2).trim();
    } else if (rest.startsWith('//')) {
      const end = rest.indexOf('\n');
      rest = end === -1 ? '' : rest.slice(end + 1).trim();
    } else {
      return false;
    }
  }
  return true;
}

/**
 * `javascript`, `vbscript` or `data` when a URL would use that scheme.
 * Browsers ignore tabs, newlines and leading spaces in a scheme, so do we.
 */
function codeRunningScheme(url: string): string | undefined {
  const compact = url.replace(/[\u0000-\u0020\u007f]+/g, '').toLowerCase();
  return /^(javascript|vbscript|data):/.exec(compact)?.[1];
}

/** An element's attributes as the author wrote them (`onerror`, not hast's `onError`), with where. */
function writtenAttributes(element: Element, source: string): { name: string; value: string | undefined; point: BodyPoint | undefined }[] {
  const positions = (element.data as { position?: { properties?: Record<string, { start: BodyPoint & { offset?: number } } | undefined> } } | undefined)
    ?.position?.properties ?? {};
  return Object.entries(element.properties).map(([property, value]) => {
    const place = positions[property]?.start;
    const written = place?.offset === undefined ? undefined : /^[^\s=/>]+/.exec(source.slice(place.offset))?.[0];
    return {
      name: (written ?? property).toLowerCase(),
      value: Array.isArray(value) ? value.join(' ') : typeof value === 'string' ? value : undefined,
      point: place,
    };
  });
}

/** The 1-based line and column of an offset in a text. */
function pointAt(text: string, offset: number): BodyPoint {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}

/** "a, b and c". */
function andList(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** "a, b or c". */
function orList(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

/** A parse error from micromark / mdast-util-mdx, in words an editor can act on. */
export function syntaxFinding(error: unknown, input: BodyCheckInput): Finding {
  const failure = error as { reason?: unknown; message?: unknown; ruleId?: unknown; source?: unknown; place?: unknown; line?: unknown; column?: unknown };
  const reason = typeof failure.reason === 'string' ? failure.reason : typeof failure.message === 'string' ? failure.message : undefined;
  if (reason === undefined) return unexpectedFinding(error, input);
  const problem = syntaxProblem(reason, String(failure.ruleId ?? ''), String(failure.source ?? ''));
  const point = syntaxPoint(reason, failure.place, failure.line, failure.column);
  return {
    file: input.file,
    path: [],
    position: point ? { line: point.line + input.bodyLine - 1, column: point.column } : { line: input.bodyLine, column: 1 },
    severity: 'error',
    rule: 'mdx-syntax',
    ...problem,
  };
}

function syntaxPoint(reason: string, place: unknown, line: unknown, column: unknown): BodyPoint | undefined {
  // "Expected a closing tag for `<X>` (3:1-3:21)": point at the tag left open, not where its block ended.
  const open = /^Expected a closing tag for `[^`]*` \((\d+):(\d+)-/.exec(reason);
  if (open) return { line: Number(open[1]), column: Number(open[2]) };
  const point = (place && typeof place === 'object' && 'start' in place ? place.start : place) as Partial<BodyPoint> | undefined;
  if (typeof point?.line === 'number' && typeof point.column === 'number') return { line: point.line, column: point.column };
  if (typeof line === 'number' && typeof column === 'number') return { line, column };
  return undefined;
}

function syntaxProblem(reason: string, ruleId: string, source: string): Omit<Problem, 'rule'> {
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
  if (/^Unexpected closing slash/.test(reason)) {
    return { message: 'a closing tag appears without a matching opening tag', hint: 'remove the closing tag, or add the opening tag before it' };
  }
  if (reason.includes('to create a comment in MDX')) {
    return { message: 'HTML comments (<!-- … -->) cannot be used in .mdx files', hint: 'write the note as {/* your note */} instead' };
  }
  if (source.includes('esm') || /import\/exports/.test(reason)) {
    return {
      message: 'a line starting with "import" or "export" is read as code, and it could not be understood',
      hint: 'content cannot use import or export: reword the sentence so that the line does not start with either word',
    };
  }
  if (/closing brace for `\{`/.test(reason)) {
    return { message: 'a { is never closed with }', hint: 'in .mdx files { starts code: to show the character itself write \\{' };
  }
  if (source.includes('expression')) {
    return {
      message: 'the text between { and } could not be understood',
      hint: 'in .mdx files { and } surround code, which content cannot use: write \\{ and \\} to show the characters themselves',
    };
  }
  if (/before attribute value/.test(reason)) {
    return { message: 'an attribute value must be written in quotes', hint: 'put the value in quotes, such as type="tip"' };
  }
  if (/(before|in) name\b/.test(reason) && ruleId === 'unexpected-character') {
    return {
      message: 'a < here starts a tag, but what follows is not a tag',
      hint: 'to show the character < itself write \\<; write links as [text](https://…)',
    };
  }
  if (/^Unexpected end of file/.test(reason) && source.includes('jsx')) {
    return { message: 'a tag is started but not finished', hint: 'finish the tag with > (or /> if it has no text), and close any quotes it opens' };
  }
  return {
    message: `this text could not be read as MDX: ${reason.replace(/\s*\([^()]*\)\s*$/, '')}`,
    hint: 'check that every <Tag> is closed (or ends with />) and every { has a matching }; write \\< and \\{ to show those characters themselves',
  };
}

function unexpectedFinding(error: unknown, input: BodyTreeOptions): Finding {
  return {
    file: input.file,
    path: [],
    position: { line: input.bodyLine, column: 1 },
    severity: 'error',
    rule: 'mdx-syntax',
    message: `the text could not be checked: ${error instanceof Error ? error.message : String(error)}`,
    hint: "look for an unfinished tag or unusual characters; if the text looks right, tell the playbook's developers",
  };
}
