/**
 * Turns zod issues into findings an editor can act on: the field first, what
 * was expected and what was found, and a hint. This is the one place that
 * knows how zod reports problems.
 */
import type { z } from 'zod';
import { PATTERN_CHECKS, type ValueCheck } from '../../../schemas/common.ts';
import { finding, MESSAGES, typeWord, VALUE_CHECK_HINTS } from './catalogue.ts';
import { unexpectedCharactersNote } from './characters.ts';
import { closestMatch } from './did-you-mean.ts';
import { describeValue, formatFieldPath, type FieldPath, type Finding } from './diagnostic.ts';

type Issue = z.core.$ZodIssue;

/** Validates `data` with `schema`, returning the output or the findings. */
export function checkWithSchema<S extends z.ZodType>(
  schema: S,
  data: unknown,
  file: string,
): { ok: true; data: z.output<S> } | { ok: false; findings: Finding[] } {
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) return { ok: true, data: result.data };
  return {
    ok: false,
    findings: oneFindingPerSlip(
      schema,
      result.error.issues.flatMap((issue) => issueToFindings(schema, issue, file)),
    ),
  };
}

/**
 * A misspelt required key is one mistake, so one finding: the unknown key,
 * at its own line, with "did you mean" — not also "is required" at the top
 * of the file for the key it was meant to be.
 */
function oneFindingPerSlip(schema: z.ZodType, findings: Finding[]): Finding[] {
  const required = new Map(findings.filter((f) => f.rule === MESSAGES.required.id).map((f) => [formatFieldPath(f.path), f]));
  if (required.size === 0) return findings;
  const meant = new Set<Finding>();
  const out = findings.map((finding) => {
    if (finding.rule !== MESSAGES['unknown-key'].id) return finding;
    const parent = finding.path.slice(0, -1);
    const near = nearestKey(schema, parent, String(finding.path.at(-1)));
    const missing = near === undefined ? undefined : required.get(formatFieldPath([...parent, near]));
    if (!missing) return finding;
    meant.add(missing);
    return slipOf(finding, near!);
  });
  return out.filter((finding) => !meant.has(finding));
}

/** The allowed key at `path` that `key` is a slip of, if any. */
function nearestKey(schema: z.ZodType, path: FieldPath, key: string): string | undefined {
  return closestMatch(key, keysAt(schema, path));
}

export function issueToFindings(schema: z.ZodType, issue: Issue, file: string): Finding[] {
  const path = issue.path.filter((part): part is string | number => typeof part !== 'symbol');
  const field = formatFieldPath(path);

  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = keysAt(schema, path);
      return issue.keys.map((key) => {
        const keyPath = [...path, key];
        const where = { file, path: keyPath, at: 'key' as const, found: key };
        const note = unexpectedCharactersNote(key);
        return finding(MESSAGES['unknown-key'], 'default', where, { field: formatFieldPath(keyPath), note, key, near: nearestKey(schema, path, key), known });
      });
    }
    case 'invalid_type': {
      const expected = typeWord(issue.expected);
      if (issue.input === undefined) {
        return [finding(MESSAGES.required, 'default', { file, path, expected }, { field, key: String(path[path.length - 1]), expected: issue.expected })];
      }
      const found = describeValue(issue.input);
      return [finding(MESSAGES.type, 'default', { file, path, expected, found }, { field, expected: issue.expected, input: issue.input })];
    }
    case 'invalid_value': {
      const options = issue.values.map(String);
      const found = describeValue(issue.input);
      const near = typeof issue.input === 'string' ? closestMatch(issue.input, options) : undefined;
      return [finding(MESSAGES.value, 'one-of', { file, path, expected: `one of ${options.join(', ')}`, found }, { field, options, found, near })];
    }
    case 'too_small':
    case 'too_big': {
      const found = describeValue(issue.input);
      const problem = isDefaultMessage(issue.message) ? rangeProblem(issue) : issue.message;
      return [finding(MESSAGES.value, 'range', { file, path, found }, { field, problem, found, hint: rangeHint(issue) })];
    }
    default: {
      // invalid_format and custom checks carry the schema's own message; which check it is comes from the issue, never from its words.
      const found = 'input' in issue ? describeValue(issue.input) : undefined;
      const problem = isDefaultMessage(issue.message) ? 'is not valid here' : issue.message;
      const message =
        found === undefined ? `${field}: ${problem}` : withCharacters(`${field}: ${problem}, found ${found}`, (issue as { input?: unknown }).input);
      return [finding(MESSAGES.value, 'form', { file, path, ...(found === undefined ? {} : { found }) }, { message, check: valueCheckOf(issue) })];
    }
  }
}

