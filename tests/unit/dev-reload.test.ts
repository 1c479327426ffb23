/**
 * The dev server reloads the browser only once the content it reloads for
 * is stored: a save is read again, the collections refreshed and written,
 * and only then the page reloaded; Vite's own hot update never reloads for a
 * content file before that.
 */
import { EventEmitter } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { HotUpdateOptions, ViteDevServer } from 'vite';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { contentReloadsAfterStore, playbookDev } from '../../src/integrations/playbook-dev.ts';
import { VALID_ROOT } from '../support/bad-input.ts';

type Hooks = AstroIntegration['hooks'];
type SetupParams = Parameters<NonNullable<Hooks['astro:config:setup']>>[0];
type ServerParams = Parameters<NonNullable<Hooks['astro:server:setup']>>[0];

const cacheDir = await mkdtemp(path.join(os.tmpdir(), 'latitude-dev-reload-'));
afterAll(() => rm(cacheDir, { recursive: true, force: true }));

describe('the dev server after a save', () => {
  it('reloads the page only after the collections have stored the new reading', async () => {
    vi.stubEnv('PLAYBOOK_CONTENT_DIR', VALID_ROOT);
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const events: string[] = [];
      const integration = playbookDev(VALID_ROOT);
      const plugins: unknown[] = [];
      await integration.hooks['astro:config:setup']!({
        command: 'dev',
        config: { cacheDir: pathToFileURL(`${cacheDir}/`) },
        updateConfig: (config: { vite?: { plugins?: unknown[] } }) => plugins.push(...(config.vite?.plugins ?? [])),
      } as unknown as SetupParams);
      expect(plugins).toHaveLength(1);

      const watcher = Object.assign(new EventEmitter(), { add: () => undefined });
      const server = {
        watcher,
        ws: { send: (message: { type: string }) => events.push(message.type) },
        middlewares: { use: () => undefined },
      } as unknown as ViteDevServer;
      const logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
      const refreshContent = async () => {
        events.push('refresh started');
        await new Promise((resolve) => setTimeout(resolve, 200));
        events.push('stored');
      };
      await integration.hooks['astro:server:setup']!({ server, logger, refreshContent } as unknown as ServerParams);

      watcher.emit('change', path.join(VALID_ROOT, 'boundaries/refund-a-purchase.md'));
      await vi.waitFor(() => expect(events).toContain('full-reload'), { timeout: 10_000, interval: 50 });
      expect(events.filter((event) => event !== 'error')).toEqual(['refresh started', 'stored', 'full-reload']);
    } finally {
      stderr.mockRestore();
      vi.unstubAllEnvs();
    }
  });

  it("keeps Vite's own hot update off content files, and leaves the project's own files to it", () => {
    const root = '/srv/playbook';
    const plugin = contentReloadsAfterStore(() => root);
    const hotUpdate = plugin.hotUpdate as (options: Pick<HotUpdateOptions, 'file'>) => unknown;
    expect(plugin.enforce).toBe('pre');
    expect(hotUpdate({ file: '/srv/playbook/boundaries/refund.mdx' })).toEqual([]);
    expect(hotUpdate({ file: '/srv/project/src/pages/index.astro' })).toBeUndefined();
  });
});
