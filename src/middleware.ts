/**
 * Gives every page and endpoint its reader's language, `Astro.locals.lang`,
 * from its address: the base language at the site's root, each other
 * language under its prefix (`/fr-ca/…`). Pages take their words, formats
 * and links from it, and the model in that language from
 * `getPlaybook(lang.tag)`.
 */
import { defineMiddleware } from 'astro:middleware';
import { pageLanguageOf } from './data/playbook.ts';

export const onRequest = defineMiddleware(async (context, next) => {
  context.locals.lang = await pageLanguageOf(context.url.pathname);
  return next();
});
