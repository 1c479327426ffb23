/**
 * Lists a content root's translations: `translations/<language>/` holds,
 * for one language of `languages` in playbook.yaml, the same collection
 * folders as the root (read by `scanContentRoot` under that folder), and
 * optionally `interface.yaml` and `synonyms.yaml`. A folder for a language
 * the playbook does not list is an error, so no translation vanishes
 * without a word.
 */
import type { Dirent } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { CollectionName } from '../../../schemas/index.ts';
import type { Finding } from '../diagnostics/diagnostic.ts';
import { finding, MESSAGES, TOP } from '../diagnostics/catalogue.ts';
import { linkFinding, scanContentRoot, type SourceFile } from './scan-content-root.ts';

/** The folder of a content root that holds translations. */
export const TRANSLATIONS_FOLDER = 'translations';
/** A language's interface words, for a language Latitude does not ship. */
export const INTERFACE_FILE = 'interface.yaml';
/** A language's search synonyms. */
export const SYNONYMS_FILE = 'synonyms.yaml';

export interface LanguageFolder {
  /** As written in `languages`: `fr-CA`. */
  language: string;
  entries: Record<CollectionName, SourceFile[]>;
  interface: SourceFile | undefined;
  synonyms: SourceFile | undefined;
}

export interface TranslationScan {
  /** The folders of listed languages, in the order of `languages`. */
  languages: LanguageFolder[];
  findings: Finding[];
}

export async function scanTranslations(root: string, languages: readonly string[]): Promise<TranslationScan> {
  const findings: Finding[] = [];
  const found: LanguageFolder[] = [];
  let items: Dirent[];
  try {
    // A linked translations/ is reported by the root's scan (scan-content-root.ts) and never read.
    if ((await lstat(path.join(root, TRANSLATIONS_FOLDER))).isSymbolicLink()) return { languages: found, findings };
    items = await readdir(path.join(root, TRANSLATIONS_FOLDER), { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT')
      findings.push(
        finding(
          MESSAGES.folder,
          'translations',
          { file: `${TRANSLATIONS_FOLDER}/`, position: TOP },
          {
            file: `${TRANSLATIONS_FOLDER}/`,
            folder: TRANSLATIONS_FOLDER,
            problem: code === 'ENOTDIR' ? 'it is a file, but it must be a folder' : `it could not be read (${code})`,
          },
        ),
      );
    return { languages: found, findings };
  }
  const listed = new Map(languages.map((tag) => [tag.toLowerCase(), tag]));
  for (const item of items.sort((a, b) => a.name.localeCompare(b.name))) {
    if (item.name.startsWith('.') || item.name.startsWith('_')) continue;
    const folder = `${TRANSLATIONS_FOLDER}/${item.name}`;
    if (item.isSymbolicLink()) {
      findings.push(linkFinding(`${folder}/`, 'folder'));
      continue;
    }
    if (!item.isDirectory()) {
      findings.push(
        finding(
          MESSAGES['translation-language'],
          'not-a-folder',
          { file: folder, position: TOP },
          { name: item.name, translations: TRANSLATIONS_FOLDER, example: languages[0] ?? 'fr-CA' },
        ),
      );
      continue;
    }
    const tag = listed.get(item.name.toLowerCase());
    if (tag !== item.name) {
      findings.push(
        tag
          ? finding(MESSAGES['translation-language'], 'written-differently', { file: `${folder}/`, position: TOP }, { name: item.name, tag })
          : finding(MESSAGES['translation-language'], 'not-listed', { file: `${folder}/`, position: TOP }, { name: item.name, folder, languages }),
      );
      continue;
    }
    const scan = await scanContentRoot(root, folder);
    findings.push(...scan.findings);
    const own = await readdir(path.join(root, folder), { withFileTypes: true }).catch(() => [] as Dirent[]);
    for (const entry of own)
      if (entry.isSymbolicLink() && (entry.name === INTERFACE_FILE || entry.name === SYNONYMS_FILE))
        findings.push(linkFinding(`${folder}/${entry.name}`, 'file'));
    const file = (name: string): SourceFile | undefined =>
      own.some((entry) => entry.isFile() && entry.name === name)
        ? { collection: 'playbook', id: name.replace(/\.yaml$/, ''), file: `${folder}/${name}`, absolutePath: path.join(root, folder, name) }
        : undefined;
    found.push({ language: tag, entries: scan.entries, interface: file(INTERFACE_FILE), synonyms: file(SYNONYMS_FILE) });
  }
  found.sort((a, b) => languages.indexOf(a.language) - languages.indexOf(b.language));
  return { languages: found, findings };
}
