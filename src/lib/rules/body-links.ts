/**
 * Links written in bodies lead somewhere: an internal link (`/boundaries/x/`,
 * `../x/`, `#part`) must name an address the site publishes, and a `#part`
 * of an entry's page must be one of that page's parts. Checked against the
 * addresses of the playbook model (`publishedAddresses`, made by
 * views/site-addresses.ts), so the editor
 * hears of it at the link's line and column, with the address they probably
 * meant; `npm run check-links` still checks the built site as a whole.
 *
 * Links to other sites, `mailto:` and the like are not followed. A link to
 * an entry that could not be read whole is not judged (its file has its own
 * findings, and the report says it could not be fully checked).
 */
import { COLLECTIONS, COLLECTION_NAMES, type CollectionName } from '../../../schemas/index.ts';
import { closestMatch, closestMatches } from '../diagnostics/did-you-mean.ts';
import type { Finding } from '../diagnostics/diagnostic.ts';
import { entryAt, entryPath } from '../domain/entry-address.ts';
import type { CheckedEntry } from '../reading/checked-content.ts';
import { whereListed } from './references.ts';
import { problem, MESSAGES, type Problem } from '../diagnostics/catalogue.ts';
import type { Rule } from './rule.ts';

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const CONTENT_FILE = /\.(md|mdx|ya?ml)$/;
/** How many of a page's parts a hint lists when none is close to the one written. */
const MAX_PARTS_LISTED = 8;

/** Where an internal link leads: a site path and the part after `#`; undefined for links that leave the site. */
export function internalTarget(url: string, from: string): { path: string; fragment: string | undefined } | undefined {
  if (url === '' || SCHEME.test(url) || url.startsWith('//')) return undefined;
  let resolved: URL;
  try {
    resolved = new URL(url, new URL(from, 'https://playbook.invalid'));
  } catch {
    return undefined;
  }
  let path = decodeURIComponentSafe(resolved.pathname);
  // The site's addresses end in a slash; a link without it reaches the same page.
  if (!path.endsWith('/') && !/\.[a-z0-9]+$/i.test(path)) path += '/';
  const fragment = resolved.hash === '' ? undefined : decodeURIComponentSafe(resolved.hash.slice(1));
  return { path, fragment };
}

export const checkBodyLinks: Rule = (content) => {
  const { entries, partial, known } = content;
  const linking = [...Object.values(entries), ...Object.values(partial)].flat() as CheckedEntry[];
  if (!linking.some((entry) => entry.bodyLinks.length > 0)) return [];
  const addresses = content.publishedAddresses();
  if (!addresses) return [];

  const entryOfFile = new Map(
    COLLECTION_NAMES.flatMap((name) => content.sources[name].map((source) => [source.file, { collection: name, id: source.id }] as const)),
  );

  const findings: Finding[] = [];
  for (const entry of linking) {
    const page = entryPath(entry.collection, entry.id);
    for (const link of entry.bodyLinks) {
      const target = internalTarget(link.url, page);
      if (!target) continue;
      const wrong = linkProblem(link.url, target, entry);
      if (wrong) findings.push({ file: entry.file, path: [], position: link.position, ...wrong.problem, found: wrong.found });
    }
  }
  return findings;

  function linkProblem(url: string, { path, fragment }: { path: string; fragment: string | undefined }, from: CheckedEntry): WrongLink | undefined {
    const address = addresses!.at(path);
    if (address) {
      const { parts } = address;
      if (fragment === undefined || !parts || parts.has(fragment)) return undefined;
      const near = closestMatch(fragment, parts);
      const listed = [...parts].slice(0, MAX_PARTS_LISTED).map((part) => `#${part}`);
      const own = path === entryPath(from.collection, from.id);
      return { problem: problem(MESSAGES['body-link'], 'part', { url, fragment, own, near, listed, more: parts.size > listed.length }), found: fragment };
    }
    if (CONTENT_FILE.test(path)) return fileLink(url, from);
    const wanted = entryAt(path);
    if (wanted && known[wanted.collection].has(wanted.id)) return entryWithoutPage(url, wanted, from);
    if (wanted) {
      const near = closestMatches(wanted.id, addresses!.pagedIds(wanted.collection), 3).map((id) => entryPath(wanted.collection, id));
      const label = COLLECTIONS[wanted.collection].label.toLowerCase();
      return {
        problem: problem(MESSAGES['body-link'], 'no-entry', {
          url,
          label,
          id: wanted.id,
          near,
          listed: whereListed(wanted.collection),
          example: entryPath(wanted.collection, '<id>'),
        }),
        found: wanted.id,
      };
    }
    const section = path.split('/')[1] ?? '';
    // Near misses among the pages of the same section, and the sections themselves (/rules/ → /roles/).
    const near = closestMatch(
      path,
      [...addresses!.paths()].filter((candidate) => candidate.split('/')[1] === section || candidate.split('/').length <= 3),
    );
    return { problem: problem(MESSAGES['body-link'], 'no-page', { url, path, near }), found: path };
  }

  /** An entry that exists but has no page: a draft, or one that could not be read (its own file says why). */
  function entryWithoutPage(url: string, { collection, id }: { collection: CollectionName; id: string }, from: CheckedEntry): WrongLink | undefined {
    const status = known[collection].get(id);
    if (status !== 'draft' || from.data.status === 'draft') return undefined;
    return { problem: problem(MESSAGES['body-link'], 'draft', { url, status: from.data.status ?? 'published', id }), found: id };
  }

  /** A link to a content file (`../boundaries/refund.md`, as the files sit side by side): the file is not published, its page is. */
  function fileLink(url: string, from: CheckedEntry): WrongLink {
    const file = new URL(url, `https://root.invalid/${from.file}`).pathname.slice(1);
    const entry = entryOfFile.get(decodeURIComponentSafe(file));
    return { problem: problem(MESSAGES['body-link'], 'content-file', { url, page: entry && entryPath(entry.collection, entry.id) }), found: url };
  }
};

/** What is wrong with a link, and the part of it that is wrong. */
interface WrongLink {
  problem: Problem;
  found: string;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
