/**
 * A content root read straight into the playbook model, without Astro: for
 * tests that compare what a page shows with what the model says. Entries
 * keep their id as the source (there is nothing to render).
 */
import { COLLECTIONS, COLLECTION_NAMES, playbookSchema, type CollectionName } from '../../schemas/index.ts';
import { readSource } from '../../src/lib/content-root/read-source.ts';
import { scanContentRoot } from '../../src/lib/content-root/scan-content-root.ts';
import { buildPlaybook, type PlaybookInput } from '../../src/lib/model/build-playbook.ts';
import type { Playbook } from '../../src/lib/model/types.ts';
import { FIXED_TODAY } from './build-playbook.ts';

export async function loadModel(root: string, today = FIXED_TODAY): Promise<Playbook<string>> {
  const scan = await scanContentRoot(root);
  const settings = playbookSchema.parse((await readSource(scan.playbook!, 'data')).data);
  const entries = {} as Record<CollectionName, { id: string; file: string; data: unknown; source: string }[]>;
  for (const collection of COLLECTION_NAMES) {
    entries[collection] = [];
    for (const file of scan.entries[collection]) {
      const { data } = await readSource(file, COLLECTIONS[collection].kind);
      entries[collection].push({ id: file.id, file: file.file, data: COLLECTIONS[collection].schema.parse(data), source: file.id });
    }
  }
  return buildPlaybook({ settings, today, entries: entries as PlaybookInput<string>['entries'] });
}
