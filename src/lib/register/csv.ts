/**
 * CSV as RFC 4180 writes it (comma-separated, CRLF line ends, a cell quoted
 * when it holds a comma, a quote or a line break, quotes doubled), and safe
 * to open in a spreadsheet: a cell that starts like a formula is made inert.
 * Pure: no Node, no Astro.
 */

/**
 * What makes Excel, LibreOffice or Google Sheets read a cell as a formula
 * (OWASP's list: `=`, `+`, `-`, `@`, tab, carriage return), plus a line
 * feed and the full-width forms of the four signs, which some spreadsheets
 * read as the signs themselves.
 */
const FORMULA_START = /^[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/;

/** True when a spreadsheet could run `text` as a formula. */
export function startsLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/**
 * One cell. A cell that starts like a formula gets a leading apostrophe and
 * quotes, so a spreadsheet shows it as text (`=HYPERLINK(…)` → `"'=HYPERLINK(…)"`).
 */
export function csvCell(text: string): string {
  const inert = startsLikeFormula(text) ? `'${text}` : text;
  return inert !== text || /[",\r\n]/.test(inert) ? `"${inert.replace(/"/g, '""')}"` : inert;
}

/** A whole file: a header record, then one record per row, each ending in CRLF. */
export function csvDocument(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, ...rows].map((cells) => `${cells.map(csvCell).join(',')}\r\n`).join('');
}
