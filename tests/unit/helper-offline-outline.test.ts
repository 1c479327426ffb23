/**
 * The pure logic behind using the playbook on a phone: per-role helper data, the
 * role's Decision menu, retired roles never named, conditions and whom to
 * call, the search answer card's query reading, the remembered role, the
 * service worker's precache plan, the outline of long pages, the matrix
 * pages and onward links.
 */
import path from 'node:path';
import { englishWords } from '../../src/lib/languages/dictionary.ts';
import { describe, expect, it } from 'vitest';
import { parseAmountQuery, searchWords } from '../../src/lib/decision/amount-query.ts';
import { answerQuery, matchDecision } from '../../src/lib/decision/answer-query.ts';
import { roleAnswers } from '../../src/lib/decision/answers.ts';
import { roleDecisionMenu } from '../../src/lib/decision/decision-menu.ts';
import { roleHelperData } from '../../src/lib/decision/helper-data.ts';
import { readRememberedRole, rememberedRoleKey, rememberRole } from '../../src/lib/decision/remembered-role.ts';
import { verdictText, whomToCall } from '../../src/lib/decision/verdict-text.ts';
import { verdict } from '../../src/lib/decision/verdict.ts';
import { precachePlan, PRECACHE_BUDGET, tierOf } from '../../src/lib/offline/precache-plan.ts';
import { precacheUrl } from '../../src/lib/offline/urls.ts';
import { shortName } from '../../src/lib/views/app-icons.ts';
import { matrixPages, matrixTeams, rowsPerPage, teamSlug } from '../../src/lib/views/matrix-pages.ts';
import { neighbours, successors } from '../../src/lib/views/neighbours.ts';
import { outline, tableOfContents } from '../../src/lib/views/outline.ts';
import { listingPages } from '../../src/lib/views/pagination.ts';
import { boundary, modelOf } from '../support/checked-content.ts';
import { loadModel } from '../support/load-model.ts';

const playbook = await loadModel(path.resolve(import.meta.dirname, '../fixtures/can-i'));

describe('per-role helper data', () => {
  it('holds the decisions the role holds, those a role just below brings up, and those a role up its ladder holds; no others', () => {
    const ids = (roleId: string) =>
      roleHelperData(playbook, roleId)!
        .d.map(([id]) => id)
        .sort();
    expect(ids('driver')).toEqual(['canada-make-good', 'community-donation', 'damage-to-home', 'goodwill-credit', 'rebook-delivery', 'waive-delivery-charge']);
    // The supervisor holds no goodwill credit; nobody below it does either, and the director above it does.
    expect(ids('supervisor')).toContain('goodwill-credit');
    expect(roleHelperData(playbook, 'nobody')).toBeUndefined();
  });

  it('is worked out once per model', () => {
    expect(roleAnswers(playbook, 'driver')).toBe(roleAnswers(playbook, 'driver'));
  });

  it("lists the role's own decisions first, then the others, each by category then decision", () => {
    const menu = roleDecisionMenu(roleAnswers(playbook, 'driver')!);
    expect(menu.own.map((a) => a.decision.id)).toEqual(['canada-make-good', 'damage-to-home', 'rebook-delivery', 'waive-delivery-charge']);
    expect(menu.other.map((a) => a.decision.id)).toEqual(['community-donation', 'goodwill-credit']);
  });
});

