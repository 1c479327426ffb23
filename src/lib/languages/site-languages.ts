/**
 * The languages a playbook is published in, and where each lives: the base
 * language (`locale`) at the site's root, every other one under its
 * lower-case tag (`fr-CA` → `/fr-ca/`), with the same paths below. Pure:
 * pages, the integrations and the browser's scripts share it.
 */

export interface SiteLanguage {
  /** The BCP-47 tag as playbook.yaml writes it: `en-GB`, `fr-CA`. */
  tag: string;
  /** The path prefix without slashes: '' for the base language, `fr-ca` for the others. */
  path: string;
  /** The playbook's own language (`locale`), at the site's root. */
  isBase: boolean;
}

/** `fr-CA` → `fr-ca`: the folder of a language's pages. */
export function languagePath(tag: string): string {
  return tag.toLowerCase();
}

/** The base language first, then `languages` in their order. */
export function siteLanguages(settings: { locale: string; languages?: readonly string[] }): SiteLanguage[] {
  return [{ tag: settings.locale, path: '', isBase: true }, ...(settings.languages ?? []).map((tag) => ({ tag, path: languagePath(tag), isBase: false }))];
}

/** The language of a site path (without the base): `/fr-ca/can-i/` → fr-CA; anything else → the base language. */
export function languageOfPath(path: string, languages: readonly SiteLanguage[]): SiteLanguage {
  const first = path.replace(/^\/+/, '').split('/')[0]?.toLowerCase() ?? '';
  return languages.find((language) => !language.isBase && language.path === first) ?? languages[0]!;
}

/** A path of the base language in `language`: `/can-i/` → `/fr-ca/can-i/`. */
export function localisedPath(path: string, language: SiteLanguage): string {
  if (language.isBase) return path;
  return `/${language.path}/${path.replace(/^\/+/, '')}`;
}

/** The same page in the base language: `/fr-ca/can-i/` → `/can-i/`. */
export function unlocalisedPath(path: string, languages: readonly SiteLanguage[]): string {
  const language = languageOfPath(path, languages);
  if (language.isBase) return path;
  return path.replace(/^\/+/, '/').slice(language.path.length + 1) || '/';
}

const names = new Map<string, Intl.DisplayNames>();

/**
 * A language's name: in its own words for a language picker
 * (`fr-CA` → « français canadien »), or in the reader's language for a
 * notice (`en-GB` in French → « anglais »; `{ primary: true }` drops the region).
 * As Intl writes it: lower case in French and many other languages.
 */
export function languageName(tag: string, inLanguage: string = tag, options: { primary?: boolean } = {}): string {
  const key = inLanguage;
  let display = names.get(key);
  if (!display) {
    try {
      display = new Intl.DisplayNames([inLanguage], { type: 'language' });
    } catch {
      return tag;
    }
    names.set(key, display);
  }
  const asked = options.primary ? tag.split('-')[0]! : tag;
  try {
    return display.of(asked) ?? tag;
  } catch {
    return tag;
  }
}
