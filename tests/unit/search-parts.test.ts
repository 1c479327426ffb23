/**
 * The search index in parts (src/lib/search/parts.ts) and the indexer that
 * writes them (src/integrations/pagefind.ts): which part an entry goes to,
 * the manifest every shard writes alike, what a shard leaves for the merge
 * and the merge itself, the search document cut from a rendered page, and
 * the per-part cache.
 */
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { indexedPageCount, PartIndexer } from '../../src/integrations/pagefind.ts';
import { partOwners } from '../../src/lib/scale/shard.ts';
import { filesIn } from '../support/built-site.ts';
import { languagePlan, tierOf } from '../../src/lib/offline/precache-plan.ts';
import { searchPartLimit } from '../../src/lib/search/part-limit.ts';
import { manifestText, partsManifest, readManifest, searchDocument, searchPartPlan, type PartSubject } from '../../src/lib/search/parts.ts';

describe('search parts', () => {
  it('puts wins in their year, everything else in core, while the playbook is under the part limit', () => {
    const partOf = searchPartPlan([
      { collection: 'boundaries', id: 'refunds' },
      { collection: 'roles', id: 'associate' },
      { collection: 'wins', id: 'w', date: '2024-02-29' },
    ]);
    expect(partOf({ collection: 'boundaries', id: 'refunds' })).toBe('core');
    expect(partOf({ collection: 'roles', id: 'associate' })).toBe('core');
    expect(partOf({ collection: 'caseStudies', id: 'later' })).toBe('core');
    expect(partOf({ collection: 'wins', id: 'w', date: '2024-02-29' })).toBe('wins-2024');
    expect(() => partOf({ collection: 'wins', id: 'x' })).toThrow('A win needs a YYYY-MM-DD date to find its search part; got "".');
    expect(() => searchPartPlan([{ collection: 'wins', id: 'x', date: '2024-13-01' }])).toThrow(
      'A win needs a YYYY-MM-DD date to find its search part; got "2024-13-01".',
    );
  });

  it('cuts a core over the limit into parts by a hash of each entry, the same for every language and whatever else comes', () => {
    const core = (n: number): PartSubject[] => Array.from({ length: n }, (_, i) => ({ collection: 'boundaries', id: `b-${i}` }));
    const sizes = (subjects: readonly PartSubject[], limit: number) => {
      const partOf = searchPartPlan(subjects, limit);
      const counts = new Map<string, number>();
      for (const subject of subjects) counts.set(partOf(subject), (counts.get(partOf(subject)) ?? 0) + 1);
      return counts;
    };
    expect([...sizes(core(100), 100).keys()]).toEqual(['core']);
    const cut = sizes(core(250), 100);
    expect([...cut.keys()].sort()).toEqual(['core', 'core-2', 'core-3']);
    for (const pages of cut.values()) expect(pages).toBeGreaterThan(50);
    // One entry's pages in two languages: counted twice, kept together.
    const twice = [...core(60), ...core(60)];
    const partOf = searchPartPlan(twice, 100);
    expect(new Set(twice.map(partOf)).size).toBe(2);
    for (let i = 0; i < 60; i++) expect(partOf(twice[i]!)).toBe(partOf(twice[60 + i]!));
    // An entry stays in its part when others are added, as long as the number of parts holds.
    const before = searchPartPlan(core(250), 100);
    const after = searchPartPlan(core(280), 100);
    for (const subject of core(250)) expect(after(subject)).toBe(before(subject));
  });

  it('cuts a year of wins over the limit into quarters, or months when a quarter is still over it', () => {
    const wins = (year: number, months: number[], each: number): PartSubject[] =>
      months.flatMap((month) =>
        Array.from({ length: each }, (_, i) => ({
          collection: 'wins' as const,
          id: `${year}-${month}-${i}`,
          date: `${year}-${String(month).padStart(2, '0')}-15`,
        })),
      );
    const subjects = [...wins(2023, [1, 2], 10), ...wins(2024, [1, 4, 7, 10], 30), ...wins(2025, [1, 2, 3], 40)];
    const partOf = searchPartPlan(subjects, 100);
    expect(partOf(subjects[0]!)).toBe('wins-2023');
    expect(partOf({ collection: 'wins', id: 'x', date: '2024-05-02' })).toBe('wins-2024-q2');
    expect(partOf({ collection: 'wins', id: 'x', date: '2024-12-31' })).toBe('wins-2024-q4');
    expect(partOf({ collection: 'wins', id: 'x', date: '2025-03-01' })).toBe('wins-2025-03');
    expect(partOf({ collection: 'wins', id: 'x', date: '2025-11-30' })).toBe('wins-2025-11');
    expect(partsManifest(subjects.map(partOf)).parts.map((part) => part.id)).toEqual([
      'core',
      'wins-2025-03',
      'wins-2025-02',
      'wins-2025-01',
      'wins-2024-q4',
      'wins-2024-q3',
      'wins-2024-q2',
      'wins-2024-q1',
      'wins-2023',
    ]);
  });

  it('lists core first, then the wins newest year first, in the same bytes whatever the order it was given', () => {
    const manifest = partsManifest(['wins-2023', 'core', 'wins-2025', 'wins-2023', 'wins-2024']);
    expect(manifest).toEqual({
      version: 1,
      parts: [
        { id: 'core', kind: 'core' },
        { id: 'wins-2025', kind: 'wins', year: 2025 },
        { id: 'wins-2024', kind: 'wins', year: 2024 },
        { id: 'wins-2023', kind: 'wins', year: 2023 },
      ],
    });
    expect(manifestText(partsManifest(['wins-2024', 'wins-2023', 'wins-2025']))).toBe(manifestText(manifest));
    expect(readManifest(manifestText(manifest))).toEqual(manifest);
    expect(partsManifest([]).parts).toEqual([{ id: 'core', kind: 'core' }]);
    expect(() => partsManifest(['values'])).toThrow('"values" is not a search part: core, core-N, wins-YYYY, wins-YYYY-qN or wins-YYYY-MM.');
    expect(() => partsManifest(['core-1'])).toThrow('"core-1" is not a search part');
    expect(() => partsManifest(['wins-2024-q5'])).toThrow('"wins-2024-q5" is not a search part');
    expect(partsManifest(['core-10', 'wins-2024-q1', 'core-2', 'core']).parts.map((part) => part.id)).toEqual(['core', 'core-2', 'core-10', 'wins-2024-q1']);
    expect(() => readManifest('{"version":2,"parts":[]}')).toThrow('pagefind/parts.json is not a search parts manifest');
    expect(() =>
      readManifest(
        '{"version":1,"parts":[{"id":"core","kind":"core"},{"id":"wins-2023","kind":"wins","year":2023},{"id":"wins-2024","kind":"wins","year":2024}]}',
      ),
    ).toThrow('pagefind/parts.json does not list its parts as a build writes them (core and its other parts, then wins newest first).');
  });

  it('cuts a rendered page to its <html> tag and <main>, and leaves out a page with no data-pagefind-body', () => {
    const page = (main: string) =>
      `<!DOCTYPE html><html lang="fr-CA" data-theme="auto"><head><title>T</title><meta name="x"></head><body><header data-pagefind-ignore>Skip</header>${main}<footer>F</footer></body></html>`;
    expect(searchDocument(page('<main id="main" tabindex="-1" data-pagefind-body><h1>Hi</h1></main>'))).toBe(
      '<!doctype html><html lang="fr-CA" data-theme="auto"><head></head><body><main id="main" tabindex="-1" data-pagefind-body><h1>Hi</h1></main></body></html>',
    );
    // The entry's search record goes first inside <main>: the page itself does not carry it.
    expect(
      searchDocument(
        page('<main id="main" data-pagefind-body><h1>Hi</h1></main>'),
        '<div hidden data-pagefind-ignore><span data-pagefind-filter="type:Win"></span></div>',
      ),
    ).toBe(
      '<!doctype html><html lang="fr-CA" data-theme="auto"><head></head><body><main id="main" data-pagefind-body><div hidden data-pagefind-ignore><span data-pagefind-filter="type:Win"></span></div><h1>Hi</h1></main></body></html>',
    );
    expect(searchDocument(page('<main id="main" tabindex="-1"><h1>Retired</h1></main>'))).toBeUndefined();
    expect(searchDocument('<html><body><p>no main</p></body></html>')).toBeUndefined();
  });
});

