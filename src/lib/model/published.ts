/**
 * The one place drafts are filtered out. It fails closed: an entry is public
 * only when its status is exactly `published` or `retired`; anything else,
 * including a status this code does not know, keeps it out of the site.
 */
export type PublicStatus = 'published' | 'retired';

export function isPublic(status: unknown): status is PublicStatus {
  return status === 'published' || status === 'retired';
}

/** The entries that may appear in a build, in their original order. */
export function publicEntries<E extends { data: { status?: unknown } }>(entries: readonly E[]): (E & { data: { status: PublicStatus } })[] {
  return entries.filter((entry): entry is E & { data: { status: PublicStatus } } => isPublic(entry.data.status));
}
