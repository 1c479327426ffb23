/**
 * Builds the site-basic fixture (a complete mini playbook) and checks every
 * page type through its HTML: titles, grants and limits, ladder order,
 * backlinks, retired entries, pagination, feeds, the review list, drafts
 * nowhere, and every internal link resolving — with and without a base path.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLinks } from '../../src/lib/quality/link-check.ts';
import { buildPlaybook, FIXTURES, PROJECT_ROOT, type BuildResult } from '../support/build-playbook.ts';

const CONTENT = path.join(FIXTURES, 'site-basic');

let build: BuildResult;
let based: BuildResult;

beforeAll(async () => {
  // One after the other: Astro keeps prerender chunks in the project's .astro/ folder.
  build = await buildPlaybook(CONTENT);
  based = await buildPlaybook(CONTENT, { env: { PLAYBOOK_BASE: '/playbook', PLAYBOOK_SITE: 'https://playbook.example.org' } });
  for (const result of [build, based]) {
    if (result.exitCode !== 0) throw new Error(`build failed:\n${result.stdout}\n${result.stderr}`);
  }
});

afterAll(async () => {
  await build?.cleanup();
  await based?.cleanup();
});

const page = (file: string, result = build) => readFile(path.join(result.outDir, file), 'utf8');
/** Visible text: tags out, entities decoded, spaces collapsed. */
const text = (html: string) =>
  html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<\/?(a|span|time|strong|em|b|i|small|code)\b[^>]*>/gi, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
const count = (html: string, pattern: RegExp) => (html.match(new RegExp(pattern.source, 'g')) ?? []).length;
const mainOf = (html: string) => /<main\b[\s\S]*<\/main>/.exec(html)?.[0] ?? '';
/** Link texts inside the first element matching `open` … `close`. */
const section = (html: string, id: string) => {
  const start = html.indexOf(`id="${id}"`);
  expect(start, `section #${id}`).toBeGreaterThan(-1);
  const end = html.indexOf('</section>', start);
  return html.slice(start, end);
};
const linkTexts = (html: string) => [...html.matchAll(/<a\b[^>]*>([\s\S]*?)<\/a>/g)].map((m) => text(m[1]!));

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

describe('every page', () => {
  it('has one h1, the landmarks, a title and the search slot', async () => {
    const files = (await filesUnder(build.outDir)).filter((f) => f.endsWith('.html'));
    expect(files.length).toBeGreaterThan(50);
    for (const file of files) {
      const html = await readFile(file, 'utf8');
      const where = path.relative(build.outDir, file);
      expect(count(html, /<h1\b/), where).toBe(1);
      expect(count(html, /<main\b/), where).toBe(1);
      expect(html, where).toMatch(/<header class="site-header"[^>]*data-pagefind-ignore/);
      expect(html, where).toMatch(/<nav class="primary-nav"[^>]*aria-label="Main"/);
      expect(html, where).toMatch(/<footer class="site-footer"[^>]*data-pagefind-ignore/);
      expect(html, where).toMatch(/<title>[^<]+ · Northwind Outfitters<\/title>|<title>Northwind Outfitters: culture playbook<\/title>/);
      if (where.startsWith('search')) continue; // the search page has its own box
      expect(html, where).toMatch(/<form class="search-form" action="\/search\/" method="get" role="search"/);
      expect(html, where).toContain('<input name="q" type="search"');
    }
  });

  it('marks the current section in the navigation', async () => {
    expect(await page('roles/index.html')).toMatch(/<a href="\/roles\/" aria-current="page"/);
    expect(await page('roles/shift-lead/index.html')).toMatch(/<a href="\/roles\/" aria-current="true"/);
    expect(await page('index.html')).not.toContain('aria-current');
  });

  it('shows the logo, copied out of the content root', async () => {
    expect(await page('index.html')).toContain('<img src="/_latitude/logo.svg" alt=""');
    expect(existsSync(path.join(build.outDir, '_latitude/logo.svg'))).toBe(true);
  });

  it('lets only published entry pages into the search index', async () => {
    expect(await page('values/own-the-outcome/index.html')).toMatch(/<main id="main"[^>]*data-pagefind-body/);
    expect(await page('wins/2026-01-win-01/index.html')).toMatch(/<main id="main"[^>]*data-pagefind-body/);
    for (const listing of ['index.html', 'values/index.html', 'boundaries/index.html', 'wins/index.html', 'changes/index.html', 'review/index.html', '404.html']) {
      expect(await page(listing), listing).not.toContain('data-pagefind-body');
    }
    expect(await page('boundaries/refund-a-purchase-2024/index.html')).not.toContain('data-pagefind-body');
  });

  it('has no client JavaScript except the boundaries matrix filter (and the search box, which the search feature owns)', async () => {
    const own = (f: string) => !['can-i', 'search'].some((route) => f.startsWith(path.join(build.outDir, route) + path.sep));
    const pages = (await filesUnder(build.outDir)).filter((f) => f.endsWith('.html') && own(f));
    for (const file of pages) {
      const scripts = [...(await readFile(file, 'utf8')).matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[0]);
      const matrix = scripts.filter((script) => script.includes('data-matrix-filter'));
      expect(matrix.length, file).toBe(file.endsWith(path.join('boundaries', 'index.html')) ? 1 : 0);
      for (const script of scripts) if (!matrix.includes(script)) expect(script, file).toMatch(/search/i);
    }
  });
});

