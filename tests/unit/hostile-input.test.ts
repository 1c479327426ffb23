/**
 * Hostile and careless content, class by class (issue 9): each input is laid
 * over the valid fixture root and run through the validator in process. Every
 * one must end in findings that name the file, line and field, with a hint —
 * never an exception, and never "could not finish".
 */
import { execFileSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { checkBody } from '../../src/lib/reading/render-body.ts';
import { renderBody } from '../../src/lib/reading/render-body.ts';
import { formatMoney } from '../../src/lib/domain/money.ts';
import { edit, findings, put, removeRoots, type Change } from '../support/hostile-root.ts';

const BOUNDARY = 'boundaries/refund-a-purchase.md';
const WIN = 'wins/2026/2026-03-kettle-swap.md';

afterEach(removeRoots);

describe('YAML', () => {
  it('an alias bomb is a finding at the first alias', async () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      ...'bcdefgh'.split('').map((name, i) => `${name}: &${name} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(', ')}]`),
    ].join('\n');
    expect(await findings(put('roles/bomb.yaml', `title: Bomb\n${bomb}\n`))).toEqual([
      'roles/bomb.yaml:3:8 error yaml: the aliases (*name) in this file expand to too much text (more than 100 copies) | write the values out in full instead of repeating them with & and *',
    ]);
  });

  it('an unresolved alias is a finding, not a crash', async () => {
    expect(await findings(edit(BOUNDARY, (text) => text.replace('owner: Retail operations', 'owner: *TBC')))).toEqual([
      'boundaries/refund-a-purchase.md:24:8 error yaml: *TBC is read as a YAML alias, but no value is named &TBC before it | put the text in quotes to write it as it is: "*TBC"',
    ]);
  });

  it.each([
    ['!Ref', 'owner: !Ref ops'],
    ['!!binary', 'owner: !!binary aGVsbG8='],
    ['!!set', 'owner: !!set {a, b}'],
  ])('the tag %s is a finding', async (tag, line) => {
    expect(await findings(edit(BOUNDARY, (text) => text.replace('owner: Retail operations', line)))).toEqual([
      `boundaries/refund-a-purchase.md:24:8 error yaml: ${tag} is a YAML tag, and content cannot use tags | remove the tag; if the ! belongs to the text, put the whole value in quotes`,
    ]);
  });

  it.each([
    ['NUL', '\u0000', 'U+0000'],
    ['C0', '\u0007', 'U+0007'],
    ['DEL', '\u007f', 'U+007F'],
    ['C1', '\u0085', 'U+0085'],
    ['C1 (CSI)', '\u009b', 'U+009B'],
  ])('a %s control character, in the frontmatter or the body, is a finding at its place', async (_, character, code) => {
    const hint = 'delete the character: it often comes from copying text out of another program; retype the text around it if you cannot see it';
    expect(await findings(edit(BOUNDARY, (text) => text.replace('owner: Retail operations', `owner: Retail${character} operations`)))).toEqual([
      `boundaries/refund-a-purchase.md:24:14 error encoding: the file holds an invisible control character (${code}), which cannot be published | ${hint}`,
    ]);
    expect(await findings(edit(WIN, (text) => text.replace('Priya swapped', `Priya${character} swapped`)))).toEqual([
      `wins/2026/2026-03-kettle-swap.md:19:6 error encoding: the file holds an invisible control character (${code}), which cannot be published | ${hint}`,
    ]);
  });

  it('a __proto__ key is a finding, in an entry and in playbook.yaml', async () => {
    const hint = 'remove this key; if it is a synonym, write the word without the underscores';
    expect(
      await findings(edit(BOUNDARY, (text) => text.replace('owner: Retail operations', 'owner: Retail operations\n__proto__: { polluted: true }'))),
    ).toEqual([`boundaries/refund-a-purchase.md:25:1 error yaml: __proto__ cannot be used as a key | ${hint}`]);
    expect(await findings(edit('playbook.yaml', (text) => `${text}synonyms:\n  __proto__: [x]\n`))).toEqual([
      `playbook.yaml:8:3 error yaml: __proto__ cannot be used as a key | ${hint}`,
    ]);
  });

  it('a boundary with thousands of grants in a chain is checked quickly', async () => {
    const started = Date.now();
    const chain = Array.from({ length: 3000 }, (_, i) => `  - role: r${i}\n    authority: escalate\n    escalateTo: r${i + 1}\n`).join('');
    const found = await findings(edit(BOUNDARY, (text) => text.replace(/grants:\n(?: {2}.*\n)+/, `grants:\n${chain}`)));
    expect(found.length).toBeGreaterThan(3000);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('YAML nested beyond the parser is a finding', async () => {
    const deep = await findings(put('roles/deep.yaml', `title: Deep\nx: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`));
    expect(deep).toHaveLength(1);
    expect(deep[0]).toMatch(/^roles\/deep\.yaml:2:\d+ error yaml: the YAML is nested too deeply to be read \| /);
  });
});

describe('unexpected shapes and extreme numbers', () => {
  it('a folder named like an entry file, and a pipe, are findings naming the path', async () => {
    expect(
      await findings(async (root) => {
        await mkdir(path.join(root, 'values/folder.md'));
        execFileSync('mkfifo', [path.join(root, 'values/pipe.md')]);
      }),
    ).toEqual([
      'values/folder.md:1:1 error file-type: this is a folder, but its name is that of an entry file | rename the folder so that its name does not end in .md',
      'values/pipe.md:1:1 error file-type: this is not an ordinary file (it is a pipe, socket or device), so it cannot be read | remove it from the content root; entries are ordinary text files',
    ]);
  });

  it('a picture that is a pipe or a folder is a finding, never a read that does not end', async () => {
    expect(
      await findings(async (root) => {
        execFileSync('mkfifo', [path.join(root, 'assets/pipe.png')]);
        await mkdir(path.join(root, 'assets/folder.png'));
        await edit(WIN, (text) => text.replace('image: ../../assets/kettle.png', 'image: ../../assets/pipe.png'))(root);
        await edit('playbook.yaml', (text) => `${text}logo: assets/folder.png\n`)(root);
      }),
    ).toEqual([
      'playbook.yaml:7:7 error image: logo: assets/folder.png is not an ordinary file | point at a picture file in assets/',
      'wins/2026/2026-03-kettle-swap.md:14:8 error image: image: assets/pipe.png is not an ordinary file | point at a picture file in assets/',
    ]);
  });

  it('an empty entry file is a finding', async () => {
    expect(await findings(put('values/empty.md', ''), put('roles/empty.yaml', ''))).toEqual([
      'roles/empty.yaml:1:1 error yaml: there are no keys in the file | write one key per line, such as "title: Own the outcome"',
      'values/empty.md:1:1 error frontmatter: the file does not start with frontmatter | start the file with a line "---", the keys such as "title: …", then another line "---" before the text',
    ]);
  });

  it.each([
    ['1e309', 'amount: 1e309', 'error type: grants[0].limit.amount: expected a number, found Infinity'],
    ['.nan', 'amount: .nan', 'error type: grants[0].limit.amount: expected a number, found NaN'],
    ['-5', 'amount: -5', 'error value: grants[0].limit.amount: must be 0 or more, found -5'],
    ['above MAX_SAFE_INTEGER', 'amount: 90071992547409930', 'error value: grants[0].limit.amount: is too large to be counted exactly, found 90071992547409940'],
  ])('a limit of %s is a finding on the field', async (_, written, message) => {
    const [found] = await findings(edit(BOUNDARY, (text) => text.replace('amount: 75', written)));
    expect(found).toMatch(new RegExp(`^boundaries/refund-a-purchase\\.md:9:\\d+ ${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\| `));
  });

  it.each(['1e20', '1e15', '100000'])('reviewEveryDays: %s is a finding, not a date beyond the calendar', async (days) => {
    const found = await findings(edit(BOUNDARY, (text) => text.replace('lastReviewed: 2026-06-01', `lastReviewed: 2026-06-01\nreviewEveryDays: ${days}`)));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(
      /^boundaries\/refund-a-purchase\.md:28:18 error value: reviewEveryDays: must be (at most 3650 days \(ten years\)|9007199254740991 or less), found /,
    );
  });
});

describe('escalation, per grant', () => {
  const grants = (yaml: string): Change => edit(BOUNDARY, (text) => text.replace(/grants:\n(?: {2}.*\n)+/, `grants:\n${yaml}`));

  it('a grant that escalates to its own role is an error', async () => {
    expect(
      await findings(
        grants('  - role: store-associate\n    authority: escalate\n    escalateTo: store-associate\n  - role: store-manager\n    authority: decide\n'),
      ),
    ).toEqual([
      "boundaries/refund-a-purchase.md:9:17 error escalate-to-self: grants[0].escalateTo: store-associate escalates to itself, so the decision never leaves the role | name the role above store-associate that takes the decision, or remove escalateTo to use roles/store-associate.yaml's escalatesTo",
    ]);
  });

  it('grants of one boundary that escalate in a circle are an error', async () => {
    expect(
      await findings(
        grants('  - role: store-associate\n    authority: escalate\n  - role: shift-lead\n    authority: escalate\n    escalateTo: store-associate\n'),
      ),
    ).toEqual([
      'boundaries/refund-a-purchase.md:11:17 error escalation-cycle: grants[1].escalateTo: on this boundary the decision goes round in a circle: shift-lead → store-associate → shift-lead | one of these grants must escalate to a role above the circle, or have no escalateTo',
    ]);
  });

  it('escalating to a draft role is an error', async () => {
    const found = await findings(edit('roles/store-manager.yaml', (text) => `${text}status: draft\n`));
    expect(found.filter((line) => line.startsWith(BOUNDARY) || line.startsWith('roles/shift-lead.yaml'))).toContain(
      'roles/shift-lead.yaml:3:14 error draft-reference: escalatesTo: the role "store-manager" is a draft, so this published entry would link to a page that does not exist | publish store-manager first, or remove the reference until it is published',
    );
    expect(found.some((line) => / error /.test(line) && line.startsWith(BOUNDARY))).toBe(true);
  });

  it('escalating to a retired role is an error', async () => {
    const found = await findings(
      put('roles/old-lead.yaml', 'title: Old lead\nteam: Stores\nstatus: retired\nescalatesTo: store-manager\n'),
      grants('  - role: store-associate\n    authority: escalate\n    escalateTo: old-lead\n  - role: store-manager\n    authority: decide\n'),
    );
    expect(found).toEqual([
      'boundaries/refund-a-purchase.md:9:17 error escalate-to-retired: grants[0].escalateTo: the role "old-lead" is retired, so nobody would take this decision | escalate to the role that took over from old-lead instead',
    ]);
  });
});

describe('money', () => {
  it.each([
    [
      'JPY 1500.5',
      'amount: 1500.5, currency: JPY',
      'grants[0].limit.amount: 1500.5 has decimals, but JPY amounts are whole numbers | write a whole number of JPY, such as 1500',
    ],
    ['GBP 74.999', 'amount: 74.999', 'grants[0].limit.amount: 74.999 has more decimals than GBP has (2) | write at most 2 decimals, such as 74.99'],
  ])('%s has more decimals than the currency: an error', async (_, written, message) => {
    expect(await findings(edit(BOUNDARY, (text) => text.replace('amount: 75', written)))).toEqual([
      `boundaries/refund-a-purchase.md:9:22 error currency-decimals: ${message}`,
    ]);
  });

  it('a limit is never shown rounded up', () => {
    expect(formatMoney({ amount: 74.999, currency: 'GBP' }, 'en-GB')).toBe('£74.99');
    expect(formatMoney({ amount: 1500.5, currency: 'JPY' }, 'en-GB')).toBe('JP¥1,500');
    expect(formatMoney({ amount: 0.999, currency: 'USD' }, 'en-US')).toBe('$0.99');
  });
});

describe('dates in the future', () => {
  it.each([
    [
      BOUNDARY,
      'lastReviewed: 2026-06-01',
      'lastReviewed: 2027-06-01',
      27,
      'lastReviewed: 2027-06-01 is in the future (today is 2026-11-23), but it says when it was last reviewed',
    ],
    [
      BOUNDARY,
      'effective: 2026-03-01',
      'effective: 2062-03-01',
      26,
      'effective: 2062-03-01 is in the future (today is 2026-11-23), but it says when the boundary took effect',
    ],
    [WIN, 'date: 2026-03-14', 'date: 2026-11-25', 3, 'date: 2026-11-25 is in the future (today is 2026-11-23), but it says when the win happened'],
  ])('%s: %s → a warning naming the date', async (file, from, to, line, message) => {
    const found = await findings(edit(file, (text) => text.replace(from, to)));
    expect(found.filter((entry) => entry.includes('future-date'))).toEqual([
      expect.stringMatching(
        new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${line}:\\d+ warning future-date: ${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\| `),
      ),
    ]);
  });

  it('one day ahead is tolerated (time zones)', async () => {
    expect(await findings(edit(WIN, (text) => text.replace('date: 2026-03-14', 'date: 2026-11-24')))).toEqual([]);
  });
});

describe('raw HTML that would close the layout', () => {
  const md = (body: string) =>
    checkBody({ file: 'wins/w.md', body, bodyLine: 10, format: 'md', trusted: false }).findings.map(
      (f) => `${f.position!.line}:${f.position!.column} ${f.message}`,
    );

  it('refuses stray closing tags, even in a paragraph of their own', () => {
    expect(md('Text.\n\n</main></div>\n\nMore text.')).toEqual([
      '12:1 </main> closes a tag that is not open in this text',
      '12:8 </div> closes a tag that is not open in this text',
    ]);
    expect(md('A <kbd>key</kbd></kbd> too many.')).toEqual(['10:17 </kbd> closes a tag that is not open in this text']);
  });

  it('refuses tags left open, across all the fragments of the body', () => {
    expect(md('<details>\n<summary>More</summary>\n\nText.\n')).toEqual(['10:1 the <details> tag is never closed']);
    expect(md('<details>\n<summary>More</summary>\n\nText.\n\n</details>\n')).toEqual([]);
  });

  it('is the same check in the validator, with file:line and a hint', async () => {
    expect(await findings(edit(WIN, (text) => `${text}\n</article></main>\n`))).toEqual([
      "wins/2026/2026-03-kettle-swap.md:21:1 error html: </article> closes a tag that is not open in this text | remove </article>, or add <article> before it; a stray closing tag would close the page's own layout around the text",
      "wins/2026/2026-03-kettle-swap.md:21:11 error html: </main> closes a tag that is not open in this text | remove </main>, or add <main> before it; a stray closing tag would close the page's own layout around the text",
    ]);
  });
});

describe('HTML comments', () => {
  it('are allowed, and never reach the published page', () => {
    const body =
      'Text <!-- inline: ask Ana (07700 900123) --> more.\n\n<!-- a block note with personal data -->\n\n<details>\n<!-- inside -->\n<summary>More</summary>\n</details>\n';
    const rendered = renderBody({ file: 'wins/w.md', body, bodyLine: 1, format: 'md', trusted: false });
    expect(rendered.findings).toEqual([]);
    expect(rendered.html).not.toMatch(/<!--|Ana|personal|inside/);
    expect(rendered.html).toContain('<summary>More</summary>');
  });
});

describe('Markdown nested deeper than the renderer can take', () => {
  it.each([
    ['quotes', `${'>'.repeat(3000)} deep`],
    ['lists', Array.from({ length: 200 }, (_, i) => `${' '.repeat(i * 2)}- item`).join('\n')],
    ['emphasis', `${'*a '.repeat(300)}x${' b*'.repeat(300)}`],
    ['HTML tags', `${'<kbd>'.repeat(3000)}x${'</kbd>'.repeat(3000)}`],
  ])('deep %s are refused with file:line', async (_, body) => {
    const found = await findings(edit(WIN, (text) => `${text}\n${body}\n`));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^wins\/2026\/2026-03-kettle-swap\.md:\d+:\d+ error nesting: the text is nested more than 100 levels deep here/);
  });
});

describe('pictures', () => {
  const png = (width: number, height: number): Uint8Array => {
    const chunk = (type: string, data: Buffer) => {
      const length = Buffer.alloc(4);
      length.writeUInt32BE(data.length);
      // A real checksum: the picture check reads every chunk's.
      const crc = Buffer.alloc(4);
      crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type), data])));
      return Buffer.concat([length, Buffer.from(type), data, crc]);
    };
    const header = Buffer.alloc(13);
    header.writeUInt32BE(width, 0);
    header.writeUInt32BE(height, 4);
    header.set([8, 2, 0, 0, 0], 8);
    return Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', header),
      chunk('IDAT', deflateSync(Buffer.alloc(64))),
      chunk('IEND', Buffer.alloc(0)),
    ]);
  };
  const svg = (inner: string, attributes = '') =>
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10"${attributes}>\n${inner}\n</svg>\n`;
  const HINT = 'export the picture again as a plain SVG (in most tools: "Save as SVG" with scripts and links off), or save it as PNG';

  it('refuses a picture above 40 megapixels, from its header', async () => {
    expect(await findings(put('assets/kettle.png', png(10_000, 5_000)))).toEqual([
      'assets/kettle.png:1:1 error image: the picture is 10000 × 5000 pixels (50 megapixels), more than the 40 megapixel limit | resize it to about 1600 pixels wide and save it as JPEG or WebP',
    ]);
    expect(await findings(put('assets/kettle.png', png(6_000, 6_000)))).toEqual([]);
  });

  it.each([
    [
      'a .png that holds a JPEG',
      'assets/kettle.png',
      new Uint8Array([
        0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xc0, 0, 17, 8, 0, 10, 0, 10, 3, 1, 0x22, 0, 2, 0x11, 1, 3,
        0x11, 1, 0xff, 0xd9,
      ]),
      'the file is named .png but holds a JPEG picture',
    ],
    [
      'a truncated PNG',
      'assets/kettle.png',
      png(10, 10).subarray(0, 12),
      'the file cannot be read as a picture: it is damaged, cut short, or not a picture at all',
    ],
    [
      'text named .png',
      'assets/kettle.png',
      new TextEncoder().encode('not a picture at all'),
      'the file cannot be read as a picture: it is damaged, cut short, or not a picture at all',
    ],
    [
      'a BMP named .png',
      'assets/kettle.png',
      new Uint8Array([0x42, 0x4d, ...Array(16).fill(0), 10, 0, 0, 0, 10, 0, 0, 0, ...Array(24).fill(0)]),
      'the picture is in BMP format, which the site cannot optimise',
    ],
  ])('refuses %s', async (_, file, bytes, message) => {
    const [found, ...rest] = await findings(put(file, bytes));
    expect(rest).toEqual([]);
    expect(found).toMatch(new RegExp(`^${file.replace('.', '\\.')}:1:1 error image: ${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\| `));
  });

  it.each([
    [
      'a script',
      svg('<script>alert(document.domain)</script>'),
      "the SVG file holds a <script>, which would run on the playbook's site when someone opens the picture (line 2)",
    ],
    [
      'an event handler',
      svg('<rect width="1" height="1"/>', ' onload="alert(1)"'),
      'the SVG file has an event handler (onload) on <svg>, which runs code (line 1)',
    ],
    [
      'foreignObject',
      svg('<foreignObject><p xmlns="http://www.w3.org/1999/xhtml">x</p></foreignObject>'),
      'the SVG file holds a <foreignObject> element, which can run code or show another page (line 2)',
    ],
    [
      'a javascript: link',
      svg('<a href="javascript:alert(1)"><rect width="1" height="1"/></a>'),
      'the SVG file links <a> to "javascript:alert(1)"; an SVG on the site may only point inside itself (#id) (line 2)',
    ],
    [
      'an outside <use>',
      svg('<use xlink:href="https://evil.example/sprite.svg#x"/>'),
      'the SVG file links <use> to "https://evil.example/sprite.svg#x"; an SVG on the site may only point inside itself (#id) (line 2)',
    ],
    [
      'a data: image',
      svg('<image href="data:image/svg+xml;base64,PHN2Zz4="/>'),
      'the SVG file links <image> to "data:image/svg+xml;base64,PHN2Zz4="; an SVG on the site may only point inside itself (#id) (line 2)',
    ],
    [
      'CSS url() to outside',
      svg('<style>rect { fill: url(https://evil.example/x) }</style>'),
      "the SVG file's style loads something from outside the file (url() or @import) (line 2)",
    ],
    [
      'an animated href',
      svg('<a><set attributeName="href" to="javascript:alert(1)"/><rect width="1" height="1"/></a>'),
      'the SVG file animates the href attribute, which can run code (line 2)',
    ],
    [
      'an XHTML script',
      svg('<h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script>'),
      'the SVG file holds a <h:script> element that is not SVG (namespace http://www.w3.org/1999/xhtml) (line 2)',
    ],
    [
      'entities',
      '<!DOCTYPE svg [<!ENTITY a "aaaaaaaa">]>\n<svg xmlns="http://www.w3.org/2000/svg">&a;</svg>',
      'the SVG file declares entities in a DOCTYPE, which can expand to huge sizes or read other files (line 1)',
    ],
  ])('refuses an SVG with %s, in assets/ and as the logo', async (_, content, message) => {
    expect(await findings(put('assets/logo.svg', content))).toEqual([`assets/logo.svg:1:1 error image: the SVG picture is refused: ${message} | ${HINT}`]);
    expect(
      await findings(
        put('brand/logo.svg', content),
        edit('playbook.yaml', (text) => `${text}logo: brand/logo.svg\n`),
      ),
    ).toEqual([`playbook.yaml:7:7 error image: logo: the SVG picture is refused: ${message} | ${HINT}`]);
  });

  it('accepts a plain SVG with internal references', async () => {
    expect(
      await findings(put('assets/logo.svg', svg('<defs><linearGradient id="g"/></defs><rect fill="url(#g)" width="10" height="10"/><use href="#g"/>'))),
    ).toEqual([]);
  });
});
