/**
 * The one reading of a content root. Every file is read once: checked to be
 * UTF-8, split into frontmatter and body, its YAML parsed with positions, its
 * data checked by its collection's schema, and its body parsed, checked and
 * rendered by `renderBody`. Then every cross-entry rule runs, and every
 * problem is placed at its line and column.
 *
 * `npm run validate` prints the report; the build's loader stores the same
 * entries (and their HTML) in Astro's data store and refuses to build when
 * the report has errors. So what the validator passes is what the site
 * shows, and what the build refuses the validator has reported.
 *
 * Nothing a content root holds makes this stop: a file whose reading throws
 * becomes a finding on that file, and the run goes on.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { COLLECTIONS, COLLECTION_NAMES, PLAYBOOK_FILE, playbookSchema, type CollectionName, type EntryStatus, type PlaybookSettings } from '../../../schemas/index.ts';
import { readSource, type FieldLocator, type ReadSource } from '../content-root/read-source.ts';
import { renderBody, type BodyHeading } from '../content-root/render-body.ts';
import { scanContentRoot, type SourceFile } from '../content-root/scan-content-root.ts';
import { formatFieldPath, type Diagnostic, type Finding } from '../diagnostics/diagnostic.ts';
import { checkWithSchema } from '../diagnostics/schema-issues.ts';
import { buildDate } from '../review.ts';
import { RULES, type CheckedContent, type CheckedEntry } from '../rules/index.ts';

export interface ValidateOptions {
  /** The build date, YYYY-MM-DD; defaults to today (or PLAYBOOK_TODAY). */
  today?: string;
  /** Base for the file paths printed: relative to this folder when inside it. */
  cwd?: string;
}

export interface ValidationReport {
  root: string;
  diagnostics: Diagnostic[];
  errorCount: number;
  warningCount: number;
  /** Number of entry files read (not counting playbook.yaml). */
  entryCount: number;
}

/** An entry as read: its checked data, and its body rendered (Markdown collections). */
export type ReadEntry<C extends CollectionName = CollectionName> = CheckedEntry<C> & {
  /** The body as HTML with BoundaryRef markers; undefined for YAML entries and trusted MDX (Astro renders those). */
  html: string | undefined;
  headings: BodyHeading[];
};

export interface PlaybookRead {
  report: ValidationReport;
  /** playbook.yaml's settings, when they passed their schema. */
  settings: PlaybookSettings | undefined;
  /** The entries that passed their schema, by collection. */
  entries: { [C in CollectionName]: ReadEntry<C>[] };
}

/** Files are read this many at a time: enough to keep the disk busy, few enough for any machine. */
const READ_CONCURRENCY = 64;

export async function validateContentRoot(rootInput: string, options: ValidateOptions = {}): Promise<ValidationReport> {
  return (await readPlaybook(rootInput, options)).report;
}

