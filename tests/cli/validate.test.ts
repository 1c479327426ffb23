/**
 * `npm run validate` as a subprocess, the way editors and CI run it: the
 * example and the valid fixture pass; every case of the bad-input catalogue
 * exits 1 with its exact expected output (file, line, column, field, hint).
 */
import { readFile, writeFile } from 'node:fs/promises';
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
          file: 'wins/2026/2026-03-kettle-swap.md', line: 8, column: 11, severity: 'error', rule: 'reference',
          message: 'boundary: there is no boundary "refund-a-purchse"', field: 'boundary', found: 'refund-a-purchse',
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
  const cases = await badCases();
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
        expect(result.exitCode).toBe(1);
      } finally {
        await cleanup();
      }
    });
  }
});
