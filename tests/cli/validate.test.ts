/**
 * `npm run validate` as a subprocess, the way editors and CI run it: the
 * example and the valid fixture pass; every case of the bad-input catalogue
 * exits 1 with its exact expected output (file, line, column, field, hint).
 */
import { cp, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT, run } from '../support/build-playbook.ts';
import { badCases, materialise, VALID_ROOT } from '../support/bad-input.ts';

const CLI = path.join(PROJECT_ROOT, 'src/cli/validate.ts');
const env = { ...process.env, PLAYBOOK_TODAY: '2026-11-23', INIT_CWD: '' };

function validate(args: string[], cwd = PROJECT_ROOT) {
  return run(process.execPath, [CLI, ...args], { cwd, env });
}

describe('valid content', () => {
  it('the example playbook has no errors', async () => {
    const result = await validate([]);
    expect(result.stdout).not.toContain(' error ');
    expect(result.exitCode).toBe(0);
  });

  it('the valid fixture is clean, even with --strict', async () => {
    const result = await validate(['--content', VALID_ROOT, '--strict']);
    expect(result.stdout).toBe('0 errors, 0 warnings in 9 entries\n');
    expect(result.exitCode).toBe(0);
  });
});

describe('usage', () => {
  it('exits 2 on an unknown flag, with the usage', async () => {
    const result = await validate(['--contnet', 'x']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain("validate: Unknown option '--contnet'");
    expect(result.stderr).toContain('Usage: npm run validate -- [--content DIR] [--strict] [--format text|json|github]');
  });

  it('exits 2 on an unknown format', async () => {
    const result = await validate(['--format', 'xml']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe('validate: unknown format "xml"; use text, json or github');
  });

  it('exits 1 when the content root does not exist', async () => {
    const result = await validate(['--content', '/nonexistent/playbook']);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe(
      '/nonexistent/playbook:1:1 error there is no content root at /nonexistent/playbook (content-root)\n' +
        '    hint: point --content or PLAYBOOK_CONTENT_DIR at the folder that holds playbook.yaml\n' +
        '1 error, 0 warnings in 0 entries\n',
    );
  });
});

describe('formats', async () => {
  const [badCase] = (await badCases()).filter((c) => c.name === '13-unknown-reference');
  it('json is an array of { file, line, column, severity, rule, message } with field and hint', async () => {
    const { root, cleanup } = await materialise(badCase!);
    try {
      const result = await validate(['--content', '.', '--format', 'json'], root);
      expect(result.exitCode).toBe(1);
      expect(JSON.parse(result.stdout)).toEqual([
        {
          file: 'wins/2026/2026-03-kettle-swap.md',
          line: 8,
          column: 11,
          severity: 'error',
          rule: 'reference',
          message: 'boundary: there is no boundary "refund-a-purchse"',
          field: 'boundary',
          found: 'refund-a-purchse',
          hint: 'did you mean "refund-a-purchase"? The boundaries are listed in boundaries/ (one file per boundary) and at /boundaries/ on the site',
        },
      ]);
      expect(result.stderr).toBe('1 error, 0 warnings in 9 entries\n');
    } finally {
      await cleanup();
    }
  });

  it('github prints workflow annotations', async () => {
    const { root, cleanup } = await materialise(badCase!);
    try {
      const result = await validate(['--content', '.', '--format', 'github'], root);
      expect(result.stdout.split('\n')[0]).toBe(
        '::error file=wins/2026/2026-03-kettle-swap.md,line=8,col=11,title=Latitude%3A reference::boundary: there is no boundary "refund-a-purchse"%0AHint: did you mean "refund-a-purchase"? The boundaries are listed in boundaries/ (one file per boundary) and at /boundaries/ on the site',
      );
    } finally {
      await cleanup();
    }
  });
});

describe('the bad-input catalogue', async () => {
  const cases = (await badCases()).filter((badCase) => !badCase.build);
  it('has at least 25 distinct mistakes', () => expect(cases.length).toBeGreaterThanOrEqual(25));

  for (const badCase of cases) {
    it(`${badCase.name}: ${badCase.description}`, async () => {
      const { root, cleanup } = await materialise(badCase);
      try {
        const result = await validate(['--content', '.', ...badCase.args], root);
        const expectedFile = path.join(badCase.dir, 'expected.txt');
        if (process.env.UPDATE_EXPECTED) await writeFile(expectedFile, result.stdout);
        expect(result.stdout).toBe(await readFile(expectedFile, 'utf8'));
        expect(result.stderr).toBe('');
        expect(result.exitCode).toBe(badCase.exitCode);
      } finally {
        await cleanup();
      }
    });
  }
});

describe('your own change first', () => {
  /** A git repository holding the valid fixture plus one mistake that was already there, then a change on top. */
  async function repoWithChange() {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'latitude-changed-'));
    const root = path.join(dir, 'content');
    await cp(VALID_ROOT, root, { recursive: true });
    const git = (...args: string[]) => run('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.com', ...args], { cwd: dir, env: process.env });
    await git('init', '-q', '-b', 'main');
    // Already broken before the change: an unknown key in a value.
    await writeFile(
      path.join(root, 'values/keep-it-simple.md'),
      (await readFile(path.join(root, 'values/keep-it-simple.md'), 'utf8')).replace('title:', 'colour: blue\ntitle:'),
    );
    await git('add', '-A');
    await git('commit', '-q', '-m', 'base');
    // The change: a role renamed (the boundary and the win still name it), and a new, unfinished guideline.
    await rename(path.join(root, 'roles/shift-lead.yaml'), path.join(root, 'roles/shift-leader.yaml'));
    await writeFile(
      path.join(root, 'guidelines/new-one.md'),
      '---\ntitle: New one\nsummary: "TODO: a sentence"\nowner: Ops\nlastReviewed: 2026-11-01\n---\n\nText.\n',
    );
    return { dir, root, cleanup: () => rm(dir, { recursive: true, force: true }) };
  }

  it('--changed shows the changed files, what the change breaks elsewhere, and counts the rest', async () => {
    const { root, cleanup } = await repoWithChange();
    try {
      const result = await validate(['--content', '.', '--changed', 'main'], root);
      expect(result.stdout).toBe(
        'guidelines/new-one.md:3:10 error summary: still holds the placeholder "TODO: a sentence" (placeholder)\n' +
          '    hint: replace it with your own words, or delete the line where the field is optional (npm run new wrote it as a reminder)\n' +
          'boundaries/refund-a-purchase.md:10:11 error grants[1].role: there is no role "shift-lead" (reference)\n' +
          '    hint: did you mean "shift-leader"? The roles are listed in roles/ (one file per role) and at /roles/ on the site\n' +
          'roles/store-associate.yaml:4:14 error escalatesTo: there is no role "shift-lead" (reference)\n' +
          '    hint: did you mean "shift-leader"? The roles are listed in roles/ (one file per role) and at /roles/ on the site\n' +
          '1 error, 0 warnings in 3 changed files, and 2 errors, 0 warnings they cause in other files\n' +
          'and 1 error, 0 warnings in 1 other file: run without --changed to see them\n' +
          '1 file could not be fully checked; run again after fixing it\n',
      );
      expect(result.exitCode).toBe(1);
    } finally {
      await cleanup();
    }
  });

  it('--files names the files by hand; --output writes clean json whatever else is printed', async () => {
    const { root, cleanup } = await repoWithChange();
    try {
      const result = await validate(['--content', '.', '--files', 'guidelines/new-one.md', '--format', 'json', '--output', 'out.json'], root);
      expect(result.stdout).toBe(
        '1 error, 0 warnings in 1 changed file\n' +
          'and 3 errors, 0 warnings in 3 other files: run without --files to see them\n' +
          '1 file could not be fully checked; run again after fixing it\n',
      );
      expect(JSON.parse(await readFile(path.join(root, 'out.json'), 'utf8'))).toMatchObject([{ file: 'guidelines/new-one.md', line: 3, rule: 'placeholder' }]);
      expect(result.exitCode).toBe(1);
    } finally {
      await cleanup();
    }
  });

  it('a ref git does not know is a usage mistake, exit 2', async () => {
    const { root, cleanup } = await repoWithChange();
    try {
      const result = await validate(['--content', '.', '--changed', 'no-such-branch'], root);
      expect(result.stderr).toBe(
        'validate: --changed no-such-branch: "no-such-branch" is not a branch, tag or commit that git knows here (try origin/main, or run git fetch first)\n',
      );
      expect(result.exitCode).toBe(2);
    } finally {
      await cleanup();
    }
  });
});
