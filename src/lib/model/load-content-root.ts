/**
 * A content root read straight into the playbook model, without Astro or a
 * build: the validator's reader and schemas, then `buildPlaybook`. Entries
 * that fail their schema are left out and counted (the validator reports
 * them); each entry's source is its id, as there is nothing to render.
 * Used by `npm run diff` and by tests.
 */
import { COLLECTIONS, COLLECTION_NAMES, playbookSchema, type CollectionName } from '../../../schemas/index.ts';
import { readSource } from '../content-root/read-source.ts';
import { scanContentRoot } from '../content-root/scan-content-root.ts';
import { checkWithSchema } from '../diagnostics/schema-issues.ts';
import { buildPlaybook, type PlaybookInput } from './build-playbook.ts';
import type { Playbook } from './types.ts';

export interface LoadedModel {
  playbook: Playbook<string>;
  /** Files left out because they could not be read or failed their schema. */
  unreadable: string[];
}

export async function loadContentRoot(root: string, today: string): Promise<LoadedModel> {
  const scan = await scanContentRoot(root);
  const unreadable: string[] = [];
  const settingsRead = scan.playbook ? await readSource(scan.playbook, 'data') : undefined;
  const settingsChecked = checkWithSchema(playbookSchema, settingsRead?.data ?? { name: 'Playbook' }, 'playbook.yaml');
  if (!settingsChecked.ok || !settingsRead?.data) unreadable.push('playbook.yaml');
  const settings = settingsChecked.ok ? settingsChecked.data : playbookSchema.parse({ name: 'Playbook' });

  const entries = {} as Record<CollectionName, { id: string; file: string; data: unknown; source: string }[]>;
  for (const collection of COLLECTION_NAMES) {
    entries[collection] = [];
    for (const file of scan.entries[collection]) {
      const { data } = await readSource(file, COLLECTIONS[collection].kind);
      const checked = data ? checkWithSchema(COLLECTIONS[collection].schema, data, file.file) : undefined;
      if (!checked?.ok) {
        unreadable.push(file.file);
        continue;
      }
      entries[collection].push({ id: file.id, file: file.file, data: checked.data, source: file.id });
    }
  }
  return { playbook: buildPlaybook({ settings, today, entries: entries as PlaybookInput<string>['entries'] }), unreadable };
}
