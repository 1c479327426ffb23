/**
 * The ladder of authority holds: roles escalate in a forest (no cycles),
 * each role holds at most one grant per boundary, `escalate` grants have
 * somewhere to go, and limits never narrow on the way up. Checked per
 * grant too: a grant's own `escalateTo` must not point at its own role,
 * must not make a circle with the other grants of its boundary, and must
 * lead to a role that is in use: not a draft (which has no page; the
 * references rule reports it) and not a retired role (which nobody holds
 * any more). Both are errors: a page or the "Can I…?" helper would send
 * people to someone who is not there.
 */
import type { GrantData, Money, PlaybookSettings } from '../../../schemas/index.ts';
import { approvingGrant, describeCycle, escalationCycles, escalationTarget, type LadderRole } from '../domain/escalation.ts';
import type { Finding } from '../diagnostics/diagnostic.ts';
import { formatMoney, resolveMoney } from '../domain/money.ts';
import { englishWords } from '../languages/dictionary.ts';
import { amountPerPeriod } from '../words/grants.ts';
import type { CheckedEntry } from '../reading/checked-content.ts';
import type { Rule } from './rule.ts';

export const checkEscalation: Rule = ({ entries, settings, known }) => {
  const findings: Finding[] = [];
  const roles = new Map(entries.roles.map((role) => [role.id, role.data]));
  const roleFiles = new Map(entries.roles.map((role) => [role.id, role.file]));

  const cycles = escalationCycles(roles);
  const inCycle = new Set(cycles.flat());
  for (const cycle of cycles) {
    const first = cycle[0]!;
    findings.push({
      file: roleFiles.get(first)!,
      path: ['escalatesTo'],
      severity: 'error',
      rule: 'escalation-cycle',
      message: `escalatesTo: the escalation ladder goes round in a circle: ${describeCycle(cycle)}`,
      hint: 'the role at the top of a ladder must not have escalatesTo; remove it from one of these roles',
    });
  }

  for (const boundary of entries.boundaries) {
    findings.push(...boundaryLadderFindings(boundary.file, boundary.data.grants, roles, settings, inCycle));
    if (boundary.data.status !== 'retired') findings.push(...retiredTargets(boundary, roles, roleFiles, known.roles));
    findings.push(...grantCycles(boundary, roles, inCycle));
  }
  return findings;
};

/** Grants whose decision would go to a retired role: through their own escalateTo, or their role's escalatesTo. */
function retiredTargets(
  boundary: CheckedEntry<'boundaries'>,
  roles: ReadonlyMap<string, LadderRole>,
  roleFiles: ReadonlyMap<string, string>,
  statuses: ReadonlyMap<string, string | undefined>,
): Finding[] {
  const findings: Finding[] = [];
  boundary.data.grants.forEach((grant, index) => {
    if (grant.escalateTo === grant.role) return;
    const target = escalationTarget(grant, roles);
    if (target === undefined || statuses.get(target) !== 'retired') return;
    const own = grant.escalateTo !== undefined;
    findings.push({
      file: own ? boundary.file : (roleFiles.get(grant.role) ?? boundary.file),
      path: own ? ['grants', index, 'escalateTo'] : ['escalatesTo'],
      severity: 'error',
      rule: 'escalate-to-retired',
      message: own
        ? `grants[${index}].escalateTo: the role "${target}" is retired, so nobody would take this decision`
        : `escalatesTo: the role "${target}" is retired, so nobody would take the decisions ${grant.role} escalates (as on ${boundary.id})`,
      found: target,
      hint: `escalate to the role that took over from ${target} instead`,
    });
  });
  return findings;
}

/** A grant as the ladder checks see it: as written, or rebuilt from the playbook model. */
export interface CheckedGrant {
  role: string;
  authority: GrantData['authority'];
  limit?: Money | undefined;
  per: GrantData['per'];
  escalateTo?: string | undefined;
}

/**
 * The ladder findings of one boundary's grants: duplicate grants, nowhere
 * to escalate, unused limits, a ladder that narrows. Exported so the site's
 * ladders view shows the validator's own warnings, not a copy of the rules.
 */
