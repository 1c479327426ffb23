/**
 * The authority register's rows and its two formats, exactly: RFC 4180 CSV
 * that no spreadsheet runs as formulas, and JSON with the same rows.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { csvCell, csvDocument, startsLikeFormula } from '../../src/lib/register/csv.ts';
import { REGISTER_COLUMNS, registerCsv, registerJson, registerRows } from '../../src/lib/register/authority-register.ts';
import { publicAddress } from '../../src/lib/links/href.ts';
import { boundary, LADDER, modelOf } from '../support/checked-content.ts';

describe('csvCell', () => {
  it('leaves plain text alone and quotes what RFC 4180 says to quote', () => {
    expect(csvCell('Refund a purchase')).toBe('Refund a purchase');
    expect(csvCell('75')).toBe('75');
    expect(csvCell('')).toBe('');
    expect(csvCell('Joanne Whitfield, manager')).toBe('"Joanne Whitfield, manager"');
    expect(csvCell('say "sorry"')).toBe('"say ""sorry"""');
    expect(csvCell('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  it('makes every cell that starts like a formula inert: an apostrophe in front, in quotes', () => {
    expect(csvCell('=1+1')).toBe(`"'=1+1"`);
    expect(csvCell('+SUM(A1:A9)')).toBe(`"'+SUM(A1:A9)"`);
    expect(csvCell('-2+3')).toBe(`"'-2+3"`);
    expect(csvCell('@ops')).toBe(`"'@ops"`);
    expect(csvCell('\t=1')).toBe(`"'\t=1"`);
    expect(csvCell('\r=1')).toBe(`"'\r=1"`);
    expect(csvCell('=HYPERLINK("http://evil.example","Click")')).toBe(`"'=HYPERLINK(""http://evil.example"",""Click"")"`);
    // Full-width signs, which some spreadsheets read as the signs themselves.
    expect(csvCell('＝1+1')).toBe(`"'＝1+1"`);
    expect(['a=1', ' =1', '1-2', "'=1"].map(startsLikeFormula)).toEqual([false, false, false, false]);
  });

  it('ends every record, the last one too, with CRLF', () => {
    expect(
      csvDocument(
        ['a', 'b'],
        [
          ['1', '2'],
          ['x,y', '=z'],
        ],
      ),
    ).toBe(`a,b\r\n1,2\r\n"x,y","'=z"\r\n`);
  });
});

describe('the register', () => {
  const model = modelOf({
    roles: { ...LADDER, greeter: { title: 'Greeter', escalatesTo: 'lead', status: 'retired' } },
    boundaries: {
      refund: boundary(
        [
          { role: 'agent', authority: 'decide', limit: { amount: 75 }, note: '=cmd|" /C calc"!A0' },
          { role: 'greeter', authority: 'decide', limit: { amount: 10 } },
          { role: 'lead', authority: 'consult', limit: { amount: 250 }, per: 'customer-day' },
          { role: 'manager', authority: 'decide' },
        ],
        { title: '@Refund', approvedBy: 'Head of retail' },
      ),
      voucher: boundary([{ role: 'agent', authority: 'decide' }], { title: 'Voucher', status: 'retired' }),
      secret: boundary([{ role: 'agent', authority: 'decide' }], { title: 'Secret', status: 'draft' }),
    },
  });
  const rows = registerRows(model, (path) => publicAddress(path, 'https://playbook.example.com', '/hp'));

  it('has one row per grant on a published boundary held by a published role, in the order written', () => {
    expect(rows.map((row) => `${row.boundaryId}/${row.roleId}`)).toEqual(['refund/agent', 'refund/lead', 'refund/manager']);
    expect(rows[1]).toEqual({
      boundaryId: 'refund',
      boundary: '@Refund',
      decision: 'Refund a purchase',
      roleId: 'lead',
      role: 'Lead',
      authority: 'consult',
      limit: 250,
      currency: 'GBP',
      per: 'customer-day',
      from: null,
      until: null,
      escalatesToId: 'manager',
      escalatesTo: 'Manager',
      conditions: null,
      inWords: 'Consults Manager first, then decides up to £250 per customer per day',
      owner: 'Retail ops',
      approvedBy: 'Head of retail',
      effective: '2026-01-01',
      lastReviewed: '2026-06-01',
      address: 'https://playbook.example.com/hp/boundaries/refund/',
    });
  });

  it('as CSV: a header of every column, then the rows, with a byte-order mark for Excel', () => {
    expect(registerCsv(rows)).toBe(
      '\uFEFFBoundary id,Boundary,Decision,Role id,Role,Authority,Limit,Currency,Per,From,Until,Escalates to id,Escalates to,Conditions,In words,Owner,Approved by,Effective,Last reviewed,Address\r\n' +
        `refund,"'@Refund",Refund a purchase,agent,Agent,decide,75,GBP,case,,,lead,Lead,"'=cmd|"" /C calc""!A0",Decides up to £75 per case,Retail ops,Head of retail,2026-01-01,2026-06-01,https://playbook.example.com/hp/boundaries/refund/\r\n` +
        `refund,"'@Refund",Refund a purchase,lead,Lead,consult,250,GBP,customer-day,,,manager,Manager,,"Consults Manager first, then decides up to £250 per customer per day",Retail ops,Head of retail,2026-01-01,2026-06-01,https://playbook.example.com/hp/boundaries/refund/\r\n` +
        `refund,"'@Refund",Refund a purchase,manager,Manager,decide,,,,,,director,Director,,"Decides, no monetary limit",Retail ops,Head of retail,2026-01-01,2026-06-01,https://playbook.example.com/hp/boundaries/refund/\r\n`,
    );
  });

  it('as JSON: the same rows keyed by column, null where the CSV cell is empty', () => {
    const json = JSON.parse(registerJson(rows, { playbook: 'T', asOf: '2026-11-23' })) as {
      version: number;
      columns: string[];
      rows: Record<string, unknown>[];
    };
    expect(json.version).toBe(1);
    expect(json.columns).toEqual(REGISTER_COLUMNS.map((column) => column.key));
    expect(json.rows).toEqual(rows);
    expect(json.rows[0]!.conditions).toBe('=cmd|" /C calc"!A0');
    expect(json.rows[2]!.limit).toBeNull();
    expect(registerJson([], { playbook: 'T', asOf: '2026-11-23' })).toBe(
      `{"version":1,"playbook":"T","asOf":"2026-11-23","columns":${JSON.stringify(json.columns)},"rows":[]}\n`,
    );
  });

  it('gives a path with the base when the site has no address', () => {
    expect(registerRows(model, (path) => publicAddress(path, undefined, '/hp/'))[0]!.address).toBe('/hp/boundaries/refund/');
  });
});

describe('the authoring guide', () => {
  it('documents every column of the register, in order, with its heading and key', async () => {
    const guide = await readFile(new URL('../../docs/authoring.md', import.meta.url), 'utf8');
    const documented = [...guide.matchAll(/^\| ([A-Z][a-z ]+) \| `(\w+)` \|/gm)].map((match) => [match[1], match[2]]);
    expect(documented).toEqual(REGISTER_COLUMNS.map((column) => [column.heading, column.key]));
  });
});
