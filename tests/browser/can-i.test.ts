/**
 * "Can I…?" in Chromium, on the example playbook (content/) and the can-i
 * fixture: for every role and every decision in its data
 * (`/can-i/<role>.json`), amounts on both sides of every limit, the verdict
 * the page shows is the one the verdict function gives for that data; the
 * built role tables and pocket cards show the same verdict at every amount.
 * Also deep links, keyboard-only use, the per-role tables without
 * JavaScript, and axe in light and dark.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roleDecisionMenu } from '../../src/lib/decision/decision-menu.ts';
import { unpackAnswers, type HelperIndex, type RoleHelperData } from '../../src/lib/decision/helper-data.ts';
import { verdictText } from '../../src/lib/decision/verdict-text.ts';
import { englishWords, ENGLISH } from '../../src/lib/languages/dictionary.ts';
import { amountBasis, verdict, verdictOutcome, type DecisionAnswer } from '../../src/lib/decision/verdict.ts';
import { amountsFor } from '../support/every-amount.ts';
import { launchBrowser } from '../support/browser.ts';
import { axeCheck } from '../support/axe.ts';
import { buildPlaybook, FIXTURES, PROJECT_ROOT, type BuildResult } from '../support/build-playbook.ts';
import { previewSite, type PreviewServer } from '../support/preview-server.ts';

const SITES = {
  example: path.join(PROJECT_ROOT, 'content'),
  fixture: path.join(FIXTURES, 'can-i'),
} as const;
type SiteName = keyof typeof SITES;

interface Site {
  build: BuildResult;
  server: PreviewServer;
}

const sites = {} as Record<SiteName, Site>;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  // Builds one after the other: Astro keeps prerender chunks in the project's .astro/ folder.
  for (const [name, root] of Object.entries(SITES) as [SiteName, string][]) {
    const build = await buildPlaybook(root);
    if (build.exitCode !== 0) throw new Error(`build of ${name} failed:\n${build.stdout}\n${build.stderr}`);
    sites[name] = { build, server: await previewSite(build.outDir) };
  }
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  for (const site of Object.values(sites)) {
    await site.server.close();
    await site.build.cleanup();
  }
});

const role = () => page.getByLabel('Role', { exact: true });
const decision = () => page.getByLabel('Decision', { exact: true });
const amount = () => page.getByLabel('Amount', { exact: true });
/**
 * The verdict's live region, in <main> (the header's search box adds its own
 * once focused). By CSS: a role query per read would slow the table-driven
 * test; the deep-link test checks the role.
 */
const status = async () => ((await page.locator('main [role="status"]').textContent()) ?? '').trim();

async function open(site: SiteName, query = ''): Promise<HelperIndex> {
  await page.goto(`${sites[site].server.url}/can-i/${query}`);
  return JSON.parse((await page.locator('#can-i-data').textContent())!) as HelperIndex;
}

/** A role's data, as the page loads it, and its answers unpacked. */
async function roleFile(site: SiteName, roleId: string): Promise<{ data: RoleHelperData; answers: DecisionAnswer[] }> {
  const response = await fetch(`${sites[site].server.url}/can-i/${roleId}.json`);
  expect(response.ok, roleId).toBe(true);
  const data = (await response.json()) as RoleHelperData;
  return { data, answers: unpackAnswers(data) };
}

/** Chooses a role and waits for its decisions to be in the menu. */
async function chooseRole(roleId: string, answers: DecisionAnswer[]): Promise<void> {
  await role().selectOption(roleId);
  await expect.poll(() => page.locator('[data-can-i]').getAttribute('data-loaded-role')).toBe(roleId);
  // The same decisions as the role's file: a count alone could still be the previous role's menu.
  const values = () =>
    decision()
      .locator('option')
      .evaluateAll((options) =>
        options
          .map((o) => (o as HTMLOptionElement).value)
          .filter(Boolean)
          .sort(),
      );
  await expect.poll(values).toEqual(answers.map((answer) => answer.decision.id).sort());
}

