/**
 * Grants with dates (issue 19): which grants apply on a day, the windows of
 * days over which a boundary's grants do not change, and every rule that
 * reads grants holding per window: overlapping grants, ended grants, the
 * ladder never narrowing on any day, circles, win spend on the win's date.
 */
import { describe, expect, it } from 'vitest';
import { appliesOn, dayAfter, decisionLadder, grantWindows, windowsOverlap, type LadderRole } from '../../src/lib/domain/ladder.ts';
import { authorityDiff } from '../../src/lib/authority-diff/diff.ts';
import { roleAnswers } from '../../src/lib/decision/answers.ts';
import { dayNote } from '../../src/lib/decision/verdict-text.ts';
import { dictionaryFor, englishWords } from '../../src/lib/languages/dictionary.ts';
import { createWords } from '../../src/lib/languages/words.ts';
import type { Boundary, Grant, Role } from '../../src/lib/model/types.ts';
import { searchRecord } from '../../src/lib/search/records.ts';
import { matrixRows } from '../../src/lib/views/boundary-matrix.ts';
import { shownGrants } from '../../src/lib/views/grant-windows.ts';
import { grantWindowInWords } from '../../src/lib/words/grants.ts';
import { helperDataJson, roleHelperData, unpackAnswers } from '../../src/lib/decision/helper-data.ts';
import { verdict, verdictBands } from '../../src/lib/decision/verdict.ts';
import { checkEscalation } from '../../src/lib/rules/escalation.ts';
import { checkMoney } from '../../src/lib/rules/money.ts';
import { boundary, checkedContent, LADDER, modelOf } from '../support/checked-content.ts';

const lines = (findings: { severity: string; rule: string; file: string; message: string; hint?: string }[]) =>
  findings.map((f) => `${f.file} ${f.severity} ${f.rule}: ${f.message}${f.hint ? ` | ${f.hint}` : ''}`);

/** A December raise for the agent: £75 until the end of November, £150 in December and January, £75 again from February. */
const SEASON: { role: string; authority: 'decide'; limit: { amount: number }; from?: string; until?: string }[] = [
  { role: 'agent', authority: 'decide', limit: { amount: 75 }, until: '2026-11-30' },
  { role: 'agent', authority: 'decide', limit: { amount: 150 }, from: '2026-12-01', until: '2027-01-31' },
  { role: 'agent', authority: 'decide', limit: { amount: 75 }, from: '2027-02-01' },
];

describe('which grants apply on a day', () => {
  it('from is the first day, until the last, both inclusive; a missing date is open', () => {
    const december = { from: '2026-12-01', until: '2027-01-31' };
    expect(['2026-11-30', '2026-12-01', '2027-01-31', '2027-02-01'].map((day) => appliesOn(december, day))).toEqual([false, true, true, false]);
    expect(appliesOn({}, '1999-01-01')).toBe(true);
    expect(appliesOn({ until: '2026-11-30' }, '2020-01-01')).toBe(true);
    expect(appliesOn({ from: '2027-02-01' }, '2099-12-31')).toBe(true);
  });

  it('the day after crosses months, years and leap days', () => {
    expect(['2026-11-30', '2026-12-31', '2028-02-28', '2027-02-28'].map(dayAfter)).toEqual(['2026-12-01', '2027-01-01', '2028-02-29', '2027-03-01']);
  });

  it('windows overlap when they share a day', () => {
    expect(windowsOverlap({ until: '2026-11-30' }, { from: '2026-12-01' })).toBe(false);
    expect(windowsOverlap({ until: '2026-12-01' }, { from: '2026-12-01' })).toBe(true);
    expect(windowsOverlap({}, { from: '2026-12-01', until: '2026-12-31' })).toBe(true);
    expect(windowsOverlap({ from: '2027-02-01' }, { from: '2026-12-01', until: '2027-01-31' })).toBe(false);
  });

  it('cuts time where grants change: on each from, and the day after each until', () => {
    expect(grantWindows(SEASON)).toEqual([
      { from: undefined, until: '2026-11-30' },
      { from: '2026-12-01', until: '2027-01-31' },
      { from: '2027-02-01', until: undefined },
    ]);
    expect(grantWindows([{}, {}])).toEqual([{ from: undefined, until: undefined }]);
    expect(grantWindows(SEASON, '2026-12-05')).toEqual([
      { from: '2026-12-01', until: '2027-01-31' },
      { from: '2027-02-01', until: undefined },
    ]);
  });

  it("a decision's ladder on a day uses the grants of that day, indexes as written", () => {
    const grants = [...SEASON, { role: 'lead', authority: 'decide' as const, limit: { amount: 500 } }];
    const roles = new Map<string, LadderRole>(
      Object.entries(LADDER).map(([id, role]) => [id, { escalatesTo: 'escalatesTo' in role ? role.escalatesTo : undefined }]),
    );
    expect(decisionLadder(grants, roles, '2026-11-30').of('agent').own).toBe(0);
    expect(decisionLadder(grants, roles, '2026-12-01').of('agent').own).toBe(1);
    expect(decisionLadder(grants, roles, '2027-01-31').of('agent').own).toBe(1);
    expect(decisionLadder(grants, roles, '2027-02-01').of('agent').own).toBe(2);
    expect(decisionLadder(grants, roles, '2027-02-01').of('agent').holders).toEqual([3]);
  });
});

