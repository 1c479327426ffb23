/**
 * "Can I…?" in Chromium, on the example playbook (content/) and the can-i
 * fixture: for every role and every decision in its data
 * (`/can-i/<role>.json`), amounts below, at and above the limit, the verdict
 * the page shows is the one the verdict module gives for that data. Also
 * deep links, keyboard-only use, the per-role tables without JavaScript, and
 * axe in light and dark.
 */
import { englishWords } from '../../src/lib/languages/dictionary.ts';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HelperData } from '../../src/lib/decision/helper-data.ts';
import { verdictText } from '../../src/lib/decision/verdict-text.ts';
import { roleDecisionMenu } from '../../src/lib/decision/decision-table.ts';
import { selectableRoles, verdict } from '../../src/lib/decision/verdict.ts';
import { launchBrowser } from '../support/browser.ts';
import { injectScript } from '../support/inject-script.ts';
import { buildPlaybook, FIXTURES, PROJECT_ROOT, type BuildResult } from '../support/build-playbook.ts';
import { previewSite, type PreviewServer } from '../support/preview-server.ts';

const SITES = {
  example: path.join(PROJECT_ROOT, 'content'),
  fixture: path.join(FIXTURES, 'can-i'),
} as const;
type SiteName = keyof typeof SITES;

const AXE = path.join(PROJECT_ROOT, 'node_modules/axe-core/axe.min.js');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

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

async function open(site: SiteName, query = ''): Promise<HelperData> {
  await page.goto(`${sites[site].server.url}/can-i/${query}`);
  return JSON.parse((await page.locator('#can-i-data').textContent())!) as HelperData;
}

/** A role's data, as the page loads it. */
async function roleFile(site: SiteName, roleId: string): Promise<HelperData> {
  const response = await fetch(`${sites[site].server.url}/can-i/${roleId}.json`);
  expect(response.ok, roleId).toBe(true);
  return (await response.json()) as HelperData;
}

/** Chooses a role and waits for its decisions to be in the menu. */
async function chooseRole(roleId: string, data: HelperData): Promise<void> {
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
  await expect.poll(values).toEqual(data.d.map(([id]) => id).sort());
}

/** What the page must say: the verdict module over the page's own data. */
function expected(data: HelperData, roleId: string, decisionId: string, value?: number): string {
  return verdictText(verdict({ data, roleId, decisionId, amount: value })!, englishWords(data.l));
}

/** Below, at and above the limit; a large amount where there is none. */
function amountsFor(limit: number | undefined): (number | undefined)[] {
  if (limit === undefined) return [undefined, 100_000];
  return [undefined, limit > 1 ? limit - 1 : limit / 2, limit, limit + 1];
}

for (const site of Object.keys(SITES) as SiteName[]) {
  describe(`the ${site} playbook`, () => {
    it('answers every grant below, at and above its limit as the verdict module does', async () => {
      const index = await open(site);
      expect(index.d).toEqual([]); // the page carries roles only
      const mismatches: string[] = [];
      let checked = 0;
      for (const { id: roleId } of selectableRoles(index)) {
        const data = await roleFile(site, roleId);
        await chooseRole(roleId, data);
        const at = data.r.findIndex(([id]) => id === roleId);
        for (const [decisionId, , , , , , grants] of data.d) {
          const grant = grants.find(([roleIndex]) => roleIndex === at);
          if (!grant) continue;
          await decision().selectOption(decisionId);
          for (const value of amountsFor(grant[6])) {
            await amount().fill(value === undefined ? '' : String(value));
            const shown = await status();
            const want = expected(data, roleId, decisionId, value);
            checked++;
            if (shown !== want) mismatches.push(`${roleId} / ${decisionId} / ${value ?? 'no amount'}: shown "${shown}", expected "${want}"`);
          }
        }
      }
      expect(mismatches).toEqual([]);
      expect(checked).toBeGreaterThan(selectableRoles(index).length * 2);
    });

    it("answers a role's other decisions by sending them up its ladder, and lists its own first", async () => {
      const index = await open(site);
      const mismatches: string[] = [];
      await amount().fill('');
      for (const { id: roleId } of selectableRoles(index)) {
        const data = await roleFile(site, roleId);
        await chooseRole(roleId, data);
        const menu = roleDecisionMenu(data, roleId);
        const groups = await decision()
          .locator('optgroup')
          .evaluateAll((list) =>
            list.map((group) => [
              (group as HTMLOptGroupElement).label,
              [...(group as HTMLOptGroupElement).children].map((o) => (o as HTMLOptionElement).value),
            ]),
          );
        expect(groups, roleId).toEqual([
          ...(menu.own.length ? [['Your decisions', menu.own.map((d) => d.id)]] : []),
          ...(menu.other.length ? [['Other decisions (they go up your ladder)', menu.other.map((d) => d.id)]] : []),
        ]);
        for (const { id: decisionId } of menu.other) {
          await decision().selectOption(decisionId);
          const want = expected(data, roleId, decisionId);
          if ((await status()) !== want) mismatches.push(`${roleId} / ${decisionId}: "${await status()}"`);
        }
      }
      expect(mismatches).toEqual([]);
    });
  });
}

