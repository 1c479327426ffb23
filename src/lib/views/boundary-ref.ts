/**
 * `<BoundaryRef id="…" />` in content, as HTML: a link to the boundary with
 * each role's authority and limit in words. The body renderer fills its
 * markers with this, and the trusted-MDX component renders the same.
 */
import type { Element, ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { grantInWords, type GrantWords } from '../words/grants.ts';
import { withBase } from '../links/href.ts';

/** What a boundary reference shows. */
export interface BoundaryRefTarget {
  path: string;
  title: string;
  status: 'published' | 'retired';
  grants: readonly (GrantWords & { role: { title: string } })[];
}

/** Each role's grant in words: "Store associate: decides up to £30 per case; …". */
export function boundaryRefLimits(boundary: BoundaryRefTarget, locale: string): string {
  return boundary.grants.map((grant) => `${grant.role.title}: ${grantInWords(grant, locale).replace(/^./, (c) => c.toLowerCase())}`).join('; ');
}

/** The reference as HTML; an id with no page (the validator has refused it) shows as plain text. */
export function boundaryRefHtml(boundary: BoundaryRefTarget | undefined, id: string, options: { locale: string; base: string }): string {
  if (!boundary) return toHtml({ type: 'element', tagName: 'span', properties: {}, children: [{ type: 'text', value: id }] });
  const text = (value: string): ElementContent => ({ type: 'text', value });
  const children: ElementContent[] = [
    { type: 'element', tagName: 'a', properties: { href: withBase(boundary.path, options.base) }, children: [text(boundary.title)] },
  ];
  if (boundary.status === 'retired') children.push(text(' (retired)'));
  children.push(text(' '), {
    type: 'element',
    tagName: 'span',
    properties: { className: ['boundary-ref__limits'] },
    children: [text(`(${boundaryRefLimits(boundary, options.locale)})`)],
  });
  const span: Element = { type: 'element', tagName: 'span', properties: { className: ['boundary-ref'] }, children };
  return toHtml(span);
}
