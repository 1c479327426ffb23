/**
 * A playbook in two languages, built: the valid fixture published in
 * Canadian French too (tests/fixtures/languages laid over it). Every page
 * exists under /fr-ca/, translated words over the base entry's facts, the
 * untranslated and stale notices, the language picker and hreflang, one
 * search index per language, feeds per language, and /review/'s lists.
 * A third language Latitude ships no words for (`de`) takes them from its
 * interface.yaml. A second build changes an English limit only: the French
 * page follows with no edit to the translation.
 */
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { ENGLISH } from '../../src/lib/languages/dictionary.ts';
import { buildPlaybook, FIXTURES, type BuildResult } from '../support/build-playbook.ts';
import { attribute, filesIn, pagefindFragments, readPage, select, selectAll, visibleText } from '../support/built-site.ts';

let root: string;
let build: BuildResult;
let raised: BuildResult;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'latitude-languages-'));
  await cp(path.join(FIXTURES, 'valid'), root, { recursive: true });
  await cp(path.join(FIXTURES, 'languages'), root, { recursive: true });
  // A third language Latitude ships no words for: its interface.yaml gives every key ("[de] Values").
  await writeFile(
    path.join(root, 'playbook.yaml'),
    (await readFile(path.join(root, 'playbook.yaml'), 'utf8')).replace('languages: [fr-CA]', 'languages: [fr-CA, de]'),
  );
  await mkdir(path.join(root, 'translations/de'), { recursive: true });
  const german = Object.fromEntries(
    Object.entries(ENGLISH).map(([key, words]) => [
      key,
      typeof words === 'string' ? `[de] ${words}` : Object.fromEntries(Object.entries(words).map(([form, text]) => [form, `[de] ${text}`])),
    ]),
  );
  await writeFile(path.join(root, 'translations/de/interface.yaml'), stringify(german));
  build = await buildPlaybook(root);
  if (build.exitCode !== 0) throw new Error(`the languages fixture must build:\n${build.stdout}\n${build.stderr}`);
  // The same playbook with the store associate's English limit raised from £75 to £90, under a base path.
  const file = path.join(root, 'boundaries/refund-a-purchase.md');
  await writeFile(file, (await readFile(file, 'utf8')).replace('limit: { amount: 75 }', 'limit: { amount: 90 }'));
  raised = await buildPlaybook(root, { env: { PLAYBOOK_BASE: '/playbook', PLAYBOOK_SITE: 'https://playbook.example.org' } });
  if (raised.exitCode !== 0) throw new Error(`the raised limit must build:\n${raised.stdout}\n${raised.stderr}`);
});

afterAll(async () => {
  await build?.cleanup();
  await raised?.cleanup();
  await rm(root, { recursive: true, force: true });
});

const page = (file: string, from = build) => readPage(from.outDir, file);
const main = async (file: string, from = build) => visibleText(select('main', await page(file, from))!);

