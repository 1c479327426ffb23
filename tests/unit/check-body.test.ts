import { markdownToMdast, mdxToJs, mdxToMdast } from 'satteri';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/lib/diagnostics/diagnostic.ts';
import { BODY_HTML_SCHEMA, checkBodyTree, CONTENT_COMPONENTS, type BodyNode } from '../../src/lib/reading/check-body.ts';
import { checkBody } from '../../src/lib/reading/render-body.ts';
import { contentBodyGate } from '../../src/integrations/satteri-gate.ts';

const md = (body: string, bodyLine = 1) => checkBody({ file: 'wins/w.md', body, bodyLine, format: 'md', trusted: false });
const mdx = (body: string, options: { bodyLine?: number; trusted?: boolean } = {}) =>
  checkBody({ file: 'wins/w.mdx', body, bodyLine: options.bodyLine ?? 1, format: 'mdx', trusted: options.trusted ?? false });

/** The finding an editor sees, written out in full. */
const at =
  (file: string) =>
  (line: number, column: number, rule: string, message: string, hint: string): Finding => ({
    file,
    path: [],
    position: { line, column },
    severity: 'error',
    rule,
    message,
    hint,
  });
const inMd = at('wins/w.md');
const inMdx = at('wins/w.mdx');

const EXPRESSION_HINT = 'to show curly braces as text write \\{ and \\}; to leave a note for editors write {/* note */}';
const LINK_HINT = 'link to a web page (https://…) or to another page of the playbook instead';
const IMAGE_HINT =
  "put the picture in the content root (for example in assets/) and name it in a win's image field, with imageAlt; the text cannot point at files, which keeps every picture inside the content root and sends it through the image pipeline";
const SCRIPT_HINT = "content cannot run code: remove the tag, and ask the playbook's developers if a page needs something interactive";

describe('clean bodies', () => {
  it('accepts Markdown with the allowed HTML tags and comments', () => {
    const body = [
      '# Shortcuts',
      '',
      'Press <kbd>Ctrl</kbd>+<kbd>K</kbd> to search the <abbr title="customer satisfaction">CSAT</abbr> notes.<br>',
      '',
      '<details open>',
      '<summary>More</summary>',
      '',
      'H<sub>2</sub>O, x<sup>2</sup>, <mark>new</mark>, <small>fine print</small>, <ins>added</ins> <del>removed</del>',
      '',
      '</details>',
      '',
      '<!-- reviewed by the service team -->',
      '',
      '[Our policy](https://example.com/policy) and [the handbook][hb].',
      '',
      '[hb]: https://example.com/handbook',
    ].join('\n');
    // Every link is kept, with its place, for the check of where it leads (rules/body-links.ts).
    expect(md(body)).toEqual({
      findings: [],
      boundaryRefs: [],
      links: [
        { url: 'https://example.com/policy', position: { line: 14, column: 1 } },
        { url: 'https://example.com/handbook', position: { line: 16, column: 1 } },
      ],
    });
  });

  it('accepts Callout and BoundaryRef in MDX and returns each BoundaryRef with its file position', () => {
    const body = [
      '<Callout type="tip" title="Before you credit">',
      'Check the limit for your role: <BoundaryRef id="goodwill-credit" />.',
      '</Callout>',
      '',
      '<BoundaryRef id="refund-window" />',
      '',
      '{/* a note for editors, not shown on the page */}',
    ].join('\n');
    expect(mdx(body, { bodyLine: 6 })).toEqual({
      findings: [],
      boundaryRefs: [
        { id: 'goodwill-credit', position: { line: 7, column: 32 } },
        { id: 'refund-window', position: { line: 10, column: 1 } },
      ],
      links: [],
    });
  });

  it('treats MDX-looking text in a .md file as plain text', () => {
    expect(md('import x from "y"\n\nexport const a = 1\n\nTotal: {1 + 1} {process.exit(1)}\n')).toEqual({ findings: [], boundaryRefs: [], links: [] });
  });

  it('reads tags in a .md file as HTML, and says components need .mdx', () => {
    expect(md('<Callout type="tip">Hi</Callout> and <Chart />').findings).toEqual([
      inMd(1, 1, 'html', '<callout> is not allowed in content', '<Callout> works only in .mdx files: rename this file to end in .mdx'),
      inMd(
        1,
        38,
        'html',
        '<chart> is not allowed in content',
        'remove the tag and keep its text; the tags content can use are <kbd>, <abbr>, <details>, <summary>, <sup>, <sub>, <mark>, <br>, <small>, <ins>, <del>, <dl>, <dt>, <dd>, <figure> and <figcaption>',
      ),
    ]);
  });
});

