import { describe, expect, it } from 'vitest';
import { absoluteUrl, baseFolder, FALLBACK_SITE, href, withBase } from '../../../src/lib/links/href.ts';

describe('withBase', () => {
  it('puts the base in front, with exactly one slash between', () => {
    expect(withBase('/values/', '/')).toBe('/values/');
    expect(withBase('/values/', '/playbook')).toBe('/playbook/values/');
    expect(withBase('/values/', '/playbook/')).toBe('/playbook/values/');
    expect(withBase('values/', 'playbook/')).toBe('/playbook/values/');
  });

  it('maps the home page to the base itself', () => {
    expect(withBase('/', '/playbook')).toBe('/playbook/');
    expect(withBase('/', '/')).toBe('/');
  });

  it('keeps fragments, queries and file names', () => {
    expect(withBase('/boundaries/a/#changes', '/p')).toBe('/p/boundaries/a/#changes');
    expect(withBase('/wins/rss.xml', '/p/')).toBe('/p/wins/rss.xml');
  });
});

describe('href', () => {
  it('uses the build base (BASE_URL)', () => {
    expect(href('/roles/')).toBe(withBase('/roles/', import.meta.env.BASE_URL));
  });
});

describe('absoluteUrl', () => {
  it('joins site, base and path', () => {
    expect(absoluteUrl('/wins/a/', 'https://playbook.example.org', '/playbook')).toBe('https://playbook.example.org/playbook/wins/a/');
    expect(absoluteUrl('/wins/a/', new URL('https://example.org/'), '/')).toBe('https://example.org/wins/a/');
  });

  it('falls back to localhost when no site is set, so feeds stay valid', () => {
    expect(absoluteUrl('/wins/', undefined, '/')).toBe(`${FALLBACK_SITE}wins/`);
  });
});

describe('baseFolder', () => {
  it('writes any base as a folder path', () => {
    expect(['', '/', 'playbook', '/playbook', '/playbook/', 'playbook/'].map(baseFolder)).toEqual([
      '/',
      '/',
      '/playbook/',
      '/playbook/',
      '/playbook/',
      '/playbook/',
    ]);
    expect(baseFolder('/a/b')).toBe('/a/b/');
  });
});
