import { wellFormedXml } from '../../support/xml.ts';
import { describe, expect, it } from 'vitest';
import { changeFeedItems, winFeedItems, xmlText } from '../../../src/lib/views/feeds.ts';

const wins = Array.from({ length: 60 }, (_, i) => ({
  title: `Win ${i}`,
  path: `/wins/w-${i}/`,
  date: '2026-03-01',
  people: ['Ana', 'Ben'],
  impact: i === 0 ? 'Kept a customer' : undefined,
}));

describe('winFeedItems', () => {
  it('caps the feed and writes absolute links with site and base', () => {
    const items = winFeedItems(wins, 50, 'https://example.org', '/playbook/');
    expect(items).toHaveLength(50);
    expect(items[0]).toEqual({
      title: 'Win 0',
      link: 'https://example.org/playbook/wins/w-0/',
      pubDate: new Date('2026-03-01T00:00:00Z'),
      description: 'Ana, Ben: Kept a customer',
    });
    expect(items[1]!.description).toBe('Ana, Ben');
  });

  it('falls back to localhost without a site', () => {
    expect(winFeedItems(wins, 1, undefined, '/')[0]!.link).toBe('http://localhost/wins/w-0/');
  });
});

describe('changeFeedItems', () => {
  it('links each change to its anchor on the boundary page', () => {
    const boundary = { title: 'Refund a purchase', path: '/boundaries/refund/' };
    const [item] = changeFeedItems([{ date: '2026-03-01', summary: 'Raised to £75', anchor: 'change-2026-03-01', boundary }], 50, 'https://example.org/', '/');
    expect(item).toMatchObject({ title: 'Refund a purchase: Raised to £75', link: 'https://example.org/boundaries/refund/#change-2026-03-01' });
  });
});
describe('control characters in feed text', () => {
  it('never make the RSS invalid XML: stripped at the feed boundary', async () => {
    const { getRssString } = await import('@astrojs/rss');
    const { XMLParser } = await import('fast-xml-parser');
    const nasty = 'A\u0000B\u0001C\u0008D\u000bE\u001fF\u007fG\u0085H\u009fI\ufffeJ\ud800K';
    const items = winFeedItems([{ title: nasty, path: '/wins/w/', date: '2026-01-01', people: [nasty], impact: nasty }], 10, 'https://p.example', '/');
    const xml = await getRssString({ title: xmlText(nasty), description: xmlText(nasty), site: 'https://p.example', items });
    expect(wellFormedXml(xml)).toBe(true);
    const parsed = new XMLParser().parse(xml) as { rss: { channel: { title: string; item: { title: string } } } };
    expect(parsed.rss.channel.title).toBe('ABCDEFGHIJK');
    expect(parsed.rss.channel.item.title).toBe('ABCDEFGHIJK');
    expect(xmlText('tab\tline\nreturn\r emoji 😀 bidi \u202e')).toBe('tab\tline\nreturn\r emoji 😀 bidi \u202e');
  });
});
