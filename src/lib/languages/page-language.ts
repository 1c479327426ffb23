/**
 * Everything a page needs to speak its reader's language: the language
 * itself and the site's other languages (for the picker and `hreflang`),
 * its interface words and Intl formats (`Words`), and links that stay in
 * the language (`href('/values/')` → `/fr-ca/values/` under the base path).
 * The middleware gives each page one (`Astro.locals.lang`).
 */
import { withBase } from '../links/href.ts';
import type { Dictionary } from './interface-en.ts';
import { languageName, localisedPath, type SiteLanguage } from './site-languages.ts';
import { createWords, type Words } from './words.ts';

export interface PageLanguage extends SiteLanguage, Words {
  /** A site path in this language, with the site's base: `/values/` → `/playbook/fr-ca/values/`. */
  href(path: string): string;
  /** Every language of the site, the base language first. */
  languages: readonly SiteLanguage[];
  /** The base language. */
  source: SiteLanguage;
  /** This language's complete dictionary (for the words the browser's scripts need). */
  dictionary: Dictionary;
  /** A language's name in this page's language, without its region: en-GB → "English", « anglais ». */
  nameOf(tag: string): string;
}

export function pageLanguage(language: SiteLanguage, languages: readonly SiteLanguage[], dictionary: Dictionary, base: string): PageLanguage {
  return {
    ...language,
    ...createWords(language.tag, dictionary),
    href: (path) => withBase(localisedPath(path, language), base),
    languages,
    source: languages[0]!,
    dictionary,
    nameOf: (tag) => languageName(tag, language.tag, { primary: true }),
  };
}

/** The base path a language's links start from: the site's base plus its prefix (`/playbook/fr-ca/`), for code that joins paths itself (feeds). */
export function languageBase(language: SiteLanguage, base: string = import.meta.env.BASE_URL): string {
  return withBase(localisedPath('/', language), base);
}
