/**
 * The published playbook: every entry a page may show, cross-linked both
 * ways. Built once per build by `buildPlaybook`; pages only read it.
 * Drafts are not in it at all. Retired entries have a page (in `pages`)
 * but are left out of every listing and backlink.
 */
import type {
  Authority,
  BoundaryData,
  CaseStudyData,
  CollectionName,
  GuidelineData,
  LimitPeriod,
  PlaybookSettings,
  RoleData,
  ValueData,
  WinData,
} from '../../../schemas/index.ts';
import type { COLLECTIONS } from '../../../schemas/index.ts';
import type { DecisionLadder } from '../domain/ladder.ts';
import type { ResolvedMoney } from '../domain/money.ts';
import type { AnchoredChange } from './boundary-history.ts';
import type { ReviewStatus } from '../domain/review.ts';
import type { EntryTranslation } from './translated-entries.ts';

export type { EntryTranslation } from './translated-entries.ts';

/** What every entry has, whatever its collection. `S` is the loader's own entry, kept for rendering the body. */
export interface EntryBase<C extends CollectionName, S> {
  collection: C;
  /** What kind of entry this is, in words: "Boundary", "Case study" (the collection's label). */
  kind: (typeof COLLECTIONS)[CollectionName]['label'];
  id: string;
  title: string;
  /** `published`, or `retired` (page only, marked retired). */
  status: 'published' | 'retired';
  /** Site path without the base: `/boundaries/refund-a-purchase/`. */
  path: string;
  /** Path of the file inside the content root, for "edit this page". */
  file: string;
  source: S;
  /** How the entry's words stand in the playbook's language: as written, translated, stale or untranslated. */
  translation: EntryTranslation;
}

export interface Value<S = unknown> extends EntryBase<'values', S>, Omit<ValueData, 'status'> {
  guidelines: Guideline<S>[];
  boundaries: Boundary<S>[];
  caseStudies: CaseStudy<S>[];
  /** Newest first. */
  wins: Win<S>[];
}

export interface Role<S = unknown> extends EntryBase<'roles', S>, Omit<RoleData, 'status' | 'escalatesTo'> {
  /** The team's name in the base language: the same in every language, so team pages keep one address (`team` is in the page's language). */
  teamKey: string | undefined;
  /** The role decisions go to, if any. */
  escalatesTo: Role<S> | undefined;
  /** Every role above, nearest first. */
  chainAbove: Role<S>[];
  /** Roles that escalate directly to this one. */
  below: Role<S>[];
  /** Every grant this role holds, by boundary title. */
  grants: Grant<S>[];
  /** Guidelines that name this role. */
  guidelines: Guideline<S>[];
  /** Newest first. */
  wins: Win<S>[];
}

export interface Grant<S = unknown> {
  boundary: Boundary<S>;
  role: Role<S>;
  authority: Authority;
  /** With its currency resolved; undefined means no monetary limit. */
  limit: ResolvedMoney | undefined;
  per: LimitPeriod;
  /** Whom this role informs, consults or escalates to on this decision: the first role in place up its path (its escalateTo, else the role's escalatesTo, past retired roles). */
  escalateTo: Role<S> | undefined;
  note: string | undefined;
  /** The first day the grant applies, YYYY-MM-DD; undefined: from the start. */
  from: string | undefined;
  /** The last day the grant applies, YYYY-MM-DD (inclusive); undefined: no end. */
  until: string | undefined;
}

/** A stretch of days over which a boundary's grants do not change, with its ladder. */
export interface BoundaryWindow {
  /** The first day; undefined: from the start. */
  from: string | undefined;
  /** The last day (inclusive); undefined: for ever. */
  until: string | undefined;
  /** The decision's ladder on these days, over the boundary's `grants` (same indexes). */
  ladder: DecisionLadder;
}

export interface Guideline<S = unknown> extends EntryBase<'guidelines', S>, Omit<GuidelineData, 'status' | 'values' | 'roles' | 'boundaries'> {
  values: Value<S>[];
  /** Empty means everyone. */
  roles: Role<S>[];
  boundaries: Boundary<S>[];
  review: ReviewStatus;
}

