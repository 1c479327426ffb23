/**
 * Turns zod issues into findings an editor can act on: the field first, what
 * was expected and what was found, and a hint. This is the one place that
 * knows how zod reports problems.
 */
import type { z } from 'zod';
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
  const required = new Map(findings.filter((f) => f.rule === 'required').map((f) => [formatFieldPath(f.path), f]));
  if (required.size === 0) return findings;
  const meant = new Set<Finding>();
  const out = findings.map((finding) => {
    if (finding.rule !== 'unknown-key') return finding;
    const parent = finding.path.slice(0, -1);
    const near = nearestKey(schema, parent, String(finding.path.at(-1)));
    const missing = near === undefined ? undefined : required.get(formatFieldPath([...parent, near]));
    if (!missing) return finding;
    meant.add(missing);
    return { ...finding, hint: `did you mean "${near}"? That key is required` };
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
  const base = { file, severity: 'error' as const };

  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = keysAt(schema, path);
      return issue.keys.map((key) => {
        const near = nearestKey(schema, path, key);
        const keyPath = [...path, key];
        return {
          ...base,
          path: keyPath,
          at: 'key' as const,
          rule: 'unknown-key',
          message: withCharacters(`${formatFieldPath(keyPath)}: unknown key`, key),
          found: key,
          hint:
            key === '<<'
              ? 'content is read as YAML 1.2, where << merges nothing: write the keys out in full here'
              : near
                ? `did you mean "${near}"?`
                : `remove it; the keys allowed here are ${known.join(', ')}`,
        };
      });
    }
    case 'invalid_type': {
      if (issue.input === undefined) {
        return [
          {
            ...base,
            path,
            rule: 'required',
            message: `${field}: is required`,
            expected: typeWord(issue.expected),
            hint: `add "${String(path[path.length - 1])}:" with ${typeWord(issue.expected)}`,
          },
        ];
      }
      const expected = typeWord(issue.expected);
      const found = describeValue(issue.input);
      return [
        {
          ...base,
          path,
          rule: 'type',
          message: `${field}: expected ${expected}, found ${found}`,
          expected,
          found,
          hint: typeHint(issue.expected, issue.input),
        },
      ];
    }
    case 'invalid_value': {
      const options = issue.values.map(String);
      const found = describeValue(issue.input);
      const near = typeof issue.input === 'string' ? closestMatch(issue.input, options) : undefined;
      return [
        {
          ...base,
          path,
          rule: 'value',
          message: `${field}: expected one of ${options.join(', ')}, found ${found}`,
          expected: `one of ${options.join(', ')}`,
          found,
          hint: near ? `did you mean "${near}"?` : `use one of ${options.join(', ')}`,
        },
      ];
    }
    case 'too_small':
    case 'too_big': {
      const found = describeValue(issue.input);
      const problem = isDefaultMessage(issue.message) ? rangeProblem(issue) : issue.message;
      return [{ ...base, path, rule: 'value', message: `${field}: ${problem}, found ${found}`, found, hint: rangeHint(issue) }];
    }
    default: {
      // invalid_format and custom checks carry the schema's own message.
      const found = 'input' in issue ? describeValue(issue.input) : undefined;
      const problem = isDefaultMessage(issue.message) ? 'is not valid here' : issue.message;
      return [
        {
          ...base,
          path,
          rule: 'value',
          message: found === undefined ? `${field}: ${problem}` : withCharacters(`${field}: ${problem}, found ${found}`, (issue as { input?: unknown }).input),
          found,
          hint: formatHint(problem),
        },
      ];
    }
  }
}

/** `message`, naming the invisible or look-alike characters of a value that should be plain (an id, a key, a date). */
function withCharacters(message: string, value: unknown): string {
  const note = typeof value === 'string' ? unexpectedCharactersNote(value) : undefined;
  return note ? `${message} (${note})` : message;
}

function isDefaultMessage(message: string): boolean {
  return /^(Invalid|Too (small|big))/.test(message);
}

function typeWord(expected: string): string {
  switch (expected) {
    case 'string':
      return 'text';
    case 'number':
      return 'a number';
    case 'int':
      return 'a whole number';
    case 'boolean':
      return 'true or false';
    case 'array':
      return 'a list';
    case 'object':
      return 'a group of keys';
    case 'date':
      return 'a date written YYYY-MM-DD';
    default:
      return expected;
  }
}

function typeHint(expected: string, input: unknown): string {
  if (expected === 'array') return 'write a list, one "- item" per line, or [first, second] on one line';
  if (expected === 'object') return 'write the keys indented under this one';
  if (expected === 'number' && typeof input === 'string') return 'write the number alone, without a currency sign or quotes (amount: 75)';
  if (expected === 'boolean') return 'write true or false, without quotes';
  if (expected === 'string' && Array.isArray(input)) return 'write a single line of text, not a list';
  if (expected === 'string' && (typeof input === 'number' || typeof input === 'boolean')) return 'put the value in quotes to make it text';
  return 'change the value to the expected kind';
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

function formatHint(problem: string): string {
  if (problem.includes('YYYY-MM-DD') || problem.includes('calendar date')) return 'write the date as year-month-day, such as 2026-03-01';
  if (problem.includes('kebab-case')) return 'use the file name of the entry you mean, without extension';
  if (problem.includes('ISO 4217')) return 'use a currency code such as GBP, EUR, USD or CAD';
  if (problem.includes('web address')) return 'copy the full address from the browser, such as https://example.com/page';
  if (problem.includes('locale')) return 'use a language tag such as en, en-GB or fr-CA';
  return 'correct the value';
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
