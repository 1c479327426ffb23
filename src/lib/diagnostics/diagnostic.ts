/**
 * What the validator reports. A `Finding` is what a check knows: which file,
 * which field, what is wrong. The validator turns it into a `Diagnostic` with
 * the line and column of that field, so checks never deal with positions.
 */

export type Severity = 'error' | 'warning';

/** A field path inside an entry's data: `['grants', 0, 'role']`. */
export type FieldPath = readonly (string | number)[];

export interface Finding {
  /** The file, relative to the content root, posix separators. */
  file: string;
  /** The field the finding is about; empty for the file as a whole. */
  path: FieldPath;
  /** Point at the key itself (unknown keys) rather than its value. */
  at?: 'key' | 'value';
  /** A position known directly (body checks, YAML syntax); overrides `path`. */
  position?: Position;
  severity: Severity;
  /** Short, stable rule name, such as `reference` or `ladder-narrows`. */
  rule: string;
  /** What is wrong, for an editor who is not a developer. */
  message: string;
  /** What was expected, when there is a clear answer. */
  expected?: string;
  /** What was found instead. */
  found?: string;
  /** What to do about it. */
  hint?: string;
}

export interface Position {
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
}

/** A finding placed in a file: what the formats print. */
export interface Diagnostic extends Position {
  /** Path as printed: relative to the working directory where possible. */
  file: string;
  severity: Severity;
  rule: string;
  /** The field path written `grants[0].role`; empty for the whole file. */
  field: string;
  /** One line: the field, what is wrong, expected and found. */
  message: string;
  expected?: string;
  found?: string;
  hint?: string;
}

/** `['grants', 0, 'role']` → `grants[0].role`. */
export function formatFieldPath(path: FieldPath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out;
}

/** Describes a value found in content, briefly and unambiguously. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return JSON.stringify(value.toISOString().slice(0, 10));
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : 'a list';
  return 'a group of keys';
}
