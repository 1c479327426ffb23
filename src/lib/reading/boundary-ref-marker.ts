/**
 * The marker a `<BoundaryRef id>` leaves in a body's rendered HTML. The
 * reading cannot fill it (the reference shows the boundary's title and
 * limits, which belong to the model), so the stored HTML keeps it and the
 * page fills it from its own model (EntryBody.astro). A module of its own,
 * with no parser behind it, because pages and cache keys read it too.
 */

/** The marker's element: `<latitude-boundary-ref data-id="…">`; ids are kebab-case, so they need no escaping. */
export const BOUNDARY_REF_TAG = 'latitude-boundary-ref';

const MARKER = /<latitude-boundary-ref data-id="([^"]*)"><\/latitude-boundary-ref>/g;

/** Replaces each BoundaryRef marker with the HTML `render` gives for its id. */
export function expandBoundaryRefs(html: string, render: (id: string) => string): string {
  return html.includes('<latitude-boundary-ref') ? html.replace(MARKER, (_, id: string) => render(id)) : html;
}

/** The ids of the boundaries a body's HTML refers to, each once, in order. */
export function boundaryRefIds(html: string): string[] {
  if (!html.includes('<latitude-boundary-ref')) return [];
  return [...new Set(Array.from(html.matchAll(MARKER), (match) => match[1]!))];
}

/**
 * The boundaries a stored body refers to: from its markers when the reader
 * rendered it, else (trusted MDX, which Astro renders) from its source text.
 * A page's cache key includes them, as the page shows their limits.
 */
export function boundaryRefIdsOf(source: { rendered?: { html: string } | undefined; body?: string | undefined }): string[] {
  if (source.rendered) return boundaryRefIds(source.rendered.html);
  const body = source.body ?? '';
  if (!body.includes('<BoundaryRef')) return [];
  return [...new Set(Array.from(body.matchAll(/<BoundaryRef\b[^>]*?\bid\s*=\s*["']([^"']*)["']/g), (match) => match[1]!))];
}
