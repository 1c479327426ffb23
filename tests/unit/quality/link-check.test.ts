import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { candidateFiles, checkLinks, findIds, findLinks, pagePathOf, resolveInternal } from '../../../src/lib/quality/link-check.ts';

describe('findLinks', () => {
  it('reads href, src and srcset, decoding entities', () => {
    const html = `<a href="/a/?x=1&amp;y=2">a</a><img src='/i.png' srcset="/i-400.png 400w, /i-800.png 800w"><link href=/s.css rel=stylesheet>`;
    expect(findLinks(html)).toEqual(['/a/?x=1&y=2', '/i.png', '/i-400.png', '/i-800.png', '/s.css']);
  });

  it('ignores script bodies, styles and comments but keeps script src', () => {
    const html = `<!-- <a href="/gone/"> --><script src="/app.js"></script><script>const s = '<a href="/nope/">';</script><style>a[href="/x/"]{}</style>`;
    expect(findLinks(html)).toEqual(['/app.js']);
  });
});

describe('findIds', () => {
  it('collects ids and anchor names', () => {
    expect([...findIds('<h2 id="wins">x</h2><a name="old"></a>')]).toEqual(['wins', 'old']);
  });
});

describe('paths', () => {
  it('maps files to the paths they are served at', () => {
    expect(pagePathOf('values/a/index.html', '/')).toBe('/values/a/');
    expect(pagePathOf('index.html', '/playbook')).toBe('/playbook/');
    expect(pagePathOf('404.html', '/playbook/')).toBe('/playbook/404.html');
  });

  it('resolves relative, root-relative and same-site absolute links', () => {
    expect(resolveInternal('../b/', '/p/values/a/')?.pathname).toBe('/p/values/b/');
    expect(resolveInternal('#x', '/p/values/a/')?.href).toContain('/p/values/a/#x');
    expect(resolveInternal('https://other.org/x', '/p/')).toBeUndefined();
    expect(resolveInternal('mailto:a@b.c', '/p/')).toBeUndefined();
    expect(resolveInternal('https://me.org/p/x/', '/p/', 'https://me.org')?.pathname).toBe('/p/x/');
    expect(resolveInternal('https://other.org/x', '/p/', 'https://me.org')).toBeUndefined();
  });

  it('tries index.html for folders and refuses paths outside the base', () => {
    expect(candidateFiles('/p/values/', '/p')).toEqual(['values/index.html']);
    expect(candidateFiles('/p/', '/p/')).toEqual(['index.html']);
    expect(candidateFiles('/p/wins/rss.xml', '/p')).toEqual(['wins/rss.xml', 'wins/rss.xml/index.html']);
    expect(candidateFiles('/values/', '/p')).toBeUndefined();
  });
});

describe('checkLinks', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'link-check-'));
    await mkdir(path.join(dir, 'values/a'), { recursive: true });
    await writeFile(
      path.join(dir, 'index.html'),
      `
      <a href="/p/values/a/">ok</a>
      <a href="/p/values/a/#wins">ok fragment</a>
      <a href="/p/values/b/">missing</a>
      <a href="/values/a/">outside base</a>
      <a href="/p/values/a/#nope">missing fragment</a>
      <a href="https://example.org/">external</a>
      <a href="/p/search/?q=x">ignored</a>
      <img src="/p/logo.svg" alt="">`,
    );
    await writeFile(path.join(dir, 'values/a/index.html'), `<h2 id="wins">Wins</h2><a href="../../">up</a><a href="#wins">here</a>`);
    await writeFile(path.join(dir, 'logo.svg'), '<svg/>');
  });

  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('reports each broken link with its page and reason', async () => {
    const broken = await checkLinks(dir, '/p', { ignore: (pathname) => pathname.startsWith('/p/search/') });
    expect(broken).toEqual([
      { page: '/p/', link: '/p/values/b/', reason: 'missing file' },
      { page: '/p/', link: '/values/a/', reason: 'outside base' },
      { page: '/p/', link: '/p/values/a/#nope', reason: 'missing fragment' },
    ]);
  });
});
