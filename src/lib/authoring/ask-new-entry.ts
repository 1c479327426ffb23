/**
 * The questions `npm run new` asks in a terminal when it is given no
 * arguments. The prompt library is passed in, so the questions are tested
 * without a terminal; the CLI passes @clack/prompts.
 */
import { COLLECTIONS, type CollectionName } from '../../../schemas/index.ts';

/** The part of @clack/prompts the questions use. */
export interface Asker {
  select(options: { message: string; options: { value: CollectionName; label: string; hint?: string }[] }): Promise<CollectionName | symbol>;
  text(options: { message: string; placeholder?: string; validate?: (value: string | undefined) => string | undefined }): Promise<string | symbol>;
}

/** What each kind of entry is for, in the order editors most often add them. */
export const ENTRY_KINDS: readonly { value: CollectionName; label: string; hint: string; example: string }[] = [
  { value: 'wins', label: 'Win story', hint: "someone who lived a value; filed under today's date", example: 'Taxi for the cot' },
  { value: 'guidelines', label: 'Guideline', hint: 'practical advice for a role or for everyone', example: 'Fix first, then explain' },
  { value: 'boundaries', label: 'Decision boundary', hint: 'how far each role may go on a decision', example: 'Refund a purchase' },
  { value: 'values', label: 'Value', hint: 'what we stand for', example: 'Own the outcome' },
  { value: 'roles', label: 'Role', hint: 'a role that holds authority', example: 'Store associate' },
  { value: 'caseStudies', label: 'Case study', hint: "a longer story, ours or another organisation's", example: 'The Leeds pilot' },
];

/**
 * True when `npm run new` should ask its questions: no kind or title was
 * given, `--yes` was not, it is not CI, and both ends are a terminal (a
 * script piping into it gets the usage instead of a prompt that hangs).
 */
export function shouldAsk(input: { positionals: readonly string[]; yes: boolean; env: NodeJS.ProcessEnv; stdinIsTTY: boolean; stdoutIsTTY: boolean }): boolean {
  const ci = input.env.CI !== undefined && input.env.CI !== '' && input.env.CI !== 'false' && input.env.CI !== '0';
  return input.positionals.length === 0 && !input.yes && !ci && input.stdinIsTTY && input.stdoutIsTTY;
}

/** Asks which kind of entry and its title; undefined when the editor cancels (Ctrl-C or Esc). */
export async function askNewEntry(ask: Asker): Promise<{ collection: CollectionName; title: string } | undefined> {
  const collection = await ask.select({
    message: 'What would you like to add?',
    options: ENTRY_KINDS.map(({ value, label, hint }) => ({ value, label, hint })),
  });
  if (typeof collection === 'symbol') return undefined;
  const kind = ENTRY_KINDS.find((k) => k.value === collection)!;
  const title = await ask.text({
    message: `The ${kind.label.toLowerCase()}'s title (it becomes the file name in ${COLLECTIONS[collection].folder}/)`,
    placeholder: kind.example,
    validate: (value) => (value?.trim() ? undefined : 'write a title, such as ' + JSON.stringify(kind.example)),
  });
  if (typeof title === 'symbol') return undefined;
  return { collection, title: title.trim() };
}
