/**
 * The split of a build into shards and the merge's checks
 * (src/lib/scale/shard-manifest.ts, shard-flag.ts, merge.ts), on small
 * shard folders written here: each problem by its exact message.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pagesPrerenderer } from '../../src/integrations/shard.ts';
import { manifestText, partsManifest } from '../../src/lib/search/parts.ts';
import { collectFiles, pageProblems, readShardDirs, searchIndexProblems, shardSetProblems, type ShardDir } from '../../src/lib/scale/merge.ts';
import { buildOutDir, shardArgument, shardCacheDir, shardFromCommandLine } from '../../src/lib/scale/shard-flag.ts';
import { pageFile, pagesOfShard, parseShardManifest, SHARD_MANIFEST, type ShardManifest } from '../../src/lib/scale/shard-manifest.ts';
import { shardPlan } from '../../src/lib/scale/shard.ts';
import { expectIndexedPages, installIndexedPages, installRecordSink } from '../../src/lib/search/record-sink.ts';

describe('the --shard flag', () => {
  it('is read from the command line into LATITUDE_SHARD, checked', () => {
    expect(shardArgument(['build', '--shard', '2/4'])).toBe('2/4');
    expect(shardArgument(['build', '--shard=3/4'])).toBe('3/4');
    expect(shardArgument(['build'])).toBeUndefined();
    expect(() => shardArgument(['build', '--shard'])).toThrow('--shard takes K/N, for example --shard 1/4 (the first of four parts).');
    const env: NodeJS.ProcessEnv = {};
    expect(shardFromCommandLine(['build', '--shard', '2/4'], env)).toEqual({ index: 2, count: 4 });
    expect(env.LATITUDE_SHARD).toBe('2/4');
    expect(shardFromCommandLine(['build'], { LATITUDE_SHARD: '1/2' })).toEqual({ index: 1, count: 2 });
    expect(shardFromCommandLine(['build'], {})).toBeUndefined();
    expect(() => shardFromCommandLine(['build', '--shard', '5/4'], {})).toThrow('--shard 5/4: K counts from 1 to 4.');
  });

  it('leaves a whole build where it was, and gives each shard its own output and cache', () => {
    expect(buildOutDir(undefined, {})).toBe('./dist');
    expect(buildOutDir({ index: 2, count: 4 }, {})).toBe('./dist-shards/2-of-4');
    expect(buildOutDir({ index: 2, count: 4 }, { PLAYBOOK_OUT_DIR: '/tmp/x' })).toBe('/tmp/x');
    expect(shardCacheDir('/c/content-abc', undefined)).toBe('/c/content-abc');
    expect(shardCacheDir('/c/content-abc', { index: 2, count: 4 })).toBe(path.join('/c', 'content-abc-shard-2-of-4'));
  });
});

describe('the page split', () => {
  const paths = Array.from({ length: 300 }, (_, i) => ({ pathname: `/wins/win-${i}/` })).concat([{ pathname: '/' }, { pathname: '/404' }]);

  // The wins of two years are indexed; the home page and the 404 page are not.
  const indexed = paths.filter((p) => p.pathname.startsWith('/wins/')).map((p, i) => ({ url: p.pathname, part: i < 200 ? 'wins-2025' : 'wins-2024' }));

  it('gives every page to exactly one shard, each search part whole to one shard', () => {
    const parts = [1, 2, 3].map((index) => pagesOfShard(paths, indexed, { index, count: 3 }));
    expect(
      parts
        .flat()
        .map((p) => p.pathname)
        .sort(),
    ).toEqual(paths.map((p) => p.pathname).sort());
    // wins-2025 (200 pages) to shard 1, wins-2024 (100) to shard 2; the two other pages to shard 3, the lightest.
    expect(parts.map((part) => part.length)).toEqual([200, 100, 2]);
    expect(parts[2]!.map((p) => p.pathname)).toEqual(['/', '/404']);
    expect(pagesOfShard(paths, indexed, undefined)).toEqual(paths);
  });

  it("hands Astro's prerenderer only the shard's pages, and reports all of them", async () => {
    const route = (type: string) => ({ type }) as never;
    const all = [
      { pathname: '/', route: route('page') },
      { pathname: '/can-i.json', route: route('endpoint') },
      ...paths.slice(0, 40).map((p) => ({ ...p, route: route('page') })),
    ];
    const inner = { name: 'astro:default', getStaticPaths: async () => all, render: async () => new Response('') };
    let seen: { all: string[]; owned: { path: string; file: string }[] } | undefined;
    const wrapped = pagesPrerenderer(inner, { index: 1, count: 2 }, new Map(), (everything, owned) => (seen = { all: everything, owned }));
    const some = indexed.slice(0, 40);
    installIndexedPages(async () => some);
    const kept = await wrapped.getStaticPaths();
    const plan = shardPlan(
      all.map((p) => p.pathname),
      some,
      2,
    );
    // The shard's pages, the search index's first (renderOrder).
    const mine = all.filter((p) => plan.get(p.pathname) === 1);
    const inIndex = new Set(some.map((page) => page.url));
    expect(kept.map((p) => p.pathname)).toEqual(
      [...mine.filter((p) => inIndex.has(p.pathname)), ...mine.filter((p) => !inIndex.has(p.pathname))].map((p) => p.pathname),
    );
    expect(kept.length).toBeGreaterThan(0);
    expect(seen!.all).toEqual(all.map((p) => p.pathname));
    expect(seen!.owned.map((p) => p.path)).toEqual(kept.map((p) => p.pathname));
  });

  it("hands a whole build's prerenderer every page, the search index's first and the pages kept from the last build last", async () => {
    const route = { type: 'page' } as never;
    const all = [
      { pathname: '/', route },
      { pathname: '/wins/a/', route, cacheKey: 'a' },
      { pathname: '/wins/b/', route, cacheKey: 'b2' },
    ];
    const inner = { name: 'astro:default', getStaticPaths: async () => all, render: async () => new Response('') };
    installIndexedPages(async () => [
      { url: '/wins/a/', part: 'wins-2024' },
      { url: '/wins/b/', part: 'wins-2024' },
    ]);
    const wrapped = pagesPrerenderer(
      inner,
      undefined,
      new Map([
        ['/wins/a/', 'a'],
        ['/wins/b/', 'b1'],
      ]),
      () => undefined,
    );
    expect((await wrapped.getStaticPaths()).map((p) => p.pathname)).toEqual(['/wins/b/', '/', '/wins/a/']);
    // Without the model's list of indexed pages, a whole build renders every page in Astro's order; a shard cannot be split.
    installIndexedPages(undefined);
    expect((await wrapped.getStaticPaths()).map((p) => p.pathname)).toEqual(['/', '/wins/a/', '/wins/b/']);
    await expect(pagesPrerenderer(inner, { index: 1, count: 2 }, new Map(), () => undefined).getStaticPaths()).rejects.toThrow(
      'The playbook model did not say which pages the search index holds, so the pages cannot be split into shards.',
    );
  });

  it('tells the search indexer every page as soon as the model lists them, before the routes are done, and only once', async () => {
    const route = { type: 'page' } as never;
    const pages = [
      { url: '/wins/a/', part: 'wins-2024' },
      { url: '/values/v/', part: 'core' },
    ];
    const told: (readonly { url: string }[])[] = [];
    const sink = { expect: (list: readonly { url: string }[]) => void told.push(list), add: () => undefined };
    installIndexedPages(undefined);
    installRecordSink(sink);
    let listed!: () => void;
    const inner = {
      name: 'astro:default',
      // The routes import the model (which installs the list), then take a while to list their pages.
      getStaticPaths: async () => {
        installIndexedPages(async () => pages);
        await new Promise<void>((resolve) => (listed = resolve));
        return [{ pathname: '/wins/a/', route }];
      },
      render: async () => new Response(''),
    };
    try {
      const paths = pagesPrerenderer(inner, undefined, new Map(), () => undefined).getStaticPaths();
      await vi.waitFor(() => expect(told).toEqual([pages]));
      listed();
      expect((await paths).map((p) => p.pathname)).toEqual(['/wins/a/']);
      // The first page's middleware asks too: the same answer, and the indexer is not told again.
      expect(await expectIndexedPages(sink, async () => [])).toEqual(
        new Map([
          ['/wins/a/', 'wins-2024'],
          ['/values/v/', 'core'],
        ]),
      );
      expect(told).toHaveLength(1);
    } finally {
      installRecordSink(undefined);
      installIndexedPages(undefined);
    }
  });

  it("names each page's file as Astro writes it (build.format: directory)", () => {
    expect(pageFile('/', false)).toBe('index.html');
    expect(pageFile('/boundaries/refund/', false)).toBe('boundaries/refund/index.html');
    expect(pageFile('/can-i', false)).toBe('can-i/index.html');
    expect(pageFile('/404', false)).toBe('404.html');
    expect(pageFile('/fr-ca/404', false)).toBe('fr-ca/404/index.html');
    expect(pageFile('/can-i.json', true)).toBe('can-i.json');
    expect(pageFile('/can-i/shift-lead.json', true)).toBe('can-i/shift-lead.json');
  });

  it('reads a manifest, and says what is wrong with one that is not', () => {
    const manifest: ShardManifest = { format: 1, shard: '1/2', today: '2026-11-23', base: '/', pages: [{ path: '/', file: 'index.html' }], allPages: ['/'] };
    expect(parseShardManifest(JSON.stringify(manifest))).toEqual(manifest);
    expect(() => parseShardManifest('{')).toThrow('it is not JSON');
    expect(() => parseShardManifest('{"format":2}')).toThrow('it has no "format": 1');
    expect(() => parseShardManifest(JSON.stringify({ ...manifest, pages: ['/'] }))).toThrow('"pages" is not a list of pages');
  });
});

describe('the merge', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'latitude-merge-'));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  const ALL = ['/', '/a/', '/b/', '/c.json'];
  const fileOf = (page: string) => pageFile(page, page.endsWith('.json'));

  /** A shard's folder: its pages (each file holding its path), shared files, and its manifest. */
  async function shard(index: number, count: number, pages: string[], options: { files?: Record<string, string>; manifest?: Partial<ShardManifest> } = {}) {
    const name = `s${index}`;
    const dir = path.join(root, name);
    const files: Record<string, string> = { '_astro/site.css': 'body{}', ...Object.fromEntries(pages.map((page) => [fileOf(page), page])), ...options.files };
    for (const [file, text] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await writeFile(path.join(dir, file), text);
    }
    const manifest: ShardManifest = {
      format: 1,
      shard: `${index}/${count}`,
      today: '2026-11-23',
      base: '/',
      pages: pages.map((page) => ({ path: page, file: fileOf(page) })),
      allPages: ALL,
      ...options.manifest,
    };
    await writeFile(path.join(dir, SHARD_MANIFEST), JSON.stringify(manifest));
    return { name, dir };
  }

  async function read(dirs: { name: string; dir: string }[]): Promise<ShardDir[]> {
    const { shards, problems } = await readShardDirs(dirs);
    expect(problems).toEqual([]);
    return shards;
  }

  it('accepts shards that make one site, keeping one copy of shared files', async () => {
    const shards = await read([await shard(1, 2, ['/', '/a/']), await shard(2, 2, ['/b/', '/c.json'])]);
    expect(shardSetProblems(shards)).toEqual([]);
    expect(pageProblems(shards)).toEqual([]);
    const files = await collectFiles(shards);
    expect(files.problems).toEqual([]);
    expect([...files.from.keys()].sort()).toEqual(['_astro/site.css', 'a/index.html', 'b/index.html', 'c.json', 'index.html']);
    expect(files.from.get('_astro/site.css')!.name).toBe('s1');
  });

  it('refuses a folder that is not a shard', async () => {
    await mkdir(path.join(root, 'plain'));
    await writeFile(path.join(root, 'bad.json'), '');
    await mkdir(path.join(root, 'broken'));
    await writeFile(path.join(root, 'broken', SHARD_MANIFEST), '{');
    const { problems } = await readShardDirs(['plain', 'missing', 'broken', 'bad.json'].map((name) => ({ name, dir: path.join(root, name) })));
    expect(problems).toEqual([
      'plain: no latitude-shard.json, so it is not the output of a shard build (npm run build -- --shard K/N).',
      'missing: no such folder.',
      `${path.join('broken', 'latitude-shard.json')}: not a shard manifest (it is not JSON).`,
      'bad.json: not a folder.',
    ]);
  });

  it('wants every shard once, of one split, built for the same date, base and pages', async () => {
    const one = await shard(1, 3, ['/', '/a/']);
    const again = { ...one, name: 'copy-of-s1' };
    expect(shardSetProblems(await read([one, again]))).toEqual([
      'Shard 1/3 is given twice: s1 and copy-of-s1.',
      'Shard 2/3 is missing: give the merge every shard’s output folder.',
      'Shard 3/3 is missing: give the merge every shard’s output folder.',
    ]);
    const other = await shard(2, 2, ['/b/']);
    expect(shardSetProblems(await read([one, other]))).toEqual(['shard 2/2 (s2) and shard 1/3 (s1) are parts of different splits (2 and 3 shards).']);
    const first = await shard(1, 2, ['/', '/a/']);
    const late = await shard(2, 2, ['/b/', '/c.json'], { manifest: { today: '2026-11-24', base: '/playbook/', allPages: ['/', '/a/', '/b/'] } });
    expect(shardSetProblems(await read([first, late]))).toEqual([
      'shard 2/2 (s2) was built for 2026-11-24, shard 1/2 (s1) for 2026-11-23: build every shard with the same PLAYBOOK_TODAY.',
      'shard 2/2 (s2) was built for the base path /playbook/, shard 1/2 (s1) for /: build every shard with the same PLAYBOOK_BASE.',
      'shard 2/2 (s2) and shard 1/2 (s1) list different pages for the whole site: build every shard from the same content and code.',
    ]);
    expect(shardSetProblems([])).toEqual(['No shard folders to merge: name each shard’s output folder.']);
  });

  it('names a page no shard built, and a page two shards built', async () => {
    const shards = await read([await shard(1, 2, ['/', '/a/']), await shard(2, 2, ['/a/', '/c.json'])]);
    expect(pageProblems(shards)).toEqual(['Page /a/ was built by two shards: shard 1/2 (s1) and shard 2/2 (s2).', 'Page /b/ was built by no shard.']);
  });

  it('names a file two shards wrote with different bytes, and a page whose file is missing', async () => {
    const first = await shard(1, 2, ['/', '/a/'], { files: { '_astro/site.css': 'body{color:red}' } });
    const second = await shard(2, 2, ['/b/', '/c.json']);
    await rm(path.join(second.dir, 'c.json'));
    const files = await collectFiles(await read([first, second]));
    expect(files.problems).toEqual([
      `${path.join('s2', 'c.json')}: missing, though shard 2/2 (s2) says it built /c.json.`,
      '_astro/site.css: shard 1/2 (s1) and shard 2/2 (s2) wrote different bytes.',
    ]);
  });

  it('leaves out what it is told to', async () => {
    const shards = await read([
      await shard(1, 2, ['/', '/a/'], { files: { 'pagefind/pagefind-entry.json': '{"one":1}' } }),
      await shard(2, 2, ['/b/', '/c.json'], { files: { 'pagefind/pagefind-entry.json': '{"two":2}' } }),
    ]);
    const files = await collectFiles(shards, (file) => file.startsWith('pagefind/'));
    expect(files.problems).toEqual([]);
    expect([...files.from.keys()].some((file) => file.startsWith('pagefind/'))).toBe(false);
  });

  describe('with the search index in parts', () => {
    const PARTS = manifestText(partsManifest(['core', 'wins-2025', 'wins-2026']));

    const entry = (id: string) => ({ [`pagefind/${id}/pagefind-entry.json`]: '{}' });

    it('wants the same list in every shard and each part from exactly one shard', async () => {
      const shards = await read([
        await shard(1, 2, ['/', '/a/'], { files: { 'pagefind/parts.json': PARTS, ...entry('core') } }),
        await shard(2, 2, ['/b/', '/c.json'], { files: { 'pagefind/parts.json': PARTS, ...entry('wins-2025'), ...entry('wins-2026') } }),
      ]);
      expect(await searchIndexProblems(shards)).toEqual([]);
      await Promise.all(['s1', 's2'].map((name) => rm(path.join(root, name), { recursive: true })));
      const wrong = await read([
        await shard(1, 2, ['/', '/a/'], { files: { 'pagefind/parts.json': PARTS, ...entry('core'), ...entry('wins-2026') } }),
        await shard(2, 2, ['/b/', '/c.json'], { files: { 'pagefind/parts.json': PARTS, ...entry('wins-2026') } }),
      ]);
      expect(await searchIndexProblems(wrong)).toEqual([
        'Search index part "wins-2026" (pagefind/wins-2026/) was written by more than one shard: shard 1/2 (s1) and shard 2/2 (s2).',
        'Search index part "wins-2025" (pagefind/wins-2025/) is in no shard: build every shard from the same content and code.',
      ]);
    });

    it('names a shard without the list, or with another list', async () => {
      const missing = await read([await shard(1, 2, ['/', '/a/'], { files: { 'pagefind/parts.json': PARTS } }), await shard(2, 2, ['/b/', '/c.json'])]);
      expect(await searchIndexProblems(missing)).toEqual([`${path.join('s2', 'pagefind/parts.json')}: missing, though shard 1/2 (s1) has one.`]);
      await Promise.all(['s1', 's2'].map((name) => rm(path.join(root, name), { recursive: true })));
      const none = await read([await shard(1, 2, ['/', '/a/']), await shard(2, 2, ['/b/', '/c.json'])]);
      expect(await searchIndexProblems(none)).toEqual([
        `${path.join('s1', 'pagefind/parts.json')}: missing, so the shard holds no search index to merge; build it again.`,
        `${path.join('s2', 'pagefind/parts.json')}: missing, so the shard holds no search index to merge; build it again.`,
      ]);
      await Promise.all(['s1', 's2'].map((name) => rm(path.join(root, name), { recursive: true })));
      const other = await read([
        await shard(1, 2, ['/', '/a/'], { files: { 'pagefind/parts.json': PARTS } }),
        await shard(2, 2, ['/b/', '/c.json'], { files: { 'pagefind/parts.json': '["core"]' } }),
      ]);
      expect(await searchIndexProblems(other)).toEqual(['pagefind/parts.json: shard 1/2 (s1) and shard 2/2 (s2) list different parts.']);
    });

    it('reads the list with the one reader of it, and names a list that is not one', async () => {
      await Promise.all(['s1', 's2'].map((name) => rm(path.join(root, name), { recursive: true, force: true })));
      const list = async (text: string) =>
        searchIndexProblems(
          await read([
            await shard(1, 2, ['/', '/a/'], { files: { 'pagefind/parts.json': text, ...entry('core') } }),
            await shard(2, 2, ['/b/', '/c.json'], { files: { 'pagefind/parts.json': text, ...entry('wins-2025'), ...entry('wins-2026') } }),
          ]),
        );
      expect(await list(PARTS)).toEqual([]);
      await Promise.all(['s1', 's2'].map((name) => rm(path.join(root, name), { recursive: true })));
      expect(await list('{}')).toEqual([
        `${path.join('s1', 'pagefind/parts.json')}: pagefind/parts.json is not a search parts manifest (version 1, core first).`,
      ]);
      await Promise.all(['s1', 's2'].map((name) => rm(path.join(root, name), { recursive: true })));
      expect(await list('{"version":1,"parts":[{"id":"core","kind":"core"},{"id":"../x","kind":"wins"}]}')).toEqual([
        `${path.join('s1', 'pagefind/parts.json')}: "../x" is not a search part: core, core-N, wins-YYYY, wins-YYYY-qN or wins-YYYY-MM.`,
      ]);
    });
  });
});
