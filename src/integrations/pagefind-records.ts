/**
 * Astro middleware added by the search integration (src/integrations/pagefind.ts):
 * while `astro build` renders, each entry page's search document (its
 * `<main>`, where every word Pagefind reads lives, with the entry's filters,
 * meta and sort key that EntryLayout hands over in `locals`) goes straight
 * to the indexer with its part of the index, so Pagefind indexes alongside
 * rendering in its own process and never reads the built pages back. The
 * indexer learns every page the index will hold, from the playbook model
 * (pages an incremental build restores instead of rendering included), as
 * soon as the model is built, or at the latest with the first page rendered
 * (`expectIndexedPages`).
 */
import { defineMiddleware } from 'astro:middleware';
import { indexedPages } from '../data/playbook.ts';
import { stripBase } from '../lib/links/href.ts';
import { searchDocument } from '../lib/search/parts.ts';
import { expectIndexedPages, recordSink } from '../lib/search/record-sink.ts';

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  const sink = recordSink();
  if (!sink) return response;
  // Told once (the render order has usually told it already): on the first page of any kind, as a shard may render no entry
  // page, yet writes the whole manifest.
  const parts = await expectIndexedPages(sink, indexedPages);
  // Only the model's published entries are indexed: every other page (listings, a retired entry's page) passes untouched.
  const url = stripBase(context.url.pathname, import.meta.env.BASE_URL);
  const part = parts.get(url);
  if (!part) return response;
  const html = await response.text();
  sink.add(url, part, searchDocument(html, context.locals.searchRecord));
  return new Response(html, response);
});
