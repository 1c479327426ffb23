/** The findings a body check makes, from the catalogue of messages (diagnostics/catalogue.ts). */
import { andList, MESSAGES, problem, type Problem } from '../../diagnostics/catalogue.ts';
import { BODY_HTML_SCHEMA, CODE_RUNNING_PROTOCOLS, TAG_HINTS } from './policy.ts';

export { andList, braced, orList, type Problem } from '../../diagnostics/catalogue.ts';

export function tagProblem(tag: string): Problem {
  const hint =
    TAG_HINTS.find(([tags]) => tags.includes(tag))?.[1] ??
    `remove the tag and keep its text; the tags content can use are ${andList(BODY_HTML_SCHEMA.tagNames.map((name) => `<${name}>`))}`;
  return problem(MESSAGES.html, 'tag', { tag, hint });
}

export function linkProblem(scheme: string): Problem {
  return problem(MESSAGES.html, 'link', { scheme, runsCode: CODE_RUNNING_PROTOCOLS.has(scheme) });
}

export function spreadProblem(name: string, writeInstead: string): Problem {
  return problem(MESSAGES['mdx-attribute'], 'spread', { name, writeInstead });
}

export function expressionAttributeProblem(tag: string, attribute: string, howTo: string, value: { value?: unknown }): Problem {
  return problem(MESSAGES['mdx-attribute'], 'expression', { tag, attribute, howTo, code: String(value.value ?? '') });
}

export function expressionProblem(code: string): Problem {
  return problem(MESSAGES['mdx-expression'], 'default', { code });
}

export const BODY_IMAGE_PROBLEM: Problem = problem(MESSAGES['body-image'], 'default');

export function tooDeepProblem(depth: number, limit: number): Problem {
  return problem(MESSAGES.nesting, 'text', { depth, limit });
}

/**
 * What is wrong with one attribute of an HTML tag, if anything. On a refused
 * tag only attributes that run code are named, so the tag is not drowned in
 * findings; on an allowed tag every attribute outside the allowlist is.
 */
export function htmlAttributeProblem(tag: string, allowed: readonly string[] | undefined, name: string, value: string | undefined): Problem | undefined {
  const attribute = name.toLowerCase();
  if (attribute.startsWith('on')) return problem(MESSAGES.html, 'event-handler', { tag, attribute });
  const scheme = value === undefined ? undefined : codeRunningScheme(value);
  if (scheme) return problem(MESSAGES.html, 'attribute-link', { tag, attribute, scheme });
  if (!allowed || allowed.includes(attribute)) return undefined;
  return problem(MESSAGES.html, 'attribute', { tag, attribute, allowed });
}

/** The code-running protocol an attribute value would use, if any: named on refused tags, whatever the attribute. */
function codeRunningScheme(value: string): string | undefined {
  const compact = value.replace(/[\u0000-\u0020\u007f]+/g, '').toLowerCase();
  const scheme = /^([a-z]+):/.exec(compact)?.[1];
  return scheme !== undefined && CODE_RUNNING_PROTOCOLS.has(scheme) ? scheme : undefined;
}
