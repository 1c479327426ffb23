/**
 * The workflow's comment step: posts (or updates) the authority summary on
 * the pull request. Run by .github/workflows/playbook.yml from the base
 * branch's checkout, never the pull request's code, with a token that may
 * write pull-request comments and nothing else.
 *
 * Reads: GITHUB_EVENT_PATH, GITHUB_TOKEN, GITHUB_API_URL, AUTHORITY_SUMMARY
 * (the Markdown from npm run diff) and AUTHORITY_TOUCHED ("true" when the
 * pull request touches boundaries, roles or values).
 * Uses only Node's own modules, so it needs no npm install.
 */
import { readFile } from 'node:fs/promises';
import { GitHubApiError, postAuthorityComment } from '../lib/authority-diff/comment.ts';

async function main(env: NodeJS.ProcessEnv): Promise<number> {
  const { GITHUB_EVENT_PATH: eventPath, GITHUB_TOKEN: token, AUTHORITY_SUMMARY: summary } = env;
  if (!eventPath || !token || summary === undefined) {
    process.stderr.write('post-authority-comment: needs GITHUB_EVENT_PATH, GITHUB_TOKEN and AUTHORITY_SUMMARY (it runs in the pull-request workflow)\n');
    return 2;
  }
  const event = JSON.parse(await readFile(eventPath, 'utf8')) as Parameters<typeof postAuthorityComment>[0]['event'];
  try {
    const outcome = await postAuthorityComment({
      event,
      token,
      summary,
      fetch,
      apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
      touched: env.AUTHORITY_TOUCHED === 'true',
    });
    process.stdout.write(outcome.action === 'skipped' ? `No comment: ${outcome.reason}.\n` : `Comment ${outcome.action} (id ${outcome.id}).\n`);
    return 0;
  } catch (error) {
    if (error instanceof GitHubApiError && (error.status === 403 || error.status === 404)) {
      // Pull requests from forks get a read-only token: say so, show the summary in the log, and do not fail the check.
      process.stdout.write(
        `::notice title=Authority summary::Could not comment (${error.message}); pull requests from forks get a read-only token. The summary follows in this log.\n${summary}\n`,
      );
      return 0;
    }
    throw error;
  }
}

main(process.env).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`post-authority-comment: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
