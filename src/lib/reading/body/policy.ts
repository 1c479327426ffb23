/**
 * What a content body may hold, as data: the playbook's own components with
 * their attributes, and the raw HTML allowlist in the shape of
 * hast-util-sanitize's `Schema` (tag names, attributes by property name,
 * and the protocols a URL may use: an allowlist, never a blocklist).
 *
 * `trustedMdx: true` in playbook.yaml lifts the component rules, never the
 * HTML ones.
 */
import type { Schema } from 'hast-util-sanitize';

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

export const COMPONENTS: Readonly<Record<string, ContentComponent>> = CONTENT_COMPONENTS;
export const COMPONENT_NAMES: readonly string[] = Object.keys(CONTENT_COMPONENTS);

/** The parts of a hast-util-sanitize schema this policy uses; every list is required. */
export type BodyHtmlSchema = Required<Pick<Schema, 'tagNames' | 'attributes' | 'protocols'>> & {
  tagNames: string[];
  attributes: Record<string, string[]>;
  protocols: Record<string, string[]>;
};

/**
 * The raw HTML allowed in bodies (in `.md` and `.mdx` alike): a few
 * harmless tags, their attributes by hast property name, and for links the
 * protocols they may use. HTML comments are allowed too (they are notes).
 */
export const BODY_HTML_SCHEMA: BodyHtmlSchema = {
  tagNames: ['kbd', 'abbr', 'details', 'summary', 'sup', 'sub', 'mark', 'br', 'small', 'ins', 'del', 'dl', 'dt', 'dd', 'figure', 'figcaption'],
  attributes: {
    abbr: ['title'],
    details: ['open'],
  },
  protocols: {
    // Markdown links and definitions: web pages, mail and phone; a relative address has no protocol and is always fine.
    href: ['http', 'https', 'mailto', 'tel'],
  },
};

/** Elements that never have content or a closing tag. */
export const VOID_ELEMENTS: ReadonlySet<string> = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

/**
 * How deeply a body may nest (quotes in quotes, lists in lists, emphasis in
 * links in emphasis …), counted in tree levels. The HTML serialiser runs out
 * of stack at about 2,500 levels (a list item is two: the item and its list);
 * no real text comes near 100.
 */
export const MAX_BODY_DEPTH = 100;

/**
 * Whether a text has enough nesting markers (quote `>`, list `-` `+` `*`
 * `1.` `1)`, emphasis `*` `_` `~`) to nest `MAX_BODY_DEPTH` levels deep: a
 * cheap look that lets a renderer skip the tree check for plain text. Every
 * level of a tree costs at least half a marker, so fewer cannot reach it.
 */
export function mayNestDeeply(text: string): boolean {
  let markers = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // > * _ ~ + - . )
    if (code === 62 || code === 42 || code === 95 || code === 126 || code === 43 || code === 45 || code === 46 || code === 41) {
      if (++markers >= MAX_BODY_DEPTH / 2) return true;
    }
  }
  return false;
}

/** Protocols that run code when a browser follows them: named in messages, since they are the dangerous ones. */
export const CODE_RUNNING_PROTOCOLS: ReadonlySet<string> = new Set(['javascript', 'vbscript', 'data']);

/** What to use instead of each refused tag. */
export const TAG_HINTS: readonly [readonly string[], string][] = [
  [['a'], 'write a Markdown link instead: [text](https://…)'],
  [
    ['img', 'picture', 'source'],
    "pictures belong in a win's image field (with imageAlt), which keeps them inside the content root and sends them through the image pipeline",
  ],
  [['script', 'noscript'], "content cannot run code: remove the tag, and ask the playbook's developers if a page needs something interactive"],
  [['style', 'link', 'font', 'center'], "the site's theme decides how content looks: remove the tag and use Markdown such as **bold** or a heading"],
  [
    ['iframe', 'object', 'embed', 'video', 'audio', 'frame', 'frameset', 'portal', 'track', 'canvas'],
    'embedded pages and media cannot be shown in content: link to them instead, [title](https://…)',
  ],
  [
    ['form', 'input', 'button', 'select', 'option', 'textarea', 'label', 'fieldset', 'output', 'datalist'],
    'forms cannot be used in content: link to the form instead, [title](https://…)',
  ],
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
  [
    ['table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'colgroup', 'col'],
    'write a Markdown table instead: | a | b | rows with a |---|---| line under the header',
  ],
];

/** The attributes allowed on an allowed tag (property names), or undefined when the tag is refused. */
export function allowedAttributes(tag: string): readonly string[] | undefined {
  if (!BODY_HTML_SCHEMA.tagNames.includes(tag)) return undefined;
  return Object.hasOwn(BODY_HTML_SCHEMA.attributes, tag) ? BODY_HTML_SCHEMA.attributes[tag] : [];
}

/**
 * The protocol of a URL when the policy refuses it, else undefined
 * (allowed protocols, relative addresses, fragments). Browsers ignore tabs,
 * newlines and leading spaces in a scheme, so this does too.
 */
export function refusedProtocol(url: string, allowed: readonly string[] = BODY_HTML_SCHEMA.protocols.href ?? []): string | undefined {
  const compact = url.replace(/[\u0000-\u0020\u007f]+/g, '').toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(compact)?.[1];
  // "a/b:c" or "#x:y" is relative: a colon after the first / ? # is not a scheme.
  if (scheme === undefined || /[/?#]/.test(compact.slice(0, compact.indexOf(':')))) return undefined;
  return allowed.includes(scheme) ? undefined : scheme;
}
