/**
 * A language's own files besides its translations: `interface.yaml`
 * (interface words for a language Latitude does not ship) and
 * `synonyms.yaml` (search synonyms in that language), read by the same
 * reader as every other file. A listed language that has no interface
 * words at all is an error on its line of playbook.yaml.
 */
import { translationSynonymsSchema, type PlaybookSettings, type TranslationSynonyms } from '../../../schemas/index.ts';
import type { Finding } from '../diagnostics/diagnostic.ts';
import { finding, MESSAGES } from '../diagnostics/catalogue.ts';
import type { FieldLocator } from './read-source.ts';
import { checkWithSchema } from '../diagnostics/schema-issues.ts';
import { checkInterfaceWords, shippedDictionary, type Dictionary } from '../languages/dictionary.ts';
import { readSourceSync, unreadable } from './read-source.ts';
import { INTERFACE_FILE, TRANSLATIONS_FOLDER, type LanguageFolder } from './scan-translations.ts';
import { placed } from './read-entries.ts';

export interface LanguageWords {
  /** From interface.yaml, when the language has one and it is complete. */
  interface?: Dictionary;
  /** From synonyms.yaml. */
  synonyms?: TranslationSynonyms;
}

/** By language tag as written in `languages`. */
export type LanguageFiles = Record<string, LanguageWords>;

export function readLanguageFiles(
  settings: PlaybookSettings,
  folders: readonly LanguageFolder[],
  locators: Map<string, FieldLocator>,
  findings: Finding[],
): LanguageFiles {
  const files: LanguageFiles = {};
  for (const [index, language] of settings.languages.entries()) {
    const folder = folders.find((candidate) => candidate.language === language);
    const words: LanguageWords = {};
    files[language] = words;
    if (folder?.interface) {
      const data = readData(folder.interface, locators, findings);
      if (data) {
        const checked = checkInterfaceWords(data, folder.interface.file);
        findings.push(...checked.findings);
        if (checked.dictionary) words.interface = checked.dictionary;
      }
    } else if (!shippedDictionary(language)) {
      findings.push(
        finding(
          MESSAGES['interface-words'],
          'no-words',
          { file: 'playbook.yaml', path: ['languages', index] },
          { index, language, file: `${TRANSLATIONS_FOLDER}/${language}/${INTERFACE_FILE}` },
        ),
      );
    }
    if (folder?.synonyms) {
      const data = readData(folder.synonyms, locators, findings);
      const checked = data && checkWithSchema(translationSynonymsSchema, data, folder.synonyms.file);
      if (checked && checked.ok) words.synonyms = checked.data;
      else if (checked) findings.push(...checked.findings);
    }
  }
  return files;
}

function readData(source: LanguageFolder['interface'] & object, locators: Map<string, FieldLocator>, findings: Finding[]): Record<string, unknown> | undefined {
  try {
    const read = readSourceSync(source, 'data');
    locators.set(source.file, read.locator);
    findings.push(...read.findings.map((finding) => placed(finding, read.locator)));
    return read.data;
  } catch (error) {
    findings.push(unreadable(source, error));
    return undefined;
  }
}