describe('rules per window', () => {
  it('lets one role hold grants whose windows do not overlap', () => {
    const content = checkedContent({
      roles: { ...LADDER },
      boundaries: { b: boundary([...SEASON, { role: 'lead', authority: 'decide', limit: { amount: 500 } }, { role: 'manager', authority: 'decide' }]) },
    });
    expect(lines(checkEscalation(content))).toEqual([]);
  });

  it('refuses two grants of one role on the same days, naming both', () => {
    const content = checkedContent({
      roles: { ...LADDER },
      boundaries: {
        b: boundary([
          { role: 'agent', authority: 'decide', limit: { amount: 75 } },
          { role: 'lead', authority: 'decide' },
          { role: 'agent', authority: 'decide', limit: { amount: 150 }, from: '2026-12-01', until: '2027-01-31' },
        ]),
      },
    });
    expect(lines(checkEscalation(content))).toEqual([
      'boundaries/b.md error overlapping-grants: grants[2]: grants[0] and grants[2] both give agent this decision from 2026-12-01 until 2027-01-31, so nobody can tell which applies | a role holds one grant on any day: end grants[0] the day before grants[2] starts (until), or start it after (from)',
    ]);
  });

  it('refuses an until before its from', () => {
    const content = checkedContent({
      roles: { ...LADDER },
      boundaries: { b: boundary([{ role: 'agent', authority: 'decide', from: '2027-03-01', until: '2027-02-01' }]) },
    });
    expect(lines(checkEscalation(content))).toEqual([
      'boundaries/b.md error grant-dates: grants[0].until: 2027-02-01 is before from (2027-03-01), so the grant applies on no day | until is the last day the grant applies; check the year, month and day of both dates',
    ]);
  });

  it('warns about a grant that has ended', () => {
    const content = checkedContent(
      {
        roles: { ...LADDER },
        boundaries: { b: boundary([...SEASON, { role: 'lead', authority: 'decide' }]) },
      },
      undefined,
      '2027-03-01',
    );
    expect(lines(checkEscalation(content))).toEqual([
      "boundaries/b.md warning grant-ended: grants[0].until: agent's grant ended on 2026-11-30 (today is 2027-03-01), so it applies on no day from now on | remove the grant; to keep it as history, add a line to changes (date: 2026-11-30) that says what it was",
      "boundaries/b.md warning grant-ended: grants[1].until: agent's grant ended on 2027-01-31 (today is 2027-03-01), so it applies on no day from now on | remove the grant; to keep it as history, add a line to changes (date: 2027-01-31) that says what it was",
    ]);
  });

  it('finds a ladder that narrows on some days only, and says which', () => {
    const content = checkedContent({
      roles: { ...LADDER },
      boundaries: { b: boundary([...SEASON, { role: 'lead', authority: 'decide', limit: { amount: 100 } }, { role: 'manager', authority: 'decide' }]) },
    });
    expect(lines(checkEscalation(content))).toEqual([
      "boundaries/b.md error ladder-narrows: grants[1].limit: the ladder narrows: agent may commit £150, but lead above it only £100, from 2026-12-01 until 2027-01-31 | lower this limit to £100 or less, or raise lead's limit (grants[3])",
    ]);
  });

  it("checks the ladder on a window's last day as well as its first: a lead's raise that ends before the agent's", () => {
    const content = checkedContent({
      roles: { ...LADDER },
      boundaries: {
        b: boundary([
          { role: 'agent', authority: 'decide', limit: { amount: 150 }, from: '2026-12-01', until: '2027-01-31' },
          { role: 'lead', authority: 'decide', limit: { amount: 200 }, until: '2026-12-31' },
          { role: 'lead', authority: 'decide', limit: { amount: 100 }, from: '2027-01-01' },
          { role: 'manager', authority: 'decide' },
        ]),
      },
    });
    expect(lines(checkEscalation(content))).toEqual([
      "boundaries/b.md error ladder-narrows: grants[0].limit: the ladder narrows: agent may commit £150, but lead above it only £100, from 2027-01-01 until 2027-01-31 | lower this limit to £100 or less, or raise lead's limit (grants[2])",
    ]);
  });

  it('reports a finding that holds on every day once, without dates', () => {
    const content = checkedContent({
      roles: { ...LADDER },
      boundaries: {
        b: boundary([
          { role: 'agent', authority: 'decide', limit: { amount: 300 } },
          { role: 'lead', authority: 'decide', limit: { amount: 200 }, until: '2026-12-31' },
          { role: 'lead', authority: 'decide', limit: { amount: 250 }, from: '2027-01-01' },
          { role: 'manager', authority: 'decide' },
        ]),
      },
    });
    expect(lines(checkEscalation(content)).map((line) => line.split(' | ')[0])).toEqual([
      'boundaries/b.md error ladder-narrows: grants[0].limit: the ladder narrows: agent may commit £300, but lead above it only £200, until 2026-12-31',
      'boundaries/b.md error ladder-narrows: grants[0].limit: the ladder narrows: agent may commit £300, but lead above it only £250, from 2027-01-01 on',
    ]);
  });

  it('finds authority that stops below the top in one window', () => {
    const content = checkedContent({
      roles: { ...LADDER },
      boundaries: {
        b: boundary([
          { role: 'agent', authority: 'decide', limit: { amount: 75 } },
          { role: 'lead', authority: 'decide', until: '2027-01-31' },
        ]),
      },
    });
    expect(lines(checkEscalation(content)).map((line) => line.split(' | ')[0])).toEqual([
      'boundaries/b.md warning ladder-gap: grants[0]: authority stops at agent: no role above it (lead, manager, director) holds this decision, so anything over £75 per case has nobody to approve it, from 2027-02-01 on',
    ]);
  });

  it('finds a circle that a dated grant makes', () => {
    const content = checkedContent({
      roles: { ...LADDER },
      boundaries: {
        b: boundary([
          { role: 'agent', authority: 'decide', limit: { amount: 75 } },
          { role: 'lead', authority: 'decide-and-inform', limit: { amount: 200 }, escalateTo: 'agent', from: '2026-12-01', until: '2026-12-31' },
          { role: 'lead', authority: 'decide', limit: { amount: 200 }, from: '2027-01-01' },
          { role: 'manager', authority: 'decide' },
        ]),
      },
    });
    expect(lines(checkEscalation(content)).filter((line) => line.includes('escalation-cycle'))).toEqual([
      'boundaries/b.md error escalation-cycle: grants[1].escalateTo: on this boundary the decision goes round in a circle: lead → agent → lead | one of these grants must escalate to a role above the circle, or have no escalateTo',
    ]);
  });

  it("compares a win's spend with the grant of the win's date", () => {
    const win = (date: string) => ({ title: 'W', date, people: ['Ana'], values: ['care'], role: 'agent', boundary: 'b', spent: { amount: 120 } });
    const content = checkedContent({
      roles: { ...LADDER },
      boundaries: { b: boundary([...SEASON, { role: 'lead', authority: 'decide' }]) },
      wins: { december: win('2026-12-10'), november: win('2026-11-10'), february: win('2027-02-10') },
    });
    expect(lines(checkMoney(content)).map((line) => line.split(' | ')[0])).toEqual([
      'wins/november.md warning spend-over-limit: spent: £120 is more than the £75 a agent may commit on b',
      'wins/february.md warning spend-over-limit: spent: £120 is more than the £75 a agent may commit on b',
    ]);
  });
});

