/**
 * Hostile content, round three (issue 16): each example of the issue,
 * through the public reader, with the validator's exact output. The
 * properties behind them, beyond these examples, are in
 * hostile-properties.test.ts.
 */
import { mkdir, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { renderBody } from '../../src/lib/reading/render-body.ts';
import { readPlaybook } from '../../src/lib/validator/validate-content-root.ts';
import { teamSlug } from '../../src/lib/views/matrix-pages.ts';
import { edit, findings, hostileRoot, put, removeRoots, TODAY } from '../support/hostile-root.ts';

const WIN = 'wins/2026/2026-03-kettle-swap.md';
const BOUNDARY = 'boundaries/refund-a-purchase.md';
const outside: string[] = [];

afterEach(async () => {
  await removeRoots();
  for (const dir of outside.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** A folder outside the content root holding another organisation's value. */
async function otherOrganisation(): Promise<string> {
  const dir = path.join(os.tmpdir(), `latitude-other-org-${process.pid}-${outside.length}`);
  outside.push(dir);
  await mkdir(path.join(dir, 'values'), { recursive: true });
  await writeFile(path.join(dir, 'values/their-secret.md'), '---\ntitle: Their secret\nsummary: Not ours\n---\n\nAnother organisation.\n');
  await writeFile(path.join(dir, 'playbook.yaml'), 'name: Another organisation\n');
  return dir;
}

describe('paths: links where content should be', () => {
  it('a collection folder that is a link is a finding, and nothing in it is read', async () => {
    const other = await otherOrganisation();
    const root = await hostileRoot(async (root) => {
      await rm(path.join(root, 'values'), { recursive: true });
      await symlink(path.join(other, 'values'), path.join(root, 'values'));
    });
    const read = await readPlaybook(root, { today: TODAY });
    expect(read.entries.values).toEqual([]);
    expect(read.report.diagnostics.filter((d) => d.rule === 'symlink').map((d) => `${d.file}:${d.line}:${d.column} ${d.message} | ${d.hint}`)).toEqual([
      'values:1:1 values/ is a link to another folder, but it must be a real folder in the content root: through a link, files from anywhere on the build machine would be published | replace the link with the folder itself (a copy of its files)',
    ]);
  });

  it('assets/ as a link is a finding, and its pictures are not read', async () => {
    const other = await otherOrganisation();
    const found = await findings(async (root) => {
      await rename(path.join(root, 'assets/kettle.png'), path.join(other, 'kettle.png'));
      await rm(path.join(root, 'assets'), { recursive: true });
      await symlink(other, path.join(root, 'assets'));
    });
    expect(found.filter((line) => line.includes(' symlink: '))).toEqual([
      'assets:1:1 error symlink: assets/ is a link to another folder, but it must be a real folder in the content root: through a link, files from anywhere on the build machine would be published | replace the link with the folder itself (a copy of its files)',
    ]);
  });

  it('playbook.yaml as a link says so, not "the content root has no playbook.yaml"', async () => {
    const found = await findings(async (root) => {
      await rename(path.join(root, 'playbook.yaml'), path.join(root, 'settings.yaml'));
      await symlink('settings.yaml', path.join(root, 'playbook.yaml'));
    });
    expect(found).toEqual([
      'playbook.yaml:1:1 error symlink: playbook.yaml is a link to another file, but it must be a real file in the content root | replace the link with a copy of the file itself',
    ]);
  });

  it('a picture reached through a link that stays inside the root is a finding on its field', async () => {
    const found = await findings(async (root) => {
      await symlink('kettle.png', path.join(root, 'assets/alias.png'));
      await edit(WIN, (text) => text.replace('image: ../../assets/kettle.png', 'image: ../../assets/alias.png'))(root);
    });
    expect(found).toEqual([
      'wins/2026/2026-03-kettle-swap.md:14:8 error image: image: assets/alias.png is reached through a link, but a picture must be a real file in the content root | replace the link with a copy of the picture itself',
    ]);
  });
});

describe('paths: one name rule', () => {
  const RENAME = 'rename it with letters, digits, spaces, hyphens, underscores and dots only';

  it('a sub-folder named with a line break and <!-- is a finding naming it', async () => {
    const found = await findings(put('roles/night\n<!-- shift/night-lead.yaml', 'title: Night lead\n'));
    expect(found).toEqual([
      `roles/night\n<!-- shift:1:1 error file-name: the name holds an invisible character (U+000A LINE FEED (LF)) | ${RENAME}; retype the name if you cannot see the character`,
    ]);
  });

  it('a picture whose name holds ? or is 244 characters long is a finding, not a build failure', async () => {
    const picture = await readFile(path.join(import.meta.dirname, '../fixtures/valid/assets/kettle.png'));
    const long = `${'p'.repeat(244)}.png`;
    expect(await findings(put('assets/what?.png', picture), put(`assets/${long}`, picture), put('assets/zero\u200bwidth.png', picture))).toEqual([
      `assets/${long}:1:1 error file-name: the name is 248 bytes long, more than the 120 a name may be (some file systems, and the names the build gives pictures, take no more) | shorten the name`,
      `assets/what?.png:1:1 error file-name: the name holds "?" (U+003F QUESTION MARK), which a web address or the build would read as something else | ${RENAME}`,
      `assets/zero\u200bwidth.png:1:1 error file-name: the name holds an invisible character (U+200B ZERO WIDTH SPACE) | ${RENAME}; retype the name if you cannot see the character`,
    ]);
  });

  it('a win naming such a picture is refused on its field', async () => {
    const picture = await readFile(path.join(import.meta.dirname, '../fixtures/valid/assets/kettle.png'));
    const found = await findings(
      put('photos/a#b.png', picture),
      edit(WIN, (text) => text.replace('image: ../../assets/kettle.png', 'image: "../../photos/a#b.png"')),
    );
    expect(found).toEqual([
      `wins/2026/2026-03-kettle-swap.md:14:8 error image: image: photos/a#b.png: the name holds "#" (U+0023 NUMBER SIGN), which a web address or the build would read as something else | ${RENAME}`,
    ]);
  });

  it('a 300-character team name gives a folder name every file system takes', () => {
    const slug = teamSlug(`${'Regional customer operations and '.repeat(9)}support`, 0);
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug).toBe('regional-customer-operations-and-regional-customer');
  });
});

describe('messages name invisible and look-alike characters', () => {
  it('a zero-width space in a reference, a Cyrillic letter in a file name, an invisible character in a key', async () => {
    expect(
      await findings(
        put('roles/caf\u0430.yaml', 'title: Café\n'),
        edit('roles/shift-lead.yaml', (text) =>
          text.replace('escalatesTo: store-manager', 'escalatesTo: store\u200b-manager').replace('title:', 'team\u200b: Stores\ntitle:'),
        ),
      ),
    ).toEqual([
      'roles/caf\u0430.yaml:1:1 error id-format: the file name "caf\u0430" is not a valid id: it holds U+0430 CYRILLIC SMALL LETTER A, and ids are lower-case words of a-z and 0-9 joined by hyphens | rename the file to caf.yaml',
      'roles/shift-lead.yaml:1:1 error unknown-key: team\u200b: unknown key (it holds U+200B ZERO WIDTH SPACE, which cannot be seen) | did you mean "team"?',
      'roles/shift-lead.yaml:4:14 error value: escalatesTo: must be a lower-case kebab-case id such as "store-associate", found "store\u200b-manager" (it holds U+200B ZERO WIDTH SPACE, which cannot be seen) | use the file name of the entry you mean, without extension',
    ]);
  });

  it('constructor and toString are unknown keys, not "node.safeParse is not a function"', async () => {
    expect(await findings(edit('roles/shift-lead.yaml', (text) => `${text}constructor: x\ntoString: y\n`))).toEqual([
      'roles/shift-lead.yaml:4:1 error unknown-key: constructor: unknown key | remove it; the keys allowed here are title, summary, team, escalatesTo, status',
      'roles/shift-lead.yaml:5:1 error unknown-key: toString: unknown key | remove it; the keys allowed here are title, summary, team, escalatesTo, status',
    ]);
  });
});

describe('YAML 1.2 core only', () => {
  it('%YAML 1.1 is a finding, and cannot bring back 1:30 as 90 or << merges', async () => {
    const root = await hostileRoot(
      put('roles/old-style.yaml', '%YAML 1.1\n---\ntitle: 1:30\n'),
      put('roles/merged.yaml', 'title: Merged\n<<: { team: Stores }\n'),
    );
    const read = await readPlaybook(root, { today: TODAY });
    expect(read.report.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.rule}: ${d.message} | ${d.hint}`)).toEqual([
      'roles/merged.yaml:2:1 unknown-key: <<: unknown key | content is read as YAML 1.2, where << merges nothing: write the keys out in full here',
      'roles/old-style.yaml:1:1 yaml: "%YAML 1.1" is a YAML directive; content is always read as YAML 1.2, so it cannot choose another version or tags | delete the line that starts with %, and the --- line after it',
    ]);
  });

  it('without the directive, 1:30 is the text "1:30"', async () => {
    const root = await hostileRoot(put('roles/half-past.yaml', 'title: 1:30\n'));
    const read = await readPlaybook(root, { today: TODAY });
    expect(read.entries.roles.find((role) => role.id === 'half-past')?.data.title).toBe('1:30');
  });
});

describe('raw HTML is re-serialised', () => {
  it.each(['<details/>', '<small/>', '<details />'])('%s cannot swallow the rest of the body', (tag) => {
    const rendered = renderBody({ file: 'values/x.md', body: `Before.\n\n${tag}\n\nThe rest of the body.\n`, bodyLine: 1, format: 'md', trusted: false });
    expect(rendered.findings).toEqual([]);
    const name = tag.replace(/[<>/\s]/g, '');
    expect(rendered.html).toContain(`<${name}></${name}>`);
    expect(rendered.html).toMatch(new RegExp(`</${name}>\\s*<p>The rest of the body\\.</p>`));
  });
});

describe('what the build needs, the validator checks first', () => {
  it('body headings "Examples" and "Changes" do not take the page\'s own section ids', () => {
    const rendered = renderBody({
      file: 'b.md',
      body: '## Examples\n\n## Changes\n\n## Change 2026-03-01\n\n## Examples\n',
      bodyLine: 1,
      format: 'md',
      trusted: false,
    });
    expect(rendered.headings.map((heading) => heading.slug)).toEqual(['examples-text', 'changes-text', 'change-2026-03-01-text', 'examples-1']);
    const mdx = renderBody({ file: 'b.mdx', body: '## Examples\n', bodyLine: 1, format: 'mdx', trusted: false });
    expect(mdx.html).toBe('<h2 id="examples-text">Examples</h2>');
  });

  it('a character reference that names no character is a finding', async () => {
    expect(await findings(edit(WIN, (text) => `${text}\n## Café &#99999999; corner\n`))).toEqual([
      'wins/2026/2026-03-kettle-swap.md:21:9 error character-reference: &#99999999; names no character (references go from &#1; to &#1114111;, which is U+10FFFF), so the page would not show what it says | write the character itself; to show the reference as text, write &amp; in place of its &',
    ]);
  });

  it('a truncated JPEG is refused, not published broken', async () => {
    const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 10, b: 10 } } })
      .jpeg()
      .toBuffer();
    const cut = jpeg.subarray(0, Math.floor(jpeg.length * 0.8));
    expect(
      await findings(
        put('assets/photo.jpg', cut),
        edit(WIN, (text) => text.replace('image: ../../assets/kettle.png', 'image: ../../assets/photo.jpg')),
      ),
    ).toEqual([
      'assets/photo.jpg:1:1 error image: the picture is damaged: the file ends before the picture does (it was cut short) | open it in an image editor and save it again, or export it again from where it came from',
    ]);
  });

  it.each([
    ['@\\69mport', '<style>@\\69mport "https://evil.example/x.css";</style>'],
    ['u\\72l(', '<rect width="1" height="1" style="fill: u\\72l(https://evil.example/x)"/>'],
    ['image-set(', '<rect width="1" height="1" fill="image-set(&quot;https://evil.example/x.png&quot; 1x)"/>'],
  ])('an SVG style written as %s is refused', async (_, inner) => {
    const [found, ...rest] = await findings(put('assets/logo.svg', `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">\n${inner}\n</svg>\n`));
    expect(rest).toEqual([]);
    expect(found).toMatch(/^assets\/logo\.svg:1:1 error image: the SVG picture is refused: .* \(line 2\) \| export the picture again as a plain SVG/);
  });

  it('a boundary change dated decades ahead is a warning like other future dates', async () => {
    expect(await findings(edit(BOUNDARY, (text) => text.replace(/changes:\n {2}- date: [\d-]+/, 'changes:\n  - date: 2061-03-01')))).toEqual([
      'boundaries/refund-a-purchase.md:29:11 warning future-date: changes[0].date: 2061-03-01 is in the future (today is 2026-11-23), but it says when the change was made | check the year, month and day; write the date the change was made, at the latest today',
    ]);
  });
});