describe('on the example playbook', () => {
  it('shows the verdict of a deep link on load, with the form filled in', async () => {
    await open('example', '?role=store-associate&decision=store-goodwill-gesture&amount=300');
    const data = await roleFile('example', 'store-associate');
    expect(await role().inputValue()).toBe('store-associate');
    await expect.poll(() => decision().inputValue()).toBe('store-goodwill-gesture');
    expect(await amount().inputValue()).toBe('300');
    expect(await status()).toBe(expected(data, 'store-associate', 'store-goodwill-gesture', 300));
    expect(((await page.getByRole('main').getByRole('status').textContent()) ?? '').trim()).toBe(await status());
    expect(await status()).toMatch(/^No — £300 is above your limit of £75 per case\. Escalate to Store manager, who may approve up to £400 per case\.$/);
    const link = page.getByRole('link', { name: /^Read the boundary/ });
    expect(await link.getAttribute('href')).toBe('/boundaries/store-goodwill-gesture/');
    expect(await page.getByRole('heading', { name: 'Guardrails' }).isVisible()).toBe(true);
    expect(await page.getByText('Never give cash. Vouchers, discounts and goods only.').isVisible()).toBe(true);
    // The whole answer: the grant's conditions, and whom to call with what they may approve.
    expect(await page.getByRole('heading', { name: 'Conditions' }).isVisible()).toBe(true);
    expect(await page.getByText("Vouchers, money off today's purchase, free add-ons such as cushions, throws or assembly.").isVisible()).toBe(true);
    const call = page.locator('[data-can-i-call-block]');
    expect(await call.getByRole('link', { name: 'Store manager' }).getAttribute('href')).toBe('/roles/store-manager/');
    expect((await call.textContent())?.replace(/\s+/g, ' ')).toContain('Store manager May approve up to £400 per case.');
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
    await chooseRole('store-associate', await roleFile('example', 'store-associate'));
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
    await chooseRole('shift-lead', await roleFile('example', 'shift-lead'));
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
    const data = await roleFile('example', roleId);
    await expect.poll(() => decision().locator('option').count()).toBe(data.d.length + 1);
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('can-i-decision');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const decisionId = await decision().inputValue();
    expect(decisionId).not.toBe('');
    expect(await status()).toBe(expected(data, roleId, decisionId));
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('can-i-amount');
    await page.keyboard.type('5000');
    expect(await status()).toBe(expected(data, roleId, decisionId, 5000));
    await page.keyboard.press('Enter'); // submitting must not reload or lose the answer
    expect(await amount().inputValue()).toBe('5000');
    expect(await status()).toBe(expected(data, roleId, decisionId, 5000));
  });

  it('has no axe violations, in light and dark', async () => {
    await open('example', '?role=contact-agent&decision=contact-centre-goodwill-credit&amount=60');
    await page.locator('[data-can-i-table]').evaluate((details) => ((details as HTMLDetailsElement).open = true));
    await injectScript(page, { path: AXE });
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      const violations = await page.evaluate(async (tags) => {
        const axe = (
          window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }
        ).axe;
        const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
        return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      }, AXE_TAGS);
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
      for (const { id, title } of selectableRoles(index)) {
        expect(await plain.getByRole('link', { name: title, exact: true }).first().getAttribute('href'), id).toBe(`/can-i/${id}/`);
      }
      await plain.getByRole('link', { name: 'Store associate', exact: true }).first().click();
      const data = await roleFile('example', 'store-associate');
      const menu = roleDecisionMenu(data, 'store-associate');
      const table = plain.getByRole('table', { name: 'What a Store associate may decide' });
      expect(await table.getByRole('rowheader').allTextContents()).toEqual(menu.own.map((d) => d.decision));
      expect(await table.getByRole('cell', { name: 'Decides up to £75 per case' }).count()).toBe(1);
      expect(await table.getByRole('cell', { name: /^Check the item is ours/ }).count()).toBe(1);
      expect(await plain.getByRole('heading', { name: 'Other decisions' }).isVisible()).toBe(menu.other.length > 0);
    } finally {
      await noScript.close();
    }
  });
});
