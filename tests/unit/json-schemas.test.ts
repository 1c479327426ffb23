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

  it('describes every field with its JSDoc from schemas/', () => {
    const undocumented: string[] = [];
    const walk = (node: Record<string, unknown>, at: string) => {
      const properties = (node.properties ?? {}) as Record<string, Record<string, unknown>>;
      for (const [key, child] of Object.entries(properties)) {
        if (typeof child.description !== 'string' || child.description.length === 0) undocumented.push(`${at}${key}`);
        walk(child, `${at}${key}.`);
      }
      if (node.items) walk(node.items as Record<string, unknown>, at);
    };
    for (const [name, text] of jsonSchemas()) walk(JSON.parse(text), `${name}: `);
    expect(undocumented).toEqual([]);
    const wins = JSON.parse(jsonSchemas().get('wins.schema.json')!);
    expect(wins.properties.customer.properties.consent.description).toBe('`true` when the customer agreed to be named or quoted; required then.');
  });

  it('rejects unknown keys and requires what the contract requires', () => {
    const boundary = JSON.parse(jsonSchemas().get('boundaries.schema.json')!);
    expect(boundary.additionalProperties).toBe(false);
    expect(boundary.required).toEqual(['title', 'summary', 'decision', 'grants', 'owner', 'approvedBy', 'effective', 'lastReviewed']);
  });

  it('describes translation files: words only, and every interface word', () => {
    const role = JSON.parse(jsonSchemas().get('translations-roles.schema.json')!);
    expect(Object.keys(role.properties)).toEqual(['sourceVersion', 'title', 'summary', 'team']);
    expect(role.additionalProperties).toBe(false);
    const words = JSON.parse(jsonSchemas().get('interface.schema.json')!);
    expect(words.required).toContain('verdict.decideUpTo');
    expect(words.properties['verdict.decideUpTo'].description).toBe('In English: You may decide up to {limit}.');
    expect(words.properties['count.wins'].required).toEqual(['other']);
  });
});
