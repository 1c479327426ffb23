/**
 * What the playbook's own content components mean, shared by the body
 * renderer (restricted MDX) and the Astro components (trusted MDX), so both
 * paths label a callout the same way.
 */

/** Callout types and the label each shows. */
export const CALLOUT_KINDS = { note: 'Note', tip: 'Tip', warning: 'Warning' } as const;

export type CalloutType = keyof typeof CALLOUT_KINDS;

/** The callout type to show: the one written when it is known, else a note. */
export function calloutKind(requested: string | undefined): CalloutType {
  return requested !== undefined && Object.hasOwn(CALLOUT_KINDS, requested) ? (requested as CalloutType) : 'note';
}
