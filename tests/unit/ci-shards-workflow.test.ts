/**
 * The sharded build's workflow (.github/workflows/playbook-shards.yml): a
 * matrix of shards, each with its own cache, and a merge after them; like
 * the pull-request workflow, no secrets and a read-only token. It runs for
 * `main` only, since it must pass the shards' output between machines as
 * artifacts (the internal playbook), which pull-request builds never do.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWorkflow, type Job } from '../support/workflow.ts';

describe('.github/workflows/playbook-shards.yml', async () => {
  const { text, workflow } = await readWorkflow('playbook-shards.yml');
  const { plan, shard, merge } = workflow.jobs;
  const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
  const runs = (job: Job) => job.steps.map((step) => step.run).filter(Boolean);
  const using = (job: Job, action: string) => job.steps.filter((step) => step.uses?.startsWith(`${action}@`));

  it('runs for main (pushed, or by hand with a number of shards, 4 by default), never for pull requests', () => {
    expect(Object.keys(workflow.on).sort()).toEqual(['push', 'workflow_dispatch']);
    expect(workflow.on.push?.branches).toEqual(['main']);
    expect(workflow.on.workflow_dispatch?.inputs?.shards).toMatchObject({ type: 'number', default: 4 });
    expect(plan!.steps[0]!.env?.SHARDS).toBe('${{ inputs.shards || vars.PLAYBOOK_SHARDS || 4 }}');
  });

  it('has a read-only token, no secrets, no token in checkouts, every action pinned, and no expression inside a script', () => {
    expect(workflow.permissions).toEqual({ contents: 'read' });
    for (const [name, job] of Object.entries(workflow.jobs)) expect(job.permissions, name).toBeUndefined();
    expect(text).not.toMatch(/\$\{\{\s*secrets\.|GITHUB_TOKEN|github\.token/);
    for (const step of steps.filter((step) => step.uses)) {
      expect(step.uses, step.uses).toMatch(/^[\w-]+\/[\w/-]+@[0-9a-f]{40}$/);
      if (step.uses!.startsWith('actions/checkout@')) expect(step.with?.['persist-credentials'], step.uses).toBe(false);
    }
    for (const step of steps) expect(step.run ?? '').not.toContain('${{');
  });

  it('plans the matrix and one build date for every shard', async () => {
    expect(plan!.outputs).toEqual({
      shards: '${{ steps.plan.outputs.shards }}',
      count: '${{ steps.plan.outputs.count }}',
      today: '${{ steps.plan.outputs.today }}',
    });
    const dir = await mkdtemp(path.join(os.tmpdir(), 'latitude-plan-'));
    try {
      const output = path.join(dir, 'output');
      const script = plan!.steps[0]!.run!;
      execFileSync('bash', ['-e', '-c', script], { env: { ...process.env, SHARDS: '3', GITHUB_OUTPUT: output } });
      expect((await readFile(output, 'utf8')).split('\n').slice(0, 2)).toEqual(['count=3', 'shards=[1,2,3]']);
      expect(() => execFileSync('bash', ['-e', '-c', script], { env: { ...process.env, SHARDS: 'x', GITHUB_OUTPUT: output }, stdio: 'pipe' })).toThrow();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('builds each shard on its own machine, with its own cache, and uploads its output', () => {
    expect(shard!.needs).toBe('plan');
    expect(shard!.strategy).toEqual({ 'fail-fast': true, matrix: { shard: '${{ fromJSON(needs.plan.outputs.shards) }}' } });
    expect(shard!.env).toMatchObject({
      SHARD: '${{ matrix.shard }}/${{ needs.plan.outputs.count }}',
      PLAYBOOK_TODAY: '${{ needs.plan.outputs.today }}',
    });
    expect(runs(shard!)).toEqual(['npm ci --no-audit --no-fund', 'npm run build -- --shard "$SHARD"']);
    const names = shard!.steps.map((step) => step.uses?.replace(/@.*/, '') ?? step.run);
    expect(names.indexOf('actions/cache/restore')).toBeLessThan(names.indexOf('npm run build -- --shard "$SHARD"'));
    expect(names.indexOf('actions/cache/save')).toBeGreaterThan(names.indexOf('npm run build -- --shard "$SHARD"'));
    // Each shard's cache key names the shard and the split (docs/scale.md); only main writes it.
    const key = "playbook-shard-${{ matrix.shard }}-of-${{ needs.plan.outputs.count }}-${{ hashFiles('package-lock.json') }}-";
    const [restore] = using(shard!, 'actions/cache/restore');
    const [save] = using(shard!, 'actions/cache/save');
    expect(restore!.with).toEqual({ path: 'node_modules/.astro', key: `${key}\${{ github.sha }}`, 'restore-keys': key });
    expect(save!.with).toEqual({ path: 'node_modules/.astro', key: `${key}\${{ github.sha }}` });
    expect(save!.if).toBe("github.ref == 'refs/heads/main'");
    const [upload] = using(shard!, 'actions/upload-artifact');
    expect(upload!.with).toEqual({
      name: 'playbook-shard-${{ matrix.shard }}-of-${{ needs.plan.outputs.count }}',
      path: 'dist-shards/${{ matrix.shard }}-of-${{ needs.plan.outputs.count }}/',
      'if-no-files-found': 'error',
      'retention-days': 1,
    });
  });

  it('merges after every shard: downloads them, merges and verifies, checks links, uploads the site', () => {
    expect(merge!.needs).toEqual(['plan', 'shard']);
    expect(merge!.strategy).toBeUndefined();
    const [download] = using(merge!, 'actions/download-artifact');
    expect(download!.with).toEqual({ pattern: 'playbook-shard-*-of-${{ needs.plan.outputs.count }}', path: 'dist-shards' });
    expect(runs(merge!)).toEqual(['npm ci --no-audit --no-fund', 'npm run merge -- --move dist-shards/playbook-shard-*', 'npm run check-links']);
    const uploads = using(merge!, 'actions/upload-artifact');
    expect(uploads.map((step) => step.with)).toEqual([{ name: 'playbook-site', path: 'dist/', 'if-no-files-found': 'error', 'retention-days': 1 }]);
    // Artifacts hold the internal playbook: kept for a day, never attached to anything public.
    expect(steps.filter((step) => /upload-pages-artifact|deploy-pages/.test(step.uses ?? ''))).toEqual([]);
  });
});
