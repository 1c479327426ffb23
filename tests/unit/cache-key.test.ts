/**
 * Page cache keys: the same model gives the same key, a change a page can
 * show gives a new one, and keys for a whole playbook cost as much as its
 * links (an entry linked from everywhere is digested once).
 */
import { describe, expect, it } from 'vitest';
import { entryDigest, pageCacheKey } from '../../src/lib/model/cache-key.ts';

function playbook(boundaryTitle = 'Refund a purchase', wins = 3) {
  const value = { collection: 'values', id: 'own-it', path: '/values/own-it/', title: 'Own it', wins: [] as object[] };
  const boundary = { collection: 'boundaries', id: 'refund', path: '/boundaries/refund/', title: boundaryTitle, wins: [] as object[], grants: [] as object[] };
  const role = { collection: 'roles', id: 'associate', path: '/roles/associate/', title: 'Store associate' };
  boundary.grants.push({ boundary, role, limit: { amount: 30, currency: 'GBP' } });
  const list = Array.from({ length: wins }, (_, i) => ({
    collection: 'wins',
    id: `win-${i}`,
    path: `/wins/win-${i}/`,
    title: `Win ${i}`,
    boundary,
    values: [value],
    role,
  }));
  for (const win of list) {
    boundary.wins.push(win);
    value.wins.push(win);
  }
  return { value, boundary, role, wins: list };
}

describe('pageCacheKey', () => {
  it('is the same for the same model, built twice', () => {
    expect(pageCacheKey(playbook().wins[0])).toBe(pageCacheKey(playbook().wins[0]));
    expect(pageCacheKey(playbook().boundary, { name: 'Harbour & Pine' })).toBe(pageCacheKey(playbook().boundary, { name: 'Harbour & Pine' }));
  });

  it('changes when an entry the page links to changes what it shows', () => {
    expect(pageCacheKey(playbook('Refund a purchase').wins[0])).not.toBe(pageCacheKey(playbook('Refunds').wins[0]));
    expect(pageCacheKey(playbook().value)).not.toBe(pageCacheKey(playbook(undefined, 4).value));
  });

  it('changes with the settings every page shows', () => {
    expect(pageCacheKey(playbook().role, { name: 'A' })).not.toBe(pageCacheKey(playbook().role, { name: 'B' }));
  });

  it('digests each linked entry once, however many pages link to it', () => {
    const { wins, boundary } = playbook(undefined, 2000);
    for (const win of wins) pageCacheKey(win);
    pageCacheKey(boundary);
    expect(entryDigest(boundary)).toBe(entryDigest(boundary));
  });
});
