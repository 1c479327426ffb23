/**
 * An authority diff as leaders read it: Markdown for a pull-request comment,
 * plain text in a terminal. Both say the same, line for line.
 */
import type { AuthorityDiff } from './diff.ts';
import { visibleText } from '../diagnostics/visible-text.ts';

export const DIFF_FORMATS = ['text', 'markdown'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

export const NO_CHANGES = 'No changes to authority: every limit, grant, boundary, ladder and value is as before.';
const TITLE = 'Authority changes';

export function formatDiffText(diff: AuthorityDiff, notes: readonly string[] = []): string {
  if (diff.sections.length === 0) return [NO_CHANGES, ...notes].join('\n');
  // Headings, files and lines quote content: nothing in them may act on the terminal or start a line of its own.
  const blocks = diff.sections.map((s) =>
    [`${visibleText(s.heading)}${s.file ? ` (${visibleText(s.file)})` : ''}`, ...s.lines.map((line) => `  ${visibleText(line)}`)].join('\n'),
  );
  return [TITLE, '', blocks.join('\n\n'), ...(notes.length ? ['', ...notes] : [])].join('\n');
}

export function formatDiffMarkdown(diff: AuthorityDiff, notes: readonly string[] = []): string {
  if (diff.sections.length === 0) return [`### ${TITLE}`, '', escapeMarkdown(NO_CHANGES), ...notes.map((n) => `\n_${escapeMarkdown(n)}_`)].join('\n');
  const blocks = diff.sections.map((s) =>
    [`#### ${escapeMarkdown(s.heading)}${s.file ? ` (${codeSpan(s.file)})` : ''}`, '', ...s.lines.map((line) => `- ${escapeMarkdown(line)}`)].join('\n'),
  );
  return [`### ${TITLE}`, '', blocks.join('\n\n'), ...notes.map((n) => `\n_${escapeMarkdown(n)}_`)].join('\n');
}

export function formatDiff(diff: AuthorityDiff, format: DiffFormat, notes: readonly string[] = []): string {
  return format === 'markdown' ? formatDiffMarkdown(diff, notes) : formatDiffText(diff, notes);
}

/**
 * Titles, names and paths come from content: everything Markdown (and
 * GitHub's mentions, emoji and HTML) would act on is escaped, and every
 * character that would break the line or reorder it is written out
 * (`visibleText`), so the text shows exactly as written and nothing in it
 * can hide what follows (a line break and `<!--` would hide every later
 * change from the approvers inside an HTML comment).
 */
export function escapeMarkdown(text: string): string {
  return (
    visibleText(text)
      .replace(/[\\`*_{}[\]<>#|~@!&]/g, (char) => `\\${char}`)
      // GitHub turns a bare address into a link and keeps the escapes inside it as written.
      .replace(/:\/\//g, '\\://')
      .replace(/\b(www)\./gi, '$1\\.')
  );
}

/**
 * `text` as a Markdown code span: fenced with one backtick more than the
 * longest run it holds, and padded when it starts or ends with one, so no
 * name can close the span early; line breaks are written out.
 */
export function codeSpan(text: string): string {
  const visible = visibleText(text);
  const longest = Math.max(0, ...(visible.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = visible.startsWith('`') || visible.endsWith('`') || (visible.startsWith(' ') && visible.endsWith(' ') && visible.trim() !== '') ? ' ' : '';
  return `${fence}${pad}${visible}${pad}${fence}`;
}
