/**
 * A shard of the build (`npm run build -- --shard K/N`, see
 * src/lib/scale/shard-flag.ts): every shard reads the whole playbook and
 * runs every route's `getStaticPaths`, then renders only the pages it owns
 * (`pagesOfShard`: each part of the search index whole, with all of its
 * pages, so the shard writes that part finished; the other pages even out
 * the shards). The split is made in one place, Astro's
 * prerenderer: this integration wraps Astro's own and hands it only this
 * shard's pages, so no route knows about shards, and singleton pages (the
 * home page, feeds, playbook.json, the 404 page) are owned by one shard like
 * any other page. Files that are not pages (bundled scripts and styles,
 * public/, the icons, pictures) are written by every shard that needs them,
 * byte for byte the same; `npm run merge` keeps one copy and checks they
 * agree.
 *
 * After the build it writes `latitude-shard.json` (src/lib/scale/shard-manifest.ts)
 * for the merge. A whole build (no shard) is left exactly as it is.
 */
import type { AstroIntegration, AstroPrerenderer } from 'astro';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDate } from '../lib/domain/review.ts';
import { currentShard, type Shard } from '../lib/scale/shard.ts';
import { indexedPagesSource } from '../lib/search/record-sink.ts';
import { pageFile, pagesOfShard, SHARD_MANIFEST, type ShardManifest, type ShardPage } from '../lib/scale/shard-manifest.ts';

export function playbookShard(shard: Shard | undefined = currentShard()): AstroIntegration {
  let base = '/';
  let allPages: string[] = [];
  let pages: ShardPage[] = [];
  return {
    name: 'latitude:shard',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:start': ({ setPrerenderer, logger }) => {
        if (!shard) return;
        setPrerenderer((inner) =>
          shardPrerenderer(inner, shard, (all, owned) => {
            allPages = all;
            pages = owned;
            logger.info(`shard ${shard.index}/${shard.count}: ${owned.length} of ${all.length} pages`);
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

/** Astro's prerenderer, handed only `shard`'s pages; `seen` gets every page's pathname and this shard's. */
export function shardPrerenderer(inner: AstroPrerenderer, shard: Shard, seen: (all: string[], owned: ShardPage[]) => void): AstroPrerenderer {
  return {
    name: `${inner.name} (latitude shard ${shard.index}/${shard.count})`,
    setup: () => inner.setup?.() ?? Promise.resolve(),
    getStaticPaths: async () => {
      const all = await inner.getStaticPaths();
      // Every route's getStaticPaths has loaded the model by now, and with it the list of indexed pages.
      const source = indexedPagesSource();
      if (!source) throw new Error('The playbook model did not say which pages the search index holds, so the pages cannot be split into shards.');
      const owned = pagesOfShard(all, await source(), shard);
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
