/**
 * `npm run check-links -- [DIR]`: after any build, checks that every internal
 * link, asset and #anchor in the built site resolves: in every HTML page
 * (href, src, srcset) and in every RSS feed's item links.
 *
 *   DIR          the built site (default: PLAYBOOK_OUT_DIR, else dist/)
 *   --base PATH  the base path it was built for (default: PLAYBOOK_BASE, else /)
 *   --site URL   its absolute address (default: PLAYBOOK_SITE); absolute links to it are checked too
 *
 * Prints each broken link under the page it is on. Exit 0 when everything
 * resolves, 1 when something is broken, 2 for a usage mistake.
 */
import { existsSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkFeedLinks } from '../lib/quality/feed-link-check.ts';
import { checkLinks, type BrokenLink } from '../lib/quality/link-check.ts';
import { invocationDir } from '../lib/reading/resolve-content-root.ts';

const USAGE = `Usage: npm run check-links -- [DIR] [--base PATH] [--site URL]

  DIR          the built site to check (default: PLAYBOOK_OUT_DIR, else dist/)
  --base PATH  the base path it was built with (default: PLAYBOOK_BASE, else /)
  --site URL   the address it is served at (default: PLAYBOOK_SITE)`;

const REASONS: Record<BrokenLink['reason'], string> = {
  'missing file': 'nothing is published at this address',
  'missing fragment': 'the page has no element with this #id',
  'outside base': 'the address is outside the base path',
};

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        base: { type: 'string' },
        site: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    process.stderr.write(`check-links: ${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (positionals.length > 1) {
    process.stderr.write(`check-links: give one folder, not ${positionals.length}\n\n${USAGE}\n`);
    return 2;
  }
  // A folder given on the command line is relative to where it was typed.
  const dir = positionals[0] === undefined ? path.resolve(process.env.PLAYBOOK_OUT_DIR || 'dist') : path.resolve(invocationDir(), positionals[0]);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    process.stderr.write(`check-links: there is no built site at ${dir}; run npm run build first, or name the folder\n`);
    return 2;
  }
  const base = values.base ?? (process.env.PLAYBOOK_BASE || '/');
  const site = values.site ?? (process.env.PLAYBOOK_SITE || undefined);
  if (site !== undefined && !URL.canParse(site)) {
    process.stderr.write(`check-links: --site must be an absolute address such as https://playbook.example.org, not "${site}"\n`);
    return 2;
  }

  const files = (await readdir(dir, { recursive: true })).map(String);
  const pages = files.filter((file) => file.endsWith('.html')).length;
  const feeds = files.filter((file) => file.endsWith('.xml')).length;
  const broken = [...(await checkLinks(dir, base, { site })), ...(await checkFeedLinks(dir, base, { site }))];

  const byPage = new Map<string, BrokenLink[]>();
  for (const link of broken) byPage.set(link.page, [...(byPage.get(link.page) ?? []), link]);
  for (const [page, links] of [...byPage].sort(([a], [b]) => a.localeCompare(b))) {
    process.stdout.write(`${page}\n`);
    for (const link of links) process.stdout.write(`  ${link.link}: ${REASONS[link.reason]}\n`);
  }
  const checked = `${pages} ${pages === 1 ? 'page' : 'pages'} and ${feeds} ${feeds === 1 ? 'feed' : 'feeds'}`;
  if (broken.length > 0) {
    process.stdout.write(
      `${broken.length} broken ${broken.length === 1 ? 'link' : 'links'} on ${byPage.size} ${byPage.size === 1 ? 'page' : 'pages'} (checked ${checked})\n`,
    );
    return 1;
  }
  process.stdout.write(`every link and anchor resolves (checked ${checked})\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `check-links: could not finish (${error instanceof Error ? error.message : String(error)}). This is a bug in Latitude; please report it.\n`,
    );
    process.exitCode = 1;
  },
);
