/**
 * The draft canary. tests/fixtures/canary has, in every collection, draft
 * entries whose every string field, id, body and picture carry the word
 * "canarydraftqzx"; some drafts are referenced only by other drafts, others
 * point at published entries (which must not grow backlinks to them).
 * After one build the word must be nowhere in dist/: no file name, no file
 * (HTML, feeds, JSON, CSV, text, JS, pictures), no decompressed Pagefind file, and no
 * result when Pagefind's own JavaScript API is asked for it in Chromium.
 * The published word "publishedbeaconqzx" must be found in each of those
 * places, so the test would notice if it were looking at nothing. The
 * fixture is published in French too (`languages: [fr-CA]`): the French
 * pages, feeds, helper data and search index are checked the same way.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { buildPlaybook, FIXTURES, type BuildResult } from '../support/build-playbook.ts';
import { filesIn, isGzip, pagefindFragments, readDecoded } from '../support/built-site.ts';
import { previewSite, type PreviewServer } from '../support/preview-server.ts';

const CANARY = 'canarydraftqzx';
const PUBLISHED = 'publishedbeaconqzx';

let build: BuildResult;
let files: string[];
/** Files stored gzip-compressed (Pagefind's), which the checks read decompressed. */
let compressed: string[];
/** Each file's text as a reader or a search sees it (gzip undone), lower-cased. */
const texts = new Map<string, string>();

beforeAll(async () => {
  build = await buildPlaybook(path.join(FIXTURES, 'canary'));
  if (build.exitCode !== 0) throw new Error(`the canary fixture must build:\n${build.stdout}\n${build.stderr}`);
  files = await filesIn(build.outDir);
  for (const file of files) texts.set(file, (await readDecoded(build.outDir, file)).toString('latin1').toLowerCase());
  compressed = [];
  for (const file of files) if (isGzip(await readFile(path.join(build.outDir, file)))) compressed.push(file);
});

afterAll(() => build?.cleanup());

const containing = (word: string) => files.filter((file) => texts.get(file)!.includes(word));

describe('drafts', () => {
  it('give no file its name', () => {
    expect(files.filter((file) => file.toLowerCase().includes(CANARY))).toEqual([]);
  });

  it('appear in no file of the build, compressed search files decompressed', () => {
    expect(containing(CANARY)).toEqual([]);
  });

  it('appear in no file as UTF-16 or percent-encoded either', async () => {
    const utf16 = Buffer.from(CANARY, 'utf16le');
    const percentEncoded = [...CANARY].map((char) => `%${char.charCodeAt(0).toString(16)}`).join('');
    for (const file of files) {
      const bytes = await readDecoded(build.outDir, file);
      expect(bytes.includes(utf16), file).toBe(false);
      expect(texts.get(file)!.includes(percentEncoded), file).toBe(false);
    }
  });
});

describe('the check is not vacuous', () => {
  it('looked at every kind of file the site ships', () => {
    const kinds = new Set(files.map((file) => path.extname(file)));
    for (const kind of ['.html', '.xml', '.js', '.css', '.json', '.csv', '.txt', '.pf_meta', '.pf_index', '.pf_fragment', '.pf_filter'])
      expect(kinds).toContain(kind);
    expect(compressed.length, 'gzip files decompressed').toBeGreaterThan(3);
  });

  it('finds the published word in pages, both feeds, the helper data, the files for tools and the decompressed search index', () => {
    const found = containing(PUBLISHED);
    for (const file of ['values/speak-up/index.html', 'wins/rss.xml', 'changes/rss.xml']) expect(found).toContain(file);
    // The whole-playbook files: the authority register, the playbook for other tools, the results page.
    for (const file of ['authority.csv', 'authority.json', 'playbook.json', 'llms.txt', 'results/index.html']) expect(found).toContain(file);
    // The same in the playbook's other language: its pages, feeds and index are checked too.
    for (const file of ['fr-ca/values/speak-up/index.html', 'fr-ca/wins/rss.xml', 'fr-ca/changes/rss.xml']) expect(found).toContain(file);
    expect(found.some((file) => /^pagefind\/[a-z0-9-]+\/fragment\/fr-ca_/.test(file))).toBe(true);
    // "Can I…?" data lives in one file per role.
    expect(found.some((file) => /^can-i\/[^/]+\.json$/.test(file))).toBe(true);
    expect(found.some((file) => /^fr-ca\/can-i\/[^/]+\.json$/.test(file))).toBe(true);
    expect(found.some((file) => file.endsWith('.pf_fragment'))).toBe(true);
    expect(found.some((file) => file.endsWith('.pf_index'))).toBe(true);
  });

  it('reads the search index as Pagefind wrote it', async () => {
    const fragments = await pagefindFragments(path.join(build.outDir, 'pagefind'));
    const published = [
      '/boundaries/refund/',
      '/case-studies/our-pilot/',
      '/guidelines/listen-first/',
      '/roles/associate/',
      '/roles/manager/',
      '/values/speak-up/',
      '/wins/2026-02-published-win/',
    ];
    // Every published entry once in each language's index, never a draft.
    expect(fragments.map((fragment) => fragment.url).sort()).toEqual([...published.map((url) => `/fr-ca${url}`), ...published].sort());
  });
});