describe('the verdict on a day', () => {
  const playbook = (today: string) =>
    modelOf(
      {
        roles: { ...LADDER },
        boundaries: { b: boundary([...SEASON, { role: 'lead', authority: 'decide', limit: { amount: 500 } }, { role: 'manager', authority: 'decide' }]) },
      },
      undefined,
      today,
    );
  const answerOf = (today: string, role = 'agent') => roleAnswers(playbook(today), role)!.find((answer) => answer.decision.id === 'b')!;

  it('the model keeps the windows from the build date on, and leaves ended grants out', () => {
    const model = playbook('2026-12-05');
    const b = model.boundaryById.get('b')!;
    expect(b.grants.map((grant) => [grant.limit?.amount, grant.from, grant.until])).toEqual([
      [150, '2026-12-01', '2027-01-31'],
      [75, '2027-02-01', undefined],
      [500, undefined, undefined],
      [undefined, undefined, undefined],
    ]);
    expect(b.windows.map((window) => [window.from, window.until])).toEqual([
      ['2026-12-01', '2027-01-31'],
      ['2027-02-01', undefined],
    ]);
    expect(b.ladder.of('agent').own).toBe(0);
    expect(b.grantsNow.map((grant) => [grant.role.id, grant.limit?.amount])).toEqual([
      ['agent', 150],
      ['lead', 500],
      ['manager', undefined],
    ]);
  });

  it('the matrix and search results show the grant of the build date, one per role', () => {
    const model = playbook('2027-02-05');
    const b = model.boundaryById.get('b')!;
    const columns = ['agent', 'lead'].map((id) => model.roleById.get(id)!);
    expect(matrixRows<Role<string>, Grant<string>, Boundary<string>>([b], columns)[0]!.cells.map((grant) => grant?.limit?.amount)).toEqual([75, 500]);
    const limits = searchRecord(b, { words: englishWords('en-GB'), roles: model.roles }).meta.limits;
    expect(limits).toContain('Agent: up to £75 per case');
    expect(limits).not.toContain('£150');
  });

  it('answers with the terms of the day asked about, and the build date without one', () => {
    const answer = answerOf('2026-11-23');
    expect(verdict(answer, 120).kind).toBe('over-limit');
    expect(verdict(answer, 120, undefined, '2026-11-30').kind).toBe('over-limit');
    expect(verdict(answer, 120, undefined, '2026-12-01').kind).toBe('decide');
    expect(verdict(answer, 120, undefined, '2027-01-31').kind).toBe('decide');
    const february = verdict(answer, 120, undefined, '2027-02-01');
    expect([february.kind, february.approver?.role.id, february.on, february.window?.from]).toEqual(['over-limit', 'lead', '2027-02-01', '2027-02-01']);
  });

  it('bands follow the day', () => {
    const answer = answerOf('2026-11-23');
    const limits = (day: string) => verdictBands(answer, day).map((band) => band.upTo?.amount);
    expect(limits('2026-11-23')).toEqual([75, 500, undefined]);
    expect(limits('2026-12-24')).toEqual([150, 500, undefined]);
  });

  it('a role above sees the grant that comes up to it change with the days', () => {
    const answer = answerOf('2026-11-23', 'lead');
    expect(answer.windows?.map((window) => window.own?.limit?.amount)).toEqual([500, 500, 500]);
  });

  it('the helper data carries the windows, and unpacks to the same answers', () => {
    const model = playbook('2026-11-23');
    const data = roleHelperData(model, 'agent')!;
    const shipped = unpackAnswers(JSON.parse(helperDataJson(data)) as typeof data);
    expect(JSON.parse(JSON.stringify(shipped))).toEqual(JSON.parse(JSON.stringify(roleAnswers(model, 'agent'))));
    const b = shipped.find((answer) => answer.decision.id === 'b')!;
    expect(b.windows?.map((window) => [window.from, window.until, window.own?.limit?.amount])).toEqual([
      [undefined, '2026-11-30', 75],
      ['2026-12-01', '2027-01-31', 150],
      ['2027-02-01', undefined, 75],
    ]);
  });

  it('a role that holds a grant only for a season: nothing outside it, its terms within', () => {
    const model = modelOf({
      roles: { ...LADDER },
      boundaries: {
        b: boundary([
          { role: 'agent', authority: 'decide', limit: { amount: 50 }, from: '2026-12-01', until: '2026-12-31' },
          { role: 'lead', authority: 'decide' },
        ]),
      },
    });
    const answer = roleAnswers(model, 'agent')!.find((candidate) => candidate.decision.id === 'b')!;
    expect(verdict(answer, 40).kind).toBe('no-grant');
    expect(verdict(answer, 40, undefined, '2026-12-10').kind).toBe('decide');
    expect(verdict(answer, 40, undefined, '2027-01-01').approver?.role.id).toBe('lead');
  });
});

