/**
 * The workflow's comment step against a fixture pull-request event, with
 * GitHub's API faked (no network): one comment, created once, then found by
 * its hidden marker and edited on later pushes.
 */
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMENT_MARKER, commentBody, postAuthorityComment, type CommentContext } from '../../src/lib/authority-diff/comment.ts';
import { FIXTURES, PROJECT_ROOT, run } from '../support/build-playbook.ts';

const EVENT_PATH = path.join(FIXTURES, 'github/pull-request-event.json');
const event = JSON.parse(await readFile(EVENT_PATH, 'utf8')) as CommentContext['event'];
const SUMMARY = '### Authority changes\n\n- Store associate: £75 → £100 per case';

interface Call {
  method: string;
  url: string;
  body?: unknown;
  auth?: string;
}

/** A fake GitHub holding `comments` on the pull request; records every call. */
function fakeGitHub(comments: { id: number; body: string; user: { type: string } }[]) {
  const calls: Call[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    const headers = init.headers as Record<string, string>;
    const body = init.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ method: init.method!, url, body, auth: headers.authorization });
    const page = Number(new URL(url).searchParams.get('page') ?? 1);
    const json = init.method === 'GET' ? comments.slice((page - 1) * 100, page * 100) : { id: 901, body: body?.body };
    return new Response(JSON.stringify(json), { status: init.method === 'POST' ? 201 : 200 });
  }) as typeof globalThis.fetch;
  return { calls, fetch };
}

const context = (fetch: typeof globalThis.fetch, extra: Partial<CommentContext> = {}): CommentContext => ({
  event,
  token: 't0ken',
  apiUrl: 'https://api.github.test',
  summary: SUMMARY,
  touched: true,
  fetch,
  ...extra,
});

describe('the authority comment step', () => {
  it('creates the comment, with the hidden marker, when there is none', async () => {
    const github = fakeGitHub([{ id: 1, body: 'Looks good', user: { type: 'User' } }]);
    expect(await postAuthorityComment(context(github.fetch))).toEqual({ action: 'created', id: 901 });
    expect(github.calls).toEqual([
      {
        method: 'GET',
        url: 'https://api.github.test/repos/example-org/playbook/issues/42/comments?per_page=100&page=1',
        body: undefined,
        auth: 'Bearer t0ken',
      },
      {
        method: 'POST',
        url: 'https://api.github.test/repos/example-org/playbook/issues/42/comments',
        body: { body: commentBody(SUMMARY) },
        auth: 'Bearer t0ken',
      },
    ]);
    expect(commentBody(SUMMARY)).toBe(`${COMMENT_MARKER}\n${SUMMARY}\n\n<sub>From \`npm run diff\` against the base branch; updated on every push.</sub>\n`);
  });

  it("updates its own comment on a later push, found on a later page, and leaves people's comments alone", async () => {
    const people = Array.from({ length: 100 }, (_, i) => ({ id: i + 1, body: `quoting ${COMMENT_MARKER}`, user: { type: 'User' } }));
    const github = fakeGitHub([...people, { id: 777, body: commentBody('old summary'), user: { type: 'Bot' } }]);
    expect(await postAuthorityComment(context(github.fetch))).toEqual({ action: 'updated', id: 777 });
    expect(github.calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'GET https://api.github.test/repos/example-org/playbook/issues/42/comments?per_page=100&page=1',
      'GET https://api.github.test/repos/example-org/playbook/issues/42/comments?per_page=100&page=2',
      'PATCH https://api.github.test/repos/example-org/playbook/issues/comments/777',
    ]);
    expect(github.calls[2]!.body).toEqual({ body: commentBody(SUMMARY) });
  });

  it('posts nothing on a pull request that touches no boundaries, roles or values, and nothing twice', async () => {
    const untouched = fakeGitHub([]);
    expect(await postAuthorityComment(context(untouched.fetch, { touched: false }))).toEqual({
      action: 'skipped',
      reason: 'the pull request touches no boundaries, roles or values',
    });
    expect(untouched.calls.map((c) => c.method)).toEqual(['GET']);
    const same = fakeGitHub([{ id: 5, body: commentBody(SUMMARY), user: { type: 'Bot' } }]);
    expect(await postAuthorityComment(context(same.fetch))).toEqual({ action: 'skipped', reason: 'the comment is already up to date' });
  });

  it('the CLI reads GITHUB_EVENT_PATH and talks to the API it is given (a local fake); a read-only token does not fail the check', async () => {
    const seen: string[] = [];
    let status = 201;
    const server = createServer((request, response) => {
      seen.push(`${request.method} ${request.url} ${request.headers.authorization}`);
      response.writeHead(request.method === 'GET' ? 200 : status, { 'content-type': 'application/json' });
      response.end(request.method === 'GET' ? '[]' : '{"id": 55}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const env = {
      PATH: process.env.PATH,
      GITHUB_EVENT_PATH: EVENT_PATH,
      GITHUB_TOKEN: 'abc',
      GITHUB_API_URL: apiUrl,
      AUTHORITY_SUMMARY: SUMMARY,
      AUTHORITY_TOUCHED: 'true',
    };
    const script = path.join(PROJECT_ROOT, 'src/cli/post-authority-comment.ts');
    try {
      const created = await run(process.execPath, [script], { cwd: PROJECT_ROOT, env });
      expect(created).toMatchObject({ exitCode: 0, stdout: 'Comment created (id 55).\n' });
      expect(seen).toEqual([
        'GET /repos/example-org/playbook/issues/42/comments?per_page=100&page=1 Bearer abc',
        'POST /repos/example-org/playbook/issues/42/comments Bearer abc',
      ]);
      status = 403;
      const fork = await run(process.execPath, [script], { cwd: PROJECT_ROOT, env });
      expect(fork.exitCode).toBe(0);
      expect(fork.stdout.split('\n')[0]).toBe(
        '::notice title=Authority summary::Could not comment (POST /repos/example-org/playbook/issues/42/comments: 403 Forbidden); pull requests from forks get a read-only token. The summary follows in this log.',
      );
    } finally {
      server.close();
    }
  });
});
