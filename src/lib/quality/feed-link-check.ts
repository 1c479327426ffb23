/**
 * Broken links in a built site's RSS feeds: every item's <link> and <guid>
 * that points at the site must resolve to a page in the output folder, and
 * its `#fragment` to an id on that page (the changes feed links to a change
 * on its boundary's page). Builds on link-check.ts, which does the same for
 * HTML pages.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { baseFolder, FALLBACK_SITE } from '../links/href.ts';
import { filesUnder } from '../scale/files-under.ts';
import { brokenReason, decodeEntities, findIds, resolveInternal, type BrokenLink } from './link-check.ts';

const FEED_LINK = /<(link|guid)\b[^>]*>([^<]*)<\/\1>/g;

/** The links of an RSS document (channel and items), entities decoded. */
export function findFeedLinks(xml: string): string[] {
  return [...xml.matchAll(FEED_LINK)].map((match) => decodeEntities(match[2]!.trim())).filter((link) => link !== '');
}

export interface FeedLinkCheckOptions {
  /** The site's absolute address; without it, feeds point at http://localhost/. */
  site?: string | undefined;
}

/** Every broken site link in every `.xml` file of `outDir`; `page` is the feed's site path. */
export async function checkFeedLinks(outDir: string, base = '/', options: FeedLinkCheckOptions = {}): Promise<BrokenLink[]> {
  const site = options.site ?? FALLBACK_SITE;
  const files = filesUnder(outDir);
  const existing = new Set(files);
  const root = baseFolder(base);
  const ids = new Map<string, ReadonlySet<string>>();
  const idsOf = (file: string) => {
    if (!ids.has(file)) ids.set(file, findIds(readFileSync(path.join(outDir, file), 'utf8')));
    return ids.get(file)!;
  };
  const broken: BrokenLink[] = [];
  for (const feed of files.filter((file) => file.endsWith('.xml'))) {
    const page = `${root}${feed}`;
    for (const link of findFeedLinks(await readFile(path.join(outDir, feed), 'utf8'))) {
      const target = resolveInternal(link, page, site);
      if (!target) continue;
      const reason = brokenReason(target, base, existing, idsOf);
      if (reason) broken.push({ page, link, reason });
    }
  }
  return broken;
}
