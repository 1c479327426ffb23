/**
 * Validates a whole content root: every file read, every schema checked,
 * every cross-entry rule run, and every problem placed at its line and
 * column. The CLI and the build both call this, so they report the same.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { COLLECTIONS, COLLECTION_NAMES, PLAYBOOK_FILE, playbookSchema, type EntryStatus, type PlaybookSettings } from '../../../schemas/index.ts';
import { checkBody } from '../content-root/check-body.ts';
import { readSource, type FieldLocator, type ReadSource } from '../content-root/read-source.ts';
import { scanContentRoot } from '../content-root/scan-content-root.ts';
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

/** Files are read this many at a time: enough to keep the disk busy, few enough for any machine. */
const READ_CONCURRENCY = 64;

export async function validateContentRoot(rootInput: string, options: ValidateOptions = {}): Promise<ValidationReport> {
  const root = path.resolve(rootInput);
  const cwd = options.cwd ?? process.cwd();
  const today = options.today ?? buildDate();
  const display = (file: string) => {
    const absolute = path.join(root, file);
    const relative = path.relative(cwd, absolute);
    return (relative.startsWith('..') || path.isAbsolute(relative) ? absolute : relative).split(path.sep).join('/');
  };

  const rootProblem = await checkRootExists(root);
  if (rootProblem) {
    const diagnostic: Diagnostic = { file: display('.'), line: 1, column: 1, severity: 'error', rule: 'content-root', field: '', ...rootProblem };
    return { root, diagnostics: [diagnostic], errorCount: 1, warningCount: 0, entryCount: 0 };
  }

  const scan = await scanContentRoot(root);
  const findings: Finding[] = [...scan.findings];
  const locators = new Map<string, FieldLocator>();

  // playbook.yaml first: entries need its default currency and trust setting.
  let settings: PlaybookSettings | undefined;
  if (!scan.playbook) {
    findings.push({
      file: PLAYBOOK_FILE, path: [], position: { line: 1, column: 1 }, severity: 'error', rule: 'playbook',
      message: 'the content root has no playbook.yaml',
      hint: 'create playbook.yaml with at least "name: <your organisation>"',
    });
  } else {
    const read = await readSource(scan.playbook, 'data');
    locators.set(read.source.file, read.locator);
    findings.push(...read.findings);
    if (read.data) {
      const checked = checkWithSchema(playbookSchema, read.data, read.source.file);
      if (checked.ok) settings = checked.data;
      else findings.push(...checked.findings);
    }
  }

  const entries = Object.fromEntries(COLLECTION_NAMES.map((name) => [name, []])) as unknown as CheckedContent['entries'];
  const known = Object.fromEntries(COLLECTION_NAMES.map((name) => [name, new Map<string, EntryStatus | undefined>()])) as CheckedContent['known'];

  const jobs = COLLECTION_NAMES.flatMap((collection) => scan.entries[collection].map((source) => ({ collection, source })));
  const reads = await mapLimit(jobs, READ_CONCURRENCY, ({ collection, source }) => readSource(source, COLLECTIONS[collection].kind));
  reads.forEach((read, index) => {
    const collection = jobs[index]!.collection;
    locators.set(read.source.file, read.locator);
    findings.push(...read.findings);
    known[collection].set(read.source.id, statusOf(read));
    if (!read.data) return;
    const checked = checkWithSchema(COLLECTIONS[collection].schema, read.data, read.source.file);
    if (!checked.ok) {
      findings.push(...checked.findings);
      return;
    }
    let bodyReferences: CheckedEntry['bodyReferences'] = [];
    if (COLLECTIONS[collection].kind === 'markdown') {
      const body = checkBody({
        file: read.source.file,
        body: read.body,
        bodyLine: read.bodyLine,
        format: read.source.file.endsWith('.mdx') ? 'mdx' : 'md',
        trusted: settings?.trustedMdx === true,
      });
      findings.push(...body.findings);
      bodyReferences = body.boundaryRefs;
    }
    const entry = {
      collection,
      id: read.source.id,
      file: read.source.file,
      absolutePath: read.source.absolutePath,
      data: checked.data,
      body: read.body,
      bodyLine: read.bodyLine,
      bodyReferences,
    };
    (entries[collection] as CheckedEntry[]).push(entry as CheckedEntry);
  });

  const content: CheckedContent = { root, settings, sources: scan.entries, entries, known, today };
  for (const rule of RULES) findings.push(...rule(content));

  const diagnostics = findings.map((finding) => place(finding, locators, display)).sort(byPosition);
  const errorCount = diagnostics.filter((d) => d.severity === 'error').length;
  return { root, diagnostics, errorCount, warningCount: diagnostics.length - errorCount, entryCount: jobs.length };
}

function statusOf(read: ReadSource): EntryStatus | undefined {
  const status = read.data?.status;
  return status === 'draft' || status === 'published' || status === 'retired' ? status : read.data ? 'published' : undefined;
}

function place(finding: Finding, locators: Map<string, FieldLocator>, display: (file: string) => string): Diagnostic {
  const position = finding.position ?? locators.get(finding.file)?.locate(finding.path, finding.at) ?? { line: 1, column: 1 };
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

async function mapLimit<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
