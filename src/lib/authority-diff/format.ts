/**
 * An authority diff as leaders read it: Markdown for a pull-request comment,
 * plain text in a terminal. Both say the same, line for line.
 */
import type { AuthorityDiff } from './diff.ts';

export const DIFF_FORMATS = ['text', 'markdown'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

export const NO_CHANGES = 'No changes to authority: every limit, grant, boundary, ladder and value is as before.';
const TITLE = 'Authority changes';

export function formatDiffText(diff: AuthorityDiff, notes: readonly string[] = []): string {
  if (diff.sections.length === 0) return [NO_CHANGES, ...notes].join('\n');
  const blocks = diff.sections.map((s) => [`${s.heading}${s.file ? ` (${s.file})` : ''}`, ...s.lines.map((line) => `  ${line}`)].join('\n'));
  return [TITLE, '', blocks.join('\n\n'), ...(notes.length ? ['', ...notes] : [])].join('\n');
}

export function formatDiffMarkdown(diff: AuthorityDiff, notes: readonly string[] = []): string {
  if (diff.sections.length === 0) return [`### ${TITLE}`, '', escapeMarkdown(NO_CHANGES), ...notes.map((n) => `\n_${escapeMarkdown(n)}_`)].join('\n');
  const blocks = diff.sections.map((s) =>
    [`#### ${escapeMarkdown(s.heading)}${s.file ? ` (\`${s.file.replace(/`/g, '')}\`)` : ''}`, '', ...s.lines.map((line) => `- ${escapeMarkdown(line)}`)].join(
      '\n',
    ),
  );
  return [`### ${TITLE}`, '', blocks.join('\n\n'), ...notes.map((n) => `\n_${escapeMarkdown(n)}_`)].join('\n');
}

export function formatDiff(diff: AuthorityDiff, format: DiffFormat, notes: readonly string[] = []): string {
  return format === 'markdown' ? formatDiffMarkdown(diff, notes) : formatDiffText(diff, notes);
}

/**
 * Titles and summaries come from content: escape what Markdown (and
 * GitHub's mentions and HTML) would act on, so a title shows as written.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>#|~@]/g, (char) => `\\${char}`).replace(/\r?\n/g, ' ');
}
