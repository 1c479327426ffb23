/**
 * Page cache keys: the same model gives the same key, a change a page can
 * show gives a new one, and keys for a whole playbook cost as much as its
 * links (an entry linked from everywhere is digested once). An entry page's
 * key also covers what its pager shows of its neighbours, and the ladder's
 * pages (a role's card, "Can I…?", self-check; the matrix) everything but
 * what a win or case study says.
 */
import { describe, expect, it } from 'vitest';
import { entryDigest, pageCacheKey } from '../../src/lib/model/cache-key.ts';
import { entryPageKey, ladderDigest } from '../../src/lib/views/page-keys.ts';

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

  it('changes with what a set or a map holds, not only with its fields (it has none)', () => {
    const shown = (untranslated: string[], names: [string, string][]) =>
      pageCacheKey({ ...playbook().role, translation: { untranslated: new Set(untranslated) }, names: new Map(names) });
    const base = shown(['title'], [['en', 'Store associate']]);
    expect(shown(['title'], [['en', 'Store associate']])).toBe(base);
    expect(shown(['title', 'summary'], [['en', 'Store associate']])).not.toBe(base);
    expect(shown(['title'], [['en', 'Sales associate']])).not.toBe(base);
  });

  it('changes when an entry the page’s entry links to changes, however deep in its fields the link is', () => {
    const key = (limit: number) => {
      const book = playbook();
      Object.assign(book.role, { title: `Up to ${limit}` });
      return pageCacheKey(book.boundary);
    };
    expect(key(30)).toBe(key(30));
    expect(key(30)).not.toBe(key(40));
  });

  it('digests each linked entry once, however many pages link to it', () => {
    const { wins, boundary } = playbook(undefined, 2000);
    for (const win of wins) pageCacheKey(win);
    pageCacheKey(boundary);
    expect(entryDigest(boundary)).toBe(entryDigest(boundary));
  });
});

describe('entryPageKey', () => {
  /** Five wins newest first, each under its own boundary, so a win reaches no other through its links. */
  function wins(change: (list: ReturnType<typeof win>[]) => ReturnType<typeof win>[] = (list) => list) {
    const list = change(Array.from({ length: 5 }, (_, i) => win(i)));
    return { wins: list, values: [], roles: [], guidelines: [], boundaries: [], caseStudies: [] };
  }
  function win(i: number, title = `Win ${i}`) {
    const boundary = { collection: 'boundaries', id: `b-${i}`, path: `/boundaries/b-${i}/`, title: `Boundary ${i}` };
    return {
      collection: 'wins' as const,
      id: `win-${i}`,
      path: `/wins/win-${i}/`,
      title,
      boundary,
      translation: { untranslated: new Set<string>(), sourceLanguage: 'en' },
    };
  }
  // The model's entries are richer; a page key reads only what the page shows, and these fields are what this test varies.
  const keys = (playbook: ReturnType<typeof wins>) =>
    new Map(
      playbook.wins.map((entry) => [
        entry.id,
        entryPageKey(playbook as unknown as Parameters<typeof entryPageKey>[0], entry as never, { name: 'Harbour & Pine' }),
      ]),
    );

  it("changes for the removed win's neighbours, whose pagers pointed at it, and for no other page", () => {
    const before = keys(wins());
    const after = keys(wins((list) => list.filter((entry) => entry.id !== 'win-2')));
    expect([...after].filter(([id, key]) => before.get(id) !== key).map(([id]) => id)).toEqual(['win-1', 'win-3']);
  });

  it('changes for a retitled win and its neighbours, whose pagers show its title, and for no other page', () => {
    const before = keys(wins());
    const after = keys(wins((list) => list.map((entry, at) => (at === 2 ? win(2, 'A better title') : entry))));
    expect([...after].filter(([id, key]) => before.get(id) !== key).map(([id]) => id)).toEqual(['win-1', 'win-2', 'win-3']);
  });

  it("changes when a neighbour's title is left in the base language on a translated page", () => {
    const translated = wins();
    const untranslated = wins((list) =>
      list.map((entry, at) => (at === 1 ? { ...entry, translation: { untranslated: new Set(['title']), sourceLanguage: 'en' } } : entry)),
    );
    expect(keys(untranslated).get('win-0')).not.toBe(keys(translated).get('win-0'));
  });
});

describe('ladderDigest', () => {
  /** A playbook as the ladder's pages see it, with `change` applied to a fresh copy. */
  function ladder(change: (book: ReturnType<typeof playbook>) => void = () => undefined, today = '2026-11-23') {
    const book = playbook();
    change(book);
    const pages = { values: [book.value], roles: [book.role], guidelines: [], boundaries: [book.boundary] };
    return ladderDigest({ today, pages } as unknown as Parameters<typeof ladderDigest>[0]);
  }

  it('is the same for the same playbook, and for a win whose words changed', () => {
    expect(ladder()).toBe(ladder());
    expect(ladder((book) => Object.assign(book.wins[1]!, { title: 'A better title', impact: 'More words' }))).toBe(ladder());
  });

  it('changes with a limit, a role, a value, the build date, and a win added or removed', () => {
    const base = ladder();
    const changed = [
      ladder((book) => Object.assign(book.boundary.grants[0]!, { limit: { amount: 90, currency: 'GBP' } })),
      ladder((book) => Object.assign(book.role, { title: 'Sales associate' })),
      ladder((book) => Object.assign(book.value, { title: 'Own the outcome' })),
      ladder(undefined, '2026-11-24'),
      ladder((book) => book.boundary.wins.pop()),
    ];
    for (const digest of changed) expect(digest).not.toBe(base);
    expect(new Set(changed).size).toBe(changed.length);
  });
});