describe('the whole answer', () => {
  const model = modelOf({
    roles: {
      associate: { title: 'Associate', escalatesTo: 'lead' },
      lead: { title: 'Lead', escalatesTo: 'manager' },
      manager: { title: 'Manager', escalatesTo: 'old' },
      old: { title: 'Old', status: 'retired' },
    },
    boundaries: {
      refunds: boundary([
        { role: 'associate', authority: 'decide', limit: { amount: 50 }, note: 'Check the item is ours first.' },
        { role: 'lead', authority: 'decide', limit: { amount: 150 } },
        { role: 'manager', authority: 'decide', limit: { amount: 500 } },
      ]),
      damage: boundary(
        [
          { role: 'associate', authority: 'escalate' },
          { role: 'manager', authority: 'consult', escalateTo: 'old' },
        ],
        { decision: 'Put right damage' },
      ),
    },
  });
  const answer = (roleId: string, decisionId: string) => roleAnswers(model, roleId)!.find((a) => a.decision.id === decisionId)!;

  it("carries the grant's conditions, and names whom to call in the order they are called, each with what they may approve", () => {
    const said = verdict(answer('associate', 'refunds'), 300);
    expect(said.answer.own?.note).toBe('Check the item is ours first.');
    expect(whomToCall(said, englishWords('en-GB'))).toEqual([
      { role: { id: 'lead', title: 'Lead' }, words: 'may approve up to £150 per case: ask them first' },
      { role: { id: 'manager', title: 'Manager' }, words: 'may approve up to £500 per case' },
    ]);
    expect(whomToCall(verdict(answer('associate', 'refunds'), 80), englishWords('en-GB'))).toEqual([
      { role: { id: 'lead', title: 'Lead' }, words: 'may approve up to £150 per case' },
    ]);
    expect(whomToCall(verdict(answer('associate', 'refunds'), 20), englishWords('en-GB'))).toEqual([]);
  });

  it('never sends anyone to a retired role: the ladder goes on past it', () => {
    expect(verdictText(verdict(answer('associate', 'damage')), englishWords('en-GB'))).toBe('Escalate to Manager, who has no monetary limit on this decision.');
    // The manager's grant says consult the (retired) old role: nobody in place is above the manager, so "your manager".
    expect(verdictText(verdict(answer('manager', 'damage')), englishWords('en-GB'))).toBe('Consult your manager first, then decide, with no monetary limit.');
  });
});

describe('the search answer', () => {
  it.each([
    ['refund £80', ['refund'], 'refund', 80, 'GBP'],
    ['refund 80', ['refund'], 'refund', 80, undefined],
    ['80 quid refund', ['refund'], 'refund', 80, 'GBP'],
    ['refund €80', ['refund'], 'refund', 80, 'EUR'],
    ['voucher 25', ['voucher'], 'voucher', 25, undefined],
    ['Can I give a £1,200 credit?', ['credit'], 'Can I give a credit?', 1200, 'GBP'],
    ['waive delivery 30 euros', ['waive', 'delivery'], 'waive delivery', 30, 'EUR'],
    ['€12.50 goodwill', ['goodwill'], 'goodwill', 12.5, 'EUR'],
    ['CA$40 late delivery', ['late', 'delivery'], 'late delivery', 40, 'CAD'],
  ])('reads "%s" as words, an amount and a currency', (query, words, rest, amount, currency) => {
    expect(parseAmountQuery(query)).toEqual({ words, rest, amount, currency, negative: false });
    expect(searchWords(query)).toBe(rest);
  });

  it.each(['refund -80', 'refund £-80', 'refund -£80', 'refund −80'])('reads "%s" as a negative amount, left out with a message', (query) => {
    expect(parseAmountQuery(query)).toMatchObject({ words: ['refund'], amount: 80, negative: true });
    const said = answerQuery(query, roleAnswers(playbook, 'agent')!, {}, 'GBP')!;
    expect(said.verdict.amountProblem).toBe('negative');
    expect(verdictText(said.verdict, englishWords('en-GB'))).toMatch(/^An amount cannot be negative, so it was left out/);
  });

  it('needs both an amount and some words, and searches the words alone', () => {
    expect(parseAmountQuery('refund a sofa')).toBeUndefined();
    expect(parseAmountQuery('£80')).toBeUndefined();
    expect(parseAmountQuery('can I 80')).toBeUndefined();
    expect(searchWords('refund a sofa')).toBe('refund a sofa');
    expect(parseAmountQuery('no-receipt refund 80')).toMatchObject({ rest: 'no-receipt refund', negative: false });
  });

  it('finds the decision the words name, through synonyms, preferring the earlier on a tie', () => {
    const decisions = roleAnswers(playbook, 'agent')!.map((a) => a.decision);
    expect(matchDecision(['refund'], decisions, {})?.decision.id).toBe('refund-without-receipt');
    expect(matchDecision(['voucher'], decisions, {})).toBeUndefined();
    expect(matchDecision(['voucher'], decisions, { voucher: ['goodwill credit'] })?.decision.id).toBe('goodwill-credit');
    expect(matchDecision(['money', 'back'], decisions, { 'money back': ['refund'] })?.decision.id).toBe('refund-without-receipt');
    expect(matchDecision(['holiday'], decisions, {})).toBeUndefined();
  });

  it("answers with the verdict function, for the role's own decisions first", () => {
    const said = answerQuery('refund 80', roleAnswers(playbook, 'agent')!, {}, 'GBP')!;
    expect(said.answer.decision.id).toBe('refund-without-receipt');
    expect(verdictText(said.verdict, englishWords('en-GB'))).toBe(
      'No — £80 is above your limit of £50 per customer per day. Escalate to Team lead, who may approve up to £150 per customer per day.',
    );
    expect(answerQuery('holiday 80', roleAnswers(playbook, 'agent')!, {}, 'GBP')).toBeUndefined();
  });
});

