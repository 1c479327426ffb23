/**
 * `npm run bench:search`: what search costs a reader on a large playbook.
 * Generates a 10,000-entry playbook (bench/generate-playbook.ts), builds it
 * with the real `astro build`, serves it as deploy/nginx.conf does (text
 * gzipped, the deploy's cache headers, ETags answered with 304), and in
 * Chromium measures, for the search UI the playbook ships and
 * for Pagefind's two ready-made UIs:
 *
 *   - bytes transferred for the first query (everything search loads once
 *     the box is used: JS, wasm, entry, meta, index chunks, fragments),
 *   - bytes for a second, different query,
 *   - time from the last keystroke to results on screen,
 *   - then the offline copy: what the service worker downloads once it is
 *     registered (src/lib/offline/registration.ts waits for the page to be
 *     quiet, so this comes after the searches, and is counted on its own).
 *
 *   node bench/search.ts                       10,000 entries
 *   node bench/search.ts --entries 2000        another size
 *   node bench/search.ts --reuse               reuse the last build (in the system's temporary folder)
 *   node bench/search.ts --site DIR            measure a site built already
 *   node bench/search.ts --queries refund,courier --runs 3
 *   node bench/search.ts --site DIR --shipped-only --json FILE    (what npm run bench calls)
 *   node bench/search.ts --site DIR --shipped-only --files        every file each query fetched
 *
 * The generated playbook and its build go to the system's temporary folder,
 * not the project, so type checks and editors never see 10,000 built pages.
 */
import { createReadStream } from 'node:fs';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../tests/support/browser.ts';
import { buildPlaybook, PROJECT_ROOT } from '../tests/support/build-playbook.ts';
import { generatePlaybook } from './generate-playbook.ts';

const { values: flags } = parseArgs({
  options: {
    entries: { type: 'string', default: '10000' },
    reuse: { type: 'boolean', default: false },
    queries: { type: 'string', default: 'refund,courier' },
    runs: { type: 'string', default: '3' },
    site: { type: 'string' },
    'shipped-only': { type: 'boolean', default: false },
    json: { type: 'string' },
    files: { type: 'boolean', default: false },
  },
});
const entries = Number(flags.entries);
const [firstQuery = 'refund', secondQuery = 'courier'] = flags.queries.split(',');
const runs = Math.max(1, Number(flags.runs));
const work = path.join(os.tmpdir(), `latitude-search-bench-${entries}`);
const contentDir = path.join(work, 'content');
const outDir = flags.site ? path.resolve(flags.site) : path.join(work, 'dist');

/** Pagefind's published figure for a 10,000-page site, and ours. */
const PUBLISHED_KB = 300;
const AIM_FIRST_KB = 150;
const AIM_SECOND_KB = 50;

interface Candidate {
  name: string;
  /** Page to open, under the site root. */
  page: string;
  input: string;
  /** A result link on screen. */
  result: string;
}

const CANDIDATES: Candidate[] = [
  {
    name: 'Latitude: header box (shipped)',
    page: '/roles/team-1-level-1/',
    input: 'form[data-latitude-search] input[name="q"]',
    result: '.search-popover a.search-hit__link',
  },
  { name: 'Latitude: /search/ page (shipped)', page: '/search/', input: '#search-input', result: 'ol[data-search-results] a.search-hit__link' },
  { name: 'Pagefind Default UI (core part only)', page: '/_bench/default-ui/', input: '.pagefind-ui__search-input', result: 'a.pagefind-ui__result-link' },
  { name: 'Pagefind Component UI (core part only)', page: '/_bench/component-ui/', input: 'pagefind-input input', result: 'pagefind-results a[href]' },
];

interface Measure {
  firstBytes: number;
  firstRequests: number;
  firstMs: number;
  secondBytes: number;
  secondRequests: number;
  secondMs: number;
  byKind: Record<string, number>;
  secondByKind: Record<string, number>;
  /** Every file served, in order: who asked for it (`Served.by`), its kind and bytes on the wire. */
  firstFiles: Served[];
  secondFiles: Served[];
  /** What the offline worker downloaded once registered (its script and precache), after both queries; null without a worker. */
  offlineBytes: number | null;
  /** From opening the page to the worker active, its precache stored. */
  offlineMs: number | null;
}

