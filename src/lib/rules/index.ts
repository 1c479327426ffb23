/** Every cross-entry check, in the order their findings read best. */
import { checkBodyLinks } from './body-links.ts';
import { checkCaseStudies } from './case-studies.ts';
import { checkChangeHistory } from './change-history.ts';
import { checkDates } from './dates.ts';
import type { Rule } from './rule.ts';
import { checkEntryIds } from './entry-ids.ts';
import { checkEscalation } from './escalation.ts';
import { checkImages } from './images.ts';
import { checkMoney } from './money.ts';
import { checkPlaceholders } from './placeholders.ts';
import { checkReferences } from './references.ts';
import { checkReview } from './review.ts';
import { checkScenarios } from './scenarios.ts';
import { checkTranslations } from './translations.ts';
import { checkWins } from './wins.ts';

export const RULES: readonly Rule[] = [
  checkPlaceholders,
  checkEntryIds,
  checkReferences,
  checkBodyLinks,
  checkEscalation,
  checkScenarios,
  checkChangeHistory,
  checkMoney,
  checkWins,
  checkImages,
  checkCaseStudies,
  checkReview,
  checkDates,
  checkTranslations,
];

export type { Rule } from './rule.ts';
export type { BaseContent, CheckedContent, CheckedEntry } from '../reading/checked-content.ts';