describe('published pages that drafts point at', () => {
  const page = (file: string) => readFile(path.join(build.outDir, file), 'utf8');

  it('list no draft backlinks, grants, wins or ladder rungs', async () => {
    for (const file of [
      'values/speak-up/index.html',
      'roles/associate/index.html',
      'roles/manager/index.html',
      'boundaries/refund/index.html',
      'guidelines/listen-first/index.html',
      'boundaries/index.html',
      'wins/index.html',
      'index.html',
      'changes/index.html',
      'review/index.html',
    ]) {
      const html = (await page(file)).toLowerCase();
      expect(html, file).toContain('<main');
      expect(html.includes(CANARY), file).toBe(false);
    }
  });
});

describe('Pagefind, asked through its own JavaScript API in Chromium', () => {
  let browser: Browser;
  let server: PreviewServer;

  beforeAll(async () => {
    server = await previewSite(build.outDir);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it(`finds nothing for "${CANARY}" and finds "${PUBLISHED}"`, async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${server.url}/`);
      const found = (await page.evaluate(search([`"${CANARY}"`, `"${CANARY} value"`, CANARY, 'Canarydraftqzx', `"${PUBLISHED}"`]))) as Record<string, string[]>;
      // Quoted: Pagefind's exact search. The word is in no record.
      expect(found[`"${CANARY}"`]).toEqual([]);
      expect(found[`"${CANARY} value"`]).toEqual([]);
      // Unquoted, Pagefind 1.6 also matches words the query starts with ("can"): such
      // results are published pages, and none of them holds the word.
      for (const query of [CANARY, 'Canarydraftqzx']) {
        for (const result of found[query]!) expect(result.toLowerCase(), `${query} → ${result.slice(0, 120)}`).not.toContain(CANARY);
      }
      expect(found[`"${PUBLISHED}"`]!.length).toBeGreaterThanOrEqual(5);
      for (const result of found[`"${PUBLISHED}"`]!) expect(result).toContain(PUBLISHED);
    } finally {
      await page.close();
    }
  });
});

/**
 * Browser code, as text (the test runner would rewrite a dynamic import()
 * written as a function): for each query, each result as one string of its
 * URL, content, meta and excerpt, as Pagefind's own API returns them.
 */
function search(queries: string[]): string {
  return `(async () => {
    // The core part, with every other part of the index merged, as the site's search does.
    const pagefind = await import(new URL('pagefind/core/pagefind.js', document.baseURI).href);
    await pagefind.init();
    const { parts } = await (await fetch(new URL('pagefind/parts.json', document.baseURI))).json();
    for (const part of parts.slice(1)) await pagefind.mergeIndex(new URL('pagefind/' + part.id + '/', document.baseURI).href);
    const found = {};
    for (const query of ${JSON.stringify(queries)}) {
      const response = await pagefind.search(query);
      found[query] = await Promise.all(response.results.map(async (result) => JSON.stringify(await result.data())));
    }
    return found;
  })()`;
}
