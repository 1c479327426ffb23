/**
 * The build-time gate and links (symlinks) in the content root. Vite hands
 * the gate a file's real path, so a linked file arrives from outside the
 * root: the gate must still recognise it as content and refuse it, and a
 * content root that is itself reached through a link must still be checked.
 */
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { mdxToJs } from 'satteri';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentBodyGate } from '../../src/integrations/satteri-gate.ts';

let work: string;
let root: string;
let outside: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'latitude-gate-links-'));
  root = path.join(work, 'content');
  outside = path.join(work, 'elsewhere');
  await mkdir(path.join(root, 'values'), { recursive: true });
  await mkdir(path.join(outside, 'more'), { recursive: true });
  await writeFile(path.join(root, 'playbook.yaml'), 'name: Test\n');
  await writeFile(path.join(outside, 'evil.mdx'), 'export const x = 1\n');
  await writeFile(path.join(outside, 'more', 'also-evil.mdx'), 'export const y = 2\n');
  await symlink(path.join(outside, 'evil.mdx'), path.join(root, 'values', 'evil.mdx'));
  await symlink(path.join(outside, 'more'), path.join(root, 'values', 'more'));
  await symlink(root, path.join(work, 'content-link'));
});

afterAll(() => rm(work, { recursive: true, force: true }));

const compile = (contentRoot: string, file: string, source: string) =>
  Promise.resolve().then(() => mdxToJs(source, { mdastPlugins: [contentBodyGate({ contentRoot, trusted: false })], fileURL: pathToFileURL(file) }));

const LINK = {
  name: 'ContentBodyError',
  message: 'this file is a link to somewhere outside the content root, so it cannot be checked or published',
  hint: 'copy the file itself into the content root instead of linking to it',
  line: 1,
  column: 1,
};

describe('links in the content root', () => {
  it('refuses a linked file that arrives by its real path outside the root', async () => {
    await expect(compile(root, path.join(outside, 'evil.mdx'), 'Harmless text.')).rejects.toMatchObject({
      ...LINK,
      findings: [expect.objectContaining({ file: 'values/evil.mdx', rule: 'content-link' })],
    });
  });

  it('refuses a file inside a linked folder', async () => {
    await expect(compile(root, path.join(outside, 'more', 'also-evil.mdx'), 'Harmless text.')).rejects.toMatchObject({
      ...LINK,
      findings: [expect.objectContaining({ file: 'values/more' })],
    });
  });

  it('still checks content when the content root itself is reached through a link', async () => {
    await expect(compile(path.join(work, 'content-link'), path.join(root, 'values', 'plain.mdx'), 'import fs from "node:fs"\n')).rejects.toMatchObject({
      name: 'ContentBodyError',
      message: 'import statements are not allowed in content',
    });
  });

  it('leaves files that no link leads to alone', async () => {
    await expect(compile(root, path.join(work, 'project', 'src', 'pages', 'about.mdx'), 'import x from "y"\n\n{x}')).resolves.toHaveProperty('code');
  });
});