describe('MDX code', () => {
  it('refuses import statements', () => {
    expect(mdx('import Chart from "./chart.js"\n\nText.').findings).toEqual([
      inMdx(
        1,
        1,
        'mdx-import',
        'import statements are not allowed in content',
        'remove this line: <Callout> and <BoundaryRef> can be used without importing them',
      ),
    ]);
  });

  it('refuses export statements, one finding per statement line', () => {
    expect(mdx('Intro.\n\nimport a from "a"\nexport const year = 2026\n').findings).toEqual([
      inMdx(
        3,
        1,
        'mdx-import',
        'import statements are not allowed in content',
        'remove this line: <Callout> and <BoundaryRef> can be used without importing them',
      ),
      inMdx(
        4,
        1,
        'mdx-import',
        'export statements are not allowed in content',
        'remove this line: facts such as the title or date belong in the frontmatter between the --- lines',
      ),
    ]);
  });

  it('refuses an expression in text', () => {
    expect(mdx('We saved {1000 * 12} pounds.').findings).toEqual([
      inMdx(1, 10, 'mdx-expression', '{1000 * 12} is read as code, and code is not allowed in content', EXPRESSION_HINT),
    ]);
  });

  it('refuses a flow expression on its own line', () => {
    expect(mdx('Intro.\n\n{process.env.SECRET}\n').findings).toEqual([
      inMdx(3, 1, 'mdx-expression', '{process.env.SECRET} is read as code, and code is not allowed in content', EXPRESSION_HINT),
    ]);
  });

  it('allows comments written as {/* … */} and {// …}', () => {
    expect(mdx('Text {/* inline note */} more.\n\n{// a line note\n}\n').findings).toEqual([]);
  });
});

