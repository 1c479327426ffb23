import { mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MOST_PACKS, RECORD_INDEX_FILE, RecordStore } from '../../src/lib/search/record-store.ts';

const made: string[] = [];
function folder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'latitude-records-'));
  made.push(dir);
  return path.join(dir, 'records');
}
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The pack files in the folder. */
function packsIn(dir: string): string[] {
  return readdirSync(dir).filter((name) => name.endsWith('.pack'));
}

/** One build: what it renders is put, then every page it has is kept. */
function build(dir: string, rendered: Record<string, string>, pages: string[]): RecordStore {
  const store = new RecordStore(dir);
  for (const [url, document] of Object.entries(rendered)) store.put(url, document);
  store.keep(pages);
  return store;
}

describe('the search records kept between builds', () => {
  it('gives back what a build put, in that build and in the next, byte for byte', () => {
    const dir = folder();
    const store = new RecordStore(dir);
    store.put('/wins/a/', '<main>£80 refund – “on the spot” 🎉</main>');
    store.put('/wins/b/', '<main>B</main>');
    expect(store.get('/wins/a/')).toBe('<main>£80 refund – “on the spot” 🎉</main>');
    expect(store.get('/wins/c/')).toBeUndefined();
    store.keep(['/wins/a/', '/wins/b/']);
    const next = new RecordStore(dir);
    expect(next.get('/wins/a/')).toBe('<main>£80 refund – “on the spot” 🎉</main>');
    expect(next.get('/wins/b/')).toBe('<main>B</main>');
    next.close();
  });

  it('keeps what a build rendered in its own pack beside the last one, copying nothing; pages gone are dropped', () => {
    const dir = folder();
    build(dir, { '/wins/a/': 'A1'.repeat(50), '/wins/b/': 'B1', '/wins/c/': 'C1' }, ['/wins/a/', '/wins/b/', '/wins/c/']);
    const [first] = packsIn(dir);
    const written = readFileSync(path.join(dir, first!));
    // The next build renders b again, restores a, and c is gone.
    const second = new RecordStore(dir);
    second.put('/wins/b/', 'B2');
    expect(second.get('/wins/a/')).toBe('A1'.repeat(50));
    expect(second.get('/wins/b/')).toBe('B2');
    second.keep(['/wins/a/', '/wins/b/']);
    expect(packsIn(dir)).toHaveLength(2);
    expect(readFileSync(path.join(dir, first!))).toEqual(written);
    const third = new RecordStore(dir);
    expect([third.get('/wins/a/'), third.get('/wins/b/'), third.get('/wins/c/')]).toEqual(['A1'.repeat(50), 'B2', undefined]);
    third.close();
  });

  it('joins the packs into one when they hold more than twice the bytes still named', () => {
    const dir = folder();
    build(dir, { '/wins/a/': 'A'.repeat(100), '/wins/d/': 'D' }, ['/wins/a/', '/wins/d/']);
    build(dir, { '/wins/a/': 'a' }, ['/wins/a/', '/wins/d/']);
    expect(packsIn(dir)).toHaveLength(1);
    const next = new RecordStore(dir);
    expect([next.get('/wins/a/'), next.get('/wins/d/')]).toEqual(['a', 'D']);
    next.close();
  });

  it(`never names more than ${MOST_PACKS} packs, however many rebuilds add one`, () => {
    const dir = folder();
    const pages = Array.from({ length: 20 }, (_, i) => `/wins/${i}/`);
    build(dir, Object.fromEntries(pages.map((url) => [url, `first ${url}`])), pages);
    for (let round = 0; round < 2 * MOST_PACKS; round++) {
      build(dir, { [pages[round]!]: `round ${round}` }, pages);
      expect(packsIn(dir).length).toBeLessThanOrEqual(MOST_PACKS);
    }
    const next = new RecordStore(dir);
    expect(pages.map((url) => next.get(url))).toEqual(pages.map((url, i) => (i < 2 * MOST_PACKS ? `round ${i}` : `first ${url}`)));
    next.close();
  });

  it('a page put twice keeps its last document', () => {
    const dir = folder();
    const store = new RecordStore(dir);
    store.put('/wins/a/', 'first');
    store.put('/wins/a/', 'second, longer');
    expect(store.get('/wins/a/')).toBe('second, longer');
    store.keep(['/wins/a/']);
    const next = new RecordStore(dir);
    expect(next.get('/wins/a/')).toBe('second, longer');
    next.close();
  });

  it('leaves the last pack as it is when a build renders nothing, and drops from its index only the pages gone', () => {
    const dir = folder();
    build(dir, { '/wins/a/': 'A', '/wins/b/': 'B' }, ['/wins/a/', '/wins/b/']);
    const before = readdirSync(dir).sort();
    const index = readFileSync(path.join(dir, RECORD_INDEX_FILE), 'utf8');
    build(dir, {}, ['/wins/a/', '/wins/b/']).close();
    expect(readdirSync(dir).sort()).toEqual(before);
    expect(readFileSync(path.join(dir, RECORD_INDEX_FILE), 'utf8')).toBe(index);
    build(dir, {}, ['/wins/a/']).close();
    const next = new RecordStore(dir);
    expect([next.get('/wins/a/'), next.get('/wins/b/')]).toEqual(['A', undefined]);
    next.close();
  });

  it('removes what a stopped build and the older record files left, and reads nothing from them', () => {
    const dir = folder();
    build(dir, { '/wins/a/': 'A' }, ['/wins/a/']);
    // A build that stopped before keeping: its pack is not named by the index.
    const stopped = new RecordStore(dir);
    stopped.put('/wins/a/', 'never kept');
    stopped.close();
    writeFileSync(path.join(dir, '0f3e9a.html'), '<main>a record in the old format</main>');
    const next = new RecordStore(dir);
    expect(next.get('/wins/a/')).toBe('A');
    next.put('/wins/b/', 'B');
    next.keep(['/wins/a/', '/wins/b/']);
    // The index and the two packs it names: the stopped build's pack and the old record are gone.
    expect(readdirSync(dir)).toHaveLength(3);
    expect(readdirSync(dir).filter((name) => name.endsWith('.html'))).toEqual([]);
  });

  it('answers nothing, never a wrong document, when the index or the pack is missing, unreadable or cut short', () => {
    const dir = folder();
    build(dir, { '/wins/a/': 'A', '/wins/b/': 'B' }, ['/wins/a/', '/wins/b/']);
    const [pack] = packsIn(dir) as [string];
    truncateSync(path.join(dir, pack), 1);
    const cut = new RecordStore(dir);
    expect([cut.get('/wins/a/'), cut.get('/wins/b/')]).toEqual(['A', undefined]);
    cut.close();
    // An index that places a record at a negative offset (which would read from wherever the file stands) names nothing.
    writeFileSync(path.join(dir, RECORD_INDEX_FILE), JSON.stringify({ format: 2, packs: [pack], records: { '/wins/a/': [0, -1, 1] } }));
    const negative = new RecordStore(dir);
    expect(negative.get('/wins/a/')).toBeUndefined();
    negative.close();
    rmSync(path.join(dir, pack));
    expect(new RecordStore(dir).get('/wins/a/')).toBeUndefined();
    writeFileSync(path.join(dir, RECORD_INDEX_FILE), '{"format":2,"packs":');
    expect(new RecordStore(dir).get('/wins/a/')).toBeUndefined();
    expect(new RecordStore(path.join(dir, 'none')).get('/wins/a/')).toBeUndefined();
  });
});

describe('the search records of a large build', () => {
  it('gives back every document, put in runs larger than one write, before and after it is kept', () => {
    const dir = folder();
    const store = new RecordStore(dir);
    const urls = Array.from({ length: 400 }, (_, i) => `/wins/${i}/`);
    const document = (i: number) => `<main>${String(i).repeat(1 + (i % 7) * 300)} – é</main>`;
    urls.forEach((url, i) => {
      store.put(url, document(i));
      // Asked for at once, as the indexer asks for a page it feeds ahead.
      if (i % 50 === 0) expect(store.get(url)).toBe(document(i));
    });
    expect(urls.map((url) => store.get(url))).toEqual(urls.map((_, i) => document(i)));
    store.keep(urls);
    const next = new RecordStore(dir);
    expect(urls.map((url) => next.get(url))).toEqual(urls.map((_, i) => document(i)));
    next.close();
  });
});