export async function readPlaybook(rootInput: string, options: ValidateOptions = {}): Promise<PlaybookRead> {
  const root = path.resolve(rootInput);
  const cwd = options.cwd ?? process.cwd();
  const today = options.today ?? buildDate();
  const display = (file: string) => {
    const absolute = path.join(root, file);
    const relative = path.relative(cwd, absolute);
    return (relative.startsWith('..') || path.isAbsolute(relative) ? absolute : relative).split(path.sep).join('/');
  };
  const entries = Object.fromEntries(COLLECTION_NAMES.map((name) => [name, []])) as unknown as PlaybookRead['entries'];

  const rootProblem = await checkRootExists(root);
  if (rootProblem) {
    const diagnostic: Diagnostic = { file: display('.'), line: 1, column: 1, severity: 'error', rule: 'content-root', field: '', ...rootProblem };
    return { report: { root, diagnostics: [diagnostic], errorCount: 1, warningCount: 0, entryCount: 0 }, settings: undefined, entries };
  }

  const scan = await scanContentRoot(root);
  const findings: Finding[] = [...scan.findings];
  const locators = new Map<string, FieldLocator>();

  // playbook.yaml first: entries need its trust setting.
  let settings: PlaybookSettings | undefined;
  if (!scan.playbook) {
    findings.push({
      file: PLAYBOOK_FILE, path: [], position: { line: 1, column: 1 }, severity: 'error', rule: 'playbook',
      message: 'the content root has no playbook.yaml',
      hint: 'create playbook.yaml with at least "name: <your organisation>"',
    });
  } else {
    const read = await readSafely(scan.playbook, 'data');
    locators.set(read.source.file, read.locator);
    findings.push(...read.findings);
    if (read.data) {
      const checked = checkWithSchema(playbookSchema, read.data, read.source.file);
      if (checked.ok) settings = checked.data;
      else findings.push(...checked.findings);
    }
  }
  const trusted = settings?.trustedMdx === true;

  const known = Object.fromEntries(COLLECTION_NAMES.map((name) => [name, new Map<string, EntryStatus | undefined>()])) as CheckedContent['known'];
  const partial = Object.fromEntries(COLLECTION_NAMES.map((name) => [name, []])) as unknown as CheckedContent['partial'];

  const jobs = COLLECTION_NAMES.flatMap((collection) => scan.entries[collection].map((source) => ({ collection, source })));
  await mapLimit(jobs, READ_CONCURRENCY, async ({ collection, source }) => {
    const read = await readSafely(source, COLLECTIONS[collection].kind);
    try {
      const entry = checkEntry(collection, read, trusted);
      locators.set(read.source.file, read.locator);
      findings.push(...read.findings, ...entry.findings);
      known[collection].set(source.id, statusOf(read));
      if (entry.entry) (entries[collection] as ReadEntry[]).push(entry.entry);
      else if (entry.salvaged) (partial[collection] as CheckedEntry[]).push(entry.salvaged);
    } catch (error) {
      findings.push(unreadable(source, error));
    }
  });
  // Reads finish in any order: keep entries in file order, so builds are reproducible.
  for (const collection of COLLECTION_NAMES) (entries[collection] as ReadEntry[]).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));

  const content: CheckedContent = { root, settings, sources: scan.entries, entries, partial, known, today };
  for (const rule of RULES) {
    try {
      findings.push(...rule(content));
    } catch (error) {
      findings.push({
        file: '.', path: [], position: { line: 1, column: 1 }, severity: 'error', rule: 'internal',
        message: `one of the checks (${rule.name || 'a rule'}) stopped with "${error instanceof Error ? error.message : String(error)}", so its findings are missing`,
        hint: "the other checks ran; please tell the playbook's developers, with the content that caused it",
      });
    }
  }

  const diagnostics = findings.map((finding) => place(finding, locators, display)).sort(byPosition);
  const errorCount = diagnostics.filter((d) => d.severity === 'error').length;
  const report = { root, diagnostics, errorCount, warningCount: diagnostics.length - errorCount, entryCount: jobs.length };
  return { report, settings, entries };
}

interface CheckedRead {
  findings: Finding[];
  entry?: ReadEntry;
  /** What could be read of an entry that failed its schema: the fields that passed, for the reference checks. */
  salvaged?: CheckedEntry;
}

function checkEntry(collection: CollectionName, read: ReadSource, trusted: boolean): CheckedRead {
  if (!read.data) return { findings: [] };
  const schema = COLLECTIONS[collection].schema;
  const source = read.source;
  const common = { collection, id: source.id, file: source.file, absolutePath: source.absolutePath, body: read.body, bodyLine: read.bodyLine };
  const checked = checkWithSchema(schema, read.data, source.file);
  const markdown = COLLECTIONS[collection].kind === 'markdown';
  const body = markdown
    ? renderBody({ file: source.file, body: read.body, bodyLine: read.bodyLine, format: source.file.endsWith('.mdx') ? 'mdx' : 'md', trusted })
    : undefined;
  const bodyReferences = body?.boundaryRefs ?? [];
  if (!checked.ok) {
    return { findings: [...checked.findings, ...(body?.findings ?? [])], salvaged: { ...common, data: (salvage(schema, read.data) ?? {}) as never, bodyReferences } };
  }
  const entry = { ...common, data: checked.data, bodyReferences, html: body?.html, headings: body?.headings ?? [] } as ReadEntry;
  return { findings: body?.findings ?? [], entry };
}

