/**
 * The search index the way it was built before it was built in parts while
 * rendering (issue 20): Pagefind over every entry page's search document as
 * one index, where the parts feed each part its own. Kept here only to
 * compare the two: the index in parts must say exactly what this one says.
 * A document is the page's `<main>` with the entry's filters and meta, which
 * the published page no longer carries (`recordMarkup`): it is read from the
 * search records the build stored in its cache, beside the built site.
 */
import { glob, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { UNUSED_BUNDLE_FILES } from '../../src/integrations/pagefind.ts';
import { RecordStore } from '../../src/lib/search/record-store.ts';

export const ENTRY_PAGES_GLOB = '**/{values,roles,guidelines,boundaries,case-studies,wins}/*/index.html';
const BODY_MARKER_PAGE = '<!doctype html><html lang="en"><head><title>-</title></head><body><div data-pagefind-body></div></body></html>';

/** Pagefind over every published entry page of a site built by `buildPlaybook` (retired ones have no record), as one index, into `outputPath`. */
export async function indexBuiltSite(outDir: string, outputPath: string): Promise<void> {
  const urls: string[] = [];
  for await (const file of glob(ENTRY_PAGES_GLOB, { cwd: outDir })) {
    const html = await readFile(path.join(outDir, file), 'utf8');
    if (/<main[^>]*\sdata-pagefind-body[\s=>]/.test(html)) urls.push(`/${path.dirname(file).split(path.sep).join('/')}/`);
  }
  await indexBuiltPages(outDir, urls.sort(), outputPath);
}

/** Pagefind over some built pages' search documents (`/wins/x/`), each read from the build's record cache, into `outputPath`. */
export async function indexBuiltPages(outDir: string, urls: readonly string[], outputPath: string): Promise<void> {
  const records = new RecordStore(await recordsOf(outDir));
  try {
    await write(outputPath, async (index) => {
      for (const url of urls) {
        const content = records.get(url);
        if (content === undefined) throw new Error(`no search record of ${url} in ${records.dir}`);
        const added = await index.addHTMLFile({ url, content });
        if (added.errors.length > 0) throw new Error(added.errors.join('; '));
      }
    });
  } finally {
    records.close();
  }
}

/** The search records' folder of a site built by `buildPlaybook`: in its cache, beside `dist/`. */
async function recordsOf(outDir: string): Promise<string> {
  const cache = path.join(path.dirname(outDir), 'cache');
  for await (const folder of glob('**/latitude-search/records', { cwd: cache })) return path.join(cache, folder);
  throw new Error(`no search records under ${cache}`);
}

async function write(outputPath: string, fill: (index: pagefind.PagefindIndex) => Promise<void>): Promise<void> {
  try {
    const { index } = await pagefind.createIndex({});
    if (!index) throw new Error('Pagefind did not start');
    await fill(index);
    await index.addHTMLFile({ url: '/_latitude/search-marker/', content: BODY_MARKER_PAGE });
    await rm(outputPath, { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(written.errors.join('; '));
    await Promise.all(UNUSED_BUNDLE_FILES.map((file) => rm(path.join(outputPath, file), { force: true })));
  } finally {
    await pagefind.close();
  }
}
