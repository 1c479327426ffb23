/** The findings a body check makes, in words an editor can act on. */
import type { Finding } from '../../diagnostics/diagnostic.ts';
import { BODY_HTML_SCHEMA, CODE_RUNNING_PROTOCOLS, TAG_HINTS } from './policy.ts';

export type Problem = Pick<Finding, 'rule' | 'message' | 'hint'>;

const AND = new Intl.ListFormat('en-GB', { type: 'conjunction' });
const OR = new Intl.ListFormat('en-GB', { type: 'disjunction' });

/** "a, b and c". */
export function andList(items: readonly string[]): string {
  return AND.format(items);
}

/** "a, b or c". */
export function orList(items: readonly string[]): string {
  return OR.format(items);
}

/** `{code}`, shortened to fit a message. */
export function braced(code: string): string {
  const flat = code.replace(/\s+/g, ' ').trim();
  return `{${flat.length > 40 ? `${flat.slice(0, 37)}...` : flat}}`;
}

export function tagProblem(tag: string): Problem {
  const hint =
    TAG_HINTS.find(([tags]) => tags.includes(tag))?.[1] ??
    `remove the tag and keep its text; the tags content can use are ${andList(BODY_HTML_SCHEMA.tagNames.map((name) => `<${name}>`))}`;
  return { rule: 'html', message: `<${tag}> is not allowed in content`, hint };
}

export function linkProblem(scheme: string): Problem {
  return {
    rule: 'html',
    message: CODE_RUNNING_PROTOCOLS.has(scheme)
      ? `this link points to a "${scheme}:" address; links like this can run code`
      : `this link points to a "${scheme}:" address, which is not a web page`,
    hint: 'link to a web page (https://…) or to another page of the playbook instead',
  };
}

export function spreadProblem(name: string, writeInstead: string): Problem {
  return {
    rule: 'mdx-attribute',
    message: `<${name}> is given attributes written as code, which is not allowed in content`,
    hint: `write ${writeInstead}`,
  };
}

export function expressionAttributeProblem(tag: string, attribute: string, howTo: string, value: { value?: unknown }): Problem {
  return {
    rule: 'mdx-attribute',
    message: `the ${attribute} of <${tag}> is written as code (${braced(String(value.value ?? ''))}); it must be plain text in quotes`,
    hint: `write ${howTo}`,
  };
}

export function expressionProblem(code: string): Problem {
  return {
    rule: 'mdx-expression',
    message: `${braced(code)} is read as code, and code is not allowed in content`,
    hint: 'to show curly braces as text write \\{ and \\}; to leave a note for editors write {/* note */}',
  };
}

export const BODY_IMAGE_PROBLEM: Problem = {
  rule: 'body-image',
  message: 'pictures cannot be placed in the text of an entry',
  hint: "put the picture in the content root (for example in assets/) and name it in a win's image field, with imageAlt; the text cannot point at files, which keeps every picture inside the content root and sends it through the image pipeline",
};

export function tooDeepProblem(depth: number, limit: number): Problem {
  return {
    rule: 'nesting',
    message: `the text is nested more than ${limit} levels deep here (quotes inside quotes, lists inside lists, emphasis inside emphasis, tags inside tags), more than a page can show`,
    hint: `keep quotes, lists, emphasis and HTML tags a few levels deep; ${depth > 1000 ? 'this looks like a run of > or * characters pasted by mistake' : 'split the deepest part into its own paragraphs'}`,
  };
}

/**
 * What is wrong with one attribute of an HTML tag, if anything. On a refused
 * tag only attributes that run code are named, so the tag is not drowned in
 * findings; on an allowed tag every attribute outside the allowlist is.
 */
export function htmlAttributeProblem(tag: string, allowed: readonly string[] | undefined, name: string, value: string | undefined): Problem | undefined {
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

/** The code-running protocol an attribute value would use, if any: named on refused tags, whatever the attribute. */
function codeRunningScheme(value: string): string | undefined {
  const compact = value.replace(/[\u0000-\u0020\u007f]+/g, '').toLowerCase();
  const scheme = /^([a-z]+):/.exec(compact)?.[1];
  return scheme !== undefined && CODE_RUNNING_PROTOCOLS.has(scheme) ? scheme : undefined;
}