describe('MDX components and attributes', () => {
  it('refuses an attribute written as an expression', () => {
    expect(mdx('<Callout type={kind}>Hi</Callout>').findings).toEqual([
      inMdx(
        1,
        10,
        'mdx-attribute',
        'the type of <Callout> is written as code ({kind}); it must be plain text in quotes',
        'write type="note", type="tip" or type="warning"',
      ),
    ]);
  });

  it('refuses spread attributes', () => {
    expect(mdx('<Callout {...props}>Hi</Callout>').findings).toEqual([
      inMdx(
        1,
        10,
        'mdx-attribute',
        '<Callout> is given attributes written as code, which is not allowed in content',
        'write each attribute out with its value in quotes, such as type="tip"',
      ),
    ]);
  });

  it('refuses attributes the component does not take, suggesting a near miss', () => {
    expect(mdx('<Callout tittle="Careful" color="red">Hi</Callout>').findings).toEqual([
      inMdx(1, 10, 'mdx-attribute', '<Callout> does not take a "tittle" attribute', 'did you mean title?'),
      inMdx(1, 27, 'mdx-attribute', '<Callout> does not take a "color" attribute', '<Callout> takes type and title'),
    ]);
  });

  it('refuses a Callout type outside note, tip and warning', () => {
    expect(mdx('<Callout type="danger">Hi</Callout>').findings).toEqual([
      inMdx(1, 10, 'mdx-attribute', 'the type of <Callout> must be note, tip or warning, not "danger"', 'write type="note", type="tip" or type="warning"'),
    ]);
    expect(mdx('<Callout type="warnign">Hi</Callout>').findings).toEqual([
      inMdx(1, 10, 'mdx-attribute', 'the type of <Callout> must be note, tip or warning, not "warnign"', 'did you mean type="warning"?'),
    ]);
  });

  it('requires an id on BoundaryRef', () => {
    expect(mdx('See <BoundaryRef />.')).toEqual({
      findings: [
        inMdx(
          1,
          5,
          'mdx-attribute',
          '<BoundaryRef> needs an id',
          'write <BoundaryRef id="…" /> with the id of a boundary: its file name in boundaries/, without the extension',
        ),
      ],
      boundaryRefs: [],
      links: [],
    });
  });

  it('refuses an unknown component and suggests the closest one', () => {
    expect(mdx('<Callot type="tip">Hi</Callot>').findings).toEqual([
      inMdx(1, 1, 'mdx-component', "<Callot> is not one of the playbook's components", 'did you mean <Callout>?'),
    ]);
  });

  it('refuses an unknown component with no near match', () => {
    expect(mdx('Sales by month:\n\n<Chart data="sales" />').findings).toEqual([
      inMdx(3, 1, 'mdx-component', "<Chart> is not one of the playbook's components", 'use <Callout> or <BoundaryRef>; content cannot use other components'),
    ]);
  });

  it('refuses fragments', () => {
    expect(mdx('<>Hi</>').findings).toEqual([
      inMdx(1, 1, 'mdx-component', 'empty tags <> and </> are not allowed in content', 'remove <> and </> and keep the text between them'),
    ]);
  });

  it('treats lower-case tags as HTML, and points a lower-case component name at the real one', () => {
    expect(mdx('<callout>Hi</callout> and <kbd class="key">K</kbd> and <abbr title={t}>A</abbr>').findings).toEqual([
      inMdx(1, 1, 'html', '<callout> is not allowed in content', 'did you mean <Callout>? Component names start with a capital letter'),
      inMdx(1, 32, 'html', 'the class attribute is not allowed on <kbd>', 'remove it: <kbd> takes no attributes'),
      inMdx(1, 62, 'mdx-attribute', 'the title of <abbr> is written as code ({t}); it must be plain text in quotes', 'write title="…" with the text in quotes'),
    ]);
  });
});

