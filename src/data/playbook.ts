/**
 * The playbook for pages: read from Astro's collections once per build and
 * built into the model. Pages import `getPlaybook()` and never query
 * collections themselves.
 */
import path from 'node:path';
import { getCollection, getEntry, render, type CollectionEntry } from 'astro:content';
import { COLLECTION_NAMES, type CollectionName } from '../../schemas/index.ts';
import { buildPlaybook, type LoadedEntry, type PlaybookInput } from '../lib/model/build-playbook.ts';
import type { Playbook } from '../lib/model/types.ts';
import { buildDate } from '../lib/domain/review.ts';
import type { Diagnostic } from '../lib/diagnostics/diagnostic.ts';
import { latestReport, storedGeneration } from '../loaders/playbook-read.ts';
import { fromStoredPath } from '../lib/reading/paths.ts';

/** The loader's entry, kept on each model entry so its body can be rendered. */
export type SourceEntry = CollectionEntry<CollectionName>;
export type SitePlaybook = Playbook<SourceEntry>;

let playbook: { generation: number; model: Promise<SitePlaybook> } | undefined;

/**
 * The one playbook model of this build. The dev server's loaders store a new
 * reading whenever content changes; the model is then built again.
 */
export function getPlaybook(): Promise<SitePlaybook> {
  const generation = storedGeneration();
  if (playbook?.generation !== generation) playbook = { generation, model: loadPlaybook() };
  return playbook.model;
}

/**
 * What the dev server's latest check found in one file of the content root
 * (the entry's `file`): an unfinished entry's page lists it. Empty in a
 * build, which refuses content with errors before any page is made.
 */
export function findingsIn(file: string): Diagnostic[] {
  const report = latestReport(contentRoot());
  return report ? report.diagnostics.filter((d) => d.file === file) : [];
}

/** Renders an entry's body. */
export function renderBody(entry: { source: SourceEntry }) {
  return render(entry.source);
}

async function loadPlaybook(): Promise<SitePlaybook> {
  const settingsEntry = await getEntry('playbook', 'playbook');
  if (!settingsEntry) throw new Error('playbook.yaml was not loaded');
  const root = contentRoot();
  const entries = {} as Record<CollectionName, LoadedEntry<CollectionName, SourceEntry>[]>;
  for (const collection of COLLECTION_NAMES) {
    const loaded = await getCollection(collection);
    entries[collection] = loaded.map((entry) => ({
      id: entry.id,
      file: path
        .relative(root, path.resolve(fromStoredPath(entry.filePath ?? '')))
        .split(path.sep)
        .join('/'),
      data: entry.data as LoadedEntry<CollectionName, SourceEntry>['data'],
      source: entry,
    }));
  }
  return buildPlaybook({ settings: settingsEntry.data, today: buildDate(), entries: entries as PlaybookInput<SourceEntry>['entries'] });
}

/** The content root, as the validation integration resolved it for this process. */
function contentRoot(): string {
  return path.resolve(process.env.PLAYBOOK_CONTENT_DIR ?? 'content');
}
