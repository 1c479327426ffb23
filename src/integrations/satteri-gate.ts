/**
 * The build-time gate: the content-body check again, inside Astro's Sätteri
 * pipeline, on the tree Sätteri itself parsed. The validator stops a build
 * before any content compiles; this gate makes sure that whatever reaches the
 * compiler (a build run without the validator, or a construct the two parsers
 * read differently) still cannot import, evaluate or inject code.
 *
 * It is an mdast plugin factory: for files outside the content root (the
 * project's own pages) it leaves itself out of the pipeline; for content it
 * runs `checkBodyTree` before any other plugin and throws the first error
 * with the same message the validator prints.
 *
 * Vite hands over real paths, so a file that a link inside the content root
 * points at arrives with an address outside it. Such a file is content all
 * the same, and it was never checked: the gate refuses it (fails closed).
 */
import { lstatSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MdastPluginDefinition, MdastPluginEntry, PluginFactoryContext } from 'satteri';
import type { Finding } from '../lib/diagnostics/diagnostic.ts';
import { finding, MESSAGES, TOP } from '../lib/diagnostics/catalogue.ts';
import { checkBodyTree, type BodyNode } from '../lib/reading/check-body.ts';
import { isInside, pathInside, posixRelative } from '../lib/reading/paths.ts';
import { readPlaybookFileUnchecked } from '../lib/reading/playbook-file.ts';
import { contentRoot as pinnedContentRoot } from '../loaders/playbook-read.ts';

export interface ContentBodyGateOptions {
  /** The content root; by default the one this process pinned (astro.config.mjs resolves it once). */
  contentRoot?: string;
  /** playbook.yaml `trustedMdx`; by default read from the content root's playbook.yaml. */
  trusted?: boolean;
}

/** What the gate throws: the first error, carrying all of them and where they are. */
export class ContentBodyError extends Error {
  readonly findings: Finding[];
  readonly hint: string | undefined;
  /** Read by Astro's MDX plugin to place the error in the file. */
  readonly line: number | undefined;
  readonly column: number | undefined;

  constructor(first: Finding, findings: Finding[]) {
    super(first.message);
    this.name = 'ContentBodyError';
    this.findings = findings;
    this.hint = first.hint;
    this.line = first.position?.line;
    this.column = first.position?.column;
  }
}

export function contentBodyGate(options: ContentBodyGateOptions = {}): MdastPluginEntry {
  const trustedByRoot = new Map<string, boolean>();
  return (context: PluginFactoryContext): MdastPluginDefinition | null => {
    if (!context.fileURL || context.fileURL.protocol !== 'file:') return null;
    const root = path.resolve(options.contentRoot ?? pinnedContentRoot());
    const absolute = fileURLToPath(context.fileURL);
    const relative = insideContentRoot(root, absolute);
    if (relative === undefined) {
      const link = linkLeadingTo(root, absolute);
      return link === undefined ? null : refuseLink(link);
    }

    let trusted = options.trusted ?? trustedByRoot.get(root);
    if (trusted === undefined) {
      trusted = readTrustedMdx(root);
      trustedByRoot.set(root, trusted);
    }
    const settings = {
      file: relative,
      format: context.sourceFormat === 'mdx' ? ('mdx' as const) : ('md' as const),
      trusted,
    };
    const source = context.source;
    return {
      name: 'latitude:content-body-gate',
      options: { position: true },
      before(tree) {
        const errors = checkBodyTree(tree as unknown as BodyNode, { ...settings, bodyLine: 1 }).findings.filter((finding) => finding.severity === 'error');
        const first = errors[0];
        if (!first) return;
        // Astro hands over the body alone for .md entries; place findings in the file as written.
        const shift = bodyLineIn(absolute, source) - 1;
        const placed = errors.map((finding) =>
          finding.position ? { ...finding, position: { ...finding.position, line: finding.position.line + shift } } : finding,
        );
        throw new ContentBodyError(placed[0] ?? first, placed);
      },
    };
  };
}

/** The file's path in the content root (posix), also when the root itself is reached through a link; undefined outside it. */
function insideContentRoot(root: string, file: string): string | undefined {
  const roots = [root];
  try {
    roots.push(realpathSync(root));
  } catch {
    // A root that does not exist holds no content.
  }
  for (const candidate of roots) {
    const inside = pathInside(candidate, file);
    if (inside !== undefined) return inside;
  }
  return undefined;
}

/**
 * The link inside the content root (posix path) through which `file` is
 * reached: a linked file, or a file inside a linked folder. Walked only for
 * files outside the root, which the project itself rarely compiles.
 */
function linkLeadingTo(root: string, file: string): string | undefined {
  let items;
  try {
    // Recursive listing does not descend into linked folders, so links cannot loop.
    items = readdirSync(root, { recursive: true, withFileTypes: true });
  } catch {
    return undefined;
  }
  for (const item of items) {
    const link = path.join(item.parentPath, item.name);
    try {
      if (!lstatSync(link).isSymbolicLink()) continue;
      const target = realpathSync(link);
      if (file === target || isInside(target, file)) return posixRelative(root, link);
    } catch {
      // A dangling link leads nowhere.
    }
  }
  return undefined;
}

function refuseLink(link: string): MdastPluginDefinition {
  const refused = finding(MESSAGES['content-link'], 'default', { file: link, position: TOP });
  return {
    name: 'latitude:content-body-gate',
    before() {
      throw new ContentBodyError(refused, [refused]);
    },
  };
}

/** `trustedMdx: true` in playbook.yaml; anything else, or an unreadable file, means untrusted. */
function readTrustedMdx(root: string): boolean {
  return readPlaybookFileUnchecked(root)?.trustedMdx === true;
}

/**
 * The file line on which the compiled source starts. Astro passes .mdx files
 * whole (frontmatter blanked, lines kept) but .md entries as the trimmed body.
 */
function bodyLineIn(file: string, source: string): number {
  try {
    const text = readFileSync(file, 'utf8');
    const at = source.trim() === '' ? -1 : text.lastIndexOf(source);
    return at <= 0 ? 1 : text.slice(0, at).split('\n').length;
  } catch {
    return 1;
  }
}
