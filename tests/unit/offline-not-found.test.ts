/**
 * Issue 23: offline, an address the site does not have says "not found",
 * one it has says "You are offline" (the worker's fallback, run here with
 * stand-in caches); the worker knows the site's pages up to
 * KNOWN_PAGES_LIMIT. Case studies and wins are a tier of their own, and the
 * budget counts what a phone downloads. Issue 20: a file whose hashed name
 * is its version is precached without a revision, and these are the files
 * the deploy lets browsers keep.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { versionedByName } from '../../src/lib/offline/urls.ts';
import { PROJECT_ROOT } from '../support/build-playbook.ts';
import { fallbackSource, KNOWN_PAGES_LIMIT, knownPages } from '../../src/lib/offline/not-found.ts';
import { downloadedSize, languagePlan, lazySize, precachePlan, tierOf } from '../../src/lib/offline/precache-plan.ts';

type Fallback = (args: { request: { url: string } }) => Promise<string | undefined>;

/** The worker's fallback, with `caches.match` answering the address it was asked for. */
function fallback(known: readonly string[] | undefined): Fallback {
  const caches = { match: async (address: string, options: { ignoreSearch: boolean }) => (options.ignoreSearch ? address : undefined) };
  return new Function('caches', `return (${fallbackSource(known, '/offline/', '/404.html')});`)(caches) as Fallback;
}

describe('offline, a page that is not stored', () => {
  const known = knownPages(['index.html', 'values/index.html', 'values/own-the-fix/index.html', '404.html', 'offline/index.html'], '/')!;

  it('knows the pages by the address they are linked at, without the not-found page', () => {
    expect(known).toEqual(['/', '/offline/', '/values/', '/values/own-the-fix/']);
    expect(knownPages(['fr-page/index.html', '404/index.html'], '/fr-ca/')).toEqual(['/fr-ca/fr-page/']);
  });

  it('is "You are offline" for a page of the site (with or without its last slash), "not found" for any other address', async () => {
    const answer = fallback(known);
    expect(await answer({ request: { url: 'https://p.example/values/own-the-fix/' } })).toBe('/offline/');
    expect(await answer({ request: { url: 'https://p.example/values/own-the-fix?x=1' } })).toBe('/offline/');
    expect(await answer({ request: { url: 'https://p.example/values/no-such-value/' } })).toBe('/404.html');
    expect(await answer({ request: { url: 'https://p.example/nothing' } })).toBe('/404.html');
  });

  it('is "You are offline" for every address when the site has more pages than the worker carries', async () => {
    const many = Array.from({ length: KNOWN_PAGES_LIMIT + 1 }, (_, n) => `wins/w${n}/index.html`);
    expect(knownPages(many, '/')).toBeUndefined();
    expect(await fallback(undefined)({ request: { url: 'https://p.example/nothing/' } })).toBe('/offline/');
  });
});

