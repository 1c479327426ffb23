import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getPlaybook } from '../../data/playbook.ts';
import { FEED_SIZE } from '../../lib/views/capped-list.ts';
import { winFeedItems, xmlText } from '../../lib/views/feeds.ts';
import { absoluteUrl } from '../../lib/links/href.ts';
import { languageBase } from '../../lib/languages/page-language.ts';

/** The newest wins, in the address's language. Links are absolute: PLAYBOOK_SITE, or http://localhost/ when it is not set. */
export const GET: APIRoute = async ({ site, locals: { lang } }) => {
  const playbook = await getPlaybook(lang.tag);
  const base = languageBase(lang);
  return rss({
    title: xmlText(lang.t('feed.winsTitle', { name: playbook.settings.name })),
    description: xmlText(lang.t('feed.winsDescription', { name: playbook.settings.name })),
    site: absoluteUrl('/wins/', site, base),
    items: winFeedItems(playbook.wins, FEED_SIZE, site, base),
    customData: `<language>${lang.tag}</language>`,
  });
};
