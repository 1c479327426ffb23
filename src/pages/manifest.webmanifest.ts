/**
 * `<base>manifest.webmanifest`: the web app manifest, so the playbook can be
 * added to a phone's home screen and opens on its own, with the icons made
 * from playbook.yaml's logo.
 */
import type { APIRoute } from 'astro';
import { getPlaybook } from '../data/playbook.ts';
import { APP_ICONS, BACKGROUND_COLOUR, shortName, THEME_COLOUR } from '../lib/views/app-icons.ts';
import { href } from '../lib/links/href.ts';

/** In the address's language: the app opens on that language's home page. */
export const GET: APIRoute = async ({ locals: { lang } }) => {
  const { settings } = await getPlaybook(lang.tag);
  const manifest = {
    name: settings.name,
    short_name: shortName(settings.name),
    description: lang.isBase ? settings.tagline : undefined,
    lang: lang.tag,
    start_url: lang.href('/'),
    scope: lang.href('/'),
    display: 'standalone',
    theme_color: THEME_COLOUR,
    background_color: BACKGROUND_COLOUR,
    icons: APP_ICONS.filter((icon) => icon.use === 'manifest').map((icon) => ({
      src: href(icon.path),
      sizes: `${icon.size}x${icon.size}`,
      type: 'image/png',
      purpose: 'any',
    })),
  };
  return new Response(JSON.stringify(manifest), { headers: { 'content-type': 'application/manifest+json' } });
};
