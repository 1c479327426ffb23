/**
 * The loader marks a win's picture for Astro's image pipeline the way
 * Astro's own `image()` schema helper does (src/loaders/playbook-loader.ts,
 * `astroImage`). The prefix is internal to Astro: this test holds the loader
 * to the installed Astro, so a release that changes it fails here.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { astroImage } from '../../src/loaders/playbook-loader.ts';

const ASTRO = path.resolve(import.meta.dirname, '../../node_modules/astro/dist/content');
const work = await mkdtemp(path.join(os.tmpdir(), 'latitude-astro-image-'));
afterAll(() => rm(work, { recursive: true, force: true }));

type EntryData = (
  entry: { id: string; collection: string; unvalidatedData: unknown; _internal: { rawData: undefined; filePath: string } },
  config: { type: string; schema: (context: { image: () => z.ZodType }) => z.ZodType },
  shouldEmitFile: boolean,
) => Promise<{ image: string }>;

describe("a win's picture in the data store", () => {
  it('is written with the prefix Astro uses for image imports', async () => {
    const { IMAGE_IMPORT_PREFIX } = (await import(path.join(ASTRO, 'consts.js'))) as { IMAGE_IMPORT_PREFIX: string };
    expect(astroImage('./x.jpg')).toBe(`${IMAGE_IMPORT_PREFIX}./x.jpg`);
  });

  it("is exactly what Astro's own image() stores for a content-layer collection, relative and absolute paths alike", async () => {
    const { getEntryData } = (await import(path.join(ASTRO, 'utils.js'))) as { getEntryData: EntryData };
    const { CONTENT_LAYER_TYPE } = (await import(path.join(ASTRO, 'consts.js'))) as { CONTENT_LAYER_TYPE: string };
    const filePath = path.join(work, 'wins/2026/a-win.md');
    await writeFile(path.join(work, 'picture.jpg'), '');
    const viaAstro = async (image: string) =>
      (
        await getEntryData(
          { id: 'a-win', collection: 'wins', unvalidatedData: { image }, _internal: { rawData: undefined, filePath } },
          { type: CONTENT_LAYER_TYPE, schema: ({ image: imageSchema }) => z.object({ image: imageSchema() }) },
          false,
        )
      ).image;
    for (const written of ['./picture.jpg', '../../assets/picture.jpg', path.join(work, 'staged/picture.jpg')]) {
      expect(astroImage(written)).toBe(await viaAstro(written));
    }
  });

  it("is turned into an image import by Astro's data store", async () => {
    const { readFile } = await import('node:fs/promises');
    const store = await readFile(path.join(ASTRO, 'mutable-data-store.js'), 'utf8');
    expect(store).toContain('val.startsWith(IMAGE_IMPORT_PREFIX)');
  });
});
