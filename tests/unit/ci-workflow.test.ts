/**
 * The pull-request workflow runs code from many hands: it must never get
 * secrets or a write token. These checks keep it that way when it is edited.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/build-playbook.ts';
import { readWorkflow } from '../support/workflow.ts';

/** The one job that may write: it posts the authority summary on the pull request. */
const COMMENT_JOB = 'authority-comment';

describe('.github/workflows/playbook.yml', async () => {
  const { text, workflow } = await readWorkflow('playbook.yml');
  const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);

  it('runs on pull_request, never pull_request_target or workflow_run', () => {
    expect(Object.keys(workflow.on)).toContain('pull_request');
    expect(Object.keys(workflow.on)).not.toContain('pull_request_target');
    expect(Object.keys(workflow.on)).not.toContain('workflow_run');
  });

  it('has a read-only token for every job but the comment step, and uses no secrets', () => {
    expect(workflow.permissions).toEqual({ contents: 'read' });
    for (const [name, job] of Object.entries(workflow.jobs)) if (name !== COMMENT_JOB) expect(job.permissions, name).toBeUndefined();
    expect(text).not.toMatch(/\$\{\{\s*secrets\./);
    // The token appears once: in the comment step's environment.
    expect(text.match(/GITHUB_TOKEN|github\.token/g)).toEqual(['GITHUB_TOKEN', 'github.token']);
    expect(workflow.jobs[COMMENT_JOB]!.steps.at(-1)!.env?.GITHUB_TOKEN).toBe('${{ github.token }}');
  });

  it("posts the authority summary with only the permissions it needs, running none of the pull request's code", () => {
    const job = workflow.jobs[COMMENT_JOB]!;
    expect(job.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
    expect(job.needs).toBe('authority');
    expect(job.if).toBe("github.event_name == 'pull_request'");
    expect(job.steps.find((step) => step.uses?.startsWith('actions/checkout@'))?.with?.ref).toBe('${{ github.event.pull_request.base.sha }}');
    expect(job.steps.map((step) => step.run).filter(Boolean)).toEqual(['node src/cli/post-authority-comment.ts']);
    // The summary arrives as data in the environment, never pasted into a script.
    for (const step of job.steps) expect(step.run ?? '').not.toContain('${{');
    expect(job.steps.at(-1)!.env).toMatchObject({
      AUTHORITY_SUMMARY: '${{ needs.authority.outputs.markdown }}',
      AUTHORITY_TOUCHED: '${{ needs.authority.outputs.touched }}',
    });

    const authority = workflow.jobs.authority!;
    expect(authority.permissions).toBeUndefined();
    const runs = authority.steps.map((step) => step.run ?? '').join('\n');
    expect(runs).toContain('npm run diff -- --base "$BASE_SHA" --format markdown --output "$RUNNER_TEMP/authority.md"');
    expect(runs).toContain('content/boundaries content/roles content/values');
    for (const step of authority.steps) expect(step.run ?? '').not.toContain('${{');
  });

  it('keeps no token in the checkout and pins every action to a commit', () => {
    for (const step of steps.filter((step) => step.uses)) {
      expect(step.uses, step.uses).toMatch(/^[\w-]+\/[\w-]+(?:\/[\w-]+)*@[0-9a-f]{40}$/); // an action, or one in a folder of its repository (actions/cache/save)
      if (step.uses!.startsWith('actions/checkout@')) expect(step.with?.['persist-credentials'], step.uses).toBe(false);
    }
  });

  it('validates with annotations, builds, checks links and runs the tests', () => {
    const runs = steps.map((step) => step.run ?? '').join('\n');
    expect(runs).toContain('npm run validate -- --format github');
    expect(runs).toContain('npm run build');
    expect(runs).toContain('npm run check-links');
    expect(runs).toMatch(/^npm run check$/m);
    expect(runs).toMatch(/^npm run lint$/m);
    expect(runs).toContain('npm test');
    expect(runs).toMatch(/apt-get install[^\n]*chromium/);
    expect(runs).toMatch(/apt-get install[^\n]*nginx/);
  });

  it("validates and builds from the cache of main's last build, which only a build of main saves", () => {
    const CACHE = { path: 'node_modules/.astro', key: "playbook-${{ hashFiles('package-lock.json') }}-${{ github.sha }}" };
    const restore = (step: (typeof steps)[number]) => step.uses?.startsWith('actions/cache/restore@') === true;
    const save = (step: (typeof steps)[number]) => step.uses?.startsWith('actions/cache/save@') === true;
    for (const [name, command] of [
      ['validate', 'npm run validate -- --format github'],
      ['build', 'npm run build'],
    ] as const) {
      const job = workflow.jobs[name]!.steps;
      const at = (test: (step: (typeof steps)[number]) => boolean) => job.findIndex(test);
      // After `npm ci` (which empties node_modules), before the command that reads it.
      expect(at(restore), name).toBeGreaterThan(at((step) => step.run?.startsWith('npm ci') === true));
      expect(at(restore), name).toBeLessThan(at((step) => step.run === command));
      expect(job[at(restore)]!.with, name).toEqual({ ...CACHE, 'restore-keys': "playbook-${{ hashFiles('package-lock.json') }}-" });
    }
    // The combined action would save from a pull request too, in its post step.
    expect(steps.filter((step) => /^actions\/cache@/.test(step.uses ?? ''))).toEqual([]);
    const saves = Object.entries(workflow.jobs).flatMap(([name, job]) => job.steps.filter(save).map((step) => ({ name, step })));
    expect(saves.map(({ name }) => name)).toEqual(['build']);
    expect(saves[0]!.step.if).toBe("github.ref == 'refs/heads/main'");
    expect(saves[0]!.step.with).toEqual(CACHE);
    const build = workflow.jobs.build!.steps;
    expect(build.indexOf(saves[0]!.step)).toBe(build.findIndex((step) => step.run === 'npm run build') + 1);
  });

  it('uploads no build: the playbook is internal', () => {
    expect(steps.filter((step) => /upload-artifact|upload-pages-artifact|deploy-pages/.test(step.uses ?? ''))).toEqual([]);
  });
});

describe('.github/CODEOWNERS', () => {
  it('sends values and boundaries to leadership, the rest of content to editors, code to maintainers', async () => {
    const rules = (await readFile(path.join(PROJECT_ROOT, '.github/CODEOWNERS'), 'utf8'))
      .split('\n')
      .filter((line) => line.trim() && !line.startsWith('#'))
      .map((line) => line.trim().split(/\s+/));
    /** The owners of a path: the last matching rule wins, as on GitHub. */
    const owners = (file: string) =>
      rules
        .filter(([pattern]) => pattern === '*' || file.startsWith(pattern!.replace(/^\//, '')))
        .at(-1)
        ?.slice(1);
    expect(owners('content/boundaries/refund.md')).toEqual(['@example-org/leadership']);
    expect(owners('content/values/own-the-fix.mdx')).toEqual(['@example-org/leadership']);
    expect(owners('content/wins/2026/a-win.md')).toEqual(['@example-org/playbook-editors']);
    expect(owners('src/pages/index.astro')).toEqual(['@example-org/playbook-maintainers']);
  });
});

describe('.github/PULL_REQUEST_TEMPLATE', () => {
  it('has a template per change type, each with its checklist', async () => {
    const dir = path.join(PROJECT_ROOT, '.github/PULL_REQUEST_TEMPLATE');
    const read = (name: string) => readFile(path.join(dir, name), 'utf8');
    expect(await read('new-win-story.md')).toContain('- [ ] Every `TODO:` placeholder is replaced');
    expect(await read('new-guideline.md')).toContain('- [ ] Every `TODO:` placeholder is replaced');
    expect(await read('boundary-change.md')).toContain('`npm run diff -- --base origin/main`');
  });
});