describe('raw HTML', () => {
  it('refuses <script> in .md', () => {
    expect(md('Hello\n\n<script>alert(1)</script>\n').findings).toEqual([inMd(3, 1, 'html', '<script> is not allowed in content', SCRIPT_HINT)]);
  });

  it('refuses <script> in .mdx', () => {
    expect(mdx('Hello\n\n<script>alert(1)</script>\n').findings).toEqual([inMdx(3, 1, 'html', '<script> is not allowed in content', SCRIPT_HINT)]);
  });

  it('refuses <img> and names its event handler', () => {
    expect(md('Look: <img src="x" onerror="alert(1)">').findings).toEqual([
      inMd(
        1,
        7,
        'html',
        '<img> is not allowed in content',
        "pictures belong in a win's image field (with imageAlt), which keeps them inside the content root and sends them through the image pipeline",
      ),
      inMd(1, 20, 'html', 'the onerror attribute on <img> is not allowed: event handler attributes such as onerror run code', 'remove the onerror attribute'),
    ]);
  });

  it('refuses event handlers and other attributes on allowed tags, in .md and .mdx', () => {
    expect(md('<details open ontoggle="steal()">\n<summary style="color:red">More</summary>\n</details>').findings).toEqual([
      inMd(
        1,
        15,
        'html',
        'the ontoggle attribute on <details> is not allowed: event handler attributes such as ontoggle run code',
        'remove the ontoggle attribute',
      ),
      inMd(2, 10, 'html', 'the style attribute is not allowed on <summary>', 'remove it: <summary> takes no attributes'),
    ]);
    expect(mdx('<abbr title="x" onMouseOver={steal}>A</abbr>').findings).toEqual([
      inMdx(
        1,
        17,
        'html',
        'the onmouseover attribute on <abbr> is not allowed: event handler attributes such as onmouseover run code',
        'remove the onmouseover attribute',
      ),
    ]);
  });

  it('refuses <iframe>', () => {
    expect(md('<iframe src="https://example.com/video"></iframe>').findings).toEqual([
      inMd(1, 1, 'html', '<iframe> is not allowed in content', 'embedded pages and media cannot be shown in content: link to them instead, [title](https://…)'),
    ]);
  });

  it('refuses <style>', () => {
    expect(md('<style>body { display: none }</style>').findings).toEqual([
      inMd(
        1,
        1,
        'html',
        '<style> is not allowed in content',
        "the site's theme decides how content looks: remove the tag and use Markdown such as **bold** or a heading",
      ),
    ]);
  });

  it('refuses <form> and the fields inside it', () => {
    expect(md('<form action="https://evil.example">\n<input name="password">\n</form>').findings).toEqual([
      inMd(1, 1, 'html', '<form> is not allowed in content', 'forms cannot be used in content: link to the form instead, [title](https://…)'),
      inMd(2, 1, 'html', '<input> is not allowed in content', 'forms cannot be used in content: link to the form instead, [title](https://…)'),
    ]);
  });

  it('refuses <a>, naming a javascript: href, and suggests a Markdown link', () => {
    expect(md('Click <a href="javascript:alert(1)">here</a>.').findings).toEqual([
      inMd(1, 7, 'html', '<a> is not allowed in content', 'write a Markdown link instead: [text](https://…)'),
      inMd(
        1,
        10,
        'html',
        'the href attribute on <a> points to a "javascript:" address; links like this can run code',
        'link to a web page with a Markdown link instead: [text](https://…)',
      ),
    ]);
  });

  it('finds the offending tag on a later line of a multi-line block', () => {
    expect(md('Intro.\n\n<details>\n<summary>Steps</summary>\n<object data="x.swf"></object>\n</details>').findings).toEqual([
      inMd(5, 1, 'html', '<object> is not allowed in content', 'embedded pages and media cannot be shown in content: link to them instead, [title](https://…)'),
    ]);
  });

  it('refuses a tag left unfinished, which would swallow the text after it', () => {
    expect(md('<details title="x\n\n" onmouseover="alert(1)\n').findings).toEqual([
      inMd(
        1,
        1,
        'html',
        'an HTML tag is started but not finished',
        'finish the tag with > and close any quotes it opens, or write \\< to show the character < itself',
      ),
    ]);
  });
});

describe('links and pictures', () => {
  it('refuses javascript: links, however they are written', () => {
    expect(md('[Click](javascript:alert(1)) and <JavaScript:alert(2)>\n\n[ref]: &#106;avascript:alert(3)\n').findings).toEqual([
      inMd(1, 1, 'html', 'this link points to a "javascript:" address; links like this can run code', LINK_HINT),
      inMd(1, 34, 'html', 'this link points to a "javascript:" address; links like this can run code', LINK_HINT),
      inMd(3, 1, 'html', 'this link points to a "javascript:" address; links like this can run code', LINK_HINT),
    ]);
  });

  it('refuses data: and vbscript: links, in .md and .mdx', () => {
    expect(md('[Open](data:text/html;base64,PHNjcmlwdD4=)').findings).toEqual([
      inMd(1, 1, 'html', 'this link points to a "data:" address; links like this can run code', LINK_HINT),
    ]);
    expect(mdx('See [this](vbscript:msgbox).').findings).toEqual([
      inMdx(1, 5, 'html', 'this link points to a "vbscript:" address; links like this can run code', LINK_HINT),
    ]);
  });

  it('refuses Markdown pictures in the body', () => {
    expect(md('The team:\n\n![The team at the party](../assets/party.jpg)').findings).toEqual([
      inMd(3, 1, 'body-image', 'pictures cannot be placed in the text of an entry', IMAGE_HINT),
    ]);
    expect(mdx('![x][pic]\n\n[pic]: https://example.com/x.png').findings).toEqual([
      inMdx(1, 1, 'body-image', 'pictures cannot be placed in the text of an entry', IMAGE_HINT),
    ]);
  });
});

