/**
 * The placeholders `npm run new` writes, defined once: the template writer
 * uses them, and the `placeholder` rule recognises them, so an entry that
 * still holds one fails validation and cannot publish.
 *
 * A placeholder is text starting with `TODO:` (in a field or at the start
 * of a line of the body), or the placeholder web address below.
 */
import { PLACEHOLDER_MARK } from '../../../schemas/index.ts';

/** What every placeholder text starts with: easy to see, easy to search for. Defined with the schemas, which read a placeholder where an id belongs. */
export { PLACEHOLDER_MARK };

/** A web address field that npm run new cannot guess. */
export const PLACEHOLDER_URL = 'https://example.com/TODO';

/** `TODO: one sentence that says what we stand for` */
export function placeholder(what: string): string {
  return `${PLACEHOLDER_MARK} ${what}`;
}

/** True when `text` is a placeholder that was never replaced. */
export function isPlaceholder(text: string): boolean {
  const trimmed = text.trimStart();
  return trimmed.startsWith(PLACEHOLDER_MARK) || trimmed.startsWith(PLACEHOLDER_URL);
}