describe('every page in every language', () => {
  it('builds each base page again under /fr-ca/, in French', async () => {
    const files = await filesIn(build.outDir);
    const pages = files.filter((file) => file.endsWith('.html') && !/^(?:fr-ca|de)\//.test(file) && !file.startsWith('_'));
    expect(pages.length).toBeGreaterThan(20);
    for (const file of pages) {
      const french = file === '404.html' ? 'fr-ca/404/index.html' : `fr-ca/${file}`;
      expect(files, file).toContain(french);
      expect(attribute(select('html', await page(french))!, 'lang'), french).toBe('fr-CA');
    }
    for (const file of [
      'fr-ca/can-i/store-associate.json',
      'fr-ca/wins/rss.xml',
      'fr-ca/changes/rss.xml',
      'fr-ca/search/synonyms.json',
      'fr-ca/interface.json',
      'fr-ca/search/words.json',
    ]) {
      expect(files).toContain(file);
    }
    expect(attribute(select('html', await page('index.html'))!, 'lang')).toBe('en-GB');
  });

  it('shows a translated entry in French words with the base entry’s facts, money in fr-CA', async () => {
    const text = await main('fr-ca/boundaries/refund-a-purchase/index.html');
    expect(text).toContain('Rembourser un achat');
    expect(text).toContain('Qui peut décider, et jusqu’où');
    expect(text).toContain('Commis de magasin Décide jusqu’à 75 £ par dossier');
    expect(text).toContain('Ne remboursez jamais sur une autre carte que celle du paiement.');
    expect(text).not.toContain('n’est pas encore traduite');
  });

  it('follows a limit changed in English, with no edit to the translation', async () => {
    const text = await main('fr-ca/boundaries/refund-a-purchase/index.html', raised);
    expect(text).toContain('Commis de magasin Décide jusqu’à 90 £ par dossier');
    expect(text).not.toContain('75 £ par dossier');
    // Only facts changed: the translation is not stale.
    expect(raised.stderr).not.toContain('boundaries/refund-a-purchase.md has changed');
  });

  it('shows an untranslated entry in the base words, marked with their language and a notice', async () => {
    const tree = await page('fr-ca/roles/shift-lead/index.html');
    expect(visibleText(select('.translation-notice', tree)!)).toBe('Cette page n’est pas encore traduite : vous lisez la version en anglais.');
    expect(attribute(select('h1', tree)!, 'lang')).toBe('en-GB');
    expect(visibleText(select('h1', tree)!)).toBe('Shift lead');
    // The interface around it is French.
    expect(visibleText(select('main', tree)!)).toContain('Ce que ce rôle peut décider');
  });

  it('says when a translation is older than its source, with a link to the current words', async () => {
    const tree = await page('fr-ca/values/own-the-outcome/index.html');
    const notice = select('.translation-notice', tree)!;
    expect(attribute(notice, 'data-translation')).toBe('stale');
    expect(visibleText(notice)).toContain('La version en anglais de cette page a changé depuis sa traduction');
    expect(attribute(select('a', notice)!, 'href')).toBe('/values/own-the-outcome/');
    expect(visibleText(select('h1', tree)!)).toBe('Prendre le résultat en main');
  });

  it('offers the same page in the other language, and names the alternates in the head', async () => {
    const tree = await page('fr-ca/values/own-the-outcome/index.html', raised);
    const links = selectAll('.language-picker a', tree).map((link) => [visibleText(link), attribute(link, 'href'), attribute(link, 'lang')]);
    expect(links).toEqual([
      ['English', '/playbook/values/own-the-outcome/', 'en-GB'],
      ['Français', '/playbook/fr-ca/values/own-the-outcome/', 'fr-CA'],
      ['Deutsch', '/playbook/de/values/own-the-outcome/', 'de'],
    ]);
    const alternates = selectAll('link[rel="alternate"][hreflang]', tree).map((link) => [attribute(link, 'hrefLang'), attribute(link, 'href')]);
    expect(alternates).toEqual([
      ['en-GB', 'https://playbook.example.org/playbook/values/own-the-outcome/'],
      ['fr-CA', 'https://playbook.example.org/playbook/fr-ca/values/own-the-outcome/'],
      ['de', 'https://playbook.example.org/playbook/de/values/own-the-outcome/'],
      ['x-default', 'https://playbook.example.org/playbook/values/own-the-outcome/'],
    ]);
    // Every link of a French page stays in French, but for those that say they lead to another language (hreflang).
    const hrefs = selectAll('main a[href^="/"]:not([hreflang])', tree).map((link) => attribute(link, 'href')!);
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href.startsWith('/playbook/fr-ca/'), href).toBe(true);
  });

  it('answers "Can I…?" per role in French, with the same verdicts', async () => {
    const text = await main('fr-ca/can-i/store-associate/index.html');
    expect(text).toContain('Ce que Commis de magasin peut décider');
    expect(text).toContain('Rembourser un achat Décide jusqu’à 75 £ par dossier');
    const data = JSON.parse(await readFile(path.join(build.outDir, 'fr-ca/can-i/store-associate.json'), 'utf8')) as { r: [string, string][] };
    expect(data.r.find(([id]) => id === 'store-associate')?.[1]).toBe('Commis de magasin');
    const words = JSON.parse(await readFile(path.join(build.outDir, 'fr-ca/interface.json'), 'utf8')) as { tag: string; words: Record<string, string> };
    expect(words.tag).toBe('fr-CA');
    expect(words.words['verdict.decideUpTo']).toBe('Vous pouvez décider jusqu’à {limit}.');
    // What the header's search box loads (issue 20): search's words alone, in the same language.
    const search = JSON.parse(await readFile(path.join(build.outDir, 'fr-ca/search/words.json'), 'utf8')) as { tag: string; words: Record<string, string> };
    expect(search.tag).toBe('fr-CA');
    expect(search.words['search.topResults']).toBe(words.words['search.topResults']);
    expect(search.words['kind.wins']).toBe(words.words['kind.wins']);
    expect(Object.keys(search.words).filter((key) => !/^(?:search\.|kind\.|count\.results$|translation\.inLanguage$)/.test(key))).toEqual([]);
    expect(Object.keys(search.words).length).toBeLessThan(Object.keys(words.words).length / 2);
  });

  it('has feeds and synonyms per language', async () => {
    const feed = await readFile(path.join(build.outDir, 'fr-ca/changes/rss.xml'), 'utf8');
    expect(feed).toContain('<language>fr-CA</language>');
    expect(feed).toContain('Fixture Outfitters\u00a0: changements aux limites');
    expect(feed).toContain('Rembourser un achat\u00a0: Limite du commis relevée de 40 £ à 75 £.');
    expect(feed).toContain('http://localhost/fr-ca/boundaries/refund-a-purchase/#change-2026-03-01');
    expect(JSON.parse(await readFile(path.join(build.outDir, 'fr-ca/search/synonyms.json'), 'utf8'))).toEqual({ rembourser: ['remboursement', 'refund'] });
  });

  it('lists stale and missing translations on /review/, in every language', async () => {
    for (const file of ['review/index.html', 'fr-ca/review/index.html']) {
      const tree = await page(file);
      const stale = selectAll('#translations ~ .table-scroll th a', tree).map((link) => attribute(link, 'href'));
      expect(stale, file).toEqual(['/fr-ca/values/own-the-outcome/']);
      const missing = selectAll('.missing-translations a', tree).map((link) => attribute(link, 'href'));
      expect(missing, file).toContain('/fr-ca/roles/shift-lead/');
      expect(missing, file).not.toContain('/fr-ca/boundaries/refund-a-purchase/');
    }
    expect(await main('review/index.html')).toContain('translations/fr-CA/values/own-the-outcome.md ← values/own-the-outcome.md');
  });
});

