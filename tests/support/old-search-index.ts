/**
 * The search index the way it was built before it was built in parts while
 * rendering (issue 20): Pagefind reading the built entry pages back from
 * dist/ (`addDirectory`, every entry page whole). Kept here only to compare
 * the two: the index in parts must say exactly what this one says.
 */
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { UNUSED_BUNDLE_FILES } from '../../src/integrations/pagefind.ts';

export const ENTRY_PAGES_GLOB = '**/{values,roles,guidelines,boundaries,case-studies,wins}/*/index.html';
const BODY_MARKER_PAGE = '<!doctype html><html lang="en"><head><title>-</title></head><body><div data-pagefind-body></div></body></html>';

/** Pagefind over the built site's entry pages, as one index, into `outputPath`. */
export async function indexBuiltSite(outDir: string, outputPath: string): Promise<void> {
  await write(outputPath, async (index) => {
    const read = await index.addDirectory({ path: outDir, glob: ENTRY_PAGES_GLOB });
    if (read.errors.length > 0) throw new Error(read.errors.join('; '));
  });
}

/** Pagefind over some built pages, each read whole from `outDir` (`/wins/x/` → wins/x/index.html), into `outputPath`. */
export async function indexBuiltPages(outDir: string, urls: readonly string[], outputPath: string): Promise<void> {
  await write(outputPath, async (index) => {
    for (const url of urls) {
      const content = await readFile(path.join(outDir, ...url.split('/').filter(Boolean), 'index.html'), 'utf8');
      const added = await index.addHTMLFile({ url, content });
      if (added.errors.length > 0) throw new Error(added.errors.join('; '));
    }
  });
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