describe('dated grants in words, on pages, for review and in the diff', () => {
  const english = englishWords('en-GB');
  const french = createWords('fr-CA', dictionaryFor('fr-CA'));
  const terms = (amount: number | undefined, extra: { from?: string; until?: string } = {}) => ({
    authority: 'decide' as const,
    limit: amount === undefined ? undefined : { amount, currency: 'GBP' },
    per: 'case' as const,
    escalateTo: undefined,
    ...extra,
  });

  it('says the window beside the limit, in the page language, with Intl dates', () => {
    const december = terms(150, { from: '2026-12-01', until: '2027-01-31' });
    expect(grantWindowInWords(december, terms(75), '2026-12-05', english)).toBe('until 31 Jan 2027, then £75');
    expect(grantWindowInWords(december, undefined, '2026-12-05', english)).toBe('until 31 Jan 2027');
    expect(grantWindowInWords(december, terms(undefined), '2026-12-05', english)).toBe('until 31 Jan 2027, then no monetary limit');
    expect(grantWindowInWords(december, terms(75), '2026-11-23', english)).toBe('from 1 Dec 2026');
    expect(grantWindowInWords(terms(75), undefined, '2026-11-23', english)).toBe('');
    expect(grantWindowInWords(december, terms(75), '2026-12-05', french)).toBe("jusqu'au 31 janv. 2027, puis 75\u00a0£");
  });

  it('a page shows each role once: the grant of the build date, with the one that follows', () => {
    const grants = [{ role: 'agent', from: '2027-02-01' }, { role: 'agent', from: '2026-12-01', until: '2027-01-31' }, { role: 'lead' }];
    expect(shownGrants(grants, (grant) => grant.role, '2026-12-05')).toEqual([
      { grant: grants[1], next: grants[0] },
      { grant: grants[2], next: undefined },
    ]);
    expect(shownGrants(grants, (grant) => grant.role, '2026-11-23')[0]).toEqual({ grant: grants[1], next: grants[0] });
    expect(shownGrants(grants, (grant) => grant.role, '2027-03-01')[0]).toEqual({ grant: grants[0], next: undefined });
  });

  it('says which day an answer is for when its terms change soon', () => {
    const window = { from: '2026-12-01', until: '2027-01-31', group: 'own' as const, own: undefined, next: undefined, holders: [] };
    expect(dayNote({ on: '2027-01-20', window }, 'device', english)).toBe("Answer for 20 Jan 2027 (this device's date). Other terms apply from 1 Feb 2027.");
    expect(dayNote({ on: '2026-12-05', window }, 'build', english)).toBe('Answer for 5 Dec 2026 (the date this page was built).');
    expect(dayNote({ on: '2026-12-20', window: { ...window, from: '2026-11-01' } }, 'device', english)).toBeUndefined();
    expect(dayNote({ on: '2026-12-20', window: undefined }, 'device', english)).toBeUndefined();
  });

  it('the review list has the grants ending within 30 days, soonest first', () => {
    const model = modelOf(
      {
        roles: { ...LADDER },
        boundaries: {
          b: boundary([...SEASON, { role: 'lead', authority: 'decide', until: '2026-12-31' }, { role: 'lead', authority: 'decide', from: '2027-01-01' }]),
        },
      },
      undefined,
      '2027-01-05',
    );
    expect(model.grantsEnding.map((grant) => [grant.role.id, grant.until])).toEqual([['agent', '2027-01-31']]);
  });

  it('the authority diff shows a dated grant with its days', () => {
    const before = modelOf({
      roles: { ...LADDER },
      boundaries: {
        b: boundary([
          { role: 'agent', authority: 'decide', limit: { amount: 75 } },
          { role: 'lead', authority: 'decide' },
        ]),
      },
    });
    const after = modelOf({
      roles: { ...LADDER },
      boundaries: {
        b: boundary(
          [
            { role: 'agent', authority: 'decide', limit: { amount: 75 }, until: '2026-11-30' },
            { role: 'agent', authority: 'decide', limit: { amount: 150 }, from: '2026-12-01', until: '2027-01-31' },
            { role: 'agent', authority: 'decide', limit: { amount: 75 }, from: '2027-02-01' },
            { role: 'lead', authority: 'decide' },
          ],
          { changes: [{ date: '2026-11-20', summary: 'A December raise for agents.' }] },
        ),
      },
    });
    expect(authorityDiff(before, after).sections).toEqual([
      {
        heading: 'Refund a purchase',
        file: 'boundaries/b.md',
        lines: [
          'Agent (until 30 Nov 2026): new grant: Decides up to £75 per case',
          'Agent (from 1 Dec 2026 until 31 Jan 2027): new grant: Decides up to £150 per case',
          'Agent (from 1 Feb 2027): new grant: Decides up to £75 per case',
          'Agent: grant removed (was: Decides up to £75 per case)',
        ],
      },
    ]);
  });
});