describe('the remembered role', () => {
  it('is kept per site base, forgotten on an empty choice, and storage that refuses changes nothing', () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
      removeItem: (k: string) => void store.delete(k),
    };
    rememberRole(storage, '/playbook/', 'agent');
    expect(store.get(rememberedRoleKey('/playbook/'))).toBe('agent');
    expect(readRememberedRole(storage, '/playbook/')).toBe('agent');
    expect(readRememberedRole(storage, '/')).toBeUndefined();
    rememberRole(storage, '/playbook/', '');
    expect(readRememberedRole(storage, '/playbook/')).toBeUndefined();
    const refusing = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
      removeItem: () => undefined,
    };
    expect(() => rememberRole(refusing, '/', 'agent')).not.toThrow();
    expect(readRememberedRole(refusing, '/')).toBeUndefined();
    expect(readRememberedRole(undefined, '/')).toBeUndefined();
  });
});

describe('the precache plan', () => {
  const file = (p: string, size = 1000) => ({ path: p, size });

  it('sorts files into tiers and leaves out feeds and the worker', () => {
    expect(tierOf('_astro/can-i.abc.js')).toBe('core');
    expect(tierOf('pagefind/pagefind.js')).toBe('core');
    expect(tierOf('pagefind/wasm.en.pagefind')).toBe('core');
    expect(tierOf('pagefind/fragment/en_1.pf_fragment')).toBe('boundaries-and-roles');
    expect(tierOf('can-i/index.html')).toBe('core');
    expect(tierOf('can-i/agent.json')).toBe('listings');
    expect(tierOf('can-i.json')).toBe('core');
    expect(tierOf('boundaries/index.html')).toBe('listings');
    expect(tierOf('boundaries/refunds/index.html')).toBe('boundaries-and-roles');
    expect(tierOf('guidelines/x/index.html')).toBe('values-and-guidelines');
    // Issue 23: case studies and wins have their own tier, before the other pages.
    expect(tierOf('wins/x/index.html')).toBe('case-studies-and-wins');
    expect(tierOf('ladders/x/index.html')).toBe('pages');
    expect(tierOf('roles/agent/check/index.html')).toBe('boundaries-and-roles');
    expect(tierOf('roles/agent/start/index.html')).toBe('pages');
    expect(tierOf('_astro/photo.webp')).toBe('images');
    for (const never of ['sw.js', 'wins/rss.xml', '_astro/x.js.map']) expect(tierOf(never)).toBeUndefined();
  });

  it('takes whole tiers while they fit the budget, and the core always', () => {
    const files = [
      file('_astro/a.js', 600),
      file('boundaries/index.html', 300),
      file('boundaries/x/index.html', 200),
      file('wins/x/index.html', 500),
      file('_astro/p.webp', 1),
    ];
    expect(precachePlan(files, 1500)).toMatchObject({ bytes: 1100, tiers: ['core', 'listings', 'boundaries-and-roles', 'values-and-guidelines'] });
    expect(precachePlan(files, 100).tiers).toEqual(['core']);
    expect(PRECACHE_BUDGET).toBe(2 * 1024 * 1024);
  });

  it('makes the same plan whatever order the files come in, each tier taken in path order, and sizes no file past a tier over the budget', () => {
    let sized = 0;
    const lazy = (at: string, size: number) => ({
      path: at,
      get size() {
        sized++;
        return size;
      },
    });
    const files = [
      file('boundaries/b/index.html', 100),
      file('_astro/b.js', 50),
      file('boundaries/a/index.html', 100),
      file('_astro/a.js', 50),
      ...Array.from({ length: 50 }, (_, i) => lazy(`wins/w-${49 - i}/index.html`, 100)),
      file('boundaries/index.html', 10),
    ];
    const plan = precachePlan(files, 1000);
    expect(plan.tiers).toEqual(['core', 'listings', 'boundaries-and-roles', 'values-and-guidelines']);
    expect(plan.files.map((f) => f.path)).toEqual([
      '_astro/a.js',
      '_astro/b.js',
      'boundaries/index.html',
      'boundaries/a/index.html',
      'boundaries/b/index.html',
    ]);
    // The wins' tier goes over the budget at its seventh page (310 bytes before it): the pages after it are never sized.
    expect(sized).toBe(7);
    expect(precachePlan([...files].reverse(), 1000).files.map((f) => f.path)).toEqual(plan.files.map((f) => f.path));
  });

  it('fetches pages at the address they are linked at, under the base', () => {
    expect(precacheUrl('index.html', '/playbook/')).toBe('/playbook/');
    expect(precacheUrl('boundaries/x/index.html', '/playbook')).toBe('/playbook/boundaries/x/');
    expect(precacheUrl('404.html', '/')).toBe('/404.html');
  });
});

