/** Every id the site's pages write is one body headings never take (src/lib/links/page-ids.ts). */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bodyHeadingId, isPageId } from '../../src/lib/links/page-ids.ts';
import { PROJECT_ROOT } from '../support/build-playbook.ts';

describe('page ids', () => {
  it('every id written in src/pages, src/layouts and src/components is a page id', async () => {
    const written = new Set<string>();
    for (const folder of ['src/pages', 'src/layouts', 'src/components']) {
      const files = await readdir(path.join(PROJECT_ROOT, folder), { recursive: true });
      for (const file of files.filter((name) => name.endsWith('.astro'))) {
        const text = await readFile(path.join(PROJECT_ROOT, folder, file), 'utf8');
        for (const match of text.matchAll(/\bid="([a-zA-Z][\w-]*)"/g)) written.add(match[1]!);
      }
    }
    expect(written.size).toBeGreaterThan(20);
    expect([...written].filter((id) => !isPageId(id))).toEqual([]);
  });

  it("a body heading named like a section, or like a change's anchor, gets another id", () => {
    const used = new Map<string, number>();
    const slug = (text: string) => {
      const base = text.toLowerCase().replace(/\s+/g, '-');
      const count = used.get(base) ?? 0;
      used.set(base, count + 1);
      return count === 0 ? base : `${base}-${count}`;
    };
    expect(bodyHeadingId(slug, 'Examples')).toBe('examples-text');
    expect(bodyHeadingId(slug, 'change-2026-03-01')).toBe('change-2026-03-01-text');
    expect(bodyHeadingId(slug, 'Our approach')).toBe('our-approach');
  });
});
