/**
 * The playbook's logo lives in the content root, outside public/. This
 * copies it to `<outDir>/_latitude/logo.<ext>` after a build and serves it
 * at the same address in dev, so the header's <img> works either way.
 */
import type { AstroIntegration } from 'astro';
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isInside } from '../lib/content-root/paths.ts';
import { readPlaybookFileUnchecked } from '../lib/content-root/playbook-file.ts';
import { resolveContentRoot } from '../lib/content-root/resolve-content-root.ts';
import { withBase } from '../lib/links/href.ts';
import { logoSitePath } from '../lib/links/logo.ts';

const TYPES: Record<string, string> = {
  '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.webp': 'image/webp', '.gif': 'image/gif', '.avif': 'image/avif',
};

/** The logo file named in playbook.yaml, if it exists inside the content root. */
async function findLogo(contentRoot: string): Promise<{ file: string; sitePath: string } | undefined> {
  // The validator reports a missing or broken playbook.yaml, and a logo outside the content root.
  const logo = readPlaybookFileUnchecked(contentRoot)?.logo;
  if (typeof logo !== 'string') return undefined;
  const file = path.resolve(contentRoot, logo);
  if (!isInside(contentRoot, file)) return undefined;
  const found = await stat(file).catch(() => undefined);
  return found?.isFile() ? { file, sitePath: logoSitePath(logo) } : undefined;
}

export function playbookLogo(): AstroIntegration {
  let contentRoot = '';
  let base = '/';
  return {
    name: 'latitude:logo',
    hooks: {
      'astro:config:setup': ({ config }) => {
        contentRoot = resolveContentRoot({ projectRoot: fileURLToPath(config.root) });
      },
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use(async (request, response, next) => {
          const logo = await findLogo(contentRoot);
          const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
          if (!logo || pathname !== withBase(logo.sitePath, base)) return next();
          response.setHeader('content-type', TYPES[path.extname(logo.file).toLowerCase()] ?? 'application/octet-stream');
          createReadStream(logo.file).pipe(response);
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const logo = await findLogo(contentRoot);
        if (!logo) return;
        const target = path.join(fileURLToPath(dir), logo.sitePath);
        await mkdir(path.dirname(target), { recursive: true });
        await copyFile(logo.file, target);
        logger.info(`logo copied to ${logo.sitePath}`);
      },
    },
  };
}
