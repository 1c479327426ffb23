import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JSON_SCHEMA_DIR, jsonSchemas } from '../../src/cli/generate-json-schemas.ts';

describe('schemas/json', () => {
  it('is up to date with the zod schemas (run npm run schemas)', async () => {
    for (const [name, text] of jsonSchemas()) {
      expect(await readFile(path.join(JSON_SCHEMA_DIR, name), 'utf8'), name).toBe(text);
    }
  });

  it('rejects unknown keys and requires what the contract requires', () => {
    const boundary = JSON.parse(jsonSchemas().get('boundaries.schema.json')!);
    expect(boundary.additionalProperties).toBe(false);
    expect(boundary.required).toEqual(['title', 'summary', 'decision', 'grants', 'owner', 'approvedBy', 'effective', 'lastReviewed']);
  });
});