const machine = `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
console.log(`Machine: ${machine} (shared; timings are indicative)`);

if (!flags.site && (!flags.reuse || !(await exists(path.join(outDir, 'pagefind/parts.json'))))) {
  console.log(`Generating ${entries} entries in ${contentDir} …`);
  await generatePlaybook(contentDir, entries);
  console.log('Building …');
  const started = performance.now();
  const build = await buildPlaybook(contentDir, { env: { PLAYBOOK_OUT_DIR: outDir, PLAYBOOK_CACHE_DIR: path.join(work, 'cache') } });
  if (build.exitCode !== 0) {
    console.error(build.stderr.slice(-3000));
    process.exit(1);
  }
  await build.cleanup(); // its own temporary folder; the site is in outDir
  const indexed = /Indexed (\d+) pages[^\n]*/.exec(build.stdout + build.stderr)?.[0];
  console.log(`Built in ${((performance.now() - started) / 1000).toFixed(0)} s; ${indexed ?? 'no "Indexed" line found'}`);
}
await writeCandidatePages(outDir);
console.log(await indexFigures(outDir));

const server = await serveCompressed(outDir);
const browser = await launchBrowser();
const results: { candidate: Candidate; measure: Measure }[] = [];
try {
  for (const candidate of flags['shipped-only'] ? CANDIDATES.filter((c) => c.name.includes('shipped')) : CANDIDATES) {
    const measures: Measure[] = [];
    for (let i = 0; i < runs; i++) {
      process.stdout.write(`  measuring ${candidate.name} (${i + 1}/${runs}) …\n`);
      measures.push(await measure(browser, server.url, candidate, server.log));
    }
    results.push({ candidate, measure: medianOf(measures) });
  }
} finally {
  await browser.close();
  await server.close();
}

if (flags.json)
  await writeFile(
    flags.json,
    JSON.stringify(
      results.map(({ candidate, measure: m }) => ({ name: candidate.name, ...m })),
      null,
      2,
    ),
  );
const kb = (bytes: number) => (bytes / 1024).toFixed(1);
console.log(
  `\nSearch on ${flags.site ? `the site at ${outDir}` : `a ${entries.toLocaleString('en')}-entry playbook`}, served as deploy/nginx.conf does over HTTP/1.1 on localhost, median of ${runs} fresh browser profiles.`,
);
console.log(
  `First query "${firstQuery}", then "${secondQuery}". Pagefind's published figure: under ${PUBLISHED_KB} kB for a 10,000-page site. Our aim: under ${AIM_FIRST_KB} kB first, under ${AIM_SECOND_KB} kB after.\n`,
);
const rows = [
  [
    'UI',
    'first query kB',
    'requests',
    'typing → results',
    'second query kB',
    'requests',
    'typing → results',
    'offline copy kB (worker)',
    'stored, from opening',
  ],
  ...results.map(({ candidate, measure: m }) => [
    candidate.name,
    kb(m.firstBytes),
    String(m.firstRequests),
    `${m.firstMs.toFixed(0)} ms`,
    kb(m.secondBytes),
    String(m.secondRequests),
    `${m.secondMs.toFixed(0)} ms`,
    m.offlineBytes === null ? '—' : kb(m.offlineBytes),
    m.offlineMs === null ? '—' : `${(m.offlineMs / 1000).toFixed(1)} s`,
  ]),
];
const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
for (const [i, row] of rows.entries()) {
  console.log(row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '));
  if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
}
const byKind = (kinds: Record<string, number>) =>
  Object.entries(kinds)
    .map(([k, v]) => `${k} ${kb(v)}`)
    .join(', ');
console.log('\nBy kind of file (kB):');
for (const { candidate, measure: m } of results) {
  console.log(`  ${candidate.name}, first query: ${byKind(m.byKind)}`);
  console.log(`  ${candidate.name}, second query: ${byKind(m.secondByKind)}`);
}
console.log('\nBy who asked (kB), first query / second query:');
for (const { candidate, measure: m } of results) console.log(`  ${candidate.name}: ${byWho(m.firstFiles)} / ${byWho(m.secondFiles)}`);
if (flags.files)
  for (const { candidate, measure: m } of results)
    for (const [query, files] of [
      [firstQuery, m.firstFiles],
      [secondQuery, m.secondFiles],
    ] as const) {
      console.log(`\n${candidate.name}, "${query}", every file (of the median run for that query):`);
      for (const file of files) console.log(`  ${kb(file.bytes).padStart(7)}  ${file.by.padEnd(8)}  ${file.kind.padEnd(12)}  ${file.path}`);
    }
const shipped = results.filter((r) => r.candidate.name.includes('shipped'));
const within = shipped.every(({ measure: m }) => m.firstBytes < AIM_FIRST_KB * 1024 && m.secondBytes < AIM_SECOND_KB * 1024);
console.log(`\nShipped UI within the aim (<${AIM_FIRST_KB} kB first, <${AIM_SECOND_KB} kB second): ${within ? 'yes' : 'NO'}`);

/** One fresh browser profile: open the page, use the box, type, wait for results; then a second query. */
async function measure(browser: Browser, origin: string, candidate: Candidate, log: ServedLog): Promise<Measure> {
  // Each query's window, and the whole visit (for the offline copy, whenever the worker downloads it).
  const traffic = serverTraffic(log);
  const visit = serverTraffic(log);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  try {
    // Counted from navigation: a UI that loads its script with the page pays for it here too.
    traffic.reset();
    visit.reset();
    const opened = performance.now();
    await page.goto(origin + candidate.page, { waitUntil: 'networkidle' });
    const input = page.locator(candidate.input).first();
    await input.waitFor({ state: 'visible', timeout: 30_000 });

    const firstMs = await typeAndWait(page, input, candidate.result, firstQuery);
    await quiet(traffic);
    const first = traffic.take();

    await input.fill('');
    await page
      .waitForFunction((selector) => !document.querySelector(selector) || !(document.querySelector(selector) as HTMLElement).offsetParent, candidate.result, {
        timeout: 30_000,
      })
      .catch(() => undefined);
    await quiet(traffic);
    traffic.reset();
    const secondMs = await typeAndWait(page, input, candidate.result, secondQuery);
    await quiet(traffic);
    const second = traffic.take();

    // The offline copy, registered once the page is quiet: whatever the worker and its precache downloaded during the
    // whole visit (in a query's window too, had it started there), once the worker is active.
    // Pagefind's own UIs (pages the bench writes) have no page script, so no worker.
    const registers = await page.evaluate(() => document.querySelector('script[src*="_latitude/page.js"]') !== null);
    const active = registers && (await workerActive(page, 120_000));
    const offlineMs = active ? performance.now() - opened : null;
    await quiet(traffic);
    const offline = visit.take().files.filter((file) => file.by !== 'page');
    return {
      offlineBytes: active ? offline.reduce((sum, file) => sum + file.bytes, 0) : null,
      offlineMs,
      firstBytes: first.bytes,
      firstRequests: first.requests,
      firstMs,
      byKind: first.byKind,
      secondBytes: second.bytes,
      secondRequests: second.requests,
      secondMs,
      secondByKind: second.byKind,
      firstFiles: first.files,
      secondFiles: second.files,
    };
  } finally {
    await context.close();
  }
}

/** Whether the page's service worker becomes active (its precache stored) within `timeout` ms. */
async function workerActive(page: Page, timeout: number): Promise<boolean> {
  const until = performance.now() + timeout;
  while (performance.now() < until) {
    if (await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.state === 'activated')) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

async function typeAndWait(page: Page, input: ReturnType<Page['locator']>, result: string, query: string): Promise<number> {
  await input.focus();
  await input.pressSequentially(query, { delay: 40 });
  const typed = performance.now();
  await page.waitForFunction(
    (selector) => [...document.querySelectorAll<HTMLAnchorElement>(selector)].some((a) => a.offsetParent && a.getAttribute('href')),
    result,
    {
      timeout: 60_000,
      polling: 'raf',
    },
  );
  return performance.now() - typed;
}

interface Traffic {
  reset(): void;
  take(): { bytes: number; requests: number; byKind: Record<string, number>; files: Served[] };
  inFlight(): number;
}

/** One file served, as counted. */
interface Served {
  path: string;
  bytes: number;
  kind: string;
  /**
   * Who asked: `worker` the service worker's own script, `precache` the
   * worker itself (its requests carry its script as their referrer), `page`
   * anything else (the page, or the worker passing a page's request on).
   */
  by: 'page' | 'precache' | 'worker';
}

function byWho(files: readonly Served[]): string {
  const sums: Record<string, number> = {};
  for (const file of files) sums[file.by] = (sums[file.by] ?? 0) + file.bytes;
  return Object.entries(sums)
    .map(([who, bytes]) => `${who} ${kb(bytes)}`)
    .join(', ');
}

/**
 * Bytes on the wire, counted by the server (status line, headers and the
 * compressed body) rather than in the page: Pagefind 1.6 searches in a Web
 * Worker, whose requests a page's own timeline does not see.
 */
function serverTraffic(log: ServedLog): Traffic {
  let from = 0;
  return {
    reset: () => (from = log.served.length),
    inFlight: () => log.inFlight,
    take: () => {
      const served = log.served.slice(from).filter((r) => searchCost(r.path));
      const byKind: Record<string, number> = {};
      for (const { path: file, bytes } of served) byKind[kindOf(file)] = (byKind[kindOf(file)] ?? 0) + bytes;
      const files = served.map(({ path: file, bytes, referrer }): Served => {
        const by = /(?:^|\/)sw\.js$/.test(file) ? 'worker' : /\/sw\.js$/.test(referrer) ? 'precache' : 'page';
        return { path: file, bytes, kind: kindOf(file), by };
      });
      return { bytes: served.reduce((sum, r) => sum + r.bytes, 0), requests: served.length, byKind, files };
    },
  };
}

/** What search costs, as opposed to the page itself: not its HTML, the site's stylesheet, images or fonts. */
function searchCost(file: string): boolean {
  return !/\.html$|\/$/.test(file) && !/^\/_astro\/.*\.css$/.test(file) && !/\.(svg|png|jpe?g|webp|avif|ico|woff2?)$/.test(file);
}

function kindOf(pathname: string): string {
  if (/\/pagefind\/(?:[^/]+\/)?index\//.test(pathname)) return 'index chunks';
  if (/\/pagefind\/(?:[^/]+\/)?fragment\//.test(pathname)) return 'fragments';
  if (/\/pagefind\/(?:[^/]+\/)?filter\//.test(pathname)) return 'filters';
  if (/wasm/.test(pathname)) return 'wasm';
  if (/\.pf_meta$|pagefind-entry\.json$|\/pagefind\/parts\.json$/.test(pathname)) return 'entry+meta';
  if (/\.js$/.test(pathname)) return 'js';
  if (/\.css$/.test(pathname)) return 'css';
  return 'other';
}

/** Waits until no request has been in flight for 400 ms (at most 15 s). */
async function quiet(traffic: Traffic): Promise<void> {
  const started = performance.now();
  let idleSince = started;
  while (performance.now() - idleSince < 400 && performance.now() - started < 15_000) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    if (traffic.inFlight() > 0) idleSince = performance.now();
  }
}

function medianOf(measures: Measure[]): Measure {
  const median = (pick: (m: Measure) => number) => {
    const sorted = measures.map(pick).sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)]!;
  };
  const mid = [...measures].sort((a, b) => a.firstBytes - b.firstBytes)[Math.floor(measures.length / 2)]!;
  const midLater = [...measures].sort((a, b) => a.secondBytes - b.secondBytes)[Math.floor(measures.length / 2)]!;
  return {
    firstBytes: median((m) => m.firstBytes),
    firstRequests: median((m) => m.firstRequests),
    firstMs: median((m) => m.firstMs),
    secondBytes: median((m) => m.secondBytes),
    secondRequests: median((m) => m.secondRequests),
    secondMs: median((m) => m.secondMs),
    byKind: mid.byKind,
    secondByKind: midLater.secondByKind,
    firstFiles: mid.firstFiles,
    secondFiles: midLater.secondFiles,
    offlineBytes: mid.offlineBytes,
    offlineMs: mid.offlineMs,
  };
}

/**
 * Pages for Pagefind's own UIs, for comparison only: the build removes
 * their files from the shipped bundle, so they are taken from Pagefind itself.
 */
async function writeCandidatePages(dir: string): Promise<void> {
  const { index } = await pagefind.createIndex({});
  if (!index) throw new Error('Pagefind did not start');
  await index.addCustomRecord({ url: '/x/', content: 'x', language: 'en' });
  const { files, errors } = await index.getFiles();
  await pagefind.close();
  if (errors.length > 0) throw new Error(errors.join('; '));
  const bench = path.join(dir, '_bench');
  await mkdir(bench, { recursive: true });
  for (const file of files) {
    const name = path.basename(file.path);
    if (/^pagefind-(component-)?ui\.(js|css)$/.test(name)) await writeFile(path.join(bench, name), file.content);
  }
  const page = (head: string, body: string) =>
    `<!doctype html><html lang="en-gb"><head><meta charset="utf-8"><title>bench</title>${head}</head><body><main>${body}</main></body></html>`;
  await mkdir(path.join(bench, 'default-ui'), { recursive: true });
  await writeFile(
    path.join(bench, 'default-ui/index.html'),
    page(
      '<link href="/_bench/pagefind-ui.css" rel="stylesheet"><script src="/_bench/pagefind-ui.js"></script>',
      '<div id="search"></div><script>addEventListener("DOMContentLoaded", () => new PagefindUI({ element: "#search", bundlePath: "/pagefind/core/", showSubResults: false, showImages: false }));</script>',
    ),
  );
  await mkdir(path.join(bench, 'component-ui'), { recursive: true });
  await writeFile(
    path.join(bench, 'component-ui/index.html'),
    page(
      '<link href="/_bench/pagefind-component-ui.css" rel="stylesheet"><script src="/_bench/pagefind-component-ui.js" type="module"></script>',
      '<pagefind-config bundle-path="/pagefind/core/"></pagefind-config><pagefind-input></pagefind-input><pagefind-results hide-sub-results></pagefind-results>',
    ),
  );
}

async function indexFigures(dir: string): Promise<string> {
  const bundle = path.join(dir, 'pagefind');
  const all = await readdir(bundle, { recursive: true, withFileTypes: true });
  const files = all.filter((f) => f.isFile());
  const size = async (filter: (name: string) => boolean) => {
    let total = 0;
    for (const f of files.filter((f) => filter(path.join(f.parentPath, f.name)))) total += (await stat(path.join(f.parentPath, f.name))).size;
    return total;
  };
  const count = (folder: string) => files.filter((f) => f.parentPath.endsWith(`/${folder}`)).length;
  // The index in parts (src/lib/search/parts.ts): each part's own entry file counts its pages.
  const { parts } = JSON.parse(await readFile(path.join(bundle, 'parts.json'), 'utf8')) as { parts: { id: string }[] };
  const counts: string[] = [];
  let pages = 0;
  for (const { id } of parts) {
    const entry = JSON.parse(await readFile(path.join(bundle, id, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    const inPart = Object.values(entry.languages).reduce((sum, l) => sum + l.page_count, 0);
    counts.push(`${id} ${inPart}`);
    pages += inPart;
  }
  return (
    `Index: ${pages} pages in ${parts.length} parts (${counts.join(', ')}); ${count('index')} index chunks (${((await size((p) => p.includes('/index/'))) / 1024).toFixed(0)} kB), ` +
    `${count('fragment')} fragments (${((await size((p) => p.includes('/fragment/'))) / 1024 / 1024).toFixed(1)} MB), ` +
    `${count('filter')} filter files (${((await size((p) => p.includes('/filter/'))) / 1024).toFixed(0)} kB)`
  );
}

interface ServedLog {
  /** `referrer`: the Referer header, the service worker's script for its own requests. */
  served: { path: string; referrer: string; bytes: number }[];
  inFlight: number;
}

/**
 * A static server as the deploy serves the site (deploy/nginx.conf): text
 * gzipped (Pagefind's own index files are compressed already), each file's
 * `Cache-Control` from the deploy's own rules (hashed files kept for a year,
 * everything else revalidated), an `ETag` and a 304 for a copy the browser
 * still has. It counts what it sends.
 */
async function serveCompressed(root: string): Promise<{ url: string; log: ServedLog; close(): Promise<void> }> {
  const log: ServedLog = { served: [], inFlight: 0 };
  const cacheControl = await deployCacheControl();
  const TYPES: Record<string, string> = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript',
    '.css': 'text/css',
    '.json': 'application/json',
    '.svg': 'image/svg+xml',
  };
  const gzipped = new Map<string, Buffer>();
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    log.inFlight++;
    let bodyBytes = 0;
    const write = response.write.bind(response) as (chunk: unknown, ...rest: unknown[]) => boolean;
    response.write = ((chunk: unknown, ...rest: unknown[]) => {
      bodyBytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : ((chunk as Buffer | undefined)?.length ?? 0);
      return write(chunk, ...rest);
    }) as typeof response.write;
    response.on('close', () => {
      log.inFlight--;
      const headers = Object.entries(response.getHeaders())
        .map(([k, v]) => `${k}: ${String(v)}\r\n`)
        .join('');
      log.served.push({
        path: url.pathname,
        referrer: request.headers.referer ?? '',
        bytes: bodyBytes + Buffer.byteLength(`HTTP/1.1 ${response.statusCode} OK\r\n${headers}\r\n`),
      });
    });
    let file = path.join(root, path.normalize(decodeURIComponent(url.pathname)));
    let stats: Awaited<ReturnType<typeof stat>>;
    try {
      if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html');
      stats = await stat(file);
    } catch {
      response.writeHead(404).end();
      return;
    }
    const type = TYPES[path.extname(file)];
    const compress = Boolean(type && /gzip/.test(String(request.headers['accept-encoding'])));
    // nginx's ETag (modified time and size, in hex), weak when the body is compressed.
    const etag = `${compress ? 'W/' : ''}"${Math.floor(stats.mtimeMs / 1000).toString(16)}-${stats.size.toString(16)}"`;
    const headers = { 'cache-control': cacheControl(url.pathname), etag };
    if (request.headers['if-none-match'] === etag) {
      response.writeHead(304, headers).end();
      return;
    }
    if (compress) {
      let body = gzipped.get(file);
      if (!body) {
        body = gzipSync(await readFile(file), { level: 9 });
        gzipped.set(file, body);
      }
      response.writeHead(200, { ...headers, 'content-type': type!, 'content-encoding': 'gzip', 'content-length': body.length });
      response.write(body);
      response.end();
      return;
    }
    response.writeHead(200, { ...headers, 'content-type': type ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, log, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** The deploy's `Cache-Control` for an address of a site served at `/`: the `map` in deploy/nginx.conf, read from the file itself. */
async function deployCacheControl(): Promise<(pathname: string) => string> {
  const conf = await readFile(path.join(PROJECT_ROOT, 'deploy/nginx.conf'), 'utf8');
  const map = /map \$uri \$latitude_cache_control \{([^}]*)\}/.exec(conf)?.[1];
  if (!map) throw new Error('deploy/nginx.conf has no map for $latitude_cache_control');
  const rules: { pattern: RegExp; value: string }[] = [];
  let otherwise: string | undefined;
  for (const [, key, value] of map.matchAll(/^\s*(\S+)\s+"([^"]*)";/gm)) {
    if (key === 'default') otherwise = value;
    else rules.push({ pattern: new RegExp(key!.replace(/^~/, '').replaceAll('@BASE@', '/')), value: value! });
  }
  if (otherwise === undefined) throw new Error('deploy/nginx.conf: the cache map has no default');
  return (pathname) => rules.find(({ pattern }) => pattern.test(pathname))?.value ?? otherwise;
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}
