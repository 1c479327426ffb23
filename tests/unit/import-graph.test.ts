/**
 * The code's layers hold: src/lib never imports what sits above it (the
 * loader, the integrations, the site), and no files import each other in a
 * circle, directly or through others.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCircles, importGraph } from '../support/import-graph.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const graph = importGraph(ROOT, ['src', 'schemas']);

describe('the import graph', () => {
  it('is read: the validator imports the reading, the loader imports the validator', () => {
    expect(graph.get('src/lib/validator/validate-content-root.ts')).toContain('src/lib/reading/read-source.ts');
    expect(graph.get('src/loaders/playbook-read.ts')).toContain('src/lib/validator/validate-content-root.ts');
  });

  it('never runs back up: nothing in src/lib or schemas/ imports the loaders, integrations, data or the site', () => {
    const above = /^src\/(loaders|integrations|data|pages|components|layouts|scripts|middleware)\b/;
    const upward = [...graph]
      .filter(([file]) => file.startsWith('src/lib/') || file.startsWith('schemas/'))
      .flatMap(([file, imports]) => [...imports].filter((target) => above.test(target)).map((target) => `${file} -> ${target}`));
    expect(upward).toEqual([]);
  });

  it('has no two files that import each other, and no longer circle', () => {
    expect(importCircles(graph)).toEqual([]);
  });

  it('finds a circle when there is one', () => {
    const circled = new Map([
      ['a.ts', new Set(['b.ts'])],
      ['b.ts', new Set(['c.ts'])],
      ['c.ts', new Set(['a.ts'])],
      ['d.ts', new Set(['a.ts'])],
    ]);
    expect(importCircles(circled)).toEqual([['a.ts', 'b.ts', 'c.ts']]);
  });
});