/** A zod schema, seen through the parts `salvage` looks at. */
interface SchemaNode {
  safeParse(value: unknown): { success: boolean; data?: unknown };
  _zod: { def: { type: string; innerType?: SchemaNode; element?: SchemaNode; shape?: Record<string, SchemaNode>; in?: SchemaNode } };
}

/**
 * What passes of `value`: the value itself when it passes `schema`, else, for
 * objects and lists, the fields and items that pass their own part of it
 * (a boundary whose third grant is broken keeps its other grants' roles).
 */
function salvage(schema: unknown, value: unknown): unknown {
  let node = schema as SchemaNode;
  const whole = node.safeParse(value);
  if (whole.success) return whole.data;
  while (node._zod.def.innerType || node._zod.def.in) node = (node._zod.def.innerType ?? node._zod.def.in)!;
  const { type, element, shape } = node._zod.def;
  if (type === 'array' && element && Array.isArray(value)) return value.map((item) => salvage(element, item));
  if (type === 'object' && shape && typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const kept: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(value)) {
      const part = shape[key] ? salvage(shape[key], field) : undefined;
      if (part !== undefined) kept[key] = part;
    }
    return kept;
  }
  return undefined;
}

async function readSafely(source: SourceFile, kind: 'markdown' | 'data'): Promise<ReadSource> {
  try {
    return await readSource(source, kind);
  } catch (error) {
    return {
      source, data: undefined, body: '', bodyLine: 1, locator: { locate: () => ({ line: 1, column: 1 }) },
      findings: [unreadable(source, error)],
    };
  }
}

function unreadable(source: SourceFile, error: unknown): Finding {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reason = code === 'EACCES' || code === 'EPERM' ? 'the file may not be read (check its permissions)'
    : code === 'EISDIR' ? 'this is a folder, not a file'
    : `reading it failed: ${error instanceof Error ? error.message : String(error)}`;
  return {
    file: source.file, path: [], position: { line: 1, column: 1 }, severity: 'error', rule: 'unreadable',
    message: `the file could not be read: ${reason}`,
    hint: 'make it a plain text file the build can read, or remove it from the content root',
  };
}

function statusOf(read: ReadSource): EntryStatus | undefined {
  const status = read.data?.status;
  return status === 'draft' || status === 'published' || status === 'retired' ? status : read.data ? 'published' : undefined;
}

function place(finding: Finding, locators: Map<string, FieldLocator>, display: (file: string) => string): Diagnostic {
  let position = finding.position;
  if (!position) {
    try {
      position = locators.get(finding.file)?.locate(finding.path, finding.at);
    } catch {
      // An odd document shape: the file's first line still names the file.
    }
  }
  position ??= { line: 1, column: 1 };
  const diagnostic: Diagnostic = {
    file: display(finding.file),
    line: position.line,
    column: position.column,
    severity: finding.severity,
    rule: finding.rule,
    field: formatFieldPath(finding.path),
    message: finding.message,
  };
  if (finding.expected !== undefined) diagnostic.expected = finding.expected;
  if (finding.found !== undefined) diagnostic.found = finding.found;
  if (finding.hint !== undefined) diagnostic.hint = finding.hint;
  return diagnostic;
}

function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule);
}

async function checkRootExists(root: string): Promise<{ message: string; hint: string } | undefined> {
  try {
    const info = await stat(root);
    if (info.isDirectory()) return undefined;
    return { message: `the content root ${root} is a file, not a folder`, hint: 'point --content or PLAYBOOK_CONTENT_DIR at the folder that holds playbook.yaml' };
  } catch {
    return { message: `there is no content root at ${root}`, hint: 'point --content or PLAYBOOK_CONTENT_DIR at the folder that holds playbook.yaml' };
  }
}

async function mapLimit<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
