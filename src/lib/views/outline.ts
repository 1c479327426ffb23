/**
 * A long page's outline, read from its own rendered HTML: the h2 and h3
 * headings that have an id (the page's sections and the body's headings
 * alike), for the table of contents; and the same HTML with each such
 * heading's text made a link to itself, so any section can be linked to
 * without JavaScript. The heading's accessible name stays its text.
 *
 * Pure, string in and out; linear in the page's size.
 */

export interface OutlineHeading {
  depth: 2 | 3;
  id: string;
  text: string;
}

/** A table of contents is shown from this many headings on. */
export const TOC_MIN_HEADINGS = 3;

const HEADING = /<h([23])\b([^>]*?)\sid="([^"]+)"([^>]*)>([\s\S]*?)<\/h\1>/g;

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'", '&nbsp;': ' ' };

/**
 * A heading's text from its HTML, each character reference decoded once (in
 * one pass: `&amp;#99999999;` is the text "&#99999999;", not a reference to
 * decode again), and one that names no character read as U+FFFD, as HTML does.
 */
function plainText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&(?:amp|lt|gt|quot|nbsp|#39|#x27);|&#(\d+);/g, (entity, code: string | undefined) => ENTITIES[entity] ?? codePoint(Number(code)))
    .replace(/\s+/g, ' ')
    .trim();
}

function codePoint(code: number): string {
  return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
}

export function outline(html: string): { headings: OutlineHeading[]; html: string } {
  const headings: OutlineHeading[] = [];
  const linked = html.replace(HEADING, (whole, level: string, before: string, id: string, after: string, inner: string) => {
    const text = plainText(inner);
    if (!text) return whole;
    headings.push({ depth: level === '2' ? 2 : 3, id, text });
    // A heading that already holds a link keeps it: no link inside a link.
    if (/<a\b/i.test(inner)) return whole;
    return `<h${level}${before} id="${id}"${after}><a class="heading-link" href="#${id}">${inner}</a></h${level}>`;
  });
  return { headings, html: linked };
}

/** The table of contents' entries, or none for a page with fewer than TOC_MIN_HEADINGS headings. */
export function tableOfContents(headings: readonly OutlineHeading[]): OutlineHeading[] {
  return headings.length >= TOC_MIN_HEADINGS ? [...headings] : [];
}
