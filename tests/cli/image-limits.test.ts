/**
 * Pictures that are made at run time rather than committed: a 6 MB picture
 * (over the 5 MB limit) and links (symlinks) that lead out of the content
 * root. Each is an error with file, line and hint from `npm run validate`,
 * never a crash. Committed symlinks and 6 MB blobs would be fragile.
 */
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VALID_ROOT } from '../support/bad-input.ts';
import { PROJECT_ROOT, run } from '../support/build-playbook.ts';

const CLI = path.join(PROJECT_ROOT, 'src/cli/validate.ts');
const WIN = 'wins/2026/2026-03-kettle-swap.md';

let work: string;
let root: string;

beforeEach(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'latitude-images-'));
  root = path.join(work, 'content');
  await cp(VALID_ROOT, root, { recursive: true });
});

afterEach(() => rm(work, { recursive: true, force: true }));

/** Points the valid fixture's win at another picture (the image line is line 14). */
async function useImage(written: string): Promise<void> {
  const file = path.join(root, WIN);
  const text = await readFile(file, 'utf8');
  expect(text).toContain('image: ../../assets/kettle.png');
  await writeFile(file, text.replace('image: ../../assets/kettle.png', `image: ${written}`));
}

const validate = () => run(process.execPath, [CLI, '--content', '.'], { cwd: root, env: { ...process.env, PLAYBOOK_TODAY: '2026-11-23', INIT_CWD: '' } });

describe('pictures', () => {
  it('refuses a picture over 5 MB with its size', async () => {
    const png = Buffer.alloc(6 * 1024 * 1024);
    Buffer.from('89504e470d0a1a0a', 'hex').copy(png);
    await writeFile(path.join(root, 'assets', 'huge.png'), png);
    await useImage('../../assets/huge.png');
    const result = await validate();
    expect(result.stdout).toBe(
      `${WIN}:14:8 error image: the picture is 6.0 MB, more than the 5 MB limit (image)\n` +
        '    hint: resize it to about 1600 pixels wide and save it as JPEG or WebP\n' +
        '1 error, 0 warnings in 9 entries\n',
    );
    expect(result.exitCode).toBe(1);
  });

  it('refuses a picture that is a link to a file outside the content root', async () => {
    await writeFile(path.join(work, 'secret.png'), 'not really a picture');
    await symlink(path.join(work, 'secret.png'), path.join(root, 'assets', 'linked.png'));
    await useImage('../../assets/linked.png');
    const result = await validate();
    expect(result.stdout).toBe(
      `${WIN}:14:8 error image: the file is a link to somewhere outside the content root (image)\n` +
        '    hint: copy the picture itself into assets/\n' +
        '1 error, 0 warnings in 9 entries\n',
    );
    expect(result.exitCode).toBe(1);
  });

  it('refuses a picture inside a linked folder that leads out of the content root', async () => {
    await mkdir(path.join(work, 'photos'));
    await writeFile(path.join(work, 'photos', 'team.png'), 'not really a picture');
    await symlink(path.join(work, 'photos'), path.join(root, 'assets', 'photos'));
    await useImage('../../assets/photos/team.png');
    const result = await validate();
    expect(result.stdout).toContain(`${WIN}:14:8 error image: the file is a link to somewhere outside the content root (image)\n`);
    expect(result.exitCode).toBe(1);
  });

  it('refuses a logo that is a link to a file outside the content root', async () => {
    await writeFile(path.join(work, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    await symlink(path.join(work, 'logo.svg'), path.join(root, 'assets', 'logo.svg'));
    const settings = path.join(root, 'playbook.yaml');
    await writeFile(settings, `${(await readFile(settings, 'utf8')).trimEnd()}\nlogo: assets/logo.svg\n`);
    const result = await validate();
    expect(result.stdout).toMatch(/^playbook\.yaml:\d+:7 error logo: the file is a link to somewhere outside the content root \(image\)\n/);
    expect(result.exitCode).toBe(1);
  });
});

describe('entries', () => {
  it('refuses an entry file that is a link, wherever it points', async () => {
    await writeFile(path.join(work, 'outside.mdx'), '---\ntitle: Outside\nsummary: S\n---\n\nexport const x = 1\n');
    await symlink(path.join(work, 'outside.mdx'), path.join(root, 'values', 'outside.mdx'));
    const result = await validate();
    expect(result.stdout).toBe(
      'values/outside.mdx:1:1 error this is a link to another file or folder, and content must be real files in the content root (symlink)\n' +
        '    hint: replace the link with a copy of the file itself\n' +
        '1 error, 0 warnings in 9 entries\n',
    );
    expect(result.exitCode).toBe(1);
  });

  it('refuses a folder link inside a collection', async () => {
    await mkdir(path.join(work, 'more-wins'));
    await symlink(path.join(work, 'more-wins'), path.join(root, 'wins', 'archive'));
    const result = await validate();
    expect(result.stdout.split('\n')[0]).toBe(
      'wins/archive:1:1 error this is a link to another file or folder, and content must be real files in the content root (symlink)',
    );
    expect(result.exitCode).toBe(1);
  });
});