/** An unknown key that is a slip of a required one: one finding, saying so. */
function slipOf(unknown: Finding, near: string): Finding {
  const { message, hint } = MESSAGES['unknown-key'].wordings['misspelt-required']({ message: unknown.message, near });
  return { ...unknown, message, hint };
}

/** Which kind of value a format or custom check is, from the issue's pattern, format or params (schemas/common.ts). */
function valueCheckOf(issue: Issue): ValueCheck | undefined {
  if (issue.code === 'invalid_format')
    return issue.format === 'url' ? 'web-address' : issue.pattern === undefined ? undefined : PATTERN_CHECKS.get(issue.pattern);
  if (issue.code === 'custom') {
    const check = (issue.params as { check?: unknown } | undefined)?.check;
    return typeof check === 'string' && Object.hasOwn(VALUE_CHECK_HINTS, check) ? (check as ValueCheck) : undefined;
  }
  return undefined;
}

/** `message`, naming the invisible or look-alike characters of a value that should be plain (an id, a key, a date). */
function withCharacters(message: string, value: unknown): string {
  const note = typeof value === 'string' ? unexpectedCharactersNote(value) : undefined;
  return note ? `${message} (${note})` : message;
}

function isDefaultMessage(message: string): boolean {
  return /^(Invalid|Too (small|big))/.test(message);
}

function rangeProblem(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig): string {
  const limit = String(issue.code === 'too_small' ? issue.minimum : issue.maximum);
  const inclusive = issue.inclusive !== false;
  if (issue.origin === 'string') return issue.code === 'too_small' ? `must be at least ${limit} characters` : `must be at most ${limit} characters`;
  if (issue.origin === 'array') return issue.code === 'too_small' ? `must list at least ${limit}` : `must list at most ${limit}`;
  if (issue.code === 'too_small') return inclusive ? `must be ${limit} or more` : `must be more than ${limit}`;
  return inclusive ? `must be ${limit} or less` : `must be less than ${limit}`;
}

function rangeHint(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig): string {
  if (issue.origin === 'string' && issue.code === 'too_big') return 'shorten the text; put the detail in the body instead';
  if (issue.origin === 'array') return issue.code === 'too_small' ? 'add an item to the list' : 'remove items from the list';
  return 'change the number';
}

/** The keys an object schema allows at `path`, for "did you mean" on unknown keys. */
export function keysAt(schema: z.ZodType, path: FieldPath): string[] {
  let current: unknown = schema;
  for (const segment of [...path, null]) {
    current = unwrap(current);
    if (segment === null) break;
    const def = defOf(current);
    if (def?.type === 'object') {
      const shape = def.shape as Record<string, unknown>;
      current = Object.hasOwn(shape, String(segment)) ? shape[String(segment)] : undefined;
    } else if (def?.type === 'array') current = def.element;
    else return [];
  }
  const def = defOf(current);
  return def?.type === 'object' ? Object.keys(def.shape as Record<string, unknown>) : [];
}

interface LooseDef {
  type: string;
  shape?: unknown;
  element?: unknown;
  innerType?: unknown;
  in?: unknown;
  out?: unknown;
}

function defOf(schema: unknown): LooseDef | undefined {
  return (schema as { _zod?: { def?: LooseDef } } | undefined)?._zod?.def;
}

function unwrap(schema: unknown): unknown {
  let current = schema;
  for (let i = 0; i < 10; i++) {
    const def = defOf(current);
    if (!def) return current;
    if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable' || def.type === 'prefault') current = def.innerType;
    else if (def.type === 'pipe') current = defOf(def.in)?.type === 'transform' ? def.out : def.in;
    else return current;
  }
  return current;
}
