/**
 * A content root built, served by `astro preview` on 127.0.0.1 and opened in Chromium: what
 * every browser test starts from. One build per test file (builds are the
 * slow part); `close()` stops the browser and server and removes the build.
 */
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { buildPlaybook, type BuildOptions, type BuildResult } from './build-playbook.ts';
import { previewSite, type PreviewServer } from './preview-server.ts';

export interface BrowsedSite {
  build: BuildResult;
  server: PreviewServer;
  browser: Browser;
  close(): Promise<void>;
}

export async function browseBuiltPlaybook(contentRoot: string, options: BuildOptions = {}): Promise<BrowsedSite> {
  const build = await buildPlaybook(contentRoot, options);
  if (build.exitCode !== 0) {
    await build.cleanup();
    throw new Error(`the playbook at ${contentRoot} must build:\n${build.stdout}\n${build.stderr}`);
  }
  const server = await previewSite(build.outDir);
  const browser = await launchBrowser();
  return {
    build,
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
      await build.cleanup();
    },
  };
}
