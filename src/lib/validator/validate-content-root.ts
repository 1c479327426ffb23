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
import { readSource, unreadable, type FieldLocator, type ReadSource } from '../reading/read-source.ts';
import { scanContentRoot, type SourceFile } from '../reading/scan-content-root.ts';
import { realContentRoot } from '../reading/cache-dir.ts';
import { formatFieldPath, type Diagnostic, type Finding } from '../diagnostics/diagnostic.ts';
import { finding, MESSAGES, problem, TOP, type Problem } from '../diagnostics/catalogue.ts';
import { reportOrder } from '../diagnostics/report-order.ts';
import { checkWithSchema } from '../diagnostics/schema-issues.ts';
import { buildDate } from '../domain/review.ts';
import { RULES, type BaseContent, type CheckedContent, type CheckedEntry } from '../rules/index.ts';
import type { PublishedAddresses } from '../reading/checked-content.ts';
import { publishedAddresses } from '../views/site-addresses.ts';
import { locateLater, readEntryFiles, type EntryJob, type ReadEntry } from '../reading/read-entries.ts';
import type { ReadTranslation } from '../reading/read-translation.ts';
import { scanTranslations } from '../reading/scan-translations.ts';
import { readLanguageFiles, type LanguageFiles } from '../reading/read-language-files.ts';

export interface ValidateOptions {
  /** The build date, YYYY-MM-DD; defaults to today (or PLAYBOOK_TODAY). */
  today?: string;
  /** Where a large root keeps what each file gave, so the next run parses only changed files (see read-cache.ts). */
  cacheFile?: string;
  /** The content before the change being checked (`--changed`), for the rules that compare versions. */
  base?: BaseContent;
}

export interface ValidationReport {
  root: string;
  /** Every finding, with its file relative to the content root; errors first (see `reportOrder`). */
  diagnostics: Diagnostic[];
  errorCount: number;
  warningCount: number;
  /** Number of entry files read (not counting playbook.yaml). */
  entryCount: number;
  /**
   * Files that could not be read whole (text, YAML or schema), relative to
   * the content root: the checks that needed them did not run, so fixing
   * them may bring new findings.
   */
  notFullyChecked: string[];
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
  const today = options.today ?? buildDate();
  const entries = Object.fromEntries(COLLECTION_NAMES.map((name) => [name, []])) as unknown as PlaybookRead['entries'];

  const rootProblem = await checkRootExists(root);
  if (rootProblem) {
    // There is no root to be relative to: the path as it was resolved.
    const { message, hint } = rootProblem;
    const diagnostic: Diagnostic = {
      file: root,
      line: 1,
      column: 1,
      severity: rootProblem.severity,
      rule: rootProblem.rule,
      field: '',
      message,
      ...(hint === undefined ? {} : { hint }),
    };
    return {
      report: { root, diagnostics: [diagnostic], errorCount: 1, warningCount: 0, entryCount: 0, notFullyChecked: [] },
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
    // A playbook.yaml that is a link or not a file has its own finding from the scan.
    if (!scan.playbookLinked) findings.push(finding(MESSAGES.playbook, 'default', { file: PLAYBOOK_FILE, position: TOP }));
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
  // Trusted MDX is compiled by Astro as a module of its own, and the module loader reads `#`, `?` and `%` in a path as URL syntax.
  const unsafeRootCharacter = /[#?%]/.exec(realContentRoot(root))?.[0];
  if (trusted && unsafeRootCharacter && COLLECTION_NAMES.some((name) => scan.entries[name].some((source) => source.file.endsWith('.mdx')))) {
    findings.push(finding(MESSAGES['content-root'], 'trusted-mdx-path', { file: PLAYBOOK_FILE, path: ['trustedMdx'] }, { character: unsafeRootCharacter }));
  }
  const notFullyChecked = scan.playbook && !settings ? [PLAYBOOK_FILE] : [];

  const known = Object.fromEntries(COLLECTION_NAMES.map((name) => [name, new Map<string, EntryStatus | undefined>()])) as CheckedContent['known'];
  const partial = Object.fromEntries(COLLECTION_NAMES.map((name) => [name, []])) as unknown as CheckedContent['partial'];
  const unread = Object.fromEntries(COLLECTION_NAMES.map((name) => [name, new Set<string>()])) as Record<CollectionName, Set<string>>;

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
  const { reads, saved } = await readEntryFiles(jobs, trusted, options.cacheFile);
  reads.forEach((read, index) => {
    // The file's own findings are placed already; the cross-entry rules' findings need its YAML again, rarely.
    locators.set(read.source.file, locateLater(read.source, COLLECTIONS[read.collection].kind));
    findings.push(...read.findings);
    if (jobs[index]!.language !== undefined) {
      if (read.translation) translations.push(read.translation);
      else notFullyChecked.push(read.source.file);
      return;
    }
    known[read.collection].set(read.source.id, read.status);
    if (read.entry) {
      (entries[read.collection] as ReadEntry[]).push(read.entry);
      return;
    }
    if (read.salvaged) (partial[read.collection] as CheckedEntry[]).push(read.salvaged);
    unread[read.collection].add(read.source.id);
    notFullyChecked.push(read.source.file);
  });
  const languageFiles = settings ? readLanguageFiles(settings, translationScan.languages, locators, findings) : {};

  let addresses: { of?: PublishedAddresses | undefined } = {};
  const content: CheckedContent = {
    root,
    settings,
    sources: scan.entries,
    entries,
    partial,
    known,
    unread,
    today,
    base: options.base,
    translations,
    translationSources: translationScan.languages.map((folder) => folder.entries),
    // Made once, and only when a check asks: it builds the playbook model.
    publishedAddresses: () => ('of' in addresses ? addresses.of : (addresses = { of: publishedAddresses({ settings, today, entries }) }).of),
  };
  for (const rule of RULES) {
    try {
      findings.push(...rule(content));
    } catch (error) {
      findings.push(
        finding(
          MESSAGES.internal,
          'default',
          { file: '.', position: TOP },
          { check: rule.name || 'a rule', reason: error instanceof Error ? error.message : String(error) },
        ),
      );
    }
  }

  const diagnostics = reportOrder(findings.map((finding) => place(finding, locators)));
  await saved;
  const errorCount = diagnostics.filter((d) => d.severity === 'error').length;
  const entryCount = jobs.filter((job) => job.language === undefined).length;
  const report = { root, diagnostics, errorCount, warningCount: diagnostics.length - errorCount, entryCount, notFullyChecked: notFullyChecked.sort() };
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

function place(finding: Finding, locators: Map<string, FieldLocator>): Diagnostic {
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
    // A folder is named without its trailing slash, as a path relative to the content root.
    file: finding.file.replace(/(.)\/$/, '$1'),
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

async function checkRootExists(root: string): Promise<Problem | undefined> {
  try {
    const info = await stat(root);
    return info.isDirectory() ? undefined : problem(MESSAGES['content-root'], 'file', { root });
  } catch {
    return problem(MESSAGES['content-root'], 'missing', { root });
  }
}

/** The base version of a content root as the rules compare a change with it: its published boundaries. */
export function baseContentOf(read: PlaybookRead): BaseContent {
  return { boundaries: new Map(read.entries.boundaries.filter((entry) => entry.data.status === 'published').map((entry) => [entry.id, entry.data])) };
}
