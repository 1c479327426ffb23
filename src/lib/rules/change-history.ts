/**
 * With `validate --changed REF`: a boundary whose limits or authority
 * changed since REF has a new line in `changes`, or `/changes/` and its feed
 * (which promise every change to a decision boundary) would never show it.
 * The comparison is the authority diff's own (domain/authority-changes.ts).
 */
import type { BoundaryData, PlaybookSettings } from '../../../schemas/index.ts';
import { formatFieldPath, type Finding } from '../diagnostics/diagnostic.ts';
import { resolveMoney } from '../domain/money.ts';
import { unrecordedChanges, type AuthorityTerms } from '../domain/authority-changes.ts';
import { finding, MESSAGES } from '../diagnostics/catalogue.ts';
import type { Rule } from './rule.ts';

export const checkChangeHistory: Rule = ({ entries, base, settings, today }) => {
  if (!base) return [];
  const findings: Finding[] = [];
  for (const boundary of entries.boundaries) {
    const before = base.boundaries.get(boundary.id);
    if (!before || boundary.data.status !== 'published') continue;
    const roles = unrecordedChanges(versionOf(before, settings), versionOf(boundary.data, settings));
    if (roles.length === 0) continue;
    const index = boundary.data.grants.findIndex((grant) => grant.role === roles[0]);
    const path = index >= 0 ? ['grants', index] : ['grants'];
    findings.push(finding(MESSAGES['needs-change-line'], 'default', { file: boundary.file, path }, { field: formatFieldPath(path), roles, today }));
  }
  return findings;
};

function versionOf(data: BoundaryData, settings: Pick<PlaybookSettings, 'currency'> | undefined) {
  const grants: AuthorityTerms[] = data.grants.map((grant) => ({
    role: grant.role,
    authority: grant.authority,
    limit: grant.limit && resolveMoney(grant.limit, settings?.currency),
    per: grant.per,
    escalateTo: grant.escalateTo,
    from: grant.from,
    until: grant.until,
  }));
  return { grants, changes: data.changes };
}
