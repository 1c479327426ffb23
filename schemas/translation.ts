/**
 * Schemas for `translations/<language>/<collection>/<id>.md|mdx|yaml`: the
 * words of a base entry in another language, never its facts. Each schema
 * holds only the word keys of its collection (the contract's "Languages"
 * section) and `sourceVersion`; every word key is optional, and one left out
 * keeps the base entry's words, marked as untranslated. Lists keep the base
 * entry's order and length; the validator checks that against the base entry.
 */
import { z } from 'zod';
import { entryId, isoDate, text, textOfAtMost } from './common.ts';

/**
 * Which version of the base entry's words a translation was made from: the
 * short digest the validator prints (letters only, so YAML never reads it as
 * a number). Required; the validator's hint gives the value to write.
 */
const sourceVersion = text.optional();

const words = z.array(text);

export const valueTranslationSchema = z.strictObject({
  /** The version of the base entry's words this translation was made from, as the validator's hint gives it. */
  sourceVersion,
  /** The value in a few words. */
  title: text.optional(),
  /** The one-sentence statement, at most 280 characters. */
  summary: textOfAtMost(280).optional(),
  /** What living the value looks like, in the base entry's order. */
  behaviors: words.optional(),
  /** What it does not look like, in the base entry's order. */
  antiBehaviors: words.optional(),
});

export const roleTranslationSchema = z.strictObject({
  /** The version of the base entry's words this translation was made from, as the validator's hint gives it. */
  sourceVersion,
  /** The role's name as people say it in this language. */
  title: text.optional(),
  /** What the role is, in a sentence. */
  summary: text.optional(),
  /** The team or department's name in this language. */
  team: text.optional(),
});

export const guidelineTranslationSchema = z.strictObject({
  /** The version of the base entry's words this translation was made from, as the validator's hint gives it. */
  sourceVersion,
  /** What the guideline is about. */
  title: text.optional(),
  /** One or two sentences an employee can act on. */
  summary: text.optional(),
});

export const boundaryTranslationSchema = z.strictObject({
  /** The version of the base entry's words this translation was made from, as the validator's hint gives it. */
  sourceVersion,
  /** The boundary's name. */
  title: text.optional(),
  /** One or two sentences on the playing field. */
  summary: text.optional(),
  /** The decision as a verb phrase. */
  decision: text.optional(),
  /** When not to use the authority at all, in the base entry's order. */
  guardrails: words.optional(),
  /** Situations inside and outside the playing field, in the base entry's order. */
  examples: z
    .strictObject({
      /** Situations inside the playing field. */
      within: words.optional(),
      /** Situations outside it. */
      outside: words.optional(),
    })
    .optional(),
  /** Each grant's note, in the base entry's order; `role` names the grant it belongs to. */
  grants: z
    .array(
      z.strictObject({
        /** The role of the base entry's grant at this place in the list. */
        role: entryId,
        /** The grant's note in this language. */
        note: text.optional(),
      }),
    )
    .optional(),
  /** Each change's summary, in the base entry's order; `date` names the change it belongs to. */
  changes: z
    .array(
      z.strictObject({
        /** The date of the base entry's change at this place in the list. */
        date: isoDate,
        /** What changed, in this language. */
        summary: text.optional(),
      }),
    )
    .optional(),
  /** Each training scenario's words, in the base entry's order. */
  scenarios: z
    .array(
      z.strictObject({
        /** What happens, in the reader's words. */
        situation: text.optional(),
        /** Why the answer is what it is. */
        explain: text.optional(),
      }),
    )
    .optional(),
});

export const caseStudyTranslationSchema = z.strictObject({
  /** The version of the base entry's words this translation was made from, as the validator's hint gives it. */
  sourceVersion,
  /** The case in a few words. */
  title: text.optional(),
  /** What was done and what came of it. */
  summary: text.optional(),
  /** Each metric's label, in the base entry's order (the figures come from the base entry). */
  metrics: z
    .array(
      z.strictObject({
        /** What was measured. */
        label: text.optional(),
      }),
    )
    .optional(),
});

export const winTranslationSchema = z.strictObject({
  /** The version of the base entry's words this translation was made from, as the validator's hint gives it. */
  sourceVersion,
  /** The story in a few words. */
  title: text.optional(),
  /** What came of it. */
  impact: text.optional(),
  /** The picture's text alternative. */
  imageAlt: text.optional(),
});

/** The translation schema of each collection. */
export const TRANSLATION_SCHEMAS = {
  values: valueTranslationSchema,
  roles: roleTranslationSchema,
  guidelines: guidelineTranslationSchema,
  boundaries: boundaryTranslationSchema,
  caseStudies: caseStudyTranslationSchema,
  wins: winTranslationSchema,
};

type TranslatedCollection = keyof typeof TRANSLATION_SCHEMAS;

/** What a translation of collection `C` holds, once read. */
export type TranslationData<C extends TranslatedCollection = TranslatedCollection> = z.output<(typeof TRANSLATION_SCHEMAS)[C]>;

/**
 * The lists of each collection whose items are matched to the base entry's
 * by place, with the key that must name the same item (a grant's role, a
 * change's date). Lists without a key match by place alone.
 */
export const TRANSLATED_LISTS: Record<TranslatedCollection, readonly { path: readonly string[]; matchBy?: string }[]> = {
  values: [{ path: ['behaviors'] }, { path: ['antiBehaviors'] }],
  roles: [],
  guidelines: [],
  boundaries: [
    { path: ['guardrails'] },
    { path: ['examples', 'within'] },
    { path: ['examples', 'outside'] },
    { path: ['grants'], matchBy: 'role' },
    { path: ['changes'], matchBy: 'date' },
    { path: ['scenarios'] },
  ],
  caseStudies: [{ path: ['metrics'] }],
  wins: [],
};

/** Synonyms in a language (`translations/<language>/synonyms.yaml`): the same shape as `synonyms` in playbook.yaml. */
export const translationSynonymsSchema = z.record(z.string().min(1), z.array(text).min(1));

export type TranslationSynonyms = z.output<typeof translationSynonymsSchema>;