export function boundaryLadderFindings(
  file: string,
  grants: readonly CheckedGrant[],
  roles: ReadonlyMap<string, LadderRole>,
  settings: Pick<PlaybookSettings, 'currency' | 'locale'> | undefined,
  inCycle: ReadonlySet<string> = new Set(),
): Finding[] {
  const findings: Finding[] = [];
  const boundary = { file };
  const locale = settings?.locale ?? 'en';
  const seen = new Map<string, number>();
  grants.forEach((grant, index) => {
    const earlier = seen.get(grant.role);
    if (earlier !== undefined) {
      findings.push({
        file: boundary.file,
        path: ['grants', index, 'role'],
        severity: 'error',
        rule: 'duplicate-grant',
        message: `grants[${index}].role: "${grant.role}" already has a grant on this boundary (grants[${earlier}])`,
        hint: 'keep one grant per role; merge the two into one',
      });
      return;
    }
    seen.set(grant.role, index);

    if (grant.escalateTo === grant.role) {
      findings.push({
        file: boundary.file,
        path: ['grants', index, 'escalateTo'],
        severity: 'error',
        rule: 'escalate-to-self',
        message: `grants[${index}].escalateTo: ${grant.role} escalates to itself, so the decision never leaves the role`,
        found: grant.escalateTo,
        hint: `name the role above ${grant.role} that takes the decision, or remove escalateTo to use roles/${grant.role}.yaml's escalatesTo`,
      });
      return;
    }
    const target = escalationTarget(grant, roles);
    if (target === undefined && grant.authority !== 'decide') {
      const isEscalate = grant.authority === 'escalate';
      findings.push({
        file: boundary.file,
        path: ['grants', index, 'authority'],
        severity: isEscalate ? 'error' : 'warning',
        rule: 'escalate-nowhere',
        message: isEscalate
          ? `grants[${index}].authority: ${grant.role} must escalate, but has nobody to escalate to`
          : `grants[${index}].authority: ${grant.role} must ${grant.authority === 'consult' ? 'consult' : 'inform'} someone, but has nobody above it`,
        hint: `add "escalateTo: <role id>" to this grant, or "escalatesTo" to roles/${grant.role}.yaml`,
      });
    }

    if (grant.authority === 'escalate' && grant.limit) {
      findings.push({
        file: boundary.file,
        path: ['grants', index, 'limit'],
        severity: 'warning',
        rule: 'unused-limit',
        message: `grants[${index}].limit: ${grant.role} escalates every decision here, so this limit is never used`,
        hint: 'remove the limit, or change authority to decide, decide-and-inform or consult',
      });
    }
    if (grant.authority === 'escalate' || inCycle.has(grant.role)) return;
    const above = approvingGrant(grant, grants, roles);
    if (!above) return;
    const aboveIndex = grants.indexOf(above);
    const own = grant.limit && resolveMoney(grant.limit, settings?.currency);
    const theirs = above.limit && resolveMoney(above.limit, settings?.currency);
    if (!grant.limit && theirs) {
      findings.push({
        file: boundary.file,
        path: ['grants', index, 'role'],
        severity: 'error',
        rule: 'ladder-narrows',
        message: `grants[${index}]: the ladder narrows: ${grant.role} has no limit here, but escalates to ${above.role}, who is limited to ${amountPerPeriod(theirs, above.per, englishWords(locale))}`,
        hint: `give ${grant.role} a limit no higher than ${formatMoney(theirs, locale)}, or remove the limit of ${above.role} (grants[${aboveIndex}])`,
      });
    } else if (own && theirs && own.currency === theirs.currency && grant.per === above.per && theirs.amount < own.amount) {
      findings.push({
        file: boundary.file,
        path: ['grants', index, 'limit', 'amount'],
        severity: 'error',
        rule: 'ladder-narrows',
        message: `grants[${index}].limit: the ladder narrows: ${grant.role} may commit ${formatMoney(own, locale)}, but ${above.role} above it only ${formatMoney(theirs, locale)}`,
        expected: `at most ${formatMoney(theirs, locale)}`,
        found: formatMoney(own, locale),
        hint: `lower this limit to ${formatMoney(theirs, locale)} or less, or raise ${above.role}'s limit (grants[${aboveIndex}])`,
      });
    }
  });
  return findings;
}

/**
 * Circles that the grants of one boundary make with their own `escalateTo`
 * (a → b on this boundary while b → a): the decision would go round for
 * ever. Circles of the roles' `escalatesTo` alone are reported once, above.
 */
function grantCycles(boundary: CheckedEntry<'boundaries'>, roles: ReadonlyMap<string, LadderRole>, roleCycles: ReadonlySet<string>): Finding[] {
  const grants = boundary.data.grants;
  const byRole = new Map(grants.map((grant, index) => [grant.role, { grant, index }]));
  const next = (role: string): string | undefined => {
    const held = byRole.get(role)?.grant;
    return held ? escalationTarget(held, roles) : roles.get(role)?.escalatesTo;
  };
  const findings: Finding[] = [];
  // Each role leads to at most one next role: walk each path once, colouring roles as they are done (linear in the grants).
  const done = new Set<string>();
  for (const { role, escalateTo } of grants) {
    if (escalateTo === undefined || escalateTo === role || done.has(role)) continue;
    const path: string[] = [];
    const onPath = new Map<string, number>();
    let current: string | undefined = role;
    while (current !== undefined && !done.has(current) && !onPath.has(current)) {
      onPath.set(current, path.length);
      path.push(current);
      current = next(current);
    }
    for (const id of path) done.add(id);
    if (current === undefined || !onPath.has(current)) continue;
    const cycle = path.slice(onPath.get(current));
    if (cycle.every((id) => roleCycles.has(id))) continue;
    // Reported at the first grant of the circle that has its own escalateTo, listed from there.
    const start = cycle.find((id) => byRole.get(id)?.grant.escalateTo !== undefined) ?? cycle[0]!;
    const from = cycle.indexOf(start);
    const ordered = [...cycle.slice(from), ...cycle.slice(0, from)];
    const index = byRole.get(start)?.index ?? 0;
    findings.push({
      file: boundary.file,
      path: ['grants', index, 'escalateTo'],
      severity: 'error',
      rule: 'escalation-cycle',
      message: `grants[${index}].escalateTo: on this boundary the decision goes round in a circle: ${describeCycle(ordered)}`,
      hint: 'one of these grants must escalate to a role above the circle, or have no escalateTo',
    });
  }
  return findings;
}
