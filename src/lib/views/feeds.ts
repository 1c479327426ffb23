/**
 * The RSS feeds' items, as plain data for @astrojs/rss: absolute links,
 * newest first, capped. Without PLAYBOOK_SITE the links use FALLBACK_SITE.
 */
import { absoluteUrl } from '../links/href.ts';

export interface FeedItem {
  title: string;
  link: string;
  pubDate: Date;
  description: string;
}

interface FeedWin {
  title: string;
  path: string;
  date: string;
  people: readonly string[];
  impact?: string | undefined;
}

interface FeedChange {
  date: string;
  summary: string;
  /** The change's anchor on its boundary's page (the model's). */
  anchor: string;
  boundary: { title: string; path: string };
}

const day = (date: string) => new Date(`${date}T00:00:00Z`);

/**
 * Text as XML 1.0 can carry it: control characters (C0 but tab and line
 * breaks, DEL, C1), U+FFFE/U+FFFF and lone surrogates removed. The validator
 * refuses them in content; this is the feed's own boundary, so no text can
 * ever make a feed unreadable.
 */
export function xmlText(text: string): string {
  return text.replace(
    /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    '',
  );
}

export function winFeedItems(wins: readonly FeedWin[], max: number, site: string | URL | undefined, base: string): FeedItem[] {
  return wins.slice(0, max).map((win) => ({
    title: xmlText(win.title),
    link: absoluteUrl(win.path, site, base),
    pubDate: day(win.date),
    description: xmlText([win.people.join(', '), win.impact].filter(Boolean).join(': ')),
  }));
}

/** `line` writes a change's title in the feed's language: "Refund a purchase: Limit raised". */
export function changeFeedItems(
  changes: readonly FeedChange[],
  max: number,
  site: string | URL | undefined,
  base: string,
  line: (boundary: string, summary: string) => string = (boundary, summary) => `${boundary}: ${summary}`,
): FeedItem[] {
  return changes.slice(0, max).map((change) => ({
    title: xmlText(line(change.boundary.title, change.summary)),
    link: absoluteUrl(`${change.boundary.path}#${change.anchor}`, site, base),
    pubDate: day(change.date),
    description: xmlText(change.summary),
  }));
}