/** What the page must say: the verdict function over the page's own data. */
function expected({ data, answers }: { data: RoleHelperData; answers: DecisionAnswer[] }, decisionId: string, value?: number): string {
  return verdictText(
    verdict(
      answers.find((answer) => answer.decision.id === decisionId)!,
      value,
    ),
    englishWords(data.l),
  );
}

/** The bands a built page shows for each decision: up to which amount (none: above every limit), and the outcome. */
async function bandsOn(site: SiteName, file: string): Promise<Map<string, { upTo: number | undefined; outcome: string }[]>> {
  const tree = fromHtml(await readFile(path.join(sites[site].build.outDir, file), 'utf8'));
  const attr = (element: Element, name: string) => element.properties[name] as string | undefined;
  return new Map(
    selectAll('ol[data-verdict-bands]', tree).map((list) => [
      attr(list, 'dataVerdictBands')!,
      selectAll('li', list).map((item) => ({
        upTo: attr(item, 'dataUpTo') === undefined ? undefined : Number(attr(item, 'dataUpTo')),
        outcome: attr(item, 'dataOutcome')!,
      })),
    ]),
  );
}

for (const site of Object.keys(SITES) as SiteName[]) {
  describe(`the ${site} playbook`, () => {
    it('answers every decision on both sides of every limit as the verdict function does', async () => {
      const index = await open(site);
      expect(Object.keys(index)).toEqual(['l', 'c', 'r']); // the page carries roles only
      const mismatches: string[] = [];
      let checked = 0;
      for (const [roleId] of index.r) {
        const file = await roleFile(site, roleId);
        await chooseRole(roleId, file.answers);
        for (const answer of file.answers) {
          await decision().selectOption(answer.decision.id);
          for (const value of [undefined, ...amountsFor(answer)]) {
            await amount().fill(value === undefined ? '' : String(value));
            const shown = await status();
            const want = expected(file, answer.decision.id, value);
            checked++;
            if (shown !== want) mismatches.push(`${roleId} / ${answer.decision.id} / ${value ?? 'no amount'}: shown "${shown}", expected "${want}"`);
          }
        }
      }
      expect(mismatches).toEqual([]);
      expect(checked).toBeGreaterThan(index.r.length * 10);
    });

    it("shows the same verdict at every amount in each role's table and on its pocket card, as built", async () => {
      const index = await open(site);
      const mismatches: string[] = [];
      let checked = 0;
      for (const [roleId] of index.r) {
        const { answers } = await roleFile(site, roleId);
        const table = await bandsOn(site, `can-i/${roleId}/index.html`);
        const card = await bandsOn(site, `roles/${roleId}/card/index.html`);
        for (const answer of answers) {
          const pages: ['table' | 'card', { upTo: number | undefined; outcome: string }[] | undefined][] = [['table', table.get(answer.decision.id)]];
          if (answer.group === 'own') pages.push(['card', card.get(answer.decision.id)]);
          for (const [where, bands] of pages) {
            if (!bands) {
              if (where === 'table' || card.size < 18) mismatches.push(`${roleId} / ${answer.decision.id}: no bands on the ${where}`);
              continue;
            }
            for (const value of amountsFor(answer)) {
              const band = bands.find((b) => b.upTo === undefined || value <= b.upTo)!;
              const want = verdictOutcome(verdict(answer, value, amountBasis(answer).currency));
              checked++;
              if (band.outcome !== want) mismatches.push(`${roleId} / ${answer.decision.id} / ${value} on the ${where}: ${band.outcome}, expected ${want}`);
            }
          }
        }
      }
      expect(mismatches).toEqual([]);
      expect(checked).toBeGreaterThan(index.r.length * 10);
    });

    it("lists a role's own decisions first, then those that come up to it, then the others up its ladder, and answers each", async () => {
      const index = await open(site);
      const mismatches: string[] = [];
      await amount().fill('');
      for (const [roleId] of index.r) {
        const file = await roleFile(site, roleId);
        await chooseRole(roleId, file.answers);
        const menu = roleDecisionMenu(file.answers);
        const groups = await decision()
          .locator('optgroup')
          .evaluateAll((list) =>
            list.map((group) => [
              (group as HTMLOptGroupElement).label,
              [...(group as HTMLOptGroupElement).children].map((o) => (o as HTMLOptionElement).value),
            ]),
          );
        const ids = (answers: DecisionAnswer[]) => answers.map((answer) => answer.decision.id);
        expect(groups, roleId).toEqual([
          ...(menu.own.length ? [[ENGLISH['canI.yourDecisions'], ids(menu.own)]] : []),
          ...(menu.comesUp.length ? [[ENGLISH['canI.comesUpGroup'], ids(menu.comesUp)]] : []),
          ...(menu.other.length ? [[ENGLISH['canI.otherDecisions'], ids(menu.other)]] : []),
        ]);
        for (const answer of [...menu.comesUp, ...menu.other]) {
          await decision().selectOption(answer.decision.id);
          const want = expected(file, answer.decision.id);
          if ((await status()) !== want) mismatches.push(`${roleId} / ${answer.decision.id}: "${await status()}"`);
        }
      }
      expect(mismatches).toEqual([]);
    });
  });
}

