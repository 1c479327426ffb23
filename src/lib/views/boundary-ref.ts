/**
 * `<BoundaryRef id="…" />` in content, as HTML: a link to the boundary with
 * each role's authority and limit in words. The body renderer fills its
 * markers with this, and the trusted-MDX component renders the same.
 */
import type { Element, ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Words } from '../languages/words.ts';
import { grantInWords, type GrantWords } from '../words/grants.ts';

/** What a boundary reference shows. */
export interface BoundaryRefTarget {
  path: string;
  title: string;
  status: 'published' | 'retired';
  grants: readonly (GrantWords & { role: { title: string } })[];
  /** The grants of the build date, when the boundary's grants carry dates: these are shown. */
  grantsNow?: readonly (GrantWords & { role: { title: string } })[];
}

/** Each role's grant in words: "Store associate: decides up to £30 per case; …". */
export function boundaryRefLimits(boundary: BoundaryRefTarget, words: Words): string {
  return (boundary.grantsNow ?? boundary.grants)
    .map((grant) =>
      words.t('boundaryRef.grant', { role: grant.role.title, grant: grantInWords(grant, words).replace(/^./, (c) => c.toLocaleLowerCase(words.tag)) }),
    )
    .join('; ');
}

/**
 * The reference as HTML; an id with no page (the validator has refused it)
 * shows as plain text. `href` makes the link (with the site's base and the
 * language's prefix).
 */
export function boundaryRefHtml(boundary: BoundaryRefTarget | undefined, id: string, options: { words: Words; href: (path: string) => string }): string {
  if (!boundary) return toHtml({ type: 'element', tagName: 'span', properties: {}, children: [{ type: 'text', value: id }] });
  const text = (value: string): ElementContent => ({ type: 'text', value });
  const children: ElementContent[] = [{ type: 'element', tagName: 'a', properties: { href: options.href(boundary.path) }, children: [text(boundary.title)] }];
  if (boundary.status === 'retired') children.push(text(` ${options.words.t('boundaryRef.retired')}`));
  children.push(text(' '), {
    type: 'element',
    tagName: 'span',
    properties: { className: ['boundary-ref__limits'] },
    children: [text(`(${boundaryRefLimits(boundary, options.words)})`)],
  });
  const span: Element = { type: 'element', tagName: 'span', properties: { className: ['boundary-ref'] }, children };
  return toHtml(span);
}
