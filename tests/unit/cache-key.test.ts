/**
 * Page cache keys: the same model gives the same key, a change a page can
 * show gives a new one, and keys for a whole playbook cost as much as its
 * links (an entry linked from everywhere is digested once).
 */
import { describe, expect, it } from 'vitest';
import { boundaryRefDigests, entryDigest, pageCacheKey } from '../../src/lib/model/cache-key.ts';

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

describe('boundaryRefDigests', () => {
  /** A guideline whose body refers to the boundary with `<BoundaryRef>`, keyed as entryPaths keys it. */
  function referencingKey(
    amount: number,
    roleTitle = 'Store associate',
    html = '<p>See <latitude-boundary-ref data-id="refund"></latitude-boundary-ref>.</p>',
  ) {
    const role = { collection: 'roles', id: 'associate', path: '/roles/associate/', title: roleTitle };
    const boundary = { collection: 'boundaries', id: 'refund', path: '/boundaries/refund/', title: 'Refund a purchase', grants: [] as { role: object }[] };
    boundary.grants.push({ role, limit: { amount, currency: 'GBP' } } as { role: object });
    const source = { rendered: { html } };
    const guideline = { collection: 'guidelines', id: 'returns', path: '/guidelines/returns/', title: 'Returns', source };
    return pageCacheKey(guideline, { name: 'Harbour & Pine' }, 'en-GB', boundaryRefDigests(source, new Map([['refund', boundary]])));
  }

  it("changes the referencing page's key when only the referenced boundary's limit changes", () => {
    expect(referencingKey(30)).toBe(referencingKey(30));
    expect(referencingKey(30)).not.toBe(referencingKey(50));
  });

  it("changes it when a referenced boundary's role is renamed, and not for a body without references", () => {
    expect(referencingKey(30, 'Store associate')).not.toBe(referencingKey(30, 'Sales associate'));
    expect(referencingKey(30, undefined, '<p>No reference.</p>')).toBe(referencingKey(50, undefined, '<p>No reference.</p>'));
  });

  it('reads the references of trusted MDX, which Astro renders, from its source', () => {
    const boundary = { collection: 'boundaries', id: 'refund', path: '/boundaries/refund/', grants: [] };
    expect(boundaryRefDigests({ body: 'See <BoundaryRef id="refund" />.' }, new Map([['refund', boundary]]))).toEqual([`refund:${entryDigest(boundary)}`]);
    expect(boundaryRefDigests({ body: 'See <BoundaryRef id="gone" />.' }, new Map())).toEqual(['missing:gone']);
  });
});