describe('MDX syntax errors', () => {
  it('reports an unclosed tag at the tag, in plain words', () => {
    expect(mdx('# Steps\n\n<Callout type="tip">\nCheck the limit first.\n', { bodyLine: 5 })).toEqual({
      findings: [
        inMdx(
          7,
          1,
          'mdx-syntax',
          'the <Callout> tag is never closed',
          'add </Callout> where its text ends, in the same paragraph or list item, or write <Callout … /> if it has no text',
        ),
      ],
      boundaryRefs: [],
      links: [],
    });
  });

  it('explains HTML comments in .mdx, at the comment', () => {
    expect(mdx('Text <!-- note --> more').findings).toEqual([
      inMdx(1, 6, 'mdx-syntax', 'HTML comments (<!-- … -->) cannot be used in .mdx files', 'write the note as {/* your note */} instead'),
    ]);
  });

  it('explains an unquoted attribute value and an unclosed brace', () => {
    expect(mdx('<Callout type=tip>Hi</Callout>').findings).toEqual([
      inMdx(1, 15, 'mdx-syntax', 'an attribute value must be written in quotes', 'put the value in quotes, such as type="tip"'),
    ]);
    // After a quoted one, lines into the body; and a tag that is not one at all is not taken for an unquoted value.
    expect(mdx('Intro.\n\n<Callout title="A b" type=tip>\nHi\n</Callout>').findings).toEqual([
      inMdx(3, 27, 'mdx-syntax', 'an attribute value must be written in quotes', 'put the value in quotes, such as type="tip"'),
    ]);
    expect(mdx('Prices <3 and > 2').findings.map((f) => f.message)).toEqual(['a < here starts a tag, but what follows is not a tag']);
    // At the brace left open.
    expect(mdx('Costs {about 5').findings).toEqual([
      inMdx(1, 7, 'mdx-syntax', 'a { is never closed with }', 'in .mdx files { starts code: to show the character itself write \\{'),
    ]);
  });
});

describe('trusted MDX', () => {
  it('allows imports, expressions, any component and attribute, but still refuses <script>', () => {
    const body = [
      'import Chart from "../components/Chart.astro"',
      '',
      'Total: {1 + 1} <Chart data={sales} /> <Callout type="danger" {...p}>x</Callout>',
      '',
      'See <BoundaryRef id="goodwill-credit" />.',
      '',
      '<script>alert(1)</script>',
    ].join('\n');
    expect(mdx(body, { trusted: true, bodyLine: 3 })).toEqual({
      findings: [inMdx(9, 1, 'html', '<script> is not allowed in content', SCRIPT_HINT)],
      boundaryRefs: [{ id: 'goodwill-credit', position: { line: 7, column: 5 } }],
      links: [],
    });
  });
});

describe('positions', () => {
  it('adds the body start line to every finding', () => {
    expect(md('Hello\n\n<iframe></iframe>', 8).findings.map((f) => f.position)).toEqual([{ line: 10, column: 1 }]);
    expect(mdx('Hello {x}', { bodyLine: 4 }).findings.map((f) => f.position)).toEqual([{ line: 4, column: 7 }]);
  });

  it('never throws: an unexpected failure becomes a finding at the body start', () => {
    const tree = {
      type: 'root',
      get children(): BodyNode[] {
        throw new Error('tree broke');
      },
    };
    expect(checkBodyTree(tree, { file: 'wins/w.mdx', bodyLine: 4, format: 'mdx', trusted: false })).toEqual({
      findings: [
        inMdx(
          4,
          1,
          'mdx-syntax',
          'the text could not be checked: tree broke',
          "look for an unfinished tag or unusual characters; if the text looks right, tell the playbook's developers",
        ),
      ],
      boundaryRefs: [],
      links: [],
    });
  });
});

