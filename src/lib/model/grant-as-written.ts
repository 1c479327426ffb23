import type { Grant } from './types.ts';

/**
 * A model grant as its file writes it: roles by id, the escalation by the id
 * it names, its dates. The ladder checks (`views/ladders.ts`, through the
 * validator's own rule) and the authority diff read grants in this form.
 */
export function grantAsWritten(grant: Grant<unknown>) {
  return {
    role: grant.role.id,
    authority: grant.authority,
    limit: grant.limit,
    per: grant.per,
    escalateTo: grant.escalateTo?.id,
    from: grant.from,
    until: grant.until,
  };
}