describe('the outline of a long page', () => {
  const html =
    '<section><h2 id="grants" data-x>Who &amp; how far</h2><p>…</p><h3 id="a">A <em>b</em></h3><h2 id="linked"><a href="/x/">X</a></h2><h2>No id</h2></section>';

  it('reads the h2 and h3 headings with an id, and makes each link to itself', () => {
    const result = outline(html);
    expect(result.headings).toEqual([
      { depth: 2, id: 'grants', text: 'Who & how far' },
      { depth: 3, id: 'a', text: 'A b' },
      { depth: 2, id: 'linked', text: 'X' },
    ]);
    expect(result.html).toContain('<h2 id="grants" data-x><a class="heading-link" href="#grants">Who &amp; how far</a></h2>');
    expect(result.html).toContain('<h2 id="linked"><a href="/x/">X</a></h2>');
    expect(result.html).toContain('<h2>No id</h2>');
  });

  it('has a table of contents from three headings on', () => {
    expect(tableOfContents(outline(html).headings)).toHaveLength(3);
    expect(tableOfContents(outline('<h2 id="a">A</h2><h2 id="b">B</h2>').headings)).toEqual([]);
  });
});

describe('pages that never grow with the playbook', () => {
  const roles = Array.from({ length: 80 }, (_, at) => ({ id: `r${at}`, title: `Role ${at}`, team: `Team ${at % 8}`, chainAbove: [], grants: [1] }));
  const boundaries = Array.from({ length: 2400 }, (_, at) => ({ id: `b${at}`, grants: [{ role: roles[at % 80]! }] }));

  it('splits the matrix into pages of about the same number of cells, and one matrix per team', () => {
    expect(rowsPerPage(14)).toBe(107);
    expect(rowsPerPage(400)).toBe(10);
    const pages = matrixPages(boundaries, roles);
    const full = pages.filter((page) => !page.team);
    expect(full[0]!.path).toBe('/boundaries/');
    expect(full[1]!.path).toBe('/boundaries/page/2/');
    expect(Math.max(...pages.map((page) => page.boundaries.length * page.columns.length))).toBeLessThanOrEqual(1500);
    const team = pages.find((page) => page.team?.name === 'Team 3')!;
    expect(team.path).toBe('/boundaries/team/team-3/');
    expect(team.columns).toHaveLength(10);
    expect(team.boundaries.every((b) => b.grants.some((g) => g.role.team === 'Team 3'))).toBe(true);
    expect(matrixTeams(roles).map((t) => t.slug)).toHaveLength(8);
    expect(teamSlug('Contact centre (UK)', 0)).toBe('contact-centre-uk');
    expect(teamSlug('—', 4)).toBe('team-5');
  });

  it('pages listings by a hundred', () => {
    const pages = listingPages(
      '/guidelines/',
      Array.from({ length: 250 }, (_, at) => at),
    );
    expect(pages.map((page) => [page.path, page.items.length])).toEqual([
      ['/guidelines/', 100],
      ['/guidelines/page/2/', 100],
      ['/guidelines/page/3/', 50],
    ]);
  });
});

describe('onward links', () => {
  it('gives the newer and older neighbour, and none for an item not listed', () => {
    const list = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    expect(neighbours(list, list[1]!)).toEqual({ previous: list[0], next: list[2] });
    expect(neighbours(list, list[0]!).previous).toBeUndefined();
    expect(neighbours(list, { id: 'x' })).toEqual({ previous: undefined, next: undefined });
  });

  it('finds the published boundaries for the same decision as a retired one', () => {
    const published = [
      { id: 'refund', decision: 'Refund a purchase' },
      { id: 'other', decision: 'Give a credit' },
    ];
    expect(successors({ id: 'refund-2024', decision: 'refund a purchase ' }, published).map((b) => b.id)).toEqual(['refund']);
  });

  it('shortens a long name for the home screen', () => {
    expect(shortName('Harbour & Pine')).toBe('Harbour');
    expect(shortName('Acme')).toBe('Acme');
  });
});
