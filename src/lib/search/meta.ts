/**
 * What a search result shows without opening the page: for a boundary,
 * each role's limit in words (`limitLine` in src/lib/words/grants.ts), so
 * the result already answers "may I…?". Pagefind keeps one string per meta
 * key, so the lines travel joined and are split again for display.
 */

const LINE_SEPARATOR = '; ';

export function joinLimitLines(lines: readonly string[]): string {
  return lines.map((line) => line.replaceAll(LINE_SEPARATOR, ', ')).join(LINE_SEPARATOR);
}

/** The lines of a `limits` meta value, as the result shows them. */
export function splitLimitLines(limits: string | undefined): string[] {
  return (limits ?? '')
    .split(LINE_SEPARATOR)
    .map((line) => line.trim())
    .filter(Boolean);
}
