/**
 * `npm run schemas`: writes schemas/json/<collection>.schema.json from the
 * zod schemas, for editors that validate YAML and frontmatter as you type.
 * `--check` exits 1 when the committed files are out of date (run in tests).
 */
import { readFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { readdirSync } from 'node:fs';
import {
  COLLECTIONS,
  COLLECTION_NAMES,
  playbookSchema,
  takesNumberAsText,
  TRANSLATION_SCHEMAS,
  translationSynonymsSchema,
  type CollectionName,
} from '../../schemas/index.ts';
import { publishedPlaybookSchema } from '../../schemas/published-playbook.ts';
import { ENGLISH } from '../lib/languages/dictionary.ts';
import { describeJsonSchema, readSchemaDocs } from '../lib/authoring/schema-docs.ts';
import { PROJECT_ROOT } from '../lib/reading/resolve-content-root.ts';

export const JSON_SCHEMA_DIR = path.join(PROJECT_ROOT, 'schemas/json');
/** schemas/json/published-playbook.schema.json: /playbook.json's JSON Schema, which the build publishes as /playbook.schema.json. */
export const PUBLISHED_PLAYBOOK_SCHEMA_NAME = 'published-playbook';

/** Which documented schema in schemas/*.ts each file's JSDoc comes from. */
const DOCUMENTED_AS: Record<CollectionName | 'playbook' | 'publishedPlaybook', string> = {
  playbook: 'playbookSchema',
  publishedPlaybook: 'publishedPlaybookSchema',
  values: 'valueSchema',
  roles: 'roleSchema',
  guidelines: 'guidelineSchema',
  boundaries: 'boundarySchema',
  caseStudies: 'caseStudySchema',
  wins: 'createWinSchema',
};

/** The same for translations (`translations/<language>/<folder>/…`): `translations-<folder>.schema.json`. */
const TRANSLATION_DOCUMENTED_AS: Record<CollectionName, string> = {
  values: 'valueTranslationSchema',
  roles: 'roleTranslationSchema',
  guidelines: 'guidelineTranslationSchema',
  boundaries: 'boundaryTranslationSchema',
  caseStudies: 'caseStudyTranslationSchema',
  wins: 'winTranslationSchema',
};

/**
 * What zod leaves out of an input JSON Schema when a field normalises its
 * value (a plain number read as text): the field still takes a number, and
 * a list still defaults to empty. Without this, editors would flag
 * `period: 2025` and lose the defaults.
 */
function keepInputFacts({ zodSchema, jsonSchema }: { zodSchema: z.core.$ZodType; jsonSchema: z.core.JSONSchema.BaseSchema }): void {
  const def = zodSchema._zod.def;
  if (def.type === 'default' && jsonSchema.default === undefined) {
    jsonSchema.default = JSON.parse(JSON.stringify((def as z.core.$ZodDefaultDef).defaultValue)) as z.core.util.JSONType;
  }
  if (takesNumberAsText(zodSchema as z.ZodType)) jsonSchema.type = ['string', 'number'];
}

/**
 * File name → JSON Schema text, for every collection and playbook.yaml, with
 * each field's JSDoc as its description; and for /playbook.json, which a
 * build publishes beside it as /playbook.schema.json.
 */
export function jsonSchemas(): Map<string, string> {
  const schemaDir = path.join(PROJECT_ROOT, 'schemas');
  const docs = readSchemaDocs(
    readdirSync(schemaDir)
      .filter((f) => f.endsWith('.ts'))
      .sort()
      .map((f) => path.join(schemaDir, f)),
  );
  const files = new Map<string, string>();
  const write = (name: string, schema: z.ZodType, documentedAs: string) => {
    const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', override: keepInputFacts }) as Parameters<typeof describeJsonSchema>[0];
    const fieldDocs = docs.get(documentedAs);
    if (!fieldDocs) throw new Error(`schemas/: no documented schema named ${documentedAs}`);
    describeJsonSchema(json, fieldDocs, docs);
    files.set(`${name}.schema.json`, `${JSON.stringify({ ...json, title: name }, null, 2)}\n`);
  };
  write('playbook', playbookSchema, DOCUMENTED_AS.playbook);
  for (const name of COLLECTION_NAMES) write(COLLECTIONS[name].folder, COLLECTIONS[name].schema, DOCUMENTED_AS[name]);
  write(PUBLISHED_PLAYBOOK_SCHEMA_NAME, publishedPlaybookSchema, DOCUMENTED_AS.publishedPlaybook);
  for (const name of COLLECTION_NAMES) write(`translations-${COLLECTIONS[name].folder}`, TRANSLATION_SCHEMAS[name], TRANSLATION_DOCUMENTED_AS[name]);
  files.set(
    'translation-synonyms.schema.json',
    `${JSON.stringify({ ...z.toJSONSchema(translationSynonymsSchema, { io: 'input' }), title: 'translation-synonyms', description: 'translations/<language>/synonyms.yaml: words employees type in this language, mapped to the words the playbook uses.' }, null, 2)}\n`,
  );
  files.set('interface.schema.json', `${JSON.stringify(interfaceSchema(), null, 2)}\n`);
  return files;
}

/** translations/<language>/interface.yaml: every interface word's key, each described by its English words. */
function interfaceSchema(): object {
  const plural = {
    type: 'object',
    properties: Object.fromEntries(
      ['zero', 'one', 'two', 'few', 'many', 'other'].map((form) => [form, { type: 'string', description: `The words for the "${form}" plural form.` }]),
    ),
    required: ['other'],
    additionalProperties: false,
  };
  const properties = Object.fromEntries(
    Object.entries(ENGLISH).map(([key, words]) =>
      typeof words === 'string'
        ? [key, { type: 'string', minLength: 1, description: `In English: ${words}` }]
        : [
            key,
            {
              ...plural,
              description: `In English: ${Object.entries(words)
                .map(([form, text]) => `${form}: ${text}`)
                .join('; ')}`,
            },
          ],
    ),
  );
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'interface',
    description:
      'translations/<language>/interface.yaml: the interface words of a language Latitude does not ship. Every key is required; keep each {placeholder}.',
    type: 'object',
    properties,
    required: Object.keys(ENGLISH),
    additionalProperties: false,
  };
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
