/**
 * One verdict everywhere (issue 15): every role × decision × amount of the
 * example playbook and of a generated 2,000-entry one, amounts on both
 * sides of every limit, through every path that answers:
 *
 * - the helper data: the role's file as the browser gets it (JSON), unpacked;
 * - the no-JavaScript role table and the pocket card: the bands they show;
 * - the search answer: a query naming the decision and the amount, read
 *   and matched as the header box and the search page do;
 * - the ladder pages: the boundary page's drawing (its holders, in order,
 *   above the role) and /ladders/ (a gap exactly where the verdict says the
 *   playbook does not cover an amount below the top of a ladder).
 *
 * Each must give the verdict the build's answer gives. (tests/browser/can-i.test.ts
 * checks that the built pages show these same bands and files.)
 */
import { englishWords } from '../../src/lib/languages/dictionary.ts';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePlaybook } from '../../bench/generate-playbook.ts';
import { answerQuery } from '../../src/lib/decision/answer-query.ts';
import { roleAnswers } from '../../src/lib/decision/answers.ts';
import { helperDataJson, roleHelperData, unpackAnswers, type RoleHelperData } from '../../src/lib/decision/helper-data.ts';
import { currencySymbol, verdictText } from '../../src/lib/decision/verdict-text.ts';
import { amountBasis, bandFor, verdict, verdictBands, verdictOutcome } from '../../src/lib/decision/verdict.ts';
import type { Grant, Playbook, Role } from '../../src/lib/model/types.ts';
import type { Ladder } from '../../src/lib/views/escalation-ladder.ts';
import { escalationLadders } from '../../src/lib/views/escalation-ladder.ts';
import { isGap, ladderViews } from '../../src/lib/views/ladders.ts';
import { PROJECT_ROOT } from '../support/build-playbook.ts';
import { amountsFor } from '../support/every-amount.ts';
import { loadModel } from '../support/load-model.ts';

interface PathReport {
  checked: number;
  /** Verdicts that the playbook does not cover an amount below the top of a ladder, each found as a gap on /ladders/. */
  gaps: number;
  disagreements: string[];
}

/** Every role × decision × amount of a playbook through every path. */
function everyPath(playbook: Playbook<unknown>, synonyms: Record<string, string[]> = {}): PathReport {
  const report: PathReport = { checked: 0, gaps: 0, disagreements: [] };
  const disagree = (what: string) => {
    if (report.disagreements.length < 20) report.disagreements.push(what);
  };
  const words = englishWords(playbook.settings.locale);
  const ladders = ladderViews(playbook, englishWords(playbook.settings.locale));
  for (const role of playbook.roles) {
    const answers = roleAnswers(playbook, role.id)!;
    // The helper's path: the role's file as the browser receives it.
    const file = JSON.parse(helperDataJson(roleHelperData(playbook, role.id)!)) as RoleHelperData;
    const shipped = unpackAnswers(file);
    const usual = file.c;
    const shippedById = new Map(shipped.map((answer) => [answer.decision.id, answer]));
    expect(shipped.length, role.id).toBe(answers.length);
    const gapsOnRoleLadders = new Set(
      ladders
        .filter((ladder) => ladder.steps.some((step) => step.id === role.id))
        .flatMap((ladder) => ladder.warnings.filter(isGap).map((warning) => warning.boundary.id)),
    );
    for (const answer of answers) {
      const where = `${role.id} on ${answer.decision.id}`;
      const fromFile = shippedById.get(answer.decision.id)!;
      const bands = verdictBands(answer);
      const drawn = drawnHolders(playbook, role.id, answer.decision.id);
      if (drawn && drawn.join() !== answer.holders.map((holder) => holder.role.id).join())
        disagree(`${where}: the ladder drawing has ${drawn} above, the answer ${answer.holders.map((h) => h.role.id)}`);
      const { currency } = amountBasis(answer);
      for (const amount of amountsFor(answer)) {
        const expected = verdict(answer, amount, currency);
        const text = verdictText(expected, words);
        const outcome = verdictOutcome(expected);
        const at = `${where} at ${amount}`;
        report.checked++;
        // The helper and the search answer read the shipped file.
        const helper = verdict(fromFile, amount, currency);
        if (verdictText(helper, words) !== text) disagree(`${at}: helper says "${verdictText(helper, words)}", build "${text}"`);
        // The role table and the pocket card show the bands.
        const band = verdictOutcome(bandFor(bands, amount).verdict);
        if (band !== outcome) disagree(`${at}: table and card say ${band}, build ${outcome}`);
        // The search answer: the decision's words and the amount, with the currency sign.
        const sign = currencySymbol(currency ?? usual, words.tag);
        const searched = answerQuery(`${answer.decision.decision} ${sign}${amount}`, shipped, synonyms, fromFile.own?.limit?.currency ?? currency);
        if (searched?.answer.decision.id !== answer.decision.id) disagree(`${at}: search matched ${searched?.answer.decision.id}`);
        else if (verdictText(searched.verdict, words) !== text) disagree(`${at}: search says "${verdictText(searched.verdict, words)}", build "${text}"`);
        // The ladder pages: the playbook stops short of an amount below the top of a ladder exactly where /ladders/ shows a gap.
        if (expected.beyond && outcome === 'beyond') {
          const top = answer.holders.at(-1) ?? (answer.own?.authority !== 'escalate' ? answer.own : undefined) ?? answer.own;
          const topRole = top && playbook.roleById.get(top.role.id);
          const belowTop = top && playbook.boundaryById.get(answer.decision.id)!.ladder.of(top.role.id).next !== undefined;
          if (topRole && belowTop) {
            report.gaps++;
            if (!gapsOnRoleLadders.has(answer.decision.id)) disagree(`${at}: nobody may approve it, but /ladders/ shows no gap`);
          }
        }
      }
    }
  }
  return report;
}