describe('every part offline', () => {
  it('precaches the core part (and its other parts) with the engine and the boundaries and roles, each part of wins with the wins', () => {
    expect(tierOf('pagefind/parts.json')).toBe('core');
    expect(tierOf('pagefind/core/pagefind.js')).toBe('core');
    expect(tierOf('pagefind/core/wasm.en-gb.pagefind')).toBe('core');
    expect(tierOf('pagefind/core/pagefind-entry.json')).toBe('core');
    expect(tierOf('pagefind/core/pagefind.en-gb_1a2b.pf_meta')).toBe('core');
    for (const folder of ['index', 'fragment', 'filter']) expect(tierOf(`pagefind/core/${folder}/en-gb_1a2b.pf_${folder}`)).toBe('boundaries-and-roles');
    for (const file of [
      'pagefind-entry.json',
      'pagefind.en-gb_1a2b.pf_meta',
      'index/en-gb_1.pf_index',
      'fragment/en-gb_1.pf_fragment',
      'filter/en-gb_1.pf_filter',
    ])
      for (const part of ['wins-2024', 'wins-2024-q3', 'wins-2024-07']) expect(tierOf(`pagefind/${part}/${file}`)).toBe('case-studies-and-wins');
    // A core cut into parts: each part's page list with the engine, its index with the boundaries and roles, as the core's.
    expect(tierOf('pagefind/core-2/pagefind-entry.json')).toBe('core');
    expect(tierOf('pagefind/core-2/pagefind.en-gb_1a2b.pf_meta')).toBe('core');
    for (const folder of ['index', 'fragment', 'filter']) expect(tierOf(`pagefind/core-12/${folder}/en-gb_1a2b.pf_${folder}`)).toBe('boundaries-and-roles');
  });

  it("keeps each language's files of every part for that language's worker", () => {
    const files = ['pagefind/parts.json', 'pagefind/core/pagefind.js', 'pagefind/core/wasm.fr-ca.pagefind', 'pagefind/core/wasm.en-gb.pagefind']
      .concat(
        ['core', 'wins-2025'].flatMap((part) =>
          ['en-gb', 'fr-ca'].flatMap((key) => [`pagefind/${part}/pagefind.${key}_1.pf_meta`, `pagefind/${part}/fragment/${key}_1.pf_fragment`]),
        ),
      )
      .map((path) => ({ path, size: 100 }));
    const french = languagePlan(files, { prefix: 'fr-ca', otherPrefixes: [], searchKey: 'fr-ca' }).files.map((file) => file.path);
    expect(french.sort()).toEqual([
      'pagefind/core/fragment/fr-ca_1.pf_fragment',
      'pagefind/core/pagefind.fr-ca_1.pf_meta',
      'pagefind/core/pagefind.js',
      'pagefind/core/wasm.fr-ca.pagefind',
      'pagefind/parts.json',
      'pagefind/wins-2025/fragment/fr-ca_1.pf_fragment',
      'pagefind/wins-2025/pagefind.fr-ca_1.pf_meta',
    ]);
  });
});

