/**
 * The ladder of authority holds: roles escalate in a forest (no cycles) and
 * only to roles in use; each role holds at most one grant per boundary on
 * any day (grants with `from`/`until` take turns); `escalate` grants have
 * somewhere to go; limits never narrow on the way up; and authority does not
 * stop below the top of a ladder that a decision can climb. With dated
 * grants the ladder checks run once per window of days (`grantWindows`), so
 * they hold on every day; a grant whose `until` has passed is a warning.
 * Every question of who is above whom is answered by the one ladder module
 * (domain/ladder.ts), as it is for the site.
 */
import type { GrantData, Money, PlaybookSettings } from '../../../schemas/index.ts';
import {
  decisionLadder,
  grantWindows,
  windowDay,
  windowsOverlap,
  type DayWindow,
  type GrantWindow,
  describeCycle,
  escalationCycles,
  escalationTarget,
  inPlace,
  type DecisionLadder,
  type LadderRole,
  type RoleStatus,
} from '../domain/ladder.ts';
import type { Finding } from '../diagnostics/diagnostic.ts';
import { finding, MESSAGES } from '../diagnostics/catalogue.ts';
import { formatMoney, resolveMoney } from '../domain/money.ts';
import { englishWords } from '../languages/dictionary.ts';
import { amountPerPeriod } from '../words/grants.ts';
import type { CheckedEntry } from '../reading/checked-content.ts';
import type { Rule } from './rule.ts';

export const checkEscalation: Rule = ({ entries, partial, settings, known, today }) => {
  const findings: Finding[] = [];
  // Drafts are left out, as the site leaves them out: a reference to one is the references rule's finding.
  // A role read only in part still counts where its escalatesTo could be read. Where not, or where the role does
  // not exist (the reference check says so), nothing is guessed about where it escalates.
  const readable = [...entries.roles, ...partial.roles.filter((role) => role.data.escalatesTo !== undefined && !role.brokenKeys.includes('escalatesTo'))];
  const roles = new Map<string, LadderRole>(
    readable.filter((role) => role.data.status !== 'draft').map((role) => [role.id, { escalatesTo: role.data.escalatesTo, status: role.data.status }]),
  );
  const roleFiles = new Map(readable.map((role) => [role.id, role.file]));
  const unsure = (role: string) => !roles.has(role);

  const cycles = escalationCycles(roles);
  const inCycle = new Set(cycles.flat());
  for (const cycle of cycles) {
    const first = cycle[0]!;
    findings.push(finding(MESSAGES['escalation-cycle'], 'roles', { file: roleFiles.get(first)!, path: ['escalatesTo'] }, { cycle: describeCycle(cycle) }));
  }

  for (const role of entries.roles) {
    const target = role.data.escalatesTo;
    if (role.data.status !== 'published' || target === undefined || known.roles.get(target) !== 'retired') continue;
    findings.push(finding(MESSAGES['escalate-to-retired'], 'role', { file: role.file, path: ['escalatesTo'], found: target }, { target, role: role.id }));
  }

  // A boundary with a mistake elsewhere (a misspelt key, a bad date) still has its ladder checked when its grants could be read.
  const withGrants = partial.boundaries.filter((boundary) => boundary.data.grants !== undefined && !boundary.brokenKeys.includes('grants'));
  for (const boundary of [...entries.boundaries, ...withGrants]) {
    findings.push(...boundaryLadderFindings(boundary.file, boundary.data.grants, roles, settings, { inCycle, unsure, since: today }));
    if (boundary.data.status === 'retired') continue;
    findings.push(...retiredOnBoundary(boundary, known.roles));
    findings.push(...endedGrants(boundary, today));
    // Each window of days has its own ladder: a circle on any day is a circle.
    const seen = new Set<string>();
    for (const window of grantWindows(boundary.data.grants, today)) {
      for (const finding of grantCycles(boundary, decisionLadder(boundary.data.grants, roles, windowDay(window)), inCycle)) {
        if (seen.has(finding.message)) continue;
        seen.add(finding.message);
        findings.push(finding);
      }
    }
  }
  return findings;
};

