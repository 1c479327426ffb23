/**
 * Every page in every language: for each of playbook.yaml's `languages`,
 * each route of src/pages is added again under the language's prefix
 * (`/fr-ca/can-i/`, `/fr-ca/boundaries/[id]`), served by the same page file.
 * A page knows its language from its address (src/middleware.ts); its
 * `getStaticPaths` is the same in every language. A new page is therefore
 * in every language as soon as it takes its words from `Astro.locals.lang`.
 *
 * The languages are read from playbook.yaml when the build starts (the
 * validator checks them properly); the dev server restarts when the file
 * changes, so a language added there appears at once.
 */
import type { AstroIntegration } from 'astro';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PLAYBOOK_FILE } from '../../schemas/index.ts';
import { languagePath } from '../lib/languages/site-languages.ts';
import { readPlaybookFileUnchecked } from '../lib/reading/playbook-file.ts';
import { contentRoot as pinnedContentRoot } from '../loaders/playbook-read.ts';

/**
 * Routes that hold data, not words, and exist once for the whole site.
 * Add a route here when it serves the same bytes in every language.
 */
export const SINGLE_LANGUAGE_ROUTES: ReadonlySet<string> = new Set(['/[register].csv', '/[register].json', '/playbook.json', '/playbook.schema.json']);

/** `contentRoot`: the content root astro.config.mjs resolved once for the whole build. */
export function playbookLanguages(contentRoot: string = pinnedContentRoot()): AstroIntegration {
  return {
    name: 'latitude:languages',
    hooks: {
      'astro:config:setup': ({ config, injectRoute, addWatchFile }) => {
        addWatchFile(path.join(contentRoot, PLAYBOOK_FILE));
        const pagesDir = fileURLToPath(new URL('./src/pages/', config.root));
        const routes = pageRoutes(pagesDir).filter((route) => !SINGLE_LANGUAGE_ROUTES.has(route.pattern));
        for (const language of configuredLanguages(contentRoot)) {
          for (const route of routes) {
            injectRoute({ pattern: `/${languagePath(language)}${route.pattern === '/' ? '' : route.pattern}`, entrypoint: route.entrypoint });
          }
        }
      },
    },
  };
}

/** `languages` from playbook.yaml, as far as it can be read; the validator reports what is wrong with it. */
function configuredLanguages(contentRoot: string): string[] {
  const languages = readPlaybookFileUnchecked(contentRoot)?.languages;
  if (!Array.isArray(languages)) return [];
  return [...new Set(languages.filter((tag): tag is string => typeof tag === 'string' && /^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/.test(tag)))];
}

/** Every page file's route, the way Astro names file routes: `boundaries/[id].astro` → `/boundaries/[id]`, `index.astro` → its folder. */
export function pageRoutes(pagesDir: string): { pattern: string; entrypoint: string }[] {
  return readdirSync(pagesDir, { recursive: true, withFileTypes: true })
    .filter((item) => item.isFile() && /\.(?:astro|ts|js)$/.test(item.name))
    .map((item) => path.relative(pagesDir, path.join(item.parentPath, item.name)).split(path.sep).join('/'))
    .filter((file) => file.split('/').every((part) => !part.startsWith('_')))
    .sort()
    .map((file) => {
      const route = `/${file.replace(/\.(?:astro|ts|js)$/, '')}`.replace(/(?:^|\/)index$/, '');
      return { pattern: route || '/', entrypoint: path.join(pagesDir, file) };
    });
}
