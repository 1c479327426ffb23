/**
 * One model per build: the pages' model (src/data/playbook.ts) is built once
 * per language, however many pages ask for it, and the loader builds none of
 * its own (its stored bodies keep their BoundaryRef markers for the pages to
 * fill from that model).
 */
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const built = vi.hoisted(() => ({ languages: [] as (string | undefined)[], entries: {} as Record<string, { file: string; data: object }[]> }));

vi.mock('astro:content', () => ({
  getEntry: async () => ({ data: { name: 'Harbour & Pine', locale: 'en-GB', languages: ['fr-CA'], synonyms: {} } }),
  // A value stored by the loader: Astro's `filePath` (relative to the project, escaped) and the reader's own `file`.
  getCollection: async (collection: string) =>
    collection === 'values' ? [{ id: 'own-it', filePath: '../R%26D%20%232/values/own-it.md', data: { title: 'Own it', file: 'values/own-it.md' } }] : [],
  render: async () => ({}),
}));

vi.mock('../../src/lib/model/build-playbook.ts', () => ({
  buildPlaybook: (input: { language?: { tag: string }; entries: Record<string, { file: string; data: object }[]> }) => {
    built.languages.push(input.language?.tag);
    built.entries = input.entries;
    return { language: input.language?.tag, boundaryById: new Map() };
  },
}));

const { getPlaybook } = await import('../../src/data/playbook.ts');

describe('the playbook model', () => {
  beforeEach(() => {
    built.languages.length = 0;
  });

  it('is built once per language per build, however many pages ask for it', async () => {
    await Promise.all([getPlaybook(), getPlaybook(), getPlaybook('fr-CA'), getPlaybook('fr-CA'), getPlaybook('en-GB')]);
    await getPlaybook('fr-CA');
    await getPlaybook('en-GB');
    expect(built.languages).toEqual([undefined, 'fr-CA']);
    expect(await getPlaybook('en-GB')).toBe(await getPlaybook());
  });

  it("carries each entry's file as the reader wrote it, not worked out again from Astro's path", async () => {
    await getPlaybook();
    expect(built.entries.values).toEqual([expect.objectContaining({ id: 'own-it', file: 'values/own-it.md', data: { title: 'Own it' } })]);
  });

  it('is not built by the loader', () => {
    const loader = readFileSync(new URL('../../src/loaders/playbook-loader.ts', import.meta.url), 'utf8');
    expect(loader).not.toMatch(/build-playbook|buildPlaybook/);
  });
});
