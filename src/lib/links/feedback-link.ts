/**
 * "Report a problem with this page" (issue 18): the playbook's `feedbackUrl`
 * template with `{title}`, `{url}` and `{owner}` filled in, each URL-encoded.
 * Undefined without a template, so the link is left out rather than broken.
 */
export interface FeedbackFields {
  /** The entry's title, in the page's words. */
  title: string;
  /** The page's address: absolute when the site's address is known. */
  url: string;
  /** Who answers for the entry; empty for entries that have no owner. */
  owner: string | undefined;
}

export function feedbackLink(template: string | undefined, fields: FeedbackFields): string | undefined {
  if (!template) return undefined;
  const values: Record<string, string> = { title: fields.title, url: fields.url, owner: fields.owner ?? '' };
  return template.replace(/\{(title|url|owner)\}/g, (_, key: string) => encodeURIComponent(values[key]!));
}
