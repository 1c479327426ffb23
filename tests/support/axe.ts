/**
 * Accessibility checks with axe-core in a page that keeps the site's Content
 * Security Policy (the script goes in through the DevTools protocol, see
 * inject-script.ts). One helper, so every browser test checks the same
 * WCAG rules and reports violations the same way.
 */
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { injectScript } from './inject-script.ts';

/** axe-core's browser bundle. */
export const AXE_SCRIPT = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** The WCAG 2.2 AA rules. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: string[] }[];
}

interface AxeResult {
  violations: AxeViolation[];
  passes: unknown[];
}

/**
 * The page's axe violations as one line each (`rule: help (first targets)`),
 * and how many rules passed, so a caller can tell that axe really ran.
 */
export async function axeCheck(page: Page): Promise<{ violations: string[]; passes: number }> {
  if (!(await page.evaluate(() => 'axe' in window))) await injectScript(page, { path: AXE_SCRIPT });
  const { violations, passes } = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResult> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return { violations: result.violations, passes: result.passes.length };
  }, AXE_TAGS);
  return {
    violations: violations.map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 5)
          .join(', ')})`,
    ),
    passes,
  };
}
