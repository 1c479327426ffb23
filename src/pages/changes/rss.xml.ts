import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getPlaybook } from '../../data/playbook.ts';
import { FEED_SIZE } from '../../lib/views/capped-list.ts';
import { changeFeedItems, xmlText } from '../../lib/views/feeds.ts';
import { absoluteUrl } from '../../lib/links/href.ts';

/** The newest boundary changes. Links are absolute: PLAYBOOK_SITE, or http://localhost/ when it is not set. */
export const GET: APIRoute = async ({ site }) => {
  const playbook = await getPlaybook();
  const base = import.meta.env.BASE_URL;
  return rss({
    title: xmlText(`${playbook.settings.name}: boundary changes`),
    description: xmlText(`Changes to the decision boundaries of the ${playbook.settings.name} playbook, newest first.`),
    site: absoluteUrl('/changes/', site, base),
    items: changeFeedItems(playbook.changes, FEED_SIZE, site, base),
    customData: `<language>${playbook.settings.locale}</language>`,
  });
};