describe('the precache plan', () => {
  it('keeps case studies and wins as one tier, after values and guidelines', () => {
    expect(tierOf('case-studies/x/index.html')).toBe('case-studies-and-wins');
    expect(tierOf('wins/x/index.html')).toBe('case-studies-and-wins');
    expect(tierOf('wins/page/2/index.html')).toBe('case-studies-and-wins');
    expect(tierOf('wins/index.html')).toBe('listings');
    expect(tierOf('changes/index.html')).toBe('listings');
    expect(tierOf('ladders/x/index.html')).toBe('pages');
    const plan = precachePlan(
      [
        { path: '_astro/a.js', size: 100 },
        { path: 'guidelines/g/index.html', size: 100 },
        { path: 'wins/w/index.html', size: 100 },
        { path: 'ladders/l/index.html', size: 1000 },
      ],
      400,
    );
    expect(plan.tiers).toEqual(['core', 'listings', 'boundaries-and-roles', 'values-and-guidelines', 'case-studies-and-wins']);
  });

  // Issue 20: a one-entry rebuild of a large playbook compressed every page to size a plan that leaves most of them out.
  it('measures only the files of the tiers it takes and of the first it cannot', () => {
    const measured: string[] = [];
    const file = (path: string, size: number) =>
      lazySize(path, () => {
        measured.push(path);
        return size;
      });
    const files = [
      file('index.html', 100),
      file('boundaries/b/index.html', 100),
      file('guidelines/g/index.html', 1000),
      ...Array.from({ length: 50 }, (_, index) => file(`wins/w-${index}/index.html`, 100)),
    ];
    const plan = languagePlan(files, { prefix: '', otherPrefixes: [], searchKey: 'en' }, 500);
    expect(plan.tiers).toEqual(['core', 'listings', 'boundaries-and-roles']);
    expect(plan.files.map((f) => f.path)).toEqual(['index.html', 'boundaries/b/index.html']);
    expect(measured.sort()).toEqual(['boundaries/b/index.html', 'guidelines/g/index.html', 'index.html']);
    // A tier over the budget is summed only until it is: 4 wins of 100 are past what is left (300).
    measured.length = 0;
    const wins = languagePlan(files.slice(0, 2).concat(files.slice(3)), { prefix: '', otherPrefixes: [], searchKey: 'en' }, 500);
    expect(wins.tiers).toEqual(['core', 'listings', 'boundaries-and-roles', 'values-and-guidelines']);
    expect(measured.filter((path) => path.startsWith('wins/'))).toHaveLength(4);
  });

  it('counts what a phone downloads: text gzipped, the search index and pictures as they are', () => {
    const page = Buffer.from('<p>hello</p>'.repeat(500));
    const gzipped = () => gzipSync(page).length;
    expect(downloadedSize('wins/w/index.html', page.length, gzipped)).toBe(gzipped());
    expect(downloadedSize('wins/w/index.html', page.length, gzipped)).toBeLessThan(page.length / 10);
    expect(downloadedSize('pagefind/fragment/en_1.pf_fragment', 900, () => 1)).toBe(900);
    expect(downloadedSize('_astro/photo.webp', 900, () => 1)).toBe(900);
  });
});

describe('files whose address is their version', () => {
  const samples = [
    '_astro/search-results.PUqYBjeQ.js',
    '_astro/BaseLayout.DqB1ea_t.css',
    '_astro/picture-22.BJxNrzOj_10GTjW.webp',
    'pagefind/core/index/en-gb_7b795ce.pf_index',
    'pagefind/wins-2024/fragment/en-gb_769c502.pf_fragment',
    'pagefind/core/filter/en-gb_3a84b53.pf_filter',
    'pagefind/core/pagefind.en-gb_52f5c26c46f4d.pf_meta',
    'pagefind/core/pagefind.js',
    'pagefind/core/pagefind-entry.json',
    'pagefind/core/wasm.en-gb.pagefind',
    'pagefind/parts.json',
    '_latitude/page.js',
    'interface.json',
    'can-i/agent.json',
    'index.html',
    'sw.js',
  ];

  it('are the hashed names: Vite’s files and Pagefind’s chunks and metadata, not its script, entry file or WebAssembly', () => {
    // The first seven samples are the hashed ones.
    expect(samples.filter(versionedByName)).toEqual(samples.slice(0, 7));
    expect(samples[6]).toBe('pagefind/core/pagefind.en-gb_52f5c26c46f4d.pf_meta');
  });

  it('are exactly the files deploy/nginx.conf lets a browser keep for a year', async () => {
    const conf = await readFile(path.join(PROJECT_ROOT, 'deploy/nginx.conf'), 'utf8');
    const map = /map \$uri \$latitude_cache_control \{([^}]*)\}/.exec(conf)![1]!;
    const immutable = [...map.matchAll(/^\s*~(\S+)\s+"[^"]*immutable";/gm)].map(([, pattern]) => new RegExp(pattern!.replaceAll('@BASE@', '/')));
    expect(immutable).toHaveLength(3);
    for (const file of samples)
      expect(
        immutable.some((pattern) => pattern.test(`/${file}`)),
        file,
      ).toBe(versionedByName(file));
  });
});
