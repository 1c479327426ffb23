/**
 * A content root read straight into the playbook model, without Astro: for
 * tests that compare what a page shows with what the model says. Entries
 * keep their id as the source (there is nothing to render).
 */
import { loadContentRoot } from '../../src/lib/validator/load-content-root.ts';
import type { Playbook } from '../../src/lib/model/types.ts';
import { FIXED_TODAY } from './build-playbook.ts';

export async function loadModel(root: string, today = FIXED_TODAY): Promise<Playbook<string>> {
  const { playbook, filesWithErrors } = await loadContentRoot(root, today);
  if (filesWithErrors.length > 0) throw new Error(`${root}: errors in ${filesWithErrors.join(', ')}`);
  return playbook;
}
