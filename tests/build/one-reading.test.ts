/**
 * One reading of the content: the validator and the build read the same
 * files with the same parsers, so what the check passes the site shows, and
 * what the build refuses the validator has already reported, with the same
 * message. Each case is a small change to the valid fixture root.
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VALID_ROOT } from '../support/bad-input.ts';
import { buildPlaybook, FIXED_TODAY, PROJECT_ROOT, run, type BuildResult } from '../support/build-playbook.ts';

const work = await mkdtemp(path.join(os.tmpdir(), 'latitude-one-reading-'));
afterAll(() => rm(work, { recursive: true, force: true }));

/** A copy of the valid fixture root with `files` written into it. */
async function rootWith(name: string, files: Record<string, string>): Promise<string> {
  const root = path.join(work, name);
  await cp(VALID_ROOT, root, { recursive: true });
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), text);
  }
  return root;
}

function validate(root: string) {
  return run(process.execPath, [path.join(PROJECT_ROOT, 'src/cli/validate.ts'), '--content', root], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, PLAYBOOK_TODAY: FIXED_TODAY, INIT_CWD: '' },
  });
}

const value = (title: string, body: string) => `---\ntitle: ${title}\nsummary: A value for this test.\n---\n\n${body}\n`;

describe('a body the build would refuse', () => {
  let root: string;
  let build: BuildResult;
  beforeAll(async () => {
    // A GFM table cell: only a GFM reading sees the cell's link as a link.
    root = await rootWith('refused', {
      'values/table-link.md': value('Table link', '| Where | What |\n|---|---|\n| till | [press here](javascript:alert(1)) |'),
    });
    build = await buildPlaybook(root);
  });
  afterAll(() => build.cleanup());

  it('is reported by the validator with file:line, and the build stops with the same message', async () => {
    const validated = await validate(root);
    expect(validated.exitCode).toBe(1);
    const message = validated.stdout.split('\n').find((line) => line.includes('values/table-link.md:8:10 error'));
    expect(message).toBeDefined();
    expect(message).toContain(' error ');
    expect(build.exitCode).not.toBe(0);
    expect(build.stderr).toContain(message);
    expect(build.stderr).toContain('The playbook was not built: fix the errors above and build again.');
    expect(existsSync(path.join(build.outDir, 'values/table-link/index.html'))).toBe(false);
  });
});

describe('what the check passes', () => {
  let root: string;
  let build: BuildResult;
  beforeAll(async () => {
    root = await rootWith('passed', {
      'values/with-table.md': value(
        'With a table',
        '| Role | Limit |\n|---|---|\n| Store associate | £30 |\n\n<!-- a note for editors: call Sam on 07700 900123 -->\n\nAfter the table.',
      ),
      'values/with-callout.mdx': value(
        'With a callout',
        '## First\n\n<Callout type="tip" title="Worth knowing">\n\nUse **judgement**.\n\n</Callout>\n\nSee <BoundaryRef id="refund-a-purchase" />.',
      ),
      'values/.hidden/secret-value.md': value('Hidden value', 'Never published.'),
      'values/_notes/template-value.md': value('Template value', 'Never published.'),
      'values/_draft-idea.md': value('Draft idea', 'Never published.'),
    });
    build = await buildPlaybook(root);
  });
  afterAll(() => build.cleanup());

  it('builds', () => {
    expect(build.exitCode, build.stderr).toBe(0);
  });

  it('reads a GFM table as a table, and drops HTML comments from the page', async () => {
    const html = await readFile(path.join(build.outDir, 'values/with-table/index.html'), 'utf8');
    expect(html).toMatch(/<table>\s*<thead>\s*<tr>\s*<th>Role<\/th>/);
    expect(html).toContain('<td>£30</td>');
    expect(html).not.toContain('07700 900123');
  });

  it('renders restricted MDX components as HTML, without a module per file', async () => {
    const html = await readFile(path.join(build.outDir, 'values/with-callout/index.html'), 'utf8');
    expect(html).toContain('<aside class="callout callout--tip" aria-label="Tip: Worth knowing">');
    expect(html).toContain('<strong>judgement</strong>');
    expect(html).toMatch(/<span class="boundary-ref"><a href="\/boundaries\/refund-a-purchase\/">/);
    // The entry layout makes each heading a link to itself.
    expect(html).toContain('<h2 id="first"><a class="heading-link" href="#first">First</a></h2>');
  });

  it('skips dot- and underscore-folders and files, in the validator and the build alike', async () => {
    const validated = await validate(root);
    expect(validated.stdout).toContain('0 errors, 0 warnings in 11 entries'); // the valid root's 9, the table and the callout
    for (const id of ['secret-value', 'template-value', 'draft-idea']) {
      expect(existsSync(path.join(build.outDir, 'values', id, 'index.html')), id).toBe(false);
    }
  });
});

describe('trustedMdx: true', () => {
  let build: BuildResult;
  beforeAll(async () => {
    const root = await rootWith('trusted', {
      'values/trusted.mdx': value(
        'Trusted',
        'export const answer = 6 * 7;\n\nThe answer is {answer}.\n\n<Callout type="tip" title="Trusted">\n\nStill a callout.\n\n</Callout>',
      ),
    });
    await writeFile(path.join(root, 'playbook.yaml'), `${await readFile(path.join(root, 'playbook.yaml'), 'utf8')}trustedMdx: true\n`);
    build = await buildPlaybook(root);
  });
  afterAll(() => build.cleanup());

  it("renders MDX with code on Astro's own MDX path, components included", async () => {
    expect(build.exitCode, build.stderr).toBe(0);
    const html = await readFile(path.join(build.outDir, 'values/trusted/index.html'), 'utf8');
    expect(html).toContain('The answer is 42.');
    expect(html).toContain('<aside class="callout callout--tip" aria-label="Tip: Trusted">');
  });
});