describe('home', () => {
  it('shows name, tagline, values in order, the six latest wins and the way into "Can I…?"', async () => {
    const html = await page('index.html');
    const main = text(mainOf(html));
    expect(main).toContain('Northwind Outfitters');
    expect(main).toContain('How far each of us may go to put things right for a customer.');
    expect(linkTexts(section(html, 'values-title'))).toEqual(['Own the outcome', 'Keep it simple', 'Speak plainly']);
    expect(linkTexts(section(html, 'wins-title')).slice(0, 6)).toEqual(['Win number 30', 'Win number 29', 'Win number 28', 'Win number 27', 'Win number 26', 'Win number 25']);
    expect(html).toMatch(/<a class="can-i__link"[^>]*href="\/can-i\/"|<a href="\/can-i\/" class="can-i__link"/);
  });
});

describe('value page', () => {
  it('lists behaviours, renders MDX components and shows everything that puts it into practice', async () => {
    const html = await page('values/own-the-outcome/index.html');
    const main = text(mainOf(html));
    expect(main).toContain('Saying "leave it with me" and following it through.');
    expect(main).toContain('Sending a customer to another department to start again.');
    expect(html).toMatch(/<aside class="callout callout--tip" aria-label="Tip: Why it matters"/);
    expect(main).toContain('Refund a purchase (Store associate: decides up to $75 per case; Shift lead: decides up to $250 per case;');
    const practice = section(html, 'in-practice');
    expect(linkTexts(practice)).toEqual(['Fix it first', 'Refund a purchase', 'The Leeds limit pilot', "The Ritz-Carlton's $2,000 rule"]);
  });

  it('caps its wall of wins at the latest 12 and links onward', async () => {
    const html = await page('values/own-the-outcome/index.html');
    const wins = section(html, 'wins');
    expect(count(wins, /<article class="win-card"/)).toBe(12);
    expect(linkTexts(wins)[0]).toBe('Win number 30');
    expect(text(wins)).toContain('Showing the latest 12 of 30 wins. See the whole wins wall');
  });

  it('has an edit link built from editUrl and the file, and no review date', async () => {
    const html = await page('values/own-the-outcome/index.html');
    expect(html).toContain('href="https://example.com/edit/main/playbook/values/own-the-outcome.mdx"');
    expect(text(html)).not.toContain('Last reviewed');
  });
});

