/**
 * The build's last line says how to open the site: `npm run preview` and the
 * address it serves, base path included. Astro prints its own summary after
 * every `astro:build:done` hook, so the line is written as the build process
 * exits, and only when the build succeeded.
 */
import type { AstroIntegration } from 'astro';
import { baseFolder } from '../lib/links/href.ts';

/** Astro's preview server: `npm run preview` binds 127.0.0.1 on Astro's default port. */
export const PREVIEW_ORIGIN = 'http://127.0.0.1:4321';

/** The variables `npm run preview` must see again to serve this build: where it is and its base path. */
const PREVIEW_VARIABLES = ['PLAYBOOK_OUT_DIR', 'PLAYBOOK_BASE'] as const;

export function howToOpenLine(base: string, env: Record<string, string | undefined> = process.env): string {
  const variables = PREVIEW_VARIABLES.filter((name) => env[name]).map((name) => `${name}=${env[name]} `);
  return `Open it with \`${variables.join('')}npm run preview\`, then visit ${PREVIEW_ORIGIN}${baseFolder(base)}`;
}

export function howToOpen(): AstroIntegration {
  let base = '/';
  return {
    name: 'latitude:open',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': ({ logger }) => {
        process.once('exit', (code) => {
          if (code === 0) logger.info(howToOpenLine(base));
        });
      },
    },
  };
}
