/**
 * Test tooling (axe, a search harness) put into a page that has the site's
 * Content Security Policy. `page.addScriptTag` adds an inline <script>,
 * which the policy rightly blocks; code evaluated through the browser's
 * DevTools protocol is not subject to it, so the page keeps its policy
 * while the test looks at it.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';

export async function injectScript(page: Page, source: { path: string } | { content: string }): Promise<void> {
  await page.evaluate('path' in source ? await readFile(source.path, 'utf8') : source.content);
}