describe('role page', () => {
  it('lists every grant with its limit formatted in the playbook locale', async () => {
    const html = await page('roles/store-associate/index.html');
    const decide = text(section(html, 'decide'));
    expect(decide).toContain('Give a goodwill gesture Escalates to Shift lead');
    expect(decide).toContain('Refund a purchase Decides up to $75 per case Check the item is ours first.');
    expect(decide).not.toContain('$40'); // the retired boundary's grant
  });

  it('shows the escalation chain above in order and the roles below', async () => {
    const lead = await page('roles/shift-lead/index.html');
    const chain = section(lead, 'chain');
    expect(linkTexts(/<ol class="chain__above[\s\S]*?<\/ol>/.exec(chain)![0])).toEqual(['Store manager', 'Regional director']);
    expect(text(chain)).toContain('Roles that escalate to this one Store associate');
    const top = await page('roles/regional-director/index.html');
    expect(text(section(top, 'chain'))).toContain('This role is at the top of its ladder.');
  });

  it('lists guidelines naming the role and those for everyone', async () => {
    const html = await page('roles/store-associate/index.html');
    const guidelines = text(section(html, 'guidelines'));
    expect(guidelines).toMatch(/Fix it first .*For everyone .*Everyone is welcome/);
  });

  it('prints as a pocket card: guidelines and wins are left off the print', async () => {
    const html = await page('roles/store-associate/index.html');
    expect(html).toMatch(/<section aria-labelledby="guidelines" class="no-print"/);
  });
});

describe('boundaries', () => {
  it('index is a role × boundary table with header cells and limits, without the retired boundary', async () => {
    const html = await page('boundaries/index.html');
    const table = /<table data-matrix[\s\S]*?<\/table>/.exec(html)![0];
    expect(count(table, /<th scope="col"/)).toBe(5); // Decision + 4 roles
    expect(linkTexts(/<thead>[\s\S]*?<\/thead>/.exec(table)![0])).toEqual(['Store associate', 'Shift lead', 'Store manager', 'Regional director']);
    expect(count(table, /<th scope="row"/)).toBe(2);
    expect(text(table)).toContain('Refund a purchase Returns Decides up to $75 per case Decides up to $250 per case');
    expect(text(table)).toContain('Give a goodwill gesture'.replace('Give a g', 'G'));
    expect(text(table)).not.toContain('2024 rules');
    expect(html).toMatch(/<form class="matrix-filter[^"]*" data-matrix-filter hidden/);
  });

  it('page shows the decision, grants, a ladder from the lowest role up, and its facts', async () => {
    const html = await page('boundaries/refund-a-purchase/index.html');
    const main = text(mainOf(html));
    expect(main).toContain('The decision: Refund a purchase');
    expect(main).toMatch(/Owner Dana Reyes, Retail operations Approved by Sam Ortiz, Head of Retail In effect from Jan 15, 2025/);
    expect(main).toContain('Last reviewed Jun 1, 2026. Next review by Jun 1, 2027.');
    expect(text(section(html, 'grants'))).toContain('Store manager Decides, then informs Regional director up to $1,000 per case');
    const ladder = section(html, 'ladder');
    expect(count(ladder, /<ol class="ladder__steps/)).toBe(1);
    expect([...ladder.matchAll(/<li class="ladder__step[^>]*>\s*<a[^>]*>([^<]+)<\/a>/g)].map((m) => m[1])).toEqual([
      'Store associate', 'Shift lead', 'Store manager', 'Regional director',
    ]);
    expect(text(section(html, 'guardrails'))).toContain('Never refund cash for an item still security-tagged.');
    expect(text(section(html, 'examples'))).toMatch(/Inside the playing field A customer returns an unused kettle.*Outside it A customer wants cash back/);
  });

  it('page shows its change history newest first, with anchors', async () => {
    const html = await page('boundaries/refund-a-purchase/index.html');
    const history = section(html, 'changes');
    expect(text(history)).toMatch(/Mar 1, 2026: Store associate limit raised from \$40 to \$75\. .*Jan 15, 2025: First version\./);
    expect(history).toContain('id="change-2026-03-01"');
  });

  it('page shows the wins that used it (latest 12 and a count) and related entries', async () => {
    const html = await page('boundaries/refund-a-purchase/index.html');
    const wins = section(html, 'wins');
    expect(count(wins, /<article class="win-card"/)).toBe(12);
    expect(text(wins)).toContain('Showing the latest 12 of 15 wins.');
    expect(linkTexts(section(html, 'related'))).toEqual(['Fix it first', 'The Leeds limit pilot', "The Ritz-Carlton's $2,000 rule", 'Own the outcome']);
  });

  it('draws escalations and roles without authority in the ladder', async () => {
    const html = await page('boundaries/goodwill-gesture/index.html');
    const ladder = text(section(html, 'ladder'));
    expect(ladder).toMatch(/Store associate Escalates to Shift lead Shift lead Decides up to \$100 per customer per day Store manager Consults Regional director first up to \$500 per case Regional director Decides no monetary limit/);
    expect(text(mainOf(html))).toMatch(/Due for review: \d+ days overdue/);
  });

  it('a retired boundary keeps its page, marked retired', async () => {
    const html = await page('boundaries/refund-a-purchase-2024/index.html');
    expect(html).toMatch(/<p class="retired-notice"[^>]*role="note"/);
    expect(text(mainOf(html))).toContain('Retired This boundary no longer applies.');
    expect(html).toContain('<title>Refund a purchase (2024 rules) (retired boundary) · Northwind Outfitters</title>');
  });
});

describe('guidelines', () => {
  it('index lists guidelines with a due flag', async () => {
    const html = text(mainOf(await page('guidelines/index.html')));
    expect(html).toMatch(/Everyone is welcome Due for review .* For everyone/);
    expect(html).toMatch(/Fix it first Due for review .* For Store associate · owner: Retail operations/);
  });

  it('page shows owner, last reviewed and the due-for-review flag', async () => {
    const html = await page('guidelines/fix-first/index.html');
    const main = text(mainOf(html));
    expect(main).toContain('Owner Retail operations For Store associate');
    expect(main).toContain('Last reviewed Jan 10, 2025. Due for review: 317 days overdue');
    expect(text(/<footer[\s\S]*<\/footer>/.exec(html)![0])).toContain('Last reviewed Jan 10, 2025 Edit this page');
  });
});

describe('case studies', () => {
  it('index shows organisation and an internal or external badge', async () => {
    const html = text(mainOf(await page('case-studies/index.html')));
    expect(html).toContain('The Leeds limit pilot Our own team Northwind Outfitters, Leeds store, Retail · 2025');
    expect(html).toContain("The Ritz-Carlton's $2,000 rule External The Ritz-Carlton, Hospitality · 1990s–today");
  });

  it('page shows metrics before → after, sources as links and the body', async () => {
    const ritz = await page('case-studies/ritz-carlton/index.html');
    expect(text(section(ritz, 'results'))).toContain('Guest satisfaction 88% 94%');
    expect(section(ritz, 'sources')).toContain('<a href="https://example.com/ritz">An article about the rule</a>');
    expect(text(mainOf(ritz))).toContain('Background Text. Strategy');
    const leeds = await page('case-studies/leeds-pilot/index.html');
    expect(text(section(leeds, 'results'))).toContain('First-contact resolution 64% 81% CSAT not recorded 92%');
    expect(leeds).not.toContain('id="sources"');
  });
});

describe('wins', () => {
  it('wall page 1 shows 24 wins, newest first, and links to page 2', async () => {
    const html = await page('wins/index.html');
    expect(count(html, /<article class="win-card"/)).toBe(24);
    expect(linkTexts(mainOf(html))[0]).toBe('Win number 30');
    expect(html).toMatch(/<a href="\/wins\/page\/2\/" rel="next"/);
    expect(html).toMatch(/<a href="\/wins\/" aria-current="page"/);
    expect(html).not.toContain('rel="prev"');
  });

  it('wall page 2 shows the rest and links back to /wins/', async () => {
    const html = await page('wins/page/2/index.html');
    expect(count(html, /<article class="win-card"/)).toBe(6);
    expect(linkTexts(mainOf(html))[0]).toBe('Win number 06');
    expect(html).toMatch(/<a href="\/wins\/" rel="prev"/);
    expect(html).not.toContain('rel="next"');
    expect(existsSync(path.join(build.outDir, 'wins/page/1/index.html'))).toBe(false);
    expect(existsSync(path.join(build.outDir, 'wins/page/3/index.html'))).toBe(false);
  });

  it('win page shows people, team, role, values, boundary and cost, the consented quote and the image', async () => {
    const html = await page('wins/2026-09-win-30/index.html');
    const main = text(mainOf(html));
    expect(main).toContain('Person Mia Chen Team Leeds store Acting as Shift lead Values shown Own the outcome');
    expect(main).toContain('Authority used Goodwill gesture (Decides up to $100 per customer per day) What it cost $49');
    expect(main).toContain('I did not expect that at all. Mrs Okafor');
    expect(main).toContain('Customer number 30 came back.');
    expect(html).toMatch(/<img [^>]*alt="A mended shelf back on the shop floor"/);
  });

  it('never quotes a customer without consent', async () => {
    const html = await page('wins/2026-09-win-29/index.html');
    expect(html).not.toContain('<blockquote');
  });

  it('feed is valid RSS with the newest wins and absolute links', async () => {
    const xml = await page('wins/rss.xml');
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?><rss version="2.0"/);
    expect(xml).toContain('<title>Northwind Outfitters: wins</title>');
    expect(count(xml, /<item>/)).toBe(30);
    expect(xml).toMatch(/<item><title>Win number 30<\/title><link>http:\/\/localhost\/wins\/2026-09-win-30\/<\/link>/);
    expect(xml).not.toContain('Draft win');
  });
});

describe('changes', () => {
  it('lists every change of published boundaries, newest first, as "date — boundary: summary"', async () => {
    const html = await page('changes/index.html');
    const items = [...html.matchAll(/<li[^>]*>([\s\S]*?)<\/li>/g)].map((m) => text(m[1]!)).filter((t) => /^\w{3} \d/.test(t));
    expect(items).toEqual([
      'May 10, 2026 — Goodwill gesture: Shift lead limit now counts per customer per day.',
      'Mar 1, 2026 — Refund a purchase: Store associate limit raised from $40 to $75.',
      'Jan 15, 2025 — Refund a purchase: First version.',
    ]);
    expect(html).toContain('href="/boundaries/refund-a-purchase/#change-2026-03-01"');
  });

  it('has a feed without retired boundaries', async () => {
    const xml = await page('changes/rss.xml');
    expect(count(xml, /<item>/)).toBe(3);
    expect(xml).toContain('<link>http://localhost/boundaries/goodwill-gesture/#change-2026-05-10</link>');
    expect(xml).not.toContain('must not reach the changes feed');
  });
});

describe('review', () => {
  it('lists entries due for review, most overdue first, with owner, due date and days overdue', async () => {
    const html = await page('review/index.html');
    const rows = [...html.matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr>/g)].slice(1).map((m) => text(m[1]!));
    expect(rows).toEqual([
      'Fix it first Guideline Retail operations 317 days overdue due Jan 10, 2026',
      'Everyone is welcome Guideline Customer experience team 175 days overdue due Jun 1, 2026',
      'Goodwill gesture Boundary Dana Reyes, Retail operations 83 days overdue due Sep 1, 2026',
    ]);
  });
});

describe('404', () => {
  it('exists', async () => {
    const html = await page('404.html');
    expect(text(mainOf(html))).toContain('Page not found');
  });
});

describe('drafts', () => {
  it('appear in no file of the build', async () => {
    for (const result of [build, based]) {
      for (const file of await filesUnder(result.outDir)) {
        const content = await readFile(file, 'latin1');
        expect(content.includes('draftcanaryxyzzy'), path.relative(result.outDir, file)).toBe(false);
        expect(content.includes('secret-plan'), path.relative(result.outDir, file)).toBe(false);
      }
    }
  });
});

/** Pages that colleagues' features add; they are only skipped while their routes do not exist yet. */
const pendingRoutes = ['can-i', 'search'].filter((route) => !existsSync(path.join(PROJECT_ROOT, 'src/pages', route)));
const ignorePending = (base: string) => (pathname: string) => pendingRoutes.some((route) => pathname.startsWith(`${base}${route}/`));

describe('links', () => {
  it('every internal link and asset resolves', async () => {
    expect(await checkLinks(build.outDir, '/', { ignore: ignorePending('/') })).toEqual([]);
  });

  it('every internal link and asset resolves under PLAYBOOK_BASE=/playbook', async () => {
    const broken = await checkLinks(based.outDir, '/playbook', { site: 'https://playbook.example.org', ignore: ignorePending('/playbook/') });
    expect(broken).toEqual([]);
    const home = await page('index.html', based);
    expect(home).toContain('<img src="/playbook/_latitude/logo.svg"');
    expect(home).toContain('action="/playbook/search/"');
    expect(home).toMatch(/<link rel="canonical" href="https:\/\/playbook.example.org\/playbook\/"/);
  });

  it('feeds use the site and base under PLAYBOOK_SITE', async () => {
    const xml = await page('wins/rss.xml', based);
    expect(xml).toContain('<link>https://playbook.example.org/playbook/wins/2026-09-win-30/</link>');
  });
});
