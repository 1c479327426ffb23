/**
 * A content file that is a link (symlink) to a file outside the content
 * root must never compile: Vite reads it by its real path, outside the root,
 * where the body check would not look. The linked MDX below writes a marker
 * file if any of its code runs; the build must fail, say why, and leave no
 * marker. Links are made at run time (committed symlinks are fragile).
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VALID_ROOT } from '../support/bad-input.ts';
import { buildPlaybook, type BuildResult } from '../support/build-playbook.ts';

let work: string;
let marker: string;
let build: BuildResult;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'latitude-linked-'));
  const root = path.join(work, 'content');
  marker = path.join(work, 'code-ran.txt');
  await cp(VALID_ROOT, root, { recursive: true });
  await mkdir(path.join(work, 'elsewhere'));
  await writeFile(
    path.join(work, 'elsewhere', 'evil.mdx'),
    [
      '---',
      'title: Linked in',
      'summary: A value that lives outside the content root.',
      '---',
      '',
      `export const ran = (await import('node:fs')).writeFileSync(${JSON.stringify(marker)}, 'code from a linked file ran')`,
      '',
      'Hello.',
      '',
    ].join('\n'),
  );
  await symlink(path.join(work, 'elsewhere', 'evil.mdx'), path.join(root, 'values', 'linked-in.mdx'));
  build = await buildPlaybook(root);
});

afterAll(async () => {
  await build?.cleanup();
  await rm(work, { recursive: true, force: true });
});

describe('a content file linked from outside the content root', () => {
  it('fails the build with a message that names the problem', () => {
    expect(build.exitCode).not.toBe(0);
    // The validator stops it first; the compile-time gate (tests/unit/content-gate-links.test.ts) is the second line.
    expect(build.stderr).toContain(
      'values/linked-in.mdx:1:1 error this is a link to another file or folder, and content must be real files in the content root (symlink)',
    );
    expect(build.stderr).toContain('    hint: replace the link with a copy of the file itself');
  });

  it('never runs its code', () => {
    expect(existsSync(marker)).toBe(false);
  });

  it('publishes nothing', () => {
    expect(existsSync(path.join(build.outDir, 'values', 'linked-in', 'index.html'))).toBe(false);
  });
});
