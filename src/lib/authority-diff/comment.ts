/**
 * Posts the authority summary on a pull request, and keeps it up to date:
 * one comment, found again on later pushes by a hidden marker, edited in
 * place. GitHub's REST API through `fetch`, which is passed in so tests run
 * with no network. Nothing here runs code from the pull request.
 */

/** Finds our comment again; invisible in the rendered comment. */
export const COMMENT_MARKER = '<!-- latitude-authority-summary -->';

export interface CommentContext {
  /** The `pull_request` event GitHub wrote to GITHUB_EVENT_PATH. */
  event: { pull_request?: { number?: number }; repository?: { full_name?: string } };
  token: string;
  /** `https://api.github.com`, or GitHub Enterprise's. */
  apiUrl: string;
  /** The Markdown summary from `npm run diff -- --format markdown`. */
  summary: string;
  /** Whether the pull request touches boundaries, roles or values at all. */
  touched: boolean;
  fetch: typeof fetch;
}

export type CommentOutcome = { action: 'created' | 'updated'; id: number } | { action: 'skipped'; reason: string };

interface IssueComment {
  id: number;
  body?: string;
  user?: { type?: string } | null;
}

/** The comment's body: the marker, the summary, and where it comes from. */
export function commentBody(summary: string): string {
  return `${COMMENT_MARKER}\n${summary.trim()}\n\n<sub>From \`npm run diff\` against the base branch; updated on every push.</sub>\n`;
}

export async function postAuthorityComment(context: CommentContext): Promise<CommentOutcome> {
  const number = context.event.pull_request?.number;
  const repository = context.event.repository?.full_name;
  if (!number || !repository || !/^[\w.-]+\/[\w.-]+$/.test(repository)) return { action: 'skipped', reason: 'not a pull request event' };

  const api = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await context.fetch(`${context.apiUrl.replace(/\/$/, '')}${path}`, {
      method,
      headers: {
        accept: 'application/vnd.github+json',
        authorization: `Bearer ${context.token}`,
        'x-github-api-version': '2022-11-28',
        'user-agent': 'latitude-authority-summary',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new GitHubApiError(response.status, `${method} ${path}: ${response.status} ${response.statusText}`);
    return (await response.json()) as T;
  };

  // Our comment, if an earlier push made one: a bot's comment holding the marker.
  let existing: IssueComment | undefined;
  for (let page = 1; !existing; page++) {
    const comments = await api<IssueComment[]>('GET', `/repos/${repository}/issues/${number}/comments?per_page=100&page=${page}`);
    existing = comments.find((c) => c.user?.type === 'Bot' && c.body?.includes(COMMENT_MARKER));
    if (comments.length < 100) break;
  }

  if (!existing && !context.touched) return { action: 'skipped', reason: 'the pull request touches no boundaries, roles or values' };
  const body = commentBody(context.summary);
  if (existing) {
    if (existing.body === body) return { action: 'skipped', reason: 'the comment is already up to date' };
    await api('PATCH', `/repos/${repository}/issues/comments/${existing.id}`, { body });
    return { action: 'updated', id: existing.id };
  }
  const created = await api<IssueComment>('POST', `/repos/${repository}/issues/${number}/comments`, { body });
  return { action: 'created', id: created.id };
}

export class GitHubApiError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}
