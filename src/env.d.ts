declare namespace App {
  interface Locals {
    /** The page's language: its words (`lang.t`), formats (`lang.date`, `lang.money`) and links (`lang.href`). Set by src/middleware.ts. */
    lang: import('./lib/languages/page-language.ts').PageLanguage;
    /**
     * A published entry's search record as Pagefind reads it (`recordMarkup`), set by EntryLayout:
     * the search middleware adds it to the page's search document; the published page never carries it.
     */
    searchRecord?: string;
  }
}
