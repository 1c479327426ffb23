/**
 * A second language for a generated playbook (for `npm run bench --
 * --languages`): `languages: [fr-CA]` in playbook.yaml and, with
 * `translateAll`, a translation of every published entry, made from its
 * words the way `npm run new -- --translate` writes one, with each word
 * marked as translated instead of as a placeholder. The result validates
 * clean, so the build measures what a fully translated playbook costs.
 */
import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { COLLECTION_NAMES } from '../schemas/index.ts';
import { translationSkeleton } from '../src/lib/authoring/translation-skeleton.ts';
import { PLACEHOLDER_MARK } from '../src/lib/domain/placeholders.ts';
import { readPlaybook } from '../src/lib/validator/validate-content-root.ts';

export const BENCH_LANGUAGE = 'fr-CA';

export async function addLanguage(root: string, translateAll: boolean): Promise<number> {
  await appendFile(path.join(root, 'playbook.yaml'), `\nlanguages: [${BENCH_LANGUAGE}]\n`);
  if (!translateAll) return 0;
  const read = await readPlaybook(root);
  let written = 0;
  for (const collection of COLLECTION_NAMES) {
    for (const entry of read.entries[collection]) {
      if (entry.data.status === 'draft') continue;
      const skeleton = translationSkeleton({ language: BENCH_LANGUAGE, collection, file: entry.file, data: entry.data, body: entry.body });
      // "TODO: Refund …" becomes "[fr-CA] Refund …": a translated word of the same length, never a placeholder.
      const text = skeleton.text
        .replace(`${PLACEHOLDER_MARK} translate the text below into this language, then delete this line.\n\n`, '')
        .replaceAll(`"${PLACEHOLDER_MARK} `, `"[${BENCH_LANGUAGE}] `);
      const target = path.join(root, skeleton.file);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, text);
      written++;
    }
  }
  return written;
}
