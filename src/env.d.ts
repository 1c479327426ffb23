declare namespace App {
  interface Locals {
    /** The page's language: its words (`lang.t`), formats (`lang.date`, `lang.money`) and links (`lang.href`). Set by src/middleware.ts. */
    lang: import('./lib/languages/page-language.ts').PageLanguage;
  }
}
