/**
 * Every training scenario agrees with its boundary's grants (issue 18): its
 * answer is worked out with the "Can I…?" verdict itself (decision/verdict.ts,
 * through decision/answers.ts's `ladderAnswer` and decision/scenarios.ts), so
 * changing a limit shows here which scenarios it changes.
 */
import type { PlaybookSettings } from '../../../schemas/index.ts';
import { ladderAnswer } from '../decision/answers.ts';
import { grantedAnswer, scenarioMoney, scenarioVerdict } from '../decision/scenarios.ts';
import { amountBasis, type GrantTerms, type RoleRef, type Verdict } from '../decision/verdict.ts';
import type { Finding } from '../diagnostics/diagnostic.ts';
import { finding, MESSAGES } from '../diagnostics/catalogue.ts';
import { decisionLadder, type LadderRole } from '../domain/ladder.ts';
import { formatMoney, resolveMoney, type ResolvedMoney } from '../domain/money.ts';
import type { CheckedEntry } from '../reading/checked-content.ts';
import type { Rule } from './rule.ts';

export const checkScenarios: Rule = ({ entries, partial, settings, today }) => {
  const roles = new Map<string, LadderRole>(
    [...entries.roles, ...partial.roles.filter((role) => !role.brokenKeys.includes('escalatesTo'))]
      .filter((role) => role.data.status !== 'draft')
      .map((role) => [role.id, { escalatesTo: role.data.escalatesTo, status: role.data.status }]),
  );
  const readable = partial.boundaries.filter(
    (boundary) =>
      boundary.data.grants !== undefined &&
      boundary.data.scenarios !== undefined &&
      !boundary.brokenKeys.some((key) => key === 'grants' || key === 'scenarios'),
  );
  return [...entries.boundaries, ...readable]
    .filter((boundary) => boundary.data.status !== 'retired')
    .flatMap((boundary) => boundaryScenarioFindings(boundary, roles, settings, today));
};

/** A role as a validator message names it: its id in words ("store associate"). */
export function roleInWords(id: string): string {
  return id.replace(/-/g, ' ');
}

function withArticle(words: string): string {
  return `${/^[aeiou]/.test(words) ? 'an' : 'a'} ${words}`;
}

function boundaryScenarioFindings(
  boundary: CheckedEntry<'boundaries'>,
  roles: ReadonlyMap<string, LadderRole>,
  settings: Pick<PlaybookSettings, 'currency' | 'locale'> | undefined,
  today: string,
): Finding[] {
  const { grants, scenarios = [], guardrails = [], owner } = boundary.data;
  if (scenarios.length === 0) return [];
  const locale = settings?.locale ?? 'en';
  const ref = (id: string): RoleRef => ({ id, title: roleInWords(id) });
  // Scenarios are taught today: the grants that apply on the build date answer them.
  const ladder = decisionLadder(grants, roles, today);
  const terms = (index: number): GrantTerms => {
    const grant = grants[index]!;
    return {
      role: ref(grant.role),
      authority: grant.authority,
      limit: grant.limit && resolveMoney(grant.limit, settings?.currency),
      per: grant.per,
      note: grant.note,
    };
  };
  const source = {
    ladder,
    terms,
    decision: { id: boundary.id, decision: boundary.data.decision, title: boundary.data.title, path: '', category: undefined, guardrails, owner },
  };
  const findings: Finding[] = [];
  scenarios.forEach((scenario, index) => {
    // An unknown role is the references rule's finding.
    if (!roles.has(scenario.role)) return;
    const field = `scenarios[${index}]`;
    const answer = ladderAnswer(source, ref(scenario.role), (id) => (roles.has(id) ? ref(id) : undefined));
    if (!answer) {
      findings.push(
        finding(
          MESSAGES['scenario-role'],
          'default',
          { file: boundary.file, path: ['scenarios', index, 'role'], found: scenario.role },
          { field, role: scenario.role, holders: grants.map((grant) => grant.role).join(', ') },
        ),
      );
      return;
    }
    if (scenario.answer === 'not-allowed') {
      if (guardrails.length > 0) return;
      findings.push(
        finding(
          MESSAGES['scenario-answer'],
          'no-guardrails',
          { file: boundary.file, path: ['scenarios', index, 'answer'], found: 'not-allowed' },
          { field, granted: grantedAnswer(scenarioVerdict(answer, scenario.amount, settings?.currency)) },
        ),
      );
      return;
    }
    const basis = amountBasis(answer, settings?.currency);
    const money = scenarioMoney(answer, scenario.amount, settings?.currency);
    if (money && basis.currency !== undefined && money.currency !== basis.currency) {
      findings.push(
        finding(
          MESSAGES['scenario-currency'],
          'default',
          { file: boundary.file, path: ['scenarios', index, 'amount'], expected: basis.currency, found: money.currency },
          { field, currency: money.currency, role: scenario.role, limits: basis.currency },
        ),
      );
      return;
    }
    const result = scenarioVerdict(answer, scenario.amount, settings?.currency);
    const given = grantedAnswer(result);
    if (given === scenario.answer) return;
    const asking = money ? ` asking about ${formatMoney(money, locale)}` : '';
    findings.push(
      finding(
        MESSAGES['scenario-answer'],
        'disagrees',
        { file: boundary.file, path: ['scenarios', index, 'answer'], expected: given, found: scenario.answer },
        {
          field,
          who: `${withArticle(roleInWords(scenario.role))}${asking}`,
          gives: whatTheGrantsGive(result, locale),
          expects: scenario.answer,
          granted: given,
        },
      ),
    );
  });
  return findings;
}

/** What the verdict tells the role to do, in a validator's words: "must escalate to shift lead (limit £75)". */
function whatTheGrantsGive(result: Verdict, locale: string): string {
  const limit = (money: ResolvedMoney | undefined) => (money && result.amount ? ` (limit ${formatMoney(money, locale)})` : '');
  const own = result.answer.own;
  const to = (role: RoleRef | undefined) => (role ? roleInWords(role.id) : 'nobody');
  switch (result.kind) {
    case 'decide':
      return `may decide alone${limit(own?.limit)}`;
    case 'decide-and-inform':
      return `may decide, then inform ${to(result.counterpart)}${limit(own?.limit)}`;
    case 'consult':
      return `must consult ${to(result.counterpart)} before deciding${limit(own?.limit)}`;
    default: {
      const target = result.approver ? roleInWords(result.approver.role.id) : `the boundary's owner (${result.decision.owner})`;
      const why = result.kind === 'over-limit' ? limit(own?.limit) : result.kind === 'no-grant' ? ' (it holds no grant here)' : '';
      return `must escalate to ${target}${why}`;
    }
  }
}
