import { describe, expect, it } from 'vitest';
import { matrixCategories, matrixColumns, matrixRows } from '../../../src/lib/views/boundary-matrix.ts';
import { columnVisible, rowVisible } from '../../../src/lib/views/matrix-filter.ts';

const role = (id: string, team: string | undefined, depth: number, grants = 1) => ({
  id,
  title: id,
  team,
  chainAbove: Array.from({ length: depth }),
  grants: Array.from({ length: grants }),
});

describe('matrixColumns', () => {
  it('keeps roles with grants, by team, front line first', () => {
    const columns = matrixColumns([
      role('manager', 'Stores', 1),
      role('idle', 'Stores', 3, 0),
      role('associate', 'Stores', 2),
      role('agent', 'Contact', 1),
      role('ceo', undefined, 0),
    ]);
    expect(columns.map((c) => c.id)).toEqual(['agent', 'associate', 'manager', 'ceo']);
  });
});

describe('matrixRows', () => {
  it('puts each grant under its role and leaves gaps empty', () => {
    const a = role('a', 'T', 1);
    const b = role('b', 'T', 0);
    const grant = { role: b, authority: 'decide' };
    const rows = matrixRows<typeof b, typeof grant, { id: string; grants: (typeof grant)[] }>([{ id: 'refund', grants: [grant] }], [a, b]);
    expect(rows[0]!.cells.map((cell) => cell?.authority)).toEqual([undefined, 'decide']);
  });
});

describe('matrixCategories', () => {
  it('lists categories once, sorted, with uncategorised last as Other', () => {
    expect(matrixCategories([{ category: 'Returns' }, {}, { category: 'Billing' }, { category: 'Returns' }])).toEqual(['Billing', 'Returns', 'Other']);
  });
});

describe('matrix filter', () => {
  const row = { category: 'Returns', roles: ['associate', 'lead'] };

  it('shows everything with no filter', () => {
    expect(rowVisible(row, { role: '', category: '' })).toBe(true);
    expect(columnVisible('manager', { role: '', category: '' })).toBe(true);
  });

  it('filters rows by category', () => {
    expect(rowVisible(row, { role: '', category: 'Returns' })).toBe(true);
    expect(rowVisible(row, { role: '', category: 'Billing' })).toBe(false);
  });

  it('with a role, shows only its column and the boundaries it holds', () => {
    expect(rowVisible(row, { role: 'lead', category: '' })).toBe(true);
    expect(rowVisible(row, { role: 'manager', category: '' })).toBe(false);
    expect(columnVisible('lead', { role: 'lead', category: '' })).toBe(true);
    expect(columnVisible('manager', { role: 'lead', category: '' })).toBe(false);
  });

  it('combines both', () => {
    expect(rowVisible(row, { role: 'lead', category: 'Billing' })).toBe(false);
  });
});
