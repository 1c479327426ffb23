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
import {
  COLLECTIONS,
  COLLECTION_NAMES,
  PLAYBOOK_FILE,
  playbookSchema,
  type CollectionName,
  type EntryStatus,
  type PlaybookSettings,
} from '../../../schemas/index.ts';
import { readSource, type FieldLocator, type ReadSource } from '../reading/read-source.ts';
import { scanContentRoot, type SourceFile } from '../reading/scan-content-root.ts';
import { formatFieldPath, type Diagnostic, type Finding } from '../diagnostics/diagnostic.ts';
import { checkWithSchema } from '../diagnostics/schema-issues.ts';
import { buildDate } from '../domain/review.ts';
import { RULES, type CheckedContent, type CheckedEntry } from '../rules/index.ts';
import { locateLater, readEntryFiles, unreadable, type EntryJob, type ReadEntry } from '../reading/read-entries.ts';
import type { ReadTranslation } from '../reading/read-translation.ts';
import { scanTranslations } from '../reading/scan-translations.ts';
import { readLanguageFiles, type LanguageFiles } from '../reading/read-language-files.ts';

export interface ValidateOptions {
  /** The build date, YYYY-MM-DD; defaults to today (or PLAYBOOK_TODAY). */
  today?: string;
  /** Base for the file paths printed: relative to this folder when inside it. */
  cwd?: string;
  /** Where a large root keeps what each file gave, so the next run parses only changed files (see read-cache.ts). */
  cacheFile?: string;
}

export interface ValidationReport {
  root: string;
  diagnostics: Diagnostic[];
  errorCount: number;
  warningCount: number;
  /** Number of entry files read (not counting playbook.yaml). */
  entryCount: number;
}

export type { ReadEntry } from '../reading/read-entries.ts';

export interface PlaybookRead {
  report: ValidationReport;
  /** playbook.yaml's settings, when they passed their schema. */
  settings: PlaybookSettings | undefined;
  /** The entries that passed their schema, by collection. */
  entries: { [C in CollectionName]: ReadEntry<C>[] };
  /** The translations that passed their schema, every language. */
  translations: ReadTranslation[];
  /** Each listed language's interface words and synonyms, as its own files give them (`interface.yaml`, `synonyms.yaml`). */
  languageFiles: LanguageFiles;
}

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
    return {
      report: { root, diagnostics: [diagnostic], errorCount: 1, warningCount: 0, entryCount: 0 },
      settings: undefined,
      entries,
      translations: [],
      languageFiles: {},
    };
  }

  const scan = await scanContentRoot(root);
  const findings: Finding[] = [...scan.findings];
  const locators = new Map<string, FieldLocator>();

  // playbook.yaml first: entries need its trust setting.
  let settings: PlaybookSettings | undefined;
  if (!scan.playbook) {
    findings.push({
      file: PLAYBOOK_FILE,
      path: [],
      position: { line: 1, column: 1 },
      severity: 'error',
      rule: 'playbook',
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

  // Translations: only for a playbook.yaml that could be read (it lists the languages).
  const translationScan = settings ? await scanTranslations(root, settings.languages) : { languages: [], findings: [] };
  findings.push(...translationScan.findings);
  const jobs: EntryJob[] = [
    ...COLLECTION_NAMES.flatMap((collection) => scan.entries[collection].map((source) => ({ collection, source }))),
    ...translationScan.languages.flatMap(({ language, entries: files }) =>
      COLLECTION_NAMES.flatMap((collection) => files[collection].map((source) => ({ collection, source, language }))),
    ),
  ];
  const translations: ReadTranslation[] = [];
  readEntryFiles(jobs, trusted, options.cacheFile).forEach((read, index) => {
    // The file's own findings are placed already; the cross-entry rules' findings need its YAML again, rarely.
    locators.set(read.source.file, locateLater(read.source, COLLECTIONS[read.collection].kind));
    findings.push(...read.findings);
    if (jobs[index]!.language !== undefined) {
      if (read.translation) translations.push(read.translation);
      return;
    }
    known[read.collection].set(read.source.id, read.status);
    if (read.entry) (entries[read.collection] as ReadEntry[]).push(read.entry);
    else if (read.salvaged) (partial[read.collection] as CheckedEntry[]).push(read.salvaged);
  });
  const languageFiles = settings ? readLanguageFiles(settings, translationScan.languages, locators, findings) : {};

  const content: CheckedContent = {
    root,
    settings,
    sources: scan.entries,
    entries,
    partial,
    known,
    today,
    translations,
    translationSources: translationScan.languages.map((folder) => folder.entries),
  };
  for (const rule of RULES) {
    try {
      findings.push(...rule(content));
    } catch (error) {
      findings.push({
        file: '.',
        path: [],
        position: { line: 1, column: 1 },
        severity: 'error',
        rule: 'internal',
        message: `one of the checks (${rule.name || 'a rule'}) stopped with "${error instanceof Error ? error.message : String(error)}", so its findings are missing`,
        hint: "the other checks ran; please tell the playbook's developers, with the content that caused it",
      });
    }
  }

  const diagnostics = findings.map((finding) => place(finding, locators, display)).sort(byPosition);
  const errorCount = diagnostics.filter((d) => d.severity === 'error').length;
  const entryCount = jobs.filter((job) => job.language === undefined).length;
  const report = { root, diagnostics, errorCount, warningCount: diagnostics.length - errorCount, entryCount };
  return { report, settings, entries, translations, languageFiles };
}

async function readSafely(source: SourceFile, kind: 'markdown' | 'data'): Promise<ReadSource> {
  try {
    return await readSource(source, kind);
  } catch (error) {
    return {
      source,
      data: undefined,
      body: '',
      bodyLine: 1,
      locator: { locate: () => ({ line: 1, column: 1 }) },
      findings: [unreadable(source, error)],
    };
  }
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
    return {
      message: `the content root ${root} is a file, not a folder`,
      hint: 'point --content or PLAYBOOK_CONTENT_DIR at the folder that holds playbook.yaml',
    };
  } catch {
    return { message: `there is no content root at ${root}`, hint: 'point --content or PLAYBOOK_CONTENT_DIR at the folder that holds playbook.yaml' };
  }
}