describe('on the example playbook', () => {
  it('shows the verdict of a deep link on load, with the form filled in', async () => {
    await open('example', '?role=store-associate&decision=store-goodwill-gesture&amount=300');
    const file = await roleFile('example', 'store-associate');
    expect(await role().inputValue()).toBe('store-associate');
    await expect.poll(() => decision().inputValue()).toBe('store-goodwill-gesture');
    expect(await amount().inputValue()).toBe('300');
    expect(await status()).toBe(expected(file, 'store-goodwill-gesture', 300));
    expect(((await page.getByRole('main').getByRole('status').textContent()) ?? '').trim()).toBe(await status());
    expect(await status()).toBe(
      'No — £300 is above your limit of £75 per case. Shift lead may approve up to £150 per case; £300 goes to Store manager, who may approve up to £400 per case.',
    );
    const link = page.getByRole('link', { name: /^Read the boundary/ });
    expect(await link.getAttribute('href')).toBe('/boundaries/store-goodwill-gesture/');
    expect(await page.getByRole('heading', { name: 'Guardrails' }).isVisible()).toBe(true);
    expect(await page.getByText('Never give cash. Vouchers, discounts and goods only.').isVisible()).toBe(true);
    // The whole answer: the grant's conditions, and whom to call with what they may approve.
    expect(await page.getByRole('heading', { name: 'Conditions' }).isVisible()).toBe(true);
    expect(await page.getByText("Vouchers, money off today's purchase, free add-ons such as cushions, throws or assembly.").isVisible()).toBe(true);
    const call = page.locator('[data-can-i-call-block]');
    expect(await call.getByRole('link', { name: 'Store manager' }).getAttribute('href')).toBe('/roles/store-manager/');
    expect(await call.getByRole('listitem').allTextContents()).toEqual([
      'Shift lead, who may approve up to £150 per case: ask them first.',
      'Store manager, who may approve up to £400 per case.',
    ]);
  });

  it('shows the currency and period of the limit beside the Amount field', async () => {
    await open('example', '?role=delivery-driver&decision=canada-delivery-make-good');
    const currency = page.locator('[data-can-i-currency]');
    await expect.poll(() => currency.textContent()).toBe('CA$');
    expect(
      await amount()
        .getAttribute('aria-describedby')
        .then((id) => page.locator(`#${id}`).textContent()),
    ).toBe('Optional — in CAD, per case.');
    await chooseRole('store-associate', (await roleFile('example', 'store-associate')).answers);
    await decision().selectOption('refund-without-receipt');
    expect(await currency.textContent()).toBe('£');
    expect(await page.locator('#can-i-amount-hint').textContent()).toBe('Optional — in GBP, per customer per day.');
    await decision().selectOption('ireland-store-goodwill');
    expect(await currency.textContent()).toBe('€');
  });

  it('keeps the address in step with the form', async () => {
    await open('example');
    await page.evaluate(() => localStorage.clear());
    await open('example');
    // Read from the page: page.url() learns of replaceState a moment later.
    const query = async () => Object.fromEntries(new URLSearchParams(await page.evaluate(() => location.search)));
    expect(await query()).toEqual({});
    await chooseRole('shift-lead', (await roleFile('example', 'shift-lead')).answers);
    await decision().selectOption('courier-or-taxi');
    await amount().fill('90');
    expect(await query()).toEqual({ role: 'shift-lead', decision: 'courier-or-taxi', amount: '90' });
    await amount().fill('');
    expect(await query()).toEqual({ role: 'shift-lead', decision: 'courier-or-taxi' });
    await page.reload();
    expect(await role().inputValue()).toBe('shift-lead');
    await expect.poll(() => decision().inputValue()).toBe('courier-or-taxi');
  });

  it('ignores a deep link to a retired boundary or an unknown role', async () => {
    await open('example');
    await page.evaluate(() => localStorage.clear());
    await open('example', '?role=nobody&decision=refund-without-receipt-2024&amount=20');
    expect(await role().inputValue()).toBe('');
    expect(await decision().inputValue()).toBe('');
    expect(await status()).toBe('Choose your role and a decision to see what you may do.');
    expect(await decision().locator('option[value="refund-without-receipt-2024"]').count()).toBe(0);
  });

  it('works with the keyboard alone', async () => {
    await open('example');
    await page.evaluate(() => localStorage.clear());
    await open('example');
    const focused = () => page.evaluate(() => document.activeElement?.id ?? '');
    for (let presses = 0; presses < 40 && (await focused()) !== 'can-i-role'; presses++) await page.keyboard.press('Tab');
    expect(await focused()).toBe('can-i-role');
    await page.keyboard.press('ArrowDown');
    const roleId = await role().inputValue();
    expect(roleId).not.toBe('');
    const file = await roleFile('example', roleId);
    await expect.poll(() => decision().locator('option').count()).toBe(file.answers.length + 1);
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('can-i-decision');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const decisionId = await decision().inputValue();
    expect(decisionId).not.toBe('');
    expect(await status()).toBe(expected(file, decisionId));
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('can-i-amount');
    await page.keyboard.type('5000');
    expect(await status()).toBe(expected(file, decisionId, 5000));
    await page.keyboard.press('Enter'); // submitting must not reload or lose the answer
    expect(await amount().inputValue()).toBe('5000');
    expect(await status()).toBe(expected(file, decisionId, 5000));
  });

  it('has no axe violations, in light and dark', async () => {
    await open('example', '?role=contact-agent&decision=contact-centre-goodwill-credit&amount=60');
    await page.locator('[data-can-i-table]').evaluate((details) => ((details as HTMLDetailsElement).open = true));
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      const { violations } = await axeCheck(page);
      expect(violations, colorScheme).toEqual([]);
    }
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it("links to each role's table, and no form, without JavaScript; a role's table holds its decisions with conditions", async () => {
    const noScript = await browser.newContext({ javaScriptEnabled: false });
    try {
      const plain = await noScript.newPage();
      await plain.goto(`${sites.example.server.url}/can-i/`);
      expect(await plain.getByLabel('Role', { exact: true }).isVisible()).toBe(false);
      const index = await open('example');
      for (const [id, title] of index.r) {
        expect(await plain.getByRole('link', { name: title, exact: true }).first().getAttribute('href'), id).toBe(`/can-i/${id}/`);
      }
      await plain.getByRole('link', { name: 'Store associate', exact: true }).first().click();
      const menu = roleDecisionMenu((await roleFile('example', 'store-associate')).answers);
      const table = plain.getByRole('table', { name: 'What a Store associate may decide' });
      expect(await table.getByRole('rowheader').allTextContents()).toEqual(menu.own.map((answer) => answer.decision.decision));
      expect(await table.getByRole('cell', { name: 'Decides up to £75 per case' }).count()).toBe(1);
      expect(await table.getByRole('cell', { name: /^Check the item is ours/ }).count()).toBe(1);
      expect(await plain.getByRole('heading', { name: 'Other decisions' }).isVisible()).toBe(menu.other.length > 0);
    } finally {
      await noScript.close();
    }
  });
});
