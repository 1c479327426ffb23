/**
 * The page the dev server shows instead of the site while the content has
 * errors (other than the placeholders of an unfinished entry, which its own
 * page shows): every problem, each with its file, line, message and hint,
 * the same words the terminal prints. Plain HTML, no script: the server reloads
 * the browser when the content is fixed.
 */
import type { Element, ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Diagnostic } from './diagnostic.ts';
import { formatSummary } from './format.ts';
import { formatNotFullyChecked, formatOlderWarnings, type PresentedReport } from './report-order.ts';

const text = (value: string): ElementContent => ({ type: 'text', value });
const element = (tagName: string, children: ElementContent[], properties: Element['properties'] = {}): Element => ({
  type: 'element',
  tagName,
  properties,
  children,
});

/** What the page counts: the report's totals. */
export interface ProblemCounts {
  errorCount: number;
  warningCount: number;
  entryCount: number;
  notFullyChecked: readonly string[];
}

/**
 * The list of problems, in the order the terminal prints them: errors first,
 * the editor's own files first; older warnings folded into one line that
 * opens to list them; and, last, whether a second run may find more.
 */
export function problemsPage({ listed, older }: PresentedReport, counts: ProblemCounts, howToList: string): string {
  const summary = formatSummary(counts.errorCount, counts.warningCount, counts.entryCount);
  const main: ElementContent[] = [
    element('h1', [text('The playbook has content errors')]),
    element('p', [text(`${summary}. Fix them and save: this page reloads by itself.`)]),
    element('ul', listed.map(problemItem), { role: 'list' }),
  ];
  if (older.length > 0) {
    main.push(element('details', [element('summary', [text(formatOlderWarnings(older, howToList))]), element('ul', older.map(problemItem), { role: 'list' })]));
  }
  if (counts.notFullyChecked.length > 0) main.push(element('p', [text(`${formatNotFullyChecked(counts.notFullyChecked.length)}.`)]));
  const page = element(
    'html',
    [
      element('head', [
        element('meta', [], { charset: 'utf-8' }),
        // No script: the page asks again every two seconds until the content is fixed.
        element('meta', [], { httpEquiv: ['refresh'], content: '2' }),
        element('title', [text('The playbook has content errors')]),
        element('style', [
          text(
            'body{font:1rem/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem}li{margin:0 0 1rem}.error code{color:#a40000}.hint{margin:0;color:#444}',
          ),
        ]),
      ]),
      element('body', [element('main', main)]),
    ],
    { lang: 'en' },
  );
  return `<!doctype html>\n${toHtml(page)}`;
}

function problemItem(d: Diagnostic): Element {
  return element(
    'li',
    [
      element('p', [element('code', [text(`${d.file}:${d.line}:${d.column}`)]), text(` ${d.severity} `), text(`${d.message} (${d.rule})`)]),
      ...(d.hint ? [element('p', [text(`hint: ${d.hint}`)], { className: ['hint'] })] : []),
    ],
    { className: [d.severity] },
  );
}
