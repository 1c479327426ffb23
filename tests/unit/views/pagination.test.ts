import { describe, expect, it } from 'vitest';
import { pageCount, pagerItems, winsPagePath, WINS_PAGE_SIZE } from '../../../src/lib/views/pagination.ts';

const numbers = (items: ReturnType<typeof pagerItems>) =>
  items.map((item) => ('gap' in item ? '…' : item.current ? `[${item.page}]` : String(item.page))).join(' ');

describe('winsPagePath', () => {
  it('puts page 1 at /wins/ and later pages under /wins/page/', () => {
    expect(winsPagePath(1)).toBe('/wins/');
    expect(winsPagePath(2)).toBe('/wins/page/2/');
    expect(winsPagePath(834)).toBe('/wins/page/834/');
  });
});

describe('pagerItems', () => {
  it('shows every page of a short wall', () => {
    expect(numbers(pagerItems(1, 3))).toBe('[1] 2 3');
  });

  it('shows the pages around the current one, the ends, and gaps', () => {
    expect(numbers(pagerItems(10, 834))).toBe('1 … 8 9 [10] 11 12 … 834');
    expect(numbers(pagerItems(1, 834))).toBe('[1] 2 3 … 834');
    expect(numbers(pagerItems(834, 834))).toBe('1 … 832 833 [834]');
  });

  it('never lists all pages of a long wall', () => {
    expect(pagerItems(400, 834).length).toBeLessThanOrEqual(9);
  });

  it('does not draw a gap between neighbours', () => {
    expect(numbers(pagerItems(4, 10))).toBe('1 2 3 [4] 5 6 … 10');
  });
});

describe('pageCount', () => {
  it('counts pages of 24, with at least one', () => {
    expect(WINS_PAGE_SIZE).toBe(24);
    expect(pageCount(0)).toBe(1);
    expect(pageCount(24)).toBe(1);
    expect(pageCount(25)).toBe(2);
    expect(pageCount(20000)).toBe(834);
  });
});
