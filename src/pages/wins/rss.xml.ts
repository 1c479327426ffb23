import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getPlaybook } from '../../data/playbook.ts';
import { FEED_SIZE } from '../../lib/views/capped-list.ts';
import { winFeedItems, xmlText } from '../../lib/views/feeds.ts';
import { absoluteUrl } from '../../lib/links/href.ts';

/** The newest wins. Links are absolute: PLAYBOOK_SITE, or http://localhost/ when it is not set. */
export const GET: APIRoute = async ({ site }) => {
  const playbook = await getPlaybook();
  const base = import.meta.env.BASE_URL;
  return rss({
    title: xmlText(`${playbook.settings.name}: wins`),
    description: xmlText(`The newest win stories from the ${playbook.settings.name} playbook.`),
    site: absoluteUrl('/wins/', site, base),
    items: winFeedItems(playbook.wins, FEED_SIZE, site, base),
    customData: `<language>${playbook.settings.locale}</language>`,
  });
};
