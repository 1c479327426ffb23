/**
 * Builds in-memory content for rule and model tests: plain objects are run
 * through the real schemas, so tests write content the way editors do.
 */
import { COLLECTIONS, COLLECTION_NAMES, playbookSchema, type CollectionName, type PlaybookSettingsInput } from '../../schemas/index.ts';
import { buildPlaybook, type PlaybookInput } from '../../src/lib/model/build-playbook.ts';
import type { Playbook } from '../../src/lib/model/types.ts';
import type { SourceFile } from '../../src/lib/reading/scan-content-root.ts';
import type { CheckedContent, CheckedEntry } from '../../src/lib/rules/index.ts';
import { publishedAddresses } from '../../src/lib/views/site-addresses.ts';

export type ContentInput = Partial<Record<CollectionName, Record<string, Record<string, unknown> & { body?: string }>>>;

export function checkedContent(input: ContentInput, settings: PlaybookSettingsInput = { name: 'Test', currency: 'GBP' }, today = '2026-11-23'): CheckedContent {
  const entries = Object.fromEntries(COLLECTION_NAMES.map((c) => [c, []])) as unknown as CheckedContent['entries'];
  const sources = Object.fromEntries(COLLECTION_NAMES.map((c) => [c, []])) as unknown as Record<CollectionName, SourceFile[]>;
  const known = Object.fromEntries(COLLECTION_NAMES.map((c) => [c, new Map()])) as CheckedContent['known'];
  for (const collection of COLLECTION_NAMES) {
    const { folder, kind } = COLLECTIONS[collection];
    for (const [id, raw] of Object.entries(input[collection] ?? {})) {
      const { body = '', ...data } = raw;
      const file = `${folder}/${id}${kind === 'data' ? '.yaml' : '.md'}`;
      const parsed = COLLECTIONS[collection].schema.parse(data) as CheckedEntry['data'];
      sources[collection].push({ collection, id, file, absolutePath: `/root/${file}` });
      known[collection].set(id, parsed.status);
      (entries[collection] as CheckedEntry[]).push({
        collection,
        id,
        file,
        absolutePath: `/root/${file}`,
        data: parsed,
        body,
        bodyLine: 5,
        bodyReferences: [],
        bodyLinks: [],
        headings: [],
        brokenKeys: [],
      } as CheckedEntry);
    }
  }
  const partial = Object.fromEntries(COLLECTION_NAMES.map((c) => [c, []])) as unknown as CheckedContent['partial'];
  const unread = Object.fromEntries(COLLECTION_NAMES.map((c) => [c, new Set<string>()])) as unknown as CheckedContent['unread'];
  const parsed = playbookSchema.parse(settings);
  return {
    root: '/root',
    settings: parsed,
    sources,
    entries,
    partial,
    known,
    unread,
    today,
    translations: [],
    translationSources: [],
    publishedAddresses: () => publishedAddresses({ settings: parsed, today, entries }),
  };
}

/** A minimal valid boundary with the given grants. */
export function boundary(grants: Record<string, unknown>[], extra: Record<string, unknown> = {}) {
  return {
    title: 'Refund a purchase',
    summary: 'S',
    decision: 'Refund a purchase',
    grants,
    owner: 'Retail ops',
    approvedBy: 'Head of retail',
    effective: '2026-01-01',
    lastReviewed: '2026-06-01',
    ...extra,
  };
}

/** A ladder agent → lead → manager → director. */
export const LADDER = {
  agent: { title: 'Agent', escalatesTo: 'lead' },
  lead: { title: 'Lead', escalatesTo: 'manager' },
  manager: { title: 'Manager', escalatesTo: 'director' },
  director: { title: 'Director' },
};

/** The published model of in-memory content; each entry's source is its id. */
export function modelOf(
  input: ContentInput,
  settings: PlaybookSettingsInput = { name: 'T', currency: 'GBP', locale: 'en-GB' },
  today = '2026-11-23',
): Playbook<string> {
  const content = checkedContent(input, settings, today);
  const entries = Object.fromEntries(
    COLLECTION_NAMES.map((c) => [c, content.entries[c].map((e) => ({ id: e.id, file: e.file, data: e.data, source: e.id }))]),
  ) as PlaybookInput<string>['entries'];
  return buildPlaybook({ settings: content.settings!, today, entries });
}
