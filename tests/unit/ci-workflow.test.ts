/**
 * The pull-request workflow runs code from many hands: it must never get
 * secrets or a write token. These checks keep it that way when it is edited.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/build-playbook.ts';

const WORKFLOW = path.join(PROJECT_ROOT, '.github/workflows/playbook.yml');

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, { permissions?: unknown; steps: Step[] }>;
}

describe('.github/workflows/playbook.yml', async () => {
  const text = await readFile(WORKFLOW, 'utf8');
  const workflow = parse(text) as Workflow;
  const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);

  it('runs on pull_request, never pull_request_target or workflow_run', () => {
    expect(Object.keys(workflow.on)).toContain('pull_request');
    expect(Object.keys(workflow.on)).not.toContain('pull_request_target');
    expect(Object.keys(workflow.on)).not.toContain('workflow_run');
  });

  it('has a read-only token, for every job, and uses no secrets', () => {
    expect(workflow.permissions).toEqual({ contents: 'read' });
    for (const [name, job] of Object.entries(workflow.jobs)) expect(job.permissions, name).toBeUndefined();
    expect(text).not.toMatch(/\$\{\{\s*secrets\./);
    expect(text).not.toMatch(/GITHUB_TOKEN|github\.token/);
  });

  it('keeps no token in the checkout and pins every action to a commit', () => {
    for (const step of steps.filter((step) => step.uses)) {
      expect(step.uses, step.uses).toMatch(/^[\w-]+\/[\w-]+@[0-9a-f]{40}$/);
      if (step.uses!.startsWith('actions/checkout@')) expect(step.with?.['persist-credentials'], step.uses).toBe(false);
    }
  });

  it('validates with annotations, builds, checks links and runs the tests', () => {
    const runs = steps.map((step) => step.run ?? '').join('\n');
    expect(runs).toContain('npm run validate -- --format github');
    expect(runs).toContain('npm run build');
    expect(runs).toContain('npm run check-links');
    expect(runs).toContain('npm test');
    expect(runs).toMatch(/apt-get install[^\n]*chromium/);
    expect(runs).toMatch(/apt-get install[^\n]*nginx/);
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
    const owners = (file: string) => rules.filter(([pattern]) => pattern === '*' || file.startsWith(pattern!.replace(/^\//, ''))).at(-1)?.slice(1);
    expect(owners('content/boundaries/refund.md')).toEqual(['@example-org/leadership']);
    expect(owners('content/values/own-the-fix.mdx')).toEqual(['@example-org/leadership']);
    expect(owners('content/wins/2026/a-win.md')).toEqual(['@example-org/playbook-editors']);
    expect(owners('src/pages/index.astro')).toEqual(['@example-org/playbook-maintainers']);
  });
});
