/**
 * Which pages this build renders, and in what order: the one place that
 * wraps Astro's prerenderer (`setPrerenderer` keeps one wrapper only).
 *
 * The order (`renderOrder`, src/lib/search/feed-ahead.ts): the search
 * index's pages that will render first, then the other pages that will
 * render, then the pages Astro keeps from the last build. Every part of the
 * index then has its last page early and is written while the rest renders.
 *
 * A shard of the build (`npm run build -- --shard K/N`, see
 * src/lib/scale/shard-flag.ts): every shard reads the whole playbook and
 * runs every route's `getStaticPaths`, then renders only the pages it owns
 * (`pagesOfShard`: each part of the search index whole, with all of its
 * pages, so the shard writes that part finished; the other pages even out
 * the shards). The split is made here too, so no route knows about shards,
 * and singleton pages (the home page, feeds, playbook.json, the 404 page)
 * are owned by one shard like any other page. Files that are not pages
 * (bundled scripts and styles, public/, the icons, pictures) are written by
 * every shard that needs them, byte for byte the same; `npm run merge` keeps
 * one copy and checks they agree.
 *
 * After a shard's build it writes `latitude-shard.json` (src/lib/scale/shard-manifest.ts)
 * for the merge. A whole build writes nothing more.
 */
import type { AstroIntegration, AstroPrerenderer } from 'astro';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDate } from '../lib/domain/review.ts';
import { currentShard, type Shard } from '../lib/scale/shard.ts';
import { renderOrder } from '../lib/search/feed-ahead.ts';
import { expectIndexedPages, indexedPagesSource, recordSink, whenIndexedPages } from '../lib/search/record-sink.ts';
import { lastPageKeys } from './kept-pages.ts';
import { pageFile, pagesOfShard, SHARD_MANIFEST, type ShardManifest, type ShardPage } from '../lib/scale/shard-manifest.ts';

/** The pages this build renders and their order, and for a shard its manifest. */
export function playbookPages(shard: Shard | undefined = currentShard()): AstroIntegration {
  let base = '/';
  let cacheDir = '';
  let allPages: string[] = [];
  let pages: ShardPage[] = [];
  return {
    name: 'latitude:pages',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:start': async ({ setPrerenderer, logger }) => {
        // A page whose key the last build had is kept, not rendered: it goes last.
        const previousKeys = await lastPageKeys(cacheDir);
        setPrerenderer((inner) =>
          pagesPrerenderer(inner, shard, previousKeys, (all, owned) => {
            allPages = all;
            pages = owned;
            if (shard) logger.info(`shard ${shard.index}/${shard.count}: ${owned.length} of ${all.length} pages`);
          }),
        );
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!shard) return;
        const manifest: ShardManifest = {
          format: 1,
          shard: `${shard.index}/${shard.count}`,
          today: buildDate(),
          base,
          pages: [...pages].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
          allPages: [...new Set(allPages)].sort(),
        };
        const file = path.join(fileURLToPath(dir), SHARD_MANIFEST);
        await writeFile(file, `${JSON.stringify(manifest)}\n`);
        logger.info(`shard ${manifest.shard} written; join the shards with \`npm run merge -- DIR…\``);
      },
    },
  };
}

/**
 * Astro's prerenderer, handed only `shard`'s pages (all of them without a
 * shard) in `renderOrder`; for a shard, `seen` gets every page's pathname and the shard's.
 */
export function pagesPrerenderer(
  inner: AstroPrerenderer,
  shard: Shard | undefined,
  previousKeys: ReadonlyMap<string, string>,
  seen: (all: string[], owned: ShardPage[]) => void,
): AstroPrerenderer {
  return {
    name: shard ? `${inner.name} (latitude shard ${shard.index}/${shard.count})` : `${inner.name} (latitude)`,
    setup: () => inner.setup?.() ?? Promise.resolve(),
    getStaticPaths: async () => {
      // The indexer learns every page of the index as soon as the model is built, while the routes still list their pages: a
      // part that changed goes to Pagefind sooner than from the first page rendered (0.8 s in a timed rebuild at 20,000 entries).
      const sink = recordSink();
      if (sink) void whenIndexedPages().then((source) => expectIndexedPages(sink, source).catch(() => undefined)); // a failing model fails the routes too
      const all = await inner.getStaticPaths();
      // Every route's getStaticPaths has loaded the model by now, and with it the list of indexed pages.
      const source = indexedPagesSource();
      if (!source) {
        if (shard) throw new Error('The playbook model did not say which pages the search index holds, so the pages cannot be split into shards.');
        return all; // a whole build without the model's list renders every page, in Astro's order
      }
      const indexed = await source();
      const owned = renderOrder(pagesOfShard(all, indexed, shard), indexed, previousKeys);
      // Only a shard's manifest needs the lists.
      if (shard)
        seen(
          all.map((path) => path.pathname),
          owned.map(({ pathname, route }) => ({ path: pathname, file: pageFile(pathname, route.type === 'endpoint') })),
        );
      return owned;
    },
    render: (request, options) => inner.render(request, options),
    collectStaticImages: inner.collectStaticImages && (() => inner.collectStaticImages!()),
    teardown: () => inner.teardown?.() ?? Promise.resolve(),
  };
}
