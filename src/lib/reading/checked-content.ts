/** What the reading gives the cross-entry checks: every entry that passed its schema, by collection. */
import type { CollectionName, EntryStatus, PlaybookSettings } from '../../../schemas/index.ts';
import type { Position } from '../diagnostics/diagnostic.ts';
import type { SourceFile } from './scan-content-root.ts';
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
  /** The build date, YYYY-MM-DD. */
  today: string;
  /** Every translation that passed its schema, all languages (translations/<language>/…). */
  translations: ReadTranslation[];
  /** Every translation file found, per language and collection, including those that failed their schema. */
  translationSources: Record<CollectionName, SourceFile[]>[];
}
