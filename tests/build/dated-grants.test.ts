/**
 * A December grant in a build (tests/fixtures/dated, built on 10 January
 * 2027): the store associate may refund up to £150 until 31 January, then
 * £75. Its pages say so beside the limit, the role table and pocket card say
 * which date they answer for (the terms change within 30 days), /review/
 * lists the grant ending, the register has a row per grant with its dates,
 * and the helper data carries both windows so the browser answers for the
 * reader's own date.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unpackAnswers, type RoleHelperData } from '../../src/lib/decision/helper-data.ts';
import { verdict } from '../../src/lib/decision/verdict.ts';
import { buildPlaybook, FIXTURES, type BuildResult } from '../support/build-playbook.ts';
import { readPage, select, selectAll, visibleText } from '../support/built-site.ts';

const CONTENT = path.join(FIXTURES, 'dated/content');
const TODAY = '2027-01-10';

let build: BuildResult;

beforeAll(async () => {
  build = await buildPlaybook(CONTENT, { env: { PLAYBOOK_TODAY: TODAY } });
  if (build.exitCode !== 0) throw new Error(`build failed:\n${build.stdout}\n${build.stderr}`);
});

afterAll(() => build?.cleanup());

const built = (file: string) => readFile(path.join(build.outDir, file), 'utf8');
const textOf = async (file: string, selector = 'main') => visibleText(select(selector, await readPage(build.outDir, file))!);

describe('a December grant', () => {
  it('shows its window beside the limit on the boundary and role pages, one row per role', async () => {
    const boundary = await readPage(build.outDir, 'boundaries/refund/index.html');
    const rows = selectAll('[data-grant-table] tbody tr', boundary).map(visibleText);
    expect(rows).toEqual([
      'Store associate Decides up to £150 per case until 31 Jan 2027, then £75 The December peak.',
      'Shift lead Decides, then informs Store manager up to £250 per case',
      'Store manager Decides no monetary limit',
    ]);
    expect(await textOf('roles/associate/index.html', '[data-grant-table]')).toContain('up to £150 per case until 31 Jan 2027, then £75');
  });

  it('the role table and pocket card answer for the build date, and say so as the terms change soon', async () => {
    for (const file of ['can-i/associate/index.html', 'roles/associate/card/index.html']) {
      const page = await readPage(build.outDir, file);
      expect(selectAll('[data-day-note]', page).map(visibleText), file).toEqual([
        'Answer for 10 Jan 2027 (the date this page was built). Other terms apply from 1 Feb 2027.',
      ]);
      expect(
        selectAll('ol[data-verdict-bands] li', page).map((item) => item.properties['dataUpTo']),
        file,
      ).toEqual(['150', '250', undefined]);
      // February's bands are in the page too, hidden, for the script to show on the reader's own date.
      const later = selectAll('ol[data-window-bands]', page);
      expect(
        later.map((list) => [list.properties['dataFrom'], list.properties['hidden']]),
        file,
      ).toEqual([['2027-02-01', true]]);
      expect(
        selectAll('li', later[0]!).map((item) => item.properties['dataUpTo']),
        file,
      ).toEqual(['75', '250', undefined]);
    }
  });

  it('/review/ lists the grant that ends within 30 days', async () => {
    const review = await readPage(build.outDir, 'review/index.html');
    expect(selectAll('[data-grants-ending] li', review).map(visibleText)).toEqual([
      'Refund a purchase: Store associate: Decides up to £150 per case, until 31 Jan 2027',
    ]);
  });

  it('the register has a row per grant, with its dates', async () => {
    const register = JSON.parse(await built('authority.json')) as { rows: { role: string; limit: number | null; from: string | null; until: string | null }[] };
    expect(register.rows.filter((row) => row.role === 'Store associate').map((row) => [row.limit, row.from, row.until])).toEqual([
      [150, null, '2027-01-31'],
      [75, '2027-02-01', null],
    ]);
    const csv = await built('authority.csv');
    expect(csv).toContain('2027-01-31');
    expect(csv).toContain('2027-02-01');
  });

  it('the helper data carries both windows: £120 is the associate’s to decide until 31 January, the shift lead’s from 1 February', async () => {
    const data = JSON.parse(await built('can-i/associate.json')) as RoleHelperData;
    const answer = unpackAnswers(data).find((candidate) => candidate.decision.id === 'refund')!;
    expect(answer.windows?.map((window) => [window.from, window.until, window.own?.limit?.amount])).toEqual([
      [undefined, '2027-01-31', 150],
      ['2027-02-01', undefined, 75],
    ]);
    expect(verdict(answer, 120, undefined, '2027-01-31').kind).toBe('decide');
    const february = verdict(answer, 120, undefined, '2027-02-01');
    expect([february.kind, february.approver?.role.id]).toEqual(['over-limit', 'lead']);
  });

  it('/playbook.json gives both grants with their dates', async () => {
    const json = JSON.parse(await built('playbook.json')) as { boundaries: { id: string; grants: { role: string; from?: string; until?: string }[] }[] };
    const grants = json.boundaries.find((boundary) => boundary.id === 'refund')!.grants.filter((grant) => grant.role === 'associate');
    expect(grants.map((grant) => [grant.from, grant.until])).toEqual([
      [undefined, '2027-01-31'],
      ['2027-02-01', undefined],
    ]);
  });
});
