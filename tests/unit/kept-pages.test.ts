/**
 * A rebuild leaves unchanged pages in the output folder
 * (src/integrations/kept-pages.ts): which ones it may keep, and which it
 * removes after the build. The integration rests on Astro's incremental
 * manifest, its file name and its shape; the first test holds them to the
 * installed Astro.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { INCREMENTAL_MANIFEST_FILE, lastPageKeys } from '../../src/integrations/kept-pages.ts';
import { manifestCacheKeys, manifestOutputFiles, manifestPages, noteMatches, pagesToKeep, stalePages } from '../../src/lib/scale/kept-pages.ts';
import { pagesToFeedAhead, partChangedForSure, renderOrder } from '../../src/lib/search/feed-ahead.ts';
import { PROJECT_ROOT } from '../support/build-playbook.ts';

describe('pages kept in the output folder between builds', () => {
  it("uses the installed Astro's manifest file, and Astro leaves a page already in the folder when emptyOutDir is off", () => {
    const incremental = readFileSync(path.join(PROJECT_ROOT, 'node_modules/astro/dist/core/build/incremental.js'), 'utf8');
    expect(incremental).toContain(`const INCREMENTAL_CACHE_FILE = ${JSON.stringify(INCREMENTAL_MANIFEST_FILE)};`);
    expect(incremental).toContain('const pathEntry = { cacheKey, outputFile };');
    const staticBuild = readFileSync(path.join(PROJECT_ROOT, 'node_modules/astro/dist/core/build/static-build.js'), 'utf8');
    expect(staticBuild).toContain('if (settings.config?.vite?.build?.emptyOutDir !== false) {');
    const generate = readFileSync(path.join(PROJECT_ROOT, 'node_modules/astro/dist/core/build/generate.js'), 'utf8');
    expect(generate).toContain('const existsInDist = nodeFs.existsSync(outFile);');
  });

  it("reads the manifest's output files, decoded, and nothing from text that is not a manifest", () => {
    const manifest = {
      version: 1,
      routes: {
        'src/pages/wins/[id].astro': {
          dependencyHash: 'x',
          paths: {
            '/wins/a/': { cacheKey: 'k1', outputFile: 'wins/a/index.html' },
            '/wins/%C3%A9t%C3%A9/': { cacheKey: 'k2', outputFile: 'wins/%C3%A9t%C3%A9/index.html' },
            '/wins/bad/': { cacheKey: 'k3', outputFile: '%E0%A4%A' },
            '/wins/none/': { cacheKey: 'k4' },
          },
        },
        'src/pages/values/[id].astro': { paths: { '/values/v/': { cacheKey: 'k', outputFile: 'values/v/index.html' } } },
      },
    };
    expect([...manifestOutputFiles(JSON.stringify(manifest))].sort()).toEqual(['values/v/index.html', 'wins/a/index.html', 'wins/été/index.html']);
    expect(manifestOutputFiles('{"truncated')).toEqual(new Set());
    expect(manifestOutputFiles('null')).toEqual(new Set());
    expect(manifestOutputFiles('{"routes":3}')).toEqual(new Set());
  });

  it("keeps pages only when the note names this folder and the manifest's time as it is now", () => {
    const note = { outDir: '/site/dist', manifestMtimeMs: 1000.5 };
    expect(noteMatches(note, '/site/dist', 1000.5)).toBe(true);
    expect(noteMatches(note, '/site/other', 1000.5)).toBe(false); // the same cache last built another folder
    expect(noteMatches(note, '/site/dist', 2000)).toBe(false); // a build since wrote the manifest but never finished
    expect(noteMatches(note, '/site/dist', undefined)).toBe(false);
    expect(noteMatches(undefined, '/site/dist', 1000.5)).toBe(false);
  });

  it('keeps a page the manifest lists and no newer than it; every other file goes', () => {
    const listed = new Set(['wins/a/index.html', 'wins/b/index.html', 'wins/c/index.html']);
    const files = [
      { path: 'wins/a/index.html', mtimeMs: 900 },
      { path: 'wins/b/index.html', mtimeMs: 1000 },
      { path: 'wins/c/index.html', mtimeMs: 1001 }, // written by a build that stopped before its manifest
      { path: 'roles/r/index.html', mtimeMs: 900 }, // no cache key: rendered every build
      { path: '_astro/page.css', mtimeMs: 900 },
    ];
    expect([...pagesToKeep(files, listed, 1000)].sort()).toEqual(['wins/a/index.html', 'wins/b/index.html']);
  });

  it('removes after the build the kept pages it did not make', () => {
    const kept = new Set(['wins/a/index.html', 'wins/gone/index.html', 'values/v/index.html']);
    const built = new Set(['wins/a/index.html', 'values/v/index.html', 'roles/r/index.html']);
    expect(stalePages(kept, built)).toEqual(['wins/gone/index.html']);
    expect(stalePages(new Set(), built)).toEqual([]);
  });

  it("reads each keyed page's cache key from the manifest, by address", () => {
    const manifest = {
      routes: {
        'src/pages/wins/[id].astro': { paths: { '/wins/a/': { cacheKey: 'k1', outputFile: 'wins/a/index.html' }, '/wins/b/': { outputFile: 'x' } } },
        'src/pages/values/[id].astro': { paths: { '/values/v/': { cacheKey: 'k2', outputFile: 'values/v/index.html' } } },
      },
    };
    expect(manifestCacheKeys(JSON.stringify(manifest))).toEqual(
      new Map([
        ['/wins/a/', 'k1'],
        ['/values/v/', 'k2'],
      ]),
    );
    expect(manifestCacheKeys('')).toEqual(new Map());
  });

  it('reads output files and keys in one pass, as the two readings give them', () => {
    const manifest = JSON.stringify({
      routes: {
        'src/pages/wins/[id].astro': {
          paths: { '/wins/a/': { cacheKey: 'ka', outputFile: 'wins/a/index.html' }, '/wins/b/': { outputFile: 'wins/%E2%80%A6/index.html' } },
        },
        'src/pages/index.astro': { paths: { '/': { cacheKey: 'k', outputFile: '%E0%A4%A' } } },
      },
    });
    const pages = manifestPages(manifest);
    expect(pages.outputFiles).toEqual(manifestOutputFiles(manifest));
    expect(pages.cacheKeys).toEqual(manifestCacheKeys(manifest));
    expect([...pages.outputFiles].sort()).toEqual(['wins/a/index.html', 'wins/…/index.html']);
    expect(pages.cacheKeys).toEqual(
      new Map([
        ['/wins/a/', 'ka'],
        ['/', 'k'],
      ]),
    );
    expect(manifestPages('not json')).toEqual({ outputFiles: new Set(), cacheKeys: new Map() });
  });

  it("gives the last build's keys once read, and reads the manifest again when it changed", async () => {
    const cache = mkdtempSync(path.join(tmpdir(), 'latitude-keys-'));
    try {
      const manifest = (key: string) =>
        JSON.stringify({ routes: { 'src/pages/wins/[id].astro': { paths: { '/wins/a/': { cacheKey: key, outputFile: 'x' } } } } });
      expect(await lastPageKeys(cache)).toEqual(new Map());
      writeFileSync(path.join(cache, INCREMENTAL_MANIFEST_FILE), manifest('k1'));
      const first = await lastPageKeys(cache);
      expect(first).toEqual(new Map([['/wins/a/', 'k1']]));
      // Asked again at the same build's start (the search indexer, then the render order): the same reading.
      expect(await lastPageKeys(cache)).toBe(first);
      writeFileSync(path.join(cache, INCREMENTAL_MANIFEST_FILE), manifest('k2 of the next build'));
      expect(await lastPageKeys(cache)).toEqual(new Map([['/wins/a/', 'k2 of the next build']]));
      rmSync(path.join(cache, INCREMENTAL_MANIFEST_FILE));
      expect(await lastPageKeys(cache)).toEqual(new Map());
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });
});

describe('search pages fed ahead of rendering', () => {
  const previous = new Map([
    ['/wins/a/', 'ka'],
    ['/wins/b/', 'kb'],
    ['/wins/c/', 'kc'],
  ]);
  it('feeds the pages whose key is unchanged, in a part where another page renders', () => {
    const pages = [
      { url: '/wins/a/', part: 'wins-2024', cacheKey: 'ka' },
      { url: '/wins/b/', part: 'wins-2024', cacheKey: 'kb2' }, // changed: renders
      { url: '/wins/c/', part: 'wins-2024', cacheKey: 'kc' },
      { url: '/wins/d/', part: 'wins-2024', cacheKey: 'kd' }, // new: renders
      { url: '/wins/e/', part: 'wins-2024' }, // no key: renders
    ];
    expect([...pagesToFeedAhead(pages, previous)].sort()).toEqual(['/wins/a/', '/wins/c/']);
  });

  it('feeds nothing in a part none of whose pages renders (it is copied whole), nor in a first build', () => {
    const unchanged = [
      { url: '/wins/a/', part: 'wins-2024', cacheKey: 'ka' },
      { url: '/wins/c/', part: 'wins-2024', cacheKey: 'kc' },
    ];
    expect(pagesToFeedAhead(unchanged, previous)).toEqual(new Set());
    expect(pagesToFeedAhead(unchanged, new Map())).toEqual(new Set());
  });

  it('knows a part changed for sure when one of its entries changed or is new, not when a key changed through another entry', () => {
    const last = new Map([
      ['/wins/a/', 'sa'],
      ['/wins/b/', 'sb'],
    ]);
    const page = (url: string, sourceDigest?: string) => ({ url, part: 'wins-2024', sourceDigest });
    expect(partChangedForSure([page('/wins/a/', 'sa'), page('/wins/b/', 'sb2')], last)).toBe(true);
    expect(partChangedForSure([page('/wins/a/', 'sa'), page('/wins/new/', 'sn')], last)).toBe(true);
    expect(partChangedForSure([page('/wins/a/', 'sa'), page('/wins/b/', 'sb')], last)).toBe(false);
    // A page without a digest (one the model did not describe) says nothing either way.
    expect(partChangedForSure([page('/wins/a/'), page('/wins/b/', 'sb')], last)).toBe(false);
  });
});

describe('the order pages render in', () => {
  const indexed = [
    { url: '/wins/new/', part: 'wins-2026' },
    { url: '/wins/old/', part: 'wins-2020' },
    { url: '/wins/edited/', part: 'wins-2024' },
    { url: '/values/care/', part: 'core' },
  ];
  const paths = [
    { pathname: '/authority.json' },
    { pathname: '/boundaries/matrix/', cacheKey: 'm2' },
    { pathname: '/values/care/', cacheKey: 'v' },
    { pathname: '/wins/', cacheKey: 'w1' },
    { pathname: '/wins/new/', cacheKey: 'n' },
    { pathname: '/wins/edited/', cacheKey: 'e2' },
    { pathname: '/wins/old/', cacheKey: 'o' },
  ];
  const order = (previous: Map<string, string>) => renderOrder(paths, indexed, previous).map((path) => path.pathname);

  it("renders the search index's pages first and the other pages after them, each in the order given, in a first build", () => {
    expect(order(new Map())).toEqual(['/values/care/', '/wins/new/', '/wins/edited/', '/wins/old/', '/authority.json', '/boundaries/matrix/', '/wins/']);
  });

  it('renders the pages kept from the last build (their key unchanged) last, so an edited win is not left for the end', () => {
    const previous = new Map([
      ['/values/care/', 'v'],
      ['/wins/new/', 'n'],
      ['/wins/edited/', 'e1'],
      ['/wins/old/', 'o'],
      ['/wins/', 'w1'],
      ['/boundaries/matrix/', 'm1'],
    ]);
    expect(order(previous)).toEqual(['/wins/edited/', '/authority.json', '/boundaries/matrix/', '/values/care/', '/wins/', '/wins/new/', '/wins/old/']);
  });

  it('loses no page and adds none', () => {
    const previous = new Map([['/wins/old/', 'o']]);
    expect([...order(previous)].sort()).toEqual(paths.map((path) => path.pathname).sort());
  });
});
