/**
 * A content root read straight into the playbook model, without Astro or a
 * build: the validator's own reading (`readPlaybook`: the same reader,
 * schemas and rules as `npm run validate` and the build), then
 * `buildPlaybook`. Entries that fail their schema are left out, as a build
 * would refuse them; the files with errors are listed. Each entry's source
 * is its id, as there is nothing to render. Used by `npm run diff` and by tests.
 */
import { playbookSchema } from '../../../schemas/index.ts';
import { buildPlaybook, type PlaybookInput } from '../model/build-playbook.ts';
import type { Playbook } from '../model/types.ts';
import { readPlaybook } from './validate-content-root.ts';

export interface LoadedModel {
  playbook: Playbook<string>;
  /** Files with errors, relative to the content root (those that failed their schema are not in the model). */
  filesWithErrors: string[];
}

export async function loadContentRoot(root: string, today: string): Promise<LoadedModel> {
  const read = await readPlaybook(root, { today });
  const settings = read.settings ?? playbookSchema.parse({ name: 'Playbook' });
  const entries = Object.fromEntries(
    Object.entries(read.entries).map(([collection, list]) => [
      collection,
      list.map((entry) => ({ id: entry.id, file: entry.file, data: entry.data, source: entry.id })),
    ]),
  ) as PlaybookInput<string>['entries'];
  const filesWithErrors = [...new Set(read.report.diagnostics.filter((d) => d.severity === 'error').map((d) => d.file))].sort();
  return { playbook: buildPlaybook({ settings, today, entries }), filesWithErrors };
}