/** Grants whose last day has passed: they apply on no day from now on. A warning: remove them, or keep them as history in `changes`. */
function endedGrants(boundary: CheckedEntry<'boundaries'>, today: string): Finding[] {
  if (boundary.data.status === 'draft') return [];
  return boundary.data.grants.flatMap((grant, index): Finding[] =>
    grant.until !== undefined && grant.until < today
      ? [
          finding(
            MESSAGES['grant-ended'],
            'default',
            { file: boundary.file, path: ['grants', index, 'until'], found: grant.until },
            { index, role: grant.role, until: grant.until, today },
          ),
        ]
      : [],
  );
}

/** ", from 2026-12-01 until 2027-01-31": the days a finding holds on, when not on every day ('' for every day). */
function windowInWords(window: DayWindow): string {
  if (window.from !== undefined && window.until !== undefined) return `, from ${window.from} until ${window.until}`;
  if (window.from !== undefined) return `, from ${window.from} on`;
  return window.until !== undefined ? `, until ${window.until}` : '';
}

/** Grants held by a retired role (never used), and grants whose own escalateTo names a retired role (nobody would take them). */
function retiredOnBoundary(boundary: CheckedEntry<'boundaries'>, statuses: ReadonlyMap<string, RoleStatus | undefined>): Finding[] {
  const findings: Finding[] = [];
  boundary.data.grants.forEach((grant, index) => {
    if (statuses.get(grant.role) === 'retired') {
      findings.push(
        finding(
          MESSAGES['retired-role-grant'],
          'default',
          { file: boundary.file, path: ['grants', index, 'role'], found: grant.role },
          { index, role: grant.role },
        ),
      );
    }
    if (grant.escalateTo === undefined || grant.escalateTo === grant.role || statuses.get(grant.escalateTo) !== 'retired') return;
    const target = grant.escalateTo;
    findings.push(
      finding(MESSAGES['escalate-to-retired'], 'grant', { file: boundary.file, path: ['grants', index, 'escalateTo'], found: target }, { index, target }),
    );
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
  from?: string | undefined;
  until?: string | undefined;
}

export interface LadderCheckOptions {
  /** Roles on a circle of escalatesTo links (reported once, as escalation-cycle): their limits are not compared. */
  inCycle?: ReadonlySet<string>;
  /** The boundary's ladder, when the caller has it already and its grants carry no dates. */
  ladder?: DecisionLadder;
  /** Check only the windows of days that reach this day or later (YYYY-MM-DD): the past is history. */
  since?: string | undefined;
  /** Roles that could not be read (in whole, or at all): where they escalate to is not known, so it is never reported missing. */
  unsure?: (role: string) => boolean;
}

/**
 * The ladder findings of one boundary's grants: duplicate grants, nowhere
 * to escalate, unused limits, a ladder that narrows, authority that stops
 * below the top. Exported so the site's ladders view shows the validator's
 * own findings, not a copy of the rules.
 */
export function boundaryLadderFindings(
  file: string,
  grants: readonly CheckedGrant[],
  roles: ReadonlyMap<string, LadderRole>,
  settings: Pick<PlaybookSettings, 'currency' | 'locale'> | undefined,
  { inCycle = new Set(), ladder, unsure = () => false, since }: LadderCheckOptions = {},
): Finding[] {
  const findings: Finding[] = [];
  const locale = settings?.locale ?? 'en';
  const money = (grant: CheckedGrant) => grant.limit && resolveMoney(grant.limit, settings?.currency);
  const byRole = new Map<string, number[]>();
  /** The grants the ladder checks below look at: one per role on any day. */
  const onLadder: number[] = [];
  grants.forEach((grant, index) => {
    const earlier = byRole.get(grant.role) ?? [];
    byRole.set(grant.role, [...earlier, index]);
    const clash = earlier.find((other) => windowsOverlap(grants[other]!, grant));
    if (clash !== undefined) {
      findings.push(overlapFinding(file, grants, clash, index));
      return;
    }
    if (grant.from !== undefined && grant.until !== undefined && grant.until < grant.from) {
      findings.push(
        finding(
          MESSAGES['grant-dates'],
          'default',
          { file, path: ['grants', index, 'until'], found: grant.until, expected: `${grant.from} or later` },
          { index, from: grant.from, until: grant.until },
        ),
      );
      return;
    }

    if (grant.escalateTo === grant.role) {
      findings.push(
        finding(MESSAGES['escalate-to-self'], 'default', { file, path: ['grants', index, 'escalateTo'], found: grant.escalateTo }, { index, role: grant.role }),
      );
      return;
    }
    if (escalationTarget(grant, roles) === undefined && grant.authority !== 'decide' && !unsure(grant.role)) {
      const where = { file, path: ['grants', index, 'authority'] };
      findings.push(
        grant.authority === 'escalate'
          ? finding(MESSAGES['escalate-nowhere'], 'escalate', where, { index, role: grant.role })
          : finding(
              MESSAGES['escalate-nowhere'],
              'tell',
              { ...where, severity: 'warning' },
              { index, role: grant.role, verb: grant.authority === 'consult' ? 'consult' : 'inform' },
            ),
      );
    }

    if (grant.authority === 'escalate' && grant.limit) {
      findings.push(finding(MESSAGES['unused-limit'], 'default', { file, path: ['grants', index, 'limit'] }, { index, role: grant.role }));
    }
    onLadder.push(index);
  });

  // The ladder holds on every day: checked once per window of days over which the grants do not change.
  // Undated grants have one window, and their findings read as they always have.
  const dated = grants.some((grant) => grant.from !== undefined || grant.until !== undefined);
  const windows = dated ? grantWindows(grants, since) : [{ from: undefined, until: undefined }];
  const checked = new Set(onLadder);
  const perWindow = new Map<string, { finding: Finding; windows: GrantWindow[] }>();
  for (const window of windows) {
    const windowLadder = !dated && ladder ? ladder : decisionLadder(grants, roles, dated ? windowDay(window) : undefined);
    for (const finding of windowFindings(file, grants, checked, roles, windowLadder, { inCycle, locale, money })) {
      const key = `${finding.rule} ${String(finding.path)} ${finding.message}`;
      const seen = perWindow.get(key);
      if (seen) seen.windows.push(window);
      else perWindow.set(key, { finding, windows: [window] });
    }
  }
  for (const { finding, windows: on } of perWindow.values()) {
    findings.push(on.length === windows.length ? finding : { ...finding, message: `${finding.message}${windowInWords(on[0]!)}` });
  }
  return findings;
}

/** Two grants of one role that apply on some of the same days: an error at the later one, naming both. */
function overlapFinding(file: string, grants: readonly CheckedGrant[], earlier: number, index: number): Finding {
  const [first, second] = [grants[earlier]!, grants[index]!];
  if ([first, second].every((grant) => grant.from === undefined && grant.until === undefined)) {
    return finding(MESSAGES['duplicate-grant'], 'default', { file, path: ['grants', index, 'role'] }, { index, role: second.role, earlier });
  }
  const from = [first.from, second.from]
    .filter((day) => day !== undefined)
    .sort()
    .at(-1);
  const until = [first.until, second.until].filter((day) => day !== undefined).sort()[0];
  const days = windowInWords({ from, until }).replace(/^, /, '') || 'on every day';
  return finding(
    MESSAGES['overlapping-grants'],
    'default',
    { file, path: ['grants', index, second.from !== undefined ? 'from' : 'role'] },
    { index, earlier, role: second.role, days },
  );
}

interface WindowCheck {
  inCycle: ReadonlySet<string>;
  locale: string;
  money: (grant: CheckedGrant) => ReturnType<typeof resolveMoney> | undefined;
}

/**
 * The checks of one window's ladder: a limit above the next holder's (the
 * ladder narrows), and authority that stops below the top. `checked`: the
 * grants whose own findings allow it (not a duplicate, not escalating to itself).
 */
function windowFindings(
  file: string,
  grants: readonly CheckedGrant[],
  checked: ReadonlySet<number>,
  roles: ReadonlyMap<string, LadderRole>,
  ladder: DecisionLadder,
  { inCycle, locale, money }: WindowCheck,
): Finding[] {
  const findings: Finding[] = [];
  grants.forEach((grant, index) => {
    if (
      !checked.has(index) ||
      ladder.of(grant.role).own !== index ||
      grant.authority === 'escalate' ||
      inCycle.has(grant.role) ||
      !inPlace(roles.get(grant.role))
    )
      return;
    const aboveIndex = ladder.of(grant.role).holders[0];
    if (aboveIndex === undefined) return;
    const above = grants[aboveIndex]!;
    const [own, theirs] = [money(grant), money(above)];
    if (!grant.limit && theirs) {
      findings.push(
        finding(
          MESSAGES['ladder-narrows'],
          'unlimited',
          { file, path: ['grants', index, 'role'] },
          {
            index,
            role: grant.role,
            above: above.role,
            aboveLimit: amountPerPeriod(theirs, above.per, englishWords(locale)),
            aboveAmount: formatMoney(theirs, locale),
            aboveIndex,
          },
        ),
      );
    } else if (own && theirs && own.currency === theirs.currency && grant.per === above.per && theirs.amount < own.amount) {
      const [mine, most] = [formatMoney(own, locale), formatMoney(theirs, locale)];
      findings.push(
        finding(
          MESSAGES['ladder-narrows'],
          'limit',
          { file, path: ['grants', index, 'limit', 'amount'], expected: `at most ${most}`, found: mine },
          { index, role: grant.role, own: mine, above: above.role, theirs: most, aboveIndex },
        ),
      );
    }
  });

  // A circle is its own error: the roles on one have no gap to report.
  const circled = new Set([...inCycle, ...ladder.circles().flat()]);
  for (const index of ladder.gaps()) {
    const grant = grants[index]!;
    const place = ladder.of(grant.role);
    if ([grant.role, ...place.above].some((id) => circled.has(id))) continue;
    const above = place.above.filter((id) => inPlace(roles.get(id)));
    const own = money(grant);
    const beyond = grant.authority === 'escalate' || !own ? 'this decision' : `anything over ${amountPerPeriod(own, grant.per, englishWords(locale))}`;
    const path = ['grants', index, grant.authority === 'escalate' || !grant.limit ? 'authority' : 'limit'];
    findings.push(finding(MESSAGES['ladder-gap'], 'default', { file, path }, { index, role: grant.role, above, beyond, next: place.next }));
  }
  return findings;
}

/**
 * Circles that the grants of one boundary make with their own `escalateTo`
 * (a → b on this boundary while b → a): the decision would go round for
 * ever. Circles of the roles' `escalatesTo` alone are reported once, above.
 */
function grantCycles(boundary: CheckedEntry<'boundaries'>, ladder: DecisionLadder, roleCycles: ReadonlySet<string>): Finding[] {
  const grants = boundary.data.grants;
  // Each role's grant on this ladder's day (the ladder's own choice), by role.
  const ownOf = (id: string) => ladder.of(id).own;
  const byRole = new Map<string, { grant: GrantData; index: number }>();
  for (const [index, grant] of grants.entries()) if (ownOf(grant.role) === index) byRole.set(grant.role, { grant, index });
  const findings: Finding[] = [];
  for (const cycle of ladder.circles()) {
    if (cycle.every((id) => roleCycles.has(id)) || cycle.every((id) => byRole.get(id)?.grant.escalateTo === undefined)) continue;
    if (cycle.length === 1) continue; // a grant that escalates to its own role: escalate-to-self
    // Reported at the circle's first grant (in the order written) that has its own escalateTo, listed from there.
    const start = cycle.filter((id) => byRole.get(id)?.grant.escalateTo !== undefined).sort((a, b) => byRole.get(a)!.index - byRole.get(b)!.index)[0]!;
    const from = cycle.indexOf(start);
    const ordered = [...cycle.slice(from), ...cycle.slice(0, from)];
    const index = byRole.get(start)!.index;
    findings.push(
      finding(MESSAGES['escalation-cycle'], 'grants', { file: boundary.file, path: ['grants', index, 'escalateTo'] }, { index, cycle: describeCycle(ordered) }),
    );
  }
  return findings;
}
