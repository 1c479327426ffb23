/**
 * `npm run schemas`: writes schemas/json/<collection>.schema.json from the
 * zod schemas, for editors that validate YAML and frontmatter as you type.
 * `--check` exits 1 when the committed files are out of date (run in tests).
 */
import { readFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { COLLECTIONS, COLLECTION_NAMES, playbookSchema } from '../../schemas/index.ts';
import { PROJECT_ROOT } from '../lib/content-root/resolve-content-root.ts';

export const JSON_SCHEMA_DIR = path.join(PROJECT_ROOT, 'schemas/json');

/** File name → JSON Schema text, for every collection and playbook.yaml. */
export function jsonSchemas(): Map<string, string> {
  const files = new Map<string, string>();
  const write = (name: string, schema: z.ZodType) => {
    const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
    files.set(`${name}.schema.json`, `${JSON.stringify({ ...json, title: name }, null, 2)}\n`);
  };
  write('playbook', playbookSchema);
  for (const name of COLLECTION_NAMES) write(COLLECTIONS[name].folder, COLLECTIONS[name].schema);
  return files;
}

async function main(check: boolean): Promise<number> {
  const stale: string[] = [];
  await mkdir(JSON_SCHEMA_DIR, { recursive: true });
  for (const [name, text] of jsonSchemas()) {
    const file = path.join(JSON_SCHEMA_DIR, name);
    const current = await readFile(file, 'utf8').catch(() => '');
    if (current === text) continue;
    if (check) stale.push(name);
    else await writeFile(file, text);
  }
  if (stale.length > 0) {
    process.stderr.write(`schemas/json is out of date (${stale.join(', ')}): run npm run schemas\n`);
    return 1;
  }
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await main(process.argv.includes('--check'));
}