describe('a language Latitude does not ship', () => {
  it('takes its interface words from translations/<language>/interface.yaml, and its entries fall back to the base words', async () => {
    const tree = await page('de/can-i/store-associate/index.html');
    expect(attribute(select('html', tree)!, 'lang')).toBe('de');
    expect(visibleText(select('h1', tree)!)).toBe('[de] What a Store associate may decide');
    // Money as German writes it (Intl for `de`), words from interface.yaml.
    expect(visibleText(select('main', tree)!)).toContain('Refund a purchase [de] Decides [de] up to [de] 75 £ [de] per case');
    const role = await page('de/roles/shift-lead/index.html');
    expect(visibleText(select('.translation-notice', role)!)).toBe('[de] This page is not yet translated; you are reading the Englisch version.');
  });
});

describe('search in every language', () => {
  it('keeps one index per language: French pages only in French, never English-only duplicates of translated ones', async () => {
    const entry = JSON.parse(await readFile(path.join(build.outDir, 'pagefind/core/pagefind-entry.json'), 'utf8')) as { languages: Record<string, unknown> };
    expect(Object.keys(entry.languages).sort()).toEqual(['de', 'en-gb', 'fr-ca']);
    const fragments = await pagefindFragments(path.join(build.outDir, 'pagefind'));
    const english = fragments.filter((fragment) => fragment.file.includes('/en-gb_'));
    const french = fragments.filter((fragment) => fragment.file.includes('/fr-ca_'));
    expect(english.length).toBeGreaterThan(0);
    expect(english.every((fragment) => !fragment.url.startsWith('/fr-ca/'))).toBe(true);
    expect(french.length).toBe(english.length);
    expect(french.every((fragment) => fragment.url.startsWith('/fr-ca/'))).toBe(true);
    const translated = french.find((fragment) => fragment.url === '/fr-ca/boundaries/refund-a-purchase/')!;
    expect(translated.meta.title).toBe('Rembourser un achat');
    expect(translated.filters.type).toEqual(['Limite de décision']);
    expect(translated.meta.language).toBeUndefined();
    // An untranslated entry is found in French too, and its result says its words are English.
    const untranslated = french.find((fragment) => fragment.url === '/fr-ca/roles/shift-lead/')!;
    expect(untranslated.meta).toMatchObject({ title: 'Shift lead', language: 'en-GB' });
  });
});
