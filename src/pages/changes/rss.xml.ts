import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getPlaybook } from '../../data/playbook.ts';
import { FEED_SIZE } from '../../lib/views/capped-list.ts';
import { changeFeedItems, xmlText } from '../../lib/views/feeds.ts';
import { absoluteUrl } from '../../lib/links/href.ts';
import { languageBase } from '../../lib/languages/page-language.ts';

/** The newest boundary changes, in the address's language. Links are absolute: PLAYBOOK_SITE, or http://localhost/ when it is not set. */
export const GET: APIRoute = async ({ site, locals: { lang } }) => {
  const playbook = await getPlaybook(lang.tag);
  const base = languageBase(lang);
  return rss({
    title: xmlText(lang.t('feed.changesTitle', { name: playbook.settings.name })),
    description: xmlText(lang.t('feed.changesDescription', { name: playbook.settings.name })),
    site: absoluteUrl('/changes/', site, base),
    items: changeFeedItems(playbook.changes, FEED_SIZE, site, base, (boundary, summary) => lang.t('changes.item', { boundary, summary })),
    customData: `<language>${lang.tag}</language>`,
  });
};
