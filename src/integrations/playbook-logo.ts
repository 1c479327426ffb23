/**
 * The playbook's logo lives in the content root, outside public/. This
 * copies it to `<outDir>/_latitude/logo.<ext>` after a build and serves it
 * at the same address in dev, so the header's <img> works either way.
 * After a build it also draws the app icons and favicon (APP_ICONS) from the
 * logo, or from Latitude's default icon when there is none, with sharp
 * (which Astro already uses for images): the logo centred on white, so a
 * wide or transparent logo still makes a square icon.
 */
import type { AstroIntegration } from 'astro';
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isInside } from '../lib/reading/paths.ts';
import { readPlaybookFileUnchecked } from '../lib/reading/playbook-file.ts';
import { contentRoot as pinnedContentRoot } from '../loaders/playbook-read.ts';
import { withBase } from '../lib/links/href.ts';
import { APP_ICONS } from '../lib/views/app-icons.ts';
import { logoSitePath } from '../lib/links/logo.ts';

const DEFAULT_ICON = fileURLToPath(new URL('../assets/default-icon.svg', import.meta.url));

/** The icons of APP_ICONS under `outDir`, drawn from `source` (an image file). */
async function drawIcons(source: string, outDir: string): Promise<void> {
  const { default: sharp } = await import('sharp');
  const input = await readFile(source);
  for (const icon of APP_ICONS) {
    const target = path.join(outDir, icon.path);
    await mkdir(path.dirname(target), { recursive: true });
    const padding = Math.round(icon.size * 0.08);
    await sharp(input, { density: 300 })
      .resize(icon.size - 2 * padding, icon.size - 2 * padding, { fit: 'contain', background: { r: 255, g: 255, b: 255, alpha: 1 } })
      .extend({ top: padding, bottom: padding, left: padding, right: padding, background: { r: 255, g: 255, b: 255, alpha: 1 } })
      .flatten({ background: '#ffffff' })
      .png()
      .toFile(target);
  }
}

const TYPES: Record<string, string> = {
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.avif': 'image/avif',
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

/** `contentRoot`: the content root astro.config.mjs resolved once for the whole build. */
export function playbookLogo(contentRoot: string = pinnedContentRoot()): AstroIntegration {
  let base = '/';
  return {
    name: 'latitude:logo',
    hooks: {
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
        const outDir = fileURLToPath(dir);
        if (logo) {
          const target = path.join(outDir, logo.sitePath);
          await mkdir(path.dirname(target), { recursive: true });
          await copyFile(logo.file, target);
          logger.info(`logo copied to ${logo.sitePath}`);
        }
        try {
          await drawIcons(logo?.file ?? DEFAULT_ICON, outDir);
        } catch {
          // A logo sharp cannot read: the default icon, and a word for the editor.
          logger.warn(`the logo could not be made into app icons, so the default icon is used: use an SVG, PNG, JPEG or WebP file`);
          await drawIcons(DEFAULT_ICON, outDir);
        }
      },
    },
  };
}