describe('the allowlists', () => {
  it('publishes the components and tags content may use', () => {
    expect(Object.keys(CONTENT_COMPONENTS)).toEqual(['Callout', 'BoundaryRef']);
    expect(CONTENT_COMPONENTS.Callout.attributes.type.values).toEqual(['note', 'tip', 'warning']);
    expect(BODY_HTML_SCHEMA.attributes).toEqual({ abbr: ['title'], details: ['open'] });
    expect(BODY_HTML_SCHEMA.tagNames).toEqual([
      'kbd',
      'abbr',
      'details',
      'summary',
      'sup',
      'sub',
      'mark',
      'br',
      'small',
      'ins',
      'del',
      'dl',
      'dt',
      'dd',
      'figure',
      'figcaption',
    ]);
    expect(BODY_HTML_SCHEMA.protocols).toEqual({ href: ['http', 'https', 'mailto', 'tel'] });
  });
});

describe('the build-time gate in the Sätteri pipeline', () => {
  const gate = contentBodyGate({ contentRoot: '/playbook-content', trusted: false });
  // Sätteri compiles synchronously when every plugin is synchronous; a promise covers both.
  const compile = (file: string, source: string) => Promise.resolve().then(() => mdxToJs(source, { mdastPlugins: [gate], fileURL: new URL(`file://${file}`) }));

  it('stops a content file with the message the validator gives', async () => {
    const source = 'Intro.\n\nimport fs from "node:fs"\n';
    const expected = mdx(source).findings[0];
    await expect(compile('/playbook-content/wins/w.mdx', source)).rejects.toMatchObject({
      name: 'ContentBodyError',
      message: expected?.message,
      hint: expected?.hint,
      line: 3,
      column: 1,
    });
  });

  it('leaves clean content and files outside the content root alone', async () => {
    await expect(compile('/playbook-content/wins/w.mdx', '<Callout type="tip">Hi</Callout>')).resolves.toHaveProperty('code');
    await expect(compile('/project/src/pages/about.mdx', 'import x from "y"\n\n{x}')).resolves.toHaveProperty('code');
  });
});

describe('the split policy, on Sätteri trees too', () => {
  const tree = (body: string, format: 'md' | 'mdx') =>
    checkBodyTree((format === 'mdx' ? mdxToMdast(body) : markdownToMdast(body)) as unknown as BodyNode, {
      file: `wins/w.${format}`,
      bodyLine: 1,
      format,
      trusted: false,
    }).findings.map((f) => `${f.position!.line}:${f.position!.column} ${f.message}`);

  it('allows links by protocol: web, mail and phone, and relative addresses; refuses the rest', () => {
    expect(md('[a](https://x.example) [b](mailto:a@x.example) [c](tel:+441) [d](../values/x/) [e](#top) [f](a/b:c)').findings).toEqual([]);
    expect(md('[a](ftp://x.example/file)').findings).toEqual([inMd(1, 1, 'html', 'this link points to a "ftp:" address, which is not a web page', LINK_HINT)]);
  });

  it("knows comment-only expressions from their estree, with or without the parser's own", () => {
    expect(tree('{/* a note */}\n\nText {/* inline */} and {// line\n}.\n', 'mdx')).toEqual([]);
    expect(tree('Text {1 + 1}.\n', 'mdx')).toEqual(['1:6 {1 + 1} is read as code, and code is not allowed in content']);
  });

  it('reads all raw HTML of a Sätteri tree as one: stray closing tags and tags left open', () => {
    expect(tree('Text.\n\n</main>\n\n<details>\n\nMore.\n', 'md')).toEqual([
      '3:1 </main> closes a tag that is not open in this text',
      '5:1 the <details> tag is never closed',
    ]);
  });

  it('refuses nesting beyond the limit once, where it gets too deep', () => {
    expect(tree(`${'> '.repeat(150)}deep\n`, 'md')).toEqual([
      '1:201 the text is nested more than 100 levels deep here (quotes inside quotes, lists inside lists, emphasis inside emphasis, tags inside tags), more than a page can show',
    ]);
  });
});