/**
 * The holders above a role as the boundary page's drawing shows them:
 * from the role's step up its ladder (and on into the ladder it joins),
 * the steps whose grant may decide. Undefined when the role is not drawn
 * (it holds nothing on the boundary).
 */
function drawnHolders(playbook: Playbook<unknown>, roleId: string, boundaryId: string): string[] | undefined {
  const boundary = playbook.boundaryById.get(boundaryId)!;
  const ladders = escalationLadders(boundary.grants, boundary.ladder, (id) => playbook.roleById.get(id));
  const find = (id: string): { ladder: Ladder<Role<unknown>, Grant<unknown>>; at: number } | undefined => {
    for (const ladder of ladders) {
      const at = ladder.steps.findIndex((step) => step.role.id === id);
      if (at >= 0) return { ladder, at };
    }
    return undefined;
  };
  const decides = (step: { role: Role<unknown>; grant: Grant<unknown> | undefined }) =>
    step.grant && step.grant.authority !== 'escalate' && step.role.status === 'published';
  let place = find(roleId);
  if (!place) return undefined;
  const holders: string[] = [];
  for (let guard = 0; place && guard < 50; guard++) {
    const { ladder, at }: { ladder: Ladder<Role<unknown>, Grant<unknown>>; at: number } = place;
    for (const step of ladder.steps.slice(at + 1)) if (decides(step)) holders.push(step.role.id);
    place = ladder.joins ? find(ladder.joins.id) : undefined;
    if (place) {
      const joined = place.ladder.steps[place.at]!;
      if (decides(joined)) holders.push(joined.role.id);
    }
  }
  return holders;
}

describe('one verdict on every path: the example playbook', () => {
  it('agrees for every role, decision and amount', async () => {
    const playbook = await loadModel(path.join(PROJECT_ROOT, 'content'));
    const report = everyPath(playbook, playbook.settings.synonyms);
    expect(report.disagreements).toEqual([]);
    expect(report.checked).toBeGreaterThan(500);
    // The example's ladders are whole: every decision has a holder without a limit at the top.
    expect(report.gaps).toBe(0);
  });
});

describe('one verdict on every path: ladders that stop short of the top', () => {
  it('agrees for every role, decision and amount, "nobody may approve it" included', async () => {
    const playbook = await loadModel(path.join(PROJECT_ROOT, 'tests/fixtures/can-i'));
    const report = everyPath(playbook);
    expect(report.disagreements).toEqual([]);
    expect(report.gaps).toBeGreaterThan(0);
  });
});

describe('one verdict on every path: a generated 2,000-entry playbook', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'latitude-one-verdict-'));
    await generatePlaybook(dir, 2000);
  }, 120_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('agrees for every role, decision and amount', { timeout: 180_000 }, async () => {
    const playbook = await loadModel(dir);
    const report = everyPath(playbook);
    expect(report.disagreements).toEqual([]);
    expect(report.checked).toBeGreaterThan(10_000);
  });
});
