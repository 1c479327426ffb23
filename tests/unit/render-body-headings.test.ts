import GithubSlugger from 'github-slugger';
import { markdownToHtml, type HastPluginDefinition, type MarkdownToHtmlResult } from 'satteri';
import { describe, expect, it } from 'vitest';
import { bodyHeadingId } from '../../src/lib/links/page-ids.ts';
import { BODY_FEATURES, renderBody, type BodyHeading } from '../../src/lib/reading/render-body.ts';

/**
 * A Markdown body with no raw HTML, links or pictures renders in one native
 * call, and its heading ids go into the HTML after; any other body gets them
 * from a plugin on the tree. Both must give what the plugin gives: here is
 * that plugin, run on the same bodies.
 */
function withPlugin(body: string): { html: string; headings: BodyHeading[] } {
  const slugger = new GithubSlugger();
  const headings: BodyHeading[] = [];
  const ids: HastPluginDefinition = {
    name: 'reference-heading-ids',
    element: {
      filter: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
      visit(node, ctx) {
        const text = ctx.textContent(node);
        const slug = bodyHeadingId((words) => slugger.slug(words), text);
        headings.push({ depth: Number(node.tagName[1]), slug, text });
        ctx.setProperty(node, 'id', slug);
      },
    },
  };
  const { html } = markdownToHtml(body, { features: BODY_FEATURES, hastPlugins: [ids] }) as MarkdownToHtmlResult;
  return { html, headings };
}

const BODIES = [
  '## What happened\n\nText.\n\n## What we learned\n',
  '# A & B > C "quoted" it\'s\n',
  '## *Emphasis*, **strong**, ~~struck~~ and `code & more`\n',
  '## Visit www.example.com or https://example.com/a?b=1&c=2\n',
  '## Written &amp; &lt;escaped&gt; &quot;refs&quot; &copy; &#169; &nbsp;end\n',
  'Setext one\n===\n\nSetext two\n---\n',
  '### Closed heading ###\n\n#### Trailing \\#\n',
  '> ## In a quote\n\n- ## In a list\n\n1. ### In an ordered list\n',
  '## Examples\n\n## Changes\n\n## Examples\n\n## Café 🎉 Ünïcödé\n',
  '## \\*not emphasis\\* and \\`not code\\`\n',
  '## Tabs\tand  spaces   \n\n##\n\n## \n',
  '```\n## not a heading\n```\n\n    ## indented code\n\n## After code\n',
  'No headings at all, just *text* & more.\n',
  '###### Six\n\n####### Seven is text\n',
  '## Line one  \ncontinues? no\n\n## Hard\\\nbreak\n',
];

describe('heading ids of a plain Markdown body', () => {
  it.each(BODIES.map((body) => [JSON.stringify(body).slice(0, 50), body]))('%s: the same HTML and headings as the plugin gives', (_, body) => {
    // These bodies take the fast path (no "<" or "[").
    expect(body).not.toMatch(/[<[]/);
    const rendered = renderBody({ file: 'b.md', body, bodyLine: 1, format: 'md', trusted: false });
    expect(rendered.findings).toEqual([]);
    const reference = withPlugin(body);
    expect({ html: rendered.html, headings: rendered.headings }).toEqual(reference);
  });

  it('gives ids and text that the heading holds', () => {
    const rendered = renderBody({ file: 'b.md', body: '## A &amp; *B*\n', bodyLine: 1, format: 'md', trusted: false });
    expect(rendered.html).toBe('<h2 id="a--b">A &amp; <em>B</em></h2>\n');
    expect(rendered.headings).toEqual([{ depth: 2, slug: 'a--b', text: 'A & B' }]);
  });
});