describe('bounded work', () => {
  it.each([
    ['expressions', `{${'('.repeat(20_000)}${')'.repeat(20_000)}}`, 33],
    ['export lines', `export const deep = ${'['.repeat(20_000)}${']'.repeat(20_000)}`, 53],
    ['JSX inside expressions', `{${'<a>{'.repeat(200)}x${'}</a>'.repeat(200)}}`, 129],
    // Short bodies too: the pass is skipped only for bodies that cannot break a bound.
    ['expressions in a short body', `{${'('.repeat(40)}${')'.repeat(40)}}`, 33],
    ['export lines in a short body', `export const deep = ${'['.repeat(40)}${']'.repeat(40)}`, 53],
  ])('MDX %s nested past the limit end in a finding at the line, not a crash', async (_, code, column) => {
    const found = await findings(put('values/deep.mdx', `---\ntitle: Deep\nsummary: Deep\n---\n\nText.\n\n${code}\n`));
    expect(found).toEqual([
      `values/deep.mdx:8:${column} error nesting: the code here nests brackets more than 32 levels deep, more than the check can read | code in content never nests this deep: remove the brackets pasted by mistake, or write \\{ and \\} to show braces as text`,
    ]);
  });

  it('800 kB of alternating emphasis markers is a finding within seconds', async () => {
    const started = Date.now();
    const found = await findings(edit(WIN, (text) => `${text}\n${'*_'.repeat(400_000)}\n`));
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(found).toEqual([
      'wins/2026/2026-03-kettle-swap.md:21:1 error complexity: this paragraph holds more than 10000 markup characters (such as * _ ~ [ ] < &), more than the check can read in reasonable time | split it into shorter paragraphs with blank lines between them; to show the characters themselves, put the text in a code block',
    ]);
  });
});
