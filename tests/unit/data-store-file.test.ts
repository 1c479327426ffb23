/**
 * The build reads Astro's content data store from its file instead of
 * bundling it (src/integrations/data-store-file.ts). That rests on two of
 * Astro's internal names: the data store's module and its file. These tests
 * hold them to the installed Astro, and run the module the plugin writes.
 */
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { DATA_STORE_FILE, DATA_STORE_MODULE, dataStoreModule, dataStorePlugin } from '../../src/integrations/data-store-file.ts';
import { PROJECT_ROOT } from '../support/build-playbook.ts';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('the content data store, read from its file', () => {
  it("uses the installed Astro's names for the store's module and file", () => {
    const consts = readFileSync(path.join(PROJECT_ROOT, 'node_modules/astro/dist/content/consts.js'), 'utf8');
    expect(consts).toContain(`const DATA_STORE_VIRTUAL_ID = ${JSON.stringify(DATA_STORE_MODULE)};`);
    expect(consts).toContain(`const DATA_STORE_FILE = ${JSON.stringify(DATA_STORE_FILE)};`);
    // Astro's own module for a build parses the file's text as it is: the same value as reading it.
    const plugin = readFileSync(path.join(PROJECT_ROOT, 'node_modules/astro/dist/content/vite-plugin-content-virtual-mod.js'), 'utf8');
    expect(plugin).toContain('code: `export default JSON.parse(${JSON.stringify(jsonData)})`');
  });

  it('answers only the store module, before any other plugin, and the module it writes gives the file parsed, or an empty Map when there is none', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'latitude-store-'));
    dirs.push(dir);
    const file = path.join(dir, "R&D #2 'quoted'", DATA_STORE_FILE);
    const plugin = dataStorePlugin(file);
    expect(plugin.resolveId.order).toBe('pre');
    expect(plugin.load.order).toBe('pre');
    expect(plugin.resolveId.handler('astro:content')).toBeUndefined();
    const resolved = plugin.resolveId.handler(DATA_STORE_MODULE)!;
    expect(resolved).not.toBe('\0astro:data-layer-content'); // Astro's own loader takes that id
    expect(plugin.load.handler('astro:content')).toBeUndefined();
    expect(plugin.load.handler(resolved)?.code).toBe(dataStoreModule(file));
    const module = path.join(dir, 'store.mjs');
    await writeFile(module, dataStoreModule(file));
    expect((await import(`${pathToFileURL(module).href}?none`)).default).toEqual(new Map());
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, '[["Map",1],[2,3],"wins",{"a":4},"x"]');
    expect((await import(`${pathToFileURL(module).href}?written`)).default).toEqual([['Map', 1], [2, 3], 'wins', { a: 4 }, 'x']);
  });
});
