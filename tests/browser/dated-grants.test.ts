/**
 * A December grant in Chromium (tests/fixtures/dated, built on 10 January
 * 2027): the store associate may refund up to £150 until 31 January, then
 * £75. With the device's date set on both sides of `until` (playwright's
 * clock), "Can I…?", the search answer card and the pocket card give both
 * verdicts, each the verdict function's for that day, and say which date
 * they used.
 */
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unpackAnswers, type RoleHelperData } from '../../src/lib/decision/helper-data.ts';
import { dayNote, verdictText } from '../../src/lib/decision/verdict-text.ts';
import { verdict, type DecisionAnswer } from '../../src/lib/decision/verdict.ts';
import { englishWords } from '../../src/lib/languages/dictionary.ts';
import { axeCheck } from '../support/axe.ts';
import { launchBrowser } from '../support/browser.ts';
import { buildPlaybook, FIXTURES, type BuildResult } from '../support/build-playbook.ts';
import { previewSite, type PreviewServer } from '../support/preview-server.ts';

let build: BuildResult;
let server: PreviewServer;
let browser: Browser;
let answer: DecisionAnswer;

beforeAll(async () => {
  build = await buildPlaybook(path.join(FIXTURES, 'dated/content'), { env: { PLAYBOOK_TODAY: '2027-01-10' } });
  if (build.exitCode !== 0) throw new Error(`build failed:\n${build.stdout}\n${build.stderr}`);
  server = await previewSite(build.outDir);
  browser = await launchBrowser();
  const data = (await (await fetch(`${server.url}/can-i/associate.json`)).json()) as RoleHelperData;
  answer = unpackAnswers(data).find((candidate) => candidate.decision.id === 'refund')!;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await build?.cleanup();
});

/** A page whose device says it is `day`, at noon (the same calendar day in any time zone a test machine has). */
async function onDay(day: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.clock.setFixedTime(new Date(`${day}T12:00:00Z`));
  return { context, page: await context.newPage() };
}

/** What the page must say on `day`: the verdict function's words for that day, and the day it used. */
function expected(day: string, amount: number): string {
  const words = englishWords('en-GB');
  const said = verdict(answer, amount, undefined, day);
  return [verdictText(said, words), dayNote(said, 'device', words)].filter(Boolean).join(' ');
}

describe('Can I…? on the device date', () => {
  for (const [day, kind] of [
    ['2027-01-31', 'decide'],
    ['2027-02-01', 'over-limit'],
  ] as const) {
    it(`answers £120 on ${day} with that day's grant (${kind})`, async () => {
      const { context, page } = await onDay(day);
      try {
        await page.goto(`${server.url}/can-i/?role=associate&decision=refund&amount=120`);
        const status = page.locator('main [role="status"]');
        await expect.poll(async () => (await status.textContent())?.trim()).toBe(expected(day, 120));
        expect(await status.getAttribute('data-kind')).toBe(kind);
        const text = (await status.textContent())!;
        if (kind === 'decide') {
          expect(text).toContain("Answer for 31 Jan 2027 (this device's date). Other terms apply from 1 Feb 2027.");
        } else {
          expect(text).toContain('£120 is above your limit of £75 per case');
          expect(text).toContain("Answer for 1 Feb 2027 (this device's date).");
        }
        expect((await axeCheck(page)).violations).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});

describe('the search answer card on the device date', () => {
  for (const day of ['2027-01-31', '2027-02-01']) {
    it(`answers "refund £120" for the remembered role on ${day}`, async () => {
      const { context, page } = await onDay(day);
      try {
        // Choosing the role in Can I…? remembers it on the device.
        await page.goto(`${server.url}/can-i/?role=associate`);
        await expect.poll(() => page.locator('[data-can-i]').getAttribute('data-loaded-role')).toBe('associate');
        await page.goto(`${server.url}/search/?q=${encodeURIComponent('refund £120')}`);
        const card = page.locator('[data-search-answer]');
        await expect.poll(() => card.isVisible()).toBe(true);
        expect(await card.locator('[data-answer-text]').textContent()).toBe(expected(day, 120));
      } finally {
        await context.close();
      }
    });
  }
});

describe('the pocket card on the device date', () => {
  for (const [day, upTo, note] of [
    ['2027-01-31', '150', "Answer for 31 Jan 2027 (this device's date). Other terms apply from 1 Feb 2027."],
    ['2027-02-01', '75', "Answer for 1 Feb 2027 (this device's date)."],
  ] as const) {
    it(`shows the bands of ${day}`, async () => {
      const { context, page } = await onDay(day);
      try {
        await page.goto(`${server.url}/roles/associate/card/`);
        const group = page.locator('[data-dated-bands]');
        await expect.poll(() => group.locator('[data-day-note]').textContent()).toBe(note);
        expect(await group.locator('ol:visible li').first().getAttribute('data-up-to')).toBe(upTo);
        expect(await group.locator('ol:visible').count()).toBe(1);
        expect((await axeCheck(page)).violations).toEqual([]);
        // The boundary page: the window beside the limit, also accessible.
        await page.goto(`${server.url}/boundaries/refund/`);
        expect(await page.locator('[data-grant-window]').first().textContent()).toBe('until 31 Jan 2027, then £75');
        expect((await axeCheck(page)).violations).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
