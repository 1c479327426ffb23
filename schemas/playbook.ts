/** Schema for `playbook.yaml`: the organisation's settings for its whole playbook. */
import { z } from 'zod';
import { currencyCode, reviewEveryDays, text, webUrl } from './common.ts';

/** The site's own top-level folders: a language is published under its tag in lower case, which must not be one of them. */
const SITE_FOLDERS: ReadonlySet<string> = new Set([
  'values',
  'roles',
  'guidelines',
  'boundaries',
  'case-studies',
  'wins',
  'changes',
  'review',
  'search',
  'can-i',
  'ladders',
  'offline',
  'pagefind',
]);

/** What `feedbackUrl` may fill in (issue 18). */
export const FEEDBACK_PLACEHOLDERS: readonly string[] = ['title', 'url', 'owner'];

export const playbookSchema = z
  .strictObject({
    /** Organisation or playbook name, shown in the header of every page. */
    name: text,
    /** One line under the name on the home page. */
    tagline: text.optional(),
    /** BCP-47 locale for dates, money and plurals, such as `en-GB`. */
    locale: z
      .string()
      .refine((tag) => isLocale(tag), { error: 'must be a BCP-47 locale such as "en" or "en-GB"', params: { check: 'locale' } })
      .default('en'),
    /**
     * Languages the playbook is published in besides `locale` (BCP-47 tags such
     * as `fr-CA`). Each gets every page under its own prefix (`/fr-ca/`);
     * translations of entries live in `translations/<language>/`.
     */
    languages: z
      .array(z.string().refine((tag) => isLocale(tag), { error: 'must be a BCP-47 language tag such as "fr" or "fr-CA"' }))
      .default([])
      .superRefine((tags, context) => {
        const seen = new Set<string>();
        for (const [index, tag] of tags.entries()) {
          if (seen.has(tag.toLowerCase())) context.addIssue({ code: 'custom', path: [index], input: tag, message: 'is listed twice' });
          else if (SITE_FOLDERS.has(tag.toLowerCase()))
            context.addIssue({
              code: 'custom',
              path: [index],
              input: tag,
              message: `would put the language's pages at /${tag.toLowerCase()}/, where the site's own pages are`,
            });
          seen.add(tag.toLowerCase());
        }
      }),
    /** Default ISO 4217 currency for money written without one. */
    currency: currencyCode.optional(),
    /** How many days an entry stays fresh after `lastReviewed`; entries may override it. */
    reviewEveryDays: reviewEveryDays.default(365),
    /** Base of "edit this page" links; the entry's path inside the content root is appended. */
    editUrl: webUrl.optional(),
    /**
     * Address template of "Report a problem with this page" on every entry
     * page, such as `https://github.com/org/playbook/issues/new?title={title}&body={url}`:
     * `{title}`, `{url}` (the page's address) and `{owner}` (the entry's owner,
     * empty for entries without one) are filled in, URL-encoded. Without it
     * the link is left out.
     */
    feedbackUrl: webUrl
      .refine((template) => [...template.matchAll(/\{([^{}]*)\}/g)].every((match) => FEEDBACK_PLACEHOLDERS.includes(match[1]!)), {
        error: 'may hold only the placeholders {title}, {url} and {owner}',
      })
      .optional(),
    /** Logo shown in the header: a path relative to the content root, inside it. */
    logo: text.optional(),
    /**
     * Words employees type, mapped to the words the playbook uses, so that a
     * search for "refund" also finds "money back". Each key lists its synonyms.
     */
    synonyms: z.record(z.string().min(1), z.array(text).min(1)).optional(),
    /**
     * Trust MDX in content: when `true`, content bodies may use imports,
     * exports, expressions and any component, and run code at build time.
     * Off by default because content arrives through pull requests from many hands.
     */
    trustedMdx: z.boolean().default(false),
  })
  .superRefine((settings, context) => {
    // The base language is published at the site's root already.
    const index = settings.languages.findIndex((tag) => tag.toLowerCase() === settings.locale.toLowerCase());
    if (index >= 0) {
      context.addIssue({
        code: 'custom',
        path: ['languages', index],
        input: settings.languages[index],
        message: "is the playbook's own locale, which is published already",
        params: { check: 'locale' },
      });
    }
  });

function isLocale(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

export type PlaybookSettingsInput = z.input<typeof playbookSchema>;
export type PlaybookSettings = z.output<typeof playbookSchema>;
