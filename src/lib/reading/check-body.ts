/**
 * The safety check for content bodies: the Markdown or MDX after the
 * frontmatter. Bodies arrive through pull requests from many hands, so they
 * must not run code at build time or in a reader's browser, nor break the
 * page around them.
 *
 * Split by job, under body/:
 * - `policy.ts`: what a body may hold, as data: the playbook's components
 *   and the raw HTML allowlist (hast-util-sanitize's `Schema` shape, with a
 *   protocol allowlist), and how deep it may nest;
 * - `walk.ts`: the walk over the tree, judging each node by the policy;
 * - `raw-html.ts`: raw HTML, each fragment and all of them as one;
 * - `mdx-syntax.ts`: Sätteri's MDX parse errors in an editor's words;
 * - `problems.ts`: the findings' wording.
 *
 * Problems are rejected, not sanitised: the editor sees each one, with its
 * line, in their pull request, and nothing they wrote is silently dropped
 * from the published page.
 *
 * `checkBodyTree` is the check over an already parsed tree (Sätteri's
 * mdast, in the validator and the build alike, so the check judges exactly
 * what is rendered); `checkBody` (render-body.ts) parses the text first.
 */
import type { Finding, Position } from '../diagnostics/diagnostic.ts';
import { syntaxFinding as syntaxFindingIn } from './body/mdx-syntax.ts';
import { bodyBoundProblem, characterReferenceProblem } from './body/bounds.ts';
import { MAX_BODY_DEPTH } from './body/policy.ts';
import { finding, MESSAGES } from '../diagnostics/catalogue.ts';
import { walkBody, type BodyLink, type BodyNode } from './body/walk.ts';

export { BODY_HTML_SCHEMA, CONTENT_COMPONENTS, MAX_BODY_DEPTH, type ComponentAttribute, type ContentComponent } from './body/policy.ts';
export type { BodyAttribute, BodyLink, BodyNode } from './body/walk.ts';

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
  /** Every Markdown link, with its file position, so the validator can check where it leads. */
  links: BodyLink[];
}

export type BodyTreeOptions = Omit<BodyCheckInput, 'body'>;

/** The check over a parsed tree (positions relative to the body). Never throws. */
export function checkBodyTree(tree: BodyNode, options: BodyTreeOptions): BodyCheckResult {
  try {
    return walkBody(tree, options);
  } catch (error) {
    return { findings: [isStackOverflow(error) ? tooDeepFinding(options) : unexpectedFinding(error, options)], boundaryRefs: [], links: [] };
  }
}

/** The bound a body breaks, or a character reference naming no character, found before any parser reads it (see body/bounds.ts). */
export function boundFinding(input: BodyCheckInput): Finding | undefined {
  const bound = bodyBoundProblem(input.body, input.format) ?? characterReferenceProblem(input.body);
  if (!bound) return undefined;
  return {
    file: input.file,
    path: [],
    position: { line: bound.point.line + input.bodyLine - 1, column: bound.point.column },
    ...bound.problem,
  };
}

/** A parse error (Sätteri's fields) as the editor's finding. */
export function syntaxFinding(error: unknown, input: BodyCheckInput): Finding {
  if (isStackOverflow(error)) return tooDeepFinding(input);
  return syntaxFindingIn(error, input.file, input.body, input.bodyLine) ?? unexpectedFinding(error, input);
}

/** A parser or renderer that recursed out of stack: the text nests too deeply, whatever else it holds. */
function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}

function tooDeepFinding(input: BodyTreeOptions): Finding {
  return finding(MESSAGES.nesting, 'text', { file: input.file, position: { line: input.bodyLine, column: 1 } }, { depth: Infinity, limit: MAX_BODY_DEPTH });
}

function unexpectedFinding(error: unknown, input: BodyTreeOptions): Finding {
  const reason = error instanceof Error ? error.message : String(error);
  return finding(MESSAGES['mdx-syntax'], 'unexpected', { file: input.file, position: { line: input.bodyLine, column: 1 } }, { reason });
}