export interface Boundary<S = unknown> extends EntryBase<'boundaries', S>, Omit<BoundaryData, 'status' | 'grants' | 'values' | 'guidelines'> {
  /** In the order written, but for grants that ended before the build date (they apply on no day from then on). */
  grants: Grant<S>[];
  /** Of `grants`, those that apply on the build date (one per role): what the matrix, search results and boundary references show. */
  grantsNow: Grant<S>[];
  /** The decision's ladder on the build date, over `grants` (same indexes): for any role, the path up, whom it turns to, and who above may decide. */
  ladder: DecisionLadder;
  /**
   * The windows of days from the build date on, in order, each with its
   * ladder: the first holds the build date (its ladder is `ladder`), the
   * last has no end. One window when no grant carries dates.
   */
  windows: BoundaryWindow[];
  values: Value<S>[];
  /** Guidelines this boundary cites, and those that cite it. */
  guidelines: Guideline<S>[];
  caseStudies: CaseStudy<S>[];
  /** Wins that used this boundary, newest first. */
  wins: Win<S>[];
  review: ReviewStatus;
  /** The changes, newest first, each with its page anchor (`change-2026-03-01`). */
  history: AnchoredChange[];
}

export interface CaseStudy<S = unknown> extends EntryBase<'caseStudies', S>, Omit<CaseStudyData, 'status' | 'values' | 'boundaries'> {
  values: Value<S>[];
  boundaries: Boundary<S>[];
}

export interface Win<S = unknown, I = unknown>
  extends EntryBase<'wins', S>, Omit<WinData, 'status' | 'role' | 'values' | 'boundary' | 'spent' | 'image' | 'customer'> {
  role: Role<S> | undefined;
  values: Value<S>[];
  boundary: Boundary<S> | undefined;
  /** The grant the role held on the boundary when both are known: the playing field the win was in. */
  grant: Grant<S> | undefined;
  /** The customer, only when they agreed to be named or quoted (`consent: true`); never otherwise. */
  customer: WinData['customer'];
  spent: ResolvedMoney | undefined;
  /** What the loader made of the image path (Astro: image metadata). */
  image: I | undefined;
}

/** One line of the site-wide changes feed. */
export interface BoundaryChange<S = unknown> {
  boundary: Boundary<S>;
  date: string;
  summary: string;
  /** The change's anchor on its boundary's page. */
  anchor: string;
}

/** An entry past its review date. */
export interface ReviewItem<S = unknown> {
  entry: Guideline<S> | Boundary<S>;
  review: ReviewStatus;
}

export type AnyEntry<S = unknown> = Value<S> | Role<S> | Guideline<S> | Boundary<S> | CaseStudy<S> | Win<S>;

export interface Playbook<S = unknown> {
  settings: PlaybookSettings;
  /** The build date, YYYY-MM-DD. */
  today: string;
  /** The language the entries' words are in: `settings.locale`, or one of `settings.languages`. */
  language: string;
  /** Published entries whose translation into `language` is stale or missing (both empty in the base language). */
  translations: { stale: AnyEntry<S>[]; missing: AnyEntry<S>[] };
  /** Published entries for listings: values by order then title, roles and guidelines and boundaries by title, wins newest first. */
  values: Value<S>[];
  roles: Role<S>[];
  guidelines: Guideline<S>[];
  boundaries: Boundary<S>[];
  caseStudies: CaseStudy<S>[];
  wins: Win<S>[];
  /** Every entry that has a page: published and retired. */
  pages: {
    values: Value<S>[];
    roles: Role<S>[];
    guidelines: Guideline<S>[];
    boundaries: Boundary<S>[];
    caseStudies: CaseStudy<S>[];
    wins: Win<S>[];
  };
  /** Every boundary that has a page (published or retired), by id. */
  boundaryById: ReadonlyMap<string, Boundary<S>>;
  /** Every role that has a page (published or retired), by id: the roles a ladder's path may pass. */
  roleById: ReadonlyMap<string, Role<S>>;
  /** Published guidelines that name no role: those for everyone. */
  guidelinesForEveryone: Guideline<S>[];
  /** Every boundary change, newest first. */
  changes: BoundaryChange<S>[];
  /** Published guidelines and boundaries due for review, most overdue first. */
  dueForReview: ReviewItem<S>[];
  /** Published guidelines and boundaries that fall due within REVIEW_SOON_DAYS (30), soonest first. */
  reviewSoon: ReviewItem<S>[];
  /** Grants on published boundaries whose last day (`until`) is within REVIEW_SOON_DAYS (30) of the build date, soonest first. */
  grantsEnding: Grant<S>[];
}
