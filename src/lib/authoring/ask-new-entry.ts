/**
 * The questions `npm run new` asks in a terminal: what to add and its title
 * when they were not given, then what it cannot know of the new entry (a
 * win's role, values and boundary; a guideline's values and roles; who may
 * decide on a boundary). The prompt library is passed in, so the questions
 * are tested without a terminal; the CLI passes @clack/prompts.
 */
import { COLLECTIONS, type CollectionName } from '../../../schemas/index.ts';
import type { ChosenReferences } from './new-entry.ts';

/** The part of @clack/prompts the questions use. */
export interface Asker {
  select(options: { message: string; options: { value: string; label: string; hint?: string }[] }): Promise<string | symbol>;
  multiselect(options: { message: string; options: { value: string; label: string; hint?: string }[]; required?: boolean }): Promise<string[] | symbol>;
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
 * True when `npm run new` may ask questions: `--yes` was not given, it is not
 * CI, and both ends are a terminal (a script piping into it gets the usage
 * or placeholders instead of a prompt that hangs).
 */
export function shouldAsk(input: { yes: boolean; env: NodeJS.ProcessEnv; stdinIsTTY: boolean; stdoutIsTTY: boolean }): boolean {
  const ci = input.env.CI !== undefined && input.env.CI !== '' && input.env.CI !== 'false' && input.env.CI !== '0';
  return !input.yes && !ci && input.stdinIsTTY && input.stdoutIsTTY;
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
    message: `The ${kind.label.toLowerCase()}'s title (it becomes the file name in ${COLLECTIONS[kind.value].folder}/)`,
    placeholder: kind.example,
    validate: (value) => (value?.trim() ? undefined : 'write a title, such as ' + JSON.stringify(kind.example)),
  });
  if (typeof title === 'symbol') return undefined;
  return { collection: kind.value, title: title.trim() };
}

/** The ids a content root holds, for the questions about references. */
export interface ExistingIds {
  roles: string[];
  values: string[];
  boundaries: string[];
}

const LEAVE_OUT = '';

/**
 * Asks for the references of a new entry that npm run new cannot know,
 * each from the ids the content root holds (a question with no ids to choose
 * from is not asked: the template's placeholder says what to write).
 * Undefined when the editor cancels.
 */
export async function askReferences(ask: Asker, collection: CollectionName, existing: ExistingIds): Promise<ChosenReferences | undefined> {
  const chosen: ChosenReferences = {};
  const options = (ids: readonly string[]) => ids.map((id) => ({ value: id, label: id }));
  const one = async (ids: readonly string[], message: string, leaveOut?: string) => {
    if (ids.length === 0) return undefined;
    const answer = await ask.select({ message, options: [...options(ids), ...(leaveOut ? [{ value: LEAVE_OUT, label: leaveOut }] : [])] });
    if (typeof answer === 'symbol') throw CANCELLED;
    return answer === LEAVE_OUT ? null : answer;
  };
  const some = async (ids: readonly string[], message: string, required: boolean) => {
    if (ids.length === 0) return undefined;
    const answer = await ask.multiselect({ message, options: options(ids), required });
    if (typeof answer === 'symbol') throw CANCELLED;
    return answer;
  };
  try {
    if (collection === 'wins') {
      chosen.role = await one(existing.roles, 'Which role did they act in?', 'Leave it out');
      chosen.values = await some(existing.values, 'Which values does it show? (space to choose, enter when done)', true);
      chosen.boundary = await one(existing.boundaries, 'Which decision boundary did they use?', 'None: leave it out');
    } else if (collection === 'guidelines') {
      chosen.values = await some(existing.values, 'Which values does it put into practice? (space to choose; none is fine)', false);
      chosen.roles = await some(existing.roles, 'Which roles is it for? (choose none for everyone)', false);
    } else if (collection === 'boundaries') {
      chosen.role = await one(existing.roles, 'Who may decide? (the first grant; add more in the file)');
    }
  } catch (error) {
    if (error === CANCELLED) return undefined;
    throw error;
  }
  return chosen;
}

const CANCELLED = Symbol('cancelled');
