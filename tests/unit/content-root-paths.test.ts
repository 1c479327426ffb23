/** One way to ask "is this path inside the content root?" and to read playbook.yaml early. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isInside, pathInside, posixRelative } from '../../src/lib/reading/paths.ts';
import { readPlaybookFileUnchecked } from '../../src/lib/reading/playbook-file.ts';

describe('pathInside', () => {
  const root = path.join(path.sep, 'work', 'playbook');

  it('gives the posix path of a file inside the root', () => {
    expect(pathInside(root, path.join(root, 'assets', 'logo.svg'))).toBe('assets/logo.svg');
    expect(posixRelative(root, path.join(root, 'wins', '2026', 'a.md'))).toBe('wins/2026/a.md');
  });

  it('refuses the root itself, its parent, a sibling that shares its prefix, and anything outside', () => {
    expect(pathInside(root, root)).toBeUndefined();
    expect(pathInside(root, path.dirname(root))).toBeUndefined();
    expect(isInside(root, `${root}-old${path.sep}x.md`)).toBe(false);
    expect(isInside(root, path.join(root, '..', 'secrets.txt'))).toBe(false);
  });

  it('takes a name that merely starts with two dots', () => {
    expect(pathInside(root, path.join(root, '..notes.md'))).toBe('..notes.md');
  });
});

describe('readPlaybookFileUnchecked', () => {
  const roots: string[] = [];
  afterAll(() => Promise.all(roots.map((root) => rm(root, { recursive: true, force: true }))));
  const rootWith = async (text: string | undefined) => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'latitude-settings-'));
    roots.push(root);
    if (text !== undefined) await writeFile(path.join(root, 'playbook.yaml'), text);
    return root;
  };

  it('reads the top-level keys', async () => {
    expect(readPlaybookFileUnchecked(await rootWith('name: Test\ntrustedMdx: true\n'))).toEqual({ name: 'Test', trustedMdx: true });
  });

  it('falls back to nothing for a missing, broken or non-mapping file', async () => {
    expect(readPlaybookFileUnchecked(await rootWith(undefined))).toBeUndefined();
    expect(readPlaybookFileUnchecked(await rootWith('name: [unclosed\n'))).toBeUndefined();
    expect(readPlaybookFileUnchecked(await rootWith('- a\n- b\n'))).toBeUndefined();
  });
});