describe('the part indexer', () => {
  const dirs: string[] = [];
  const temp = async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'latitude-search-parts-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(async () => {
    await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });

  const doc = (title: string, words: string, lang = 'en-gb') =>
    `<!doctype html><html lang="${lang}"><head></head><body><main data-pagefind-body><h1>${title}</h1><p>${words}</p></main></body></html>`;
  const PAGES = [
    { url: '/boundaries/refund/', part: 'core' },
    { url: '/values/care/', part: 'core' },
    { url: '/wins/a/', part: 'wins-2024' },
    { url: '/wins/b/', part: 'wins-2025' },
  ];
  const DOCS: Record<string, string> = {
    '/boundaries/refund/': doc('Refund', 'money back'),
    '/values/care/': doc('Care', 'kindness'),
    '/wins/a/': doc('Win A', 'a kettle'),
    '/wins/b/': doc('Win B', 'a voucher'),
  };
  const render = (indexer: PartIndexer, urls = Object.keys(DOCS), docs = DOCS) => {
    indexer.expect(PAGES);
    for (const url of urls) indexer.add(url, PAGES.find((page) => page.url === url)!.part, docs[url]);
  };

  it('writes one bundle per part and the manifest; merged parts carry no engine of their own', async () => {
    const [out, cache] = [await temp(), await temp()];
    const indexer = new PartIndexer(cache, undefined);
    render(indexer);
    expect(await indexer.finish(out)).toMatchObject({ pages: 4, written: ['core', 'wins-2025', 'wins-2024'], reused: [] });
    expect(await readdir(path.join(out, 'pagefind'))).toEqual(expect.arrayContaining(['parts.json', 'core', 'wins-2024', 'wins-2025']));
    expect(await readFile(path.join(out, 'pagefind/parts.json'), 'utf8')).toBe(manifestText(partsManifest(['core', 'wins-2024', 'wins-2025'])));
    expect(await indexedPageCount(path.join(out, 'pagefind/core'))).toBe(2);
    expect(await indexedPageCount(path.join(out, 'pagefind/wins-2024'))).toBe(1);
    const core = await readdir(path.join(out, 'pagefind/core'));
    expect(core).toEqual(expect.arrayContaining(['pagefind.js', 'pagefind-entry.json', 'index', 'fragment']));
    expect(core.filter((file) => /ui|highlight/.test(file))).toEqual([]);
    const wins = await readdir(path.join(out, 'pagefind/wins-2024'));
    expect(wins.filter((file) => /\.js$|^wasm\./.test(file))).toEqual([]);
  });

  it('writes a part while pages still render, once its last page is given, and moves it into the site at the end', async () => {
    const cache = await temp();
    const indexer = new PartIndexer(cache, undefined);
    // Both core pages render; the wins are not rendered yet.
    render(indexer, ['/values/care/', '/boundaries/refund/']);
    const staged = path.join(cache, 'written/core');
    await vi.waitFor(() => readFile(path.join(staged, 'pagefind-entry.json')), { timeout: 20_000, interval: 50 });
    expect(await readdir(cache)).not.toContain('parts');
    for (const url of ['/wins/a/', '/wins/b/']) indexer.add(url, PAGES.find((page) => page.url === url)!.part, DOCS[url]);
    const out = await temp();
    expect(await indexer.finish(out)).toMatchObject({ pages: 4, written: ['core', 'wins-2025', 'wins-2024'], reused: [] });
    expect(await indexedPageCount(path.join(out, 'pagefind/core'))).toBe(2);
    expect(await readdir(path.join(cache, 'written'))).toEqual([]);
  });

  it('copies unchanged parts from the last build and indexes only a changed part, pages it did not render included', async () => {
    const cache = await temp();
    const first = new PartIndexer(cache, undefined);
    render(first);
    await first.finish(await temp());
    // Nothing rendered at all (everything restored): every part from the cache.
    const restored = new PartIndexer(cache, undefined);
    expect(await restored.finish(await temp())).toMatchObject({ written: [], reused: ['core', 'wins-2025', 'wins-2024'] });
    // One win changed: only its year is indexed again.
    const changed = new PartIndexer(cache, undefined);
    render(changed, ['/wins/b/'], { ...DOCS, '/wins/b/': doc('Win B', 'a bigger voucher') });
    const out = await temp();
    expect(await changed.finish(out)).toMatchObject({ written: ['wins-2025'], reused: ['core', 'wins-2024'] });
    expect(await indexedPageCount(path.join(out, 'pagefind/wins-2025'))).toBe(1);
  });

  it('writes into a site that has an index already: parts that did not change stay, the rest is replaced or removed', async () => {
    const [cache, out] = [await temp(), await temp()];
    const first = new PartIndexer(cache, undefined);
    render(first);
    await first.finish(out);
    // A folder made again may get the inode just freed: its change time tells it apart.
    const folder = async (part: string) => {
      const seen = await stat(path.join(out, 'pagefind', part));
      return `${seen.ino} ${seen.ctimeMs}`;
    };
    const [core, wins2024] = [await folder('core'), await folder('wins-2024')];
    await new Promise((resolve) => setTimeout(resolve, 50));
    // Not this build's: a part no build has, a file in a part that did not change, and in one that did.
    await mkdir(path.join(out, 'pagefind/wins-1999'));
    await writeFile(path.join(out, 'pagefind/wins-1999/pagefind-entry.json'), '{}');
    await writeFile(path.join(out, 'pagefind/wins-2024/stray.js'), 'x');
    await writeFile(path.join(out, 'pagefind/wins-2025/stray.js'), 'x');
    const changed = new PartIndexer(cache, undefined);
    render(changed, ['/wins/b/'], { ...DOCS, '/wins/b/': doc('Win B', 'a bigger voucher') });
    expect(await changed.finish(out)).toMatchObject({ written: ['wins-2025'], reused: ['core', 'wins-2024'] });
    expect((await readdir(path.join(out, 'pagefind'))).sort()).toEqual(['core', 'parts.json', 'wins-2024', 'wins-2025']);
    expect(await folder('core')).toBe(core);
    // wins-2024 held a file its cached copy does not: linked again from the cache, without it.
    expect(await folder('wins-2024')).not.toBe(wins2024);
    for (const part of ['wins-2024', 'wins-2025']) expect(await readdir(path.join(out, 'pagefind', part))).not.toContain('stray.js');
    expect(await indexedPageCount(path.join(out, 'pagefind/wins-2025'))).toBe(1);
    // A file where the index's folder goes is replaced by the folder.
    await rm(path.join(out, 'pagefind'), { recursive: true });
    await writeFile(path.join(out, 'pagefind'), 'not a folder');
    const again = new PartIndexer(cache, undefined);
    expect(await again.finish(out)).toMatchObject({ written: [], reused: ['core', 'wins-2025', 'wins-2024'] });
    expect((await readdir(path.join(out, 'pagefind'))).sort()).toEqual(['core', 'parts.json', 'wins-2024', 'wins-2025']);
  });

  it('feeds a changed part its unchanged pages before they would render, indexes it again when one renders with another document, and feeds nothing for a part that did not change', async () => {
    const cache = await temp();
    const first = new PartIndexer(cache, undefined);
    render(first);
    await first.finish(await temp());
    const keyed = (changed: string) => PAGES.map((page) => ({ ...page, cacheKey: page.url === changed ? 'new' : 'same' }));
    const previousKeys = new Map(PAGES.map((page) => [page.url, 'same']));
    const edited = { ...DOCS, '/boundaries/refund/': doc('Refund', 'money back, and more') };
    // What a cold build of the edited content writes for the core.
    const cold = await temp();
    const whole = new PartIndexer(await temp(), undefined);
    render(whole, Object.keys(edited), edited);
    await whole.finish(cold);
    const sameCore = async (out: string) => {
      expect(await filesIn(path.join(out, 'pagefind/core'))).toEqual(await filesIn(path.join(cold, 'pagefind/core')));
      for (const file of await filesIn(path.join(cold, 'pagefind/core')))
        expect((await readFile(path.join(out, 'pagefind/core', file))).equals(await readFile(path.join(cold, 'pagefind/core', file))), file).toBe(true);
    };
    // Only the refund boundary renders: the care value, after it in order, goes from its record, and the core is written before the end.
    const ahead = new PartIndexer(cache, undefined, previousKeys);
    ahead.expect(keyed('/boundaries/refund/'));
    ahead.add('/boundaries/refund/', 'core', edited['/boundaries/refund/']);
    await vi.waitFor(() => readFile(path.join(cache, 'written/core/pagefind-entry.json')), { timeout: 20_000, interval: 50 });
    const out = await temp();
    expect(await ahead.finish(out)).toMatchObject({ written: ['core'], reused: ['wins-2025', 'wins-2024'] });
    await sameCore(out);
    // The refund boundary changes again, and the care value, fed ahead, renders after all with another document: the core is
    // indexed again, from what rendered.
    const spoiled = new PartIndexer(cache, undefined, previousKeys);
    spoiled.expect(keyed('/boundaries/refund/'));
    const changedAgain = {
      ...edited,
      '/boundaries/refund/': doc('Refund', 'money back, and more again'),
      '/values/care/': doc('Care', 'kindness, said again'),
    };
    spoiled.add('/boundaries/refund/', 'core', changedAgain['/boundaries/refund/']);
    await vi.waitFor(() => readFile(path.join(cache, 'written/core/pagefind-entry.json')), { timeout: 20_000, interval: 50 });
    spoiled.add('/values/care/', 'core', changedAgain['/values/care/']);
    const again = await temp();
    await spoiled.finish(again);
    const caredCold = await temp();
    const caredWhole = new PartIndexer(await temp(), undefined);
    render(caredWhole, Object.keys(changedAgain), changedAgain);
    await caredWhole.finish(caredCold);
    for (const file of await filesIn(path.join(caredCold, 'pagefind/core')))
      expect((await readFile(path.join(again, 'pagefind/core', file))).equals(await readFile(path.join(caredCold, 'pagefind/core', file))), file).toBe(true);
    expect(await filesIn(path.join(again, 'pagefind/core'))).toEqual(await filesIn(path.join(caredCold, 'pagefind/core')));
    // A changed page that renders as the last build indexed it feeds nothing ahead: its part is copied from the cache.
    const same = new PartIndexer(cache, undefined, previousKeys);
    same.expect(keyed('/boundaries/refund/'));
    same.add('/boundaries/refund/', 'core', changedAgain['/boundaries/refund/']);
    expect(await same.finish(await temp())).toMatchObject({ written: [], reused: ['core', 'wins-2025', 'wins-2024'] });
  });

  it('in shards, writes each part whole in the shard that owns it: together the same files as one build', async () => {
    const whole = await temp();
    const one = new PartIndexer(await temp(), undefined);
    render(one);
    await one.finish(whole);
    const merged = await temp();
    const pages = PAGES;
    const manifests: string[] = [];
    const written: string[][] = [];
    for (const index of [1, 2, 3]) {
      const shard = { index, count: 3 };
      const out = await temp();
      const indexer = new PartIndexer(await temp(), shard);
      // A shard renders the pages of the parts it owns (the page split of src/lib/scale/shard.ts).
      const owners = partOwners(pages, 3);
      render(
        indexer,
        pages.filter((page) => owners.get(page.part) === index).map((page) => page.url),
      );
      written.push((await indexer.finish(out)).written);
      manifests.push(await readFile(path.join(out, 'pagefind/parts.json'), 'utf8'));
      await cp(out, merged, { recursive: true });
    }
    expect(new Set(manifests).size).toBe(1);
    expect(written).toEqual([['core'], ['wins-2024'], ['wins-2025']]);
    expect(await filesIn(path.join(merged, 'pagefind'))).toEqual(await filesIn(path.join(whole, 'pagefind')));
    for (const file of await filesIn(path.join(whole, 'pagefind')))
      expect((await readFile(path.join(merged, 'pagefind', file))).equals(await readFile(path.join(whole, 'pagefind', file))), file).toBe(true);
  });

  it('names the page when a shard misses a page of a part it owns', async () => {
    const out = await temp();
    const cache = await temp();
    const indexer = new PartIndexer(cache, { index: 1, count: 2 });
    render(indexer, ['/boundaries/refund/']);
    await expect(indexer.finish(out)).rejects.toThrow(
      `Search index: could not find the search record of every page. /values/care/ was not rendered in this build, and no earlier build stored its search record in ${path.join(cache, 'records')}: delete ${cache} and build again`,
    );
  });

  it('says plainly when it has nothing to go on', async () => {
    const out = await temp();
    await expect(new PartIndexer(await temp(), undefined).finish(out)).rejects.toThrow(
      `Search index: could not find the pages to index. Pagefind said: no page was rendered and no earlier build's list of pages is cached for ${out}`,
    );
  });
});

describe('the size of a search part', () => {
  it('is 5,000 pages unless PLAYBOOK_SEARCH_PART_PAGES says otherwise, and a setting that is not a number of pages is named', () => {
    expect(searchPartLimit({})).toBe(5000);
    expect(searchPartLimit({ PLAYBOOK_SEARCH_PART_PAGES: '' })).toBe(5000);
    expect(searchPartLimit({ PLAYBOOK_SEARCH_PART_PAGES: '2500' })).toBe(2500);
    expect(() => searchPartLimit({ PLAYBOOK_SEARCH_PART_PAGES: '0' })).toThrow(
      'PLAYBOOK_SEARCH_PART_PAGES must be a whole number of pages, 1 or more (such as 5000); got "0".',
    );
    expect(() => searchPartLimit({ PLAYBOOK_SEARCH_PART_PAGES: '2k' })).toThrow('got "2k".');
  });
});
