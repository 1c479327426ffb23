/** What the reading gives the cross-entry checks: every entry that passed its schema, by collection. */
import type { CollectionName, EntryStatus, PlaybookSettings } from '../../../schemas/index.ts';
import type { Position } from '../diagnostics/diagnostic.ts';
import type { SourceFile } from './scan-content-root.ts';
import type { BodyLink } from './body/walk.ts';
import type { BodyHeading } from './render-body.ts';
import type { DataByCollection } from '../domain/references.ts';
import type { ReadTranslation } from './read-translation.ts';

export interface CheckedEntry<C extends CollectionName = CollectionName> {
  collection: C;
  id: string;
  /** Path relative to the content root. */
  file: string;
  absolutePath: string;
  data: DataByCollection[C];
  body: string;
  bodyLine: number;
  /** `<BoundaryRef id>` uses found in the body, with their positions. */
  bodyReferences: { id: string; position: Position }[];
  /** Links written in the body, with their positions (rules/body-links.ts checks where they lead). */
  bodyLinks: BodyLink[];
  /** The body's headings with their anchors; empty for trusted MDX, which Astro renders (its anchors are not known here). */
  headings: BodyHeading[];
  /**
   * For an entry read only in part: the top-level keys whose value could not
   * be read or did not pass the schema (what `data` holds of them, if
   * anything, is only the part that passed). Empty for an entry read whole.
   * A rule may still check such an entry where the keys it needs are not
   * among these.
   */
  brokenKeys: readonly string[];
}

export interface CheckedContent {
  /** Absolute path of the content root. */
  root: string;
  settings: PlaybookSettings | undefined;
  /** Every file found, by collection, including those that failed their schema. */
  sources: Record<CollectionName, SourceFile[]>;
  /** Entries that passed their schema. */
  entries: { [C in CollectionName]: CheckedEntry<C>[] };
  /**
   * Entries that failed their schema, with only the fields that passed their
   * own part of it (any field may be missing). The reference checks read
   * these too, so an editor sees every problem of a file in one run.
   */
  partial: { [C in CollectionName]: CheckedEntry<C>[] };
  /**
   * Every id in each collection with its status where known (undefined when
   * the entry failed its schema), so one broken file does not make every
   * reference to it fail too.
   */
  known: Record<CollectionName, Map<string, EntryStatus | undefined>>;
  /**
   * Ids of the entries that exist but could not be read whole: their text or
   * YAML could not be read (in part or at all), or their data failed its
   * schema. A rule never reports what depends on the part of such an entry
   * that is missing (a role whose `escalatesTo` could not be read has not
   * "nobody above it"): it skips that check, and the report ends by saying
   * that these files could not be fully checked.
   */
  unread: Record<CollectionName, ReadonlySet<string>>;
  /** The build date, YYYY-MM-DD. */
  today: string;
  /** The content as it was before the change being checked (`validate --changed REF`): rules that compare versions read it. */
  base?: BaseContent | undefined;
  /** Every translation that passed its schema, all languages (translations/<language>/…). */
  translations: ReadTranslation[];
  /** Every translation file found, per language and collection, including those that failed their schema. */
  translationSources: Record<CollectionName, SourceFile[]>[];
  /**
   * What a build of the entries read whole would publish (worked out on first
   * use, from the playbook model: views/site-addresses.ts); undefined when
   * playbook.yaml could not be read.
   */
  publishedAddresses(): PublishedAddresses | undefined;
}

/** What the rules compare a change with: the base version's published boundaries, by id. */
export interface BaseContent {
  boundaries: ReadonlyMap<string, DataByCollection['boundaries']>;
}

/** The addresses a build publishes: pages, and the parts of entry pages that a `#…` may name. */
export interface PublishedAddresses {
  /**
   * What is published at a site path (`/boundaries/x/`): undefined for
   * nothing; `parts` undefined for a page whose parts are not known (a
   * listing, or an entry Astro renders from trusted MDX).
   */
  at(path: string): { parts: ReadonlySet<string> | undefined } | undefined;
  /** The ids of a collection's entries that have a page. */
  pagedIds(collection: CollectionName): readonly string[];
  /** Every published path. */
  paths(): Iterable<string>;
}
