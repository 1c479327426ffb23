/**
 * Languages: translated words over base facts, the words version of an
 * entry, the dictionaries and their checks, and where each language lives.
 */
import { describe, expect, it } from 'vitest';
import { checkInterfaceWords, dictionaryFor, ENGLISH, shippedDictionary } from '../../src/lib/languages/dictionary.ts';
import { clientWords } from '../../src/lib/languages/client-words.ts';
import { entryWords, isStale, sourceVersion } from '../../src/lib/languages/entry-words.ts';
import { FRENCH } from '../../src/lib/languages/interface-fr.ts';
import { fillPlaceholders, placeholdersOf } from '../../src/lib/languages/message.ts';
import { languageOfPath, localisedPath, siteLanguages, unlocalisedPath } from '../../src/lib/languages/site-languages.ts';
import { createWords } from '../../src/lib/languages/words.ts';
import { overlayWords, translatedEntries, type LoadedTranslation } from '../../src/lib/model/translated-entries.ts';
import { languagePlan } from '../../src/lib/offline/precache-plan.ts';
import { boundarySchema, type CollectionName } from '../../schemas/index.ts';

const boundary = boundarySchema.parse({
  title: 'Refund a purchase',
  summary: 'How far each role may go.',
  decision: 'Refund a purchase',
  grants: [
    { role: 'associate', authority: 'decide', limit: { amount: 75 }, note: 'Check the receipt.' },
    { role: 'lead', authority: 'decide' },
  ],
  guardrails: ['Never to another card.'],
  owner: 'Retail',
  approvedBy: 'Head of retail',
  effective: '2026-01-01',
  lastReviewed: '2026-01-01',
  changes: [{ date: '2026-01-01', summary: 'First version.' }],
});

describe('sourceVersion', () => {
  it('is ten letters, so YAML never reads it as a number', () => {
    expect(sourceVersion('boundaries', boundary, 'Text.')).toMatch(/^[a-p]{10}$/);
  });

  it('changes with the words and the body, never with the facts', () => {
    const version = sourceVersion('boundaries', boundary, 'Text.');
    const raised = { ...boundary, grants: [{ ...boundary.grants[0]!, limit: { amount: 100 } }, boundary.grants[1]!], owner: 'Someone else' };
    expect(sourceVersion('boundaries', raised, 'Text.')).toBe(version);
    expect(sourceVersion('boundaries', { ...boundary, guardrails: ['Never to another card or in cash.'] }, 'Text.')).not.toBe(version);
    expect(sourceVersion('boundaries', boundary, 'Other text.')).not.toBe(version);
  });

  it('ignores line endings and space around the body', () => {
    expect(sourceVersion('values', { title: 'T', summary: 'S' }, 'One.\r\n\r\nTwo.\n\n')).toBe(
      sourceVersion('values', { title: 'T', summary: 'S' }, 'One.\n\nTwo.'),
    );
  });

  it('says a translation without a version, or with an old one, is stale', () => {
    const version = sourceVersion('boundaries', boundary, 'Text.');
    expect(isStale('boundaries', version, { data: boundary, body: 'Text.' })).toBe(false);
    expect(isStale('boundaries', undefined, { data: boundary, body: 'Text.' })).toBe(true);
    expect(isStale('boundaries', version, { data: boundary, body: 'Changed.' })).toBe(true);
  });

  it('reads the words of an entry as a translation holds them', () => {
    expect(entryWords('boundaries', boundary)).toEqual({
      title: 'Refund a purchase',
      summary: 'How far each role may go.',
      decision: 'Refund a purchase',
      guardrails: ['Never to another card.'],
      examples: { within: [], outside: [] },
      grants: [{ role: 'associate', note: 'Check the receipt.' }, { role: 'lead' }],
      changes: [{ date: '2026-01-01', summary: 'First version.' }],
    });
  });
});

describe('translated entries', () => {
  const french = {
    sourceVersion: 'x',
    title: 'Rembourser un achat',
    grants: [{ role: 'associate', note: 'Vérifiez le reçu.' }, { role: 'lead' }],
    guardrails: ['Jamais sur une autre carte.'],
  };

  it('lay the words over the base entry and keep every fact', () => {
    const { data, untranslated } = overlayWords(entryWords('boundaries', boundary), boundary as unknown as Record<string, unknown>, french);
    expect(data).toMatchObject({ title: 'Rembourser un achat', decision: 'Refund a purchase', owner: 'Retail', guardrails: ['Jamais sur une autre carte.'] });
    expect(data.grants).toEqual([
      { role: 'associate', authority: 'decide', limit: { amount: 75 }, per: 'case', note: 'Vérifiez le reçu.' },
      { role: 'lead', authority: 'decide', per: 'case' },
    ]);
    expect([...untranslated].sort()).toEqual(['changes', 'decision', 'summary']);
  });

  it('mark an entry without a translation as missing, and a stale one as stale, with its body', () => {
    const entries = {
      values: [],
      roles: [],
      guidelines: [],
      caseStudies: [],
      wins: [],
      boundaries: [{ id: 'refund', file: 'boundaries/refund.md', data: boundary, source: 'base' }],
    };
    const none = translatedEntries(entries as never, [], 'en-GB') as unknown as Record<
      CollectionName,
      { translation: { state: string; untranslated: Set<string> } }[]
    >;
    expect(none.boundaries[0]!.translation.state).toBe('missing');
    expect(none.boundaries[0]!.translation.untranslated.has('body')).toBe(true);
    const translation: LoadedTranslation<string> = {
      language: 'fr-CA',
      collection: 'boundaries',
      id: 'refund',
      file: 't.md',
      data: french,
      stale: true,
      source: 'own body',
    };
    const [entry] = translatedEntries(entries as never, [translation], 'en-GB').boundaries;
    expect(entry).toMatchObject({ source: 'own body', translation: { state: 'stale', sourceLanguage: 'en-GB', file: 't.md' } });
    expect(entry!.translation.untranslated.has('body')).toBe(false);
  });

  it('count grants without notes as nothing to translate', () => {
    const plain = { ...boundary, grants: boundary.grants.map(({ note: _note, ...grant }) => grant), changes: [], guardrails: [] };
    const { untranslated } = overlayWords(entryWords('boundaries', plain), plain as unknown as Record<string, unknown>, {
      title: 'T',
      summary: 'S',
      decision: 'D',
    });
    expect([...untranslated]).toEqual([]);
  });
});

describe('dictionaries', () => {
  it('French has every English key, with the same placeholders', () => {
    for (const key of Object.keys(ENGLISH) as (keyof typeof ENGLISH)[]) {
      expect(FRENCH[key], key).toBeDefined();
      expect([...placeholdersOf(FRENCH[key])].sort(), key).toEqual([...placeholdersOf(ENGLISH[key])].sort());
    }
    expect(Object.keys(FRENCH).sort()).toEqual(Object.keys(ENGLISH).sort());
  });

  it('serve regional variants, and fall back to English for a base language Latitude does not ship', () => {
    expect(shippedDictionary('fr-CA')).toBe(FRENCH);
    expect(shippedDictionary('en-IE')).toBe(ENGLISH);
    expect(shippedDictionary('de')).toBeUndefined();
    expect(dictionaryFor('de')).toBe(ENGLISH);
  });

  it('an interface.yaml lists every missing key in one error', () => {
    const { 'nav.values': _values, 'nav.roles': _roles, ...rest } = ENGLISH;
    const { findings, dictionary } = checkInterfaceWords({ ...rest }, 'translations/de/interface.yaml');
    expect(dictionary).toBeUndefined();
    expect(findings).toEqual([
      {
        file: 'translations/de/interface.yaml',
        path: [],
        at: 'value',
        severity: 'error',
        rule: 'interface-words',
        message: '2 keys are missing: nav.values, nav.roles',
        hint: 'add each key with its words in this language; schemas/json/interface.schema.json lists every key with its English words',
      },
    ]);
  });

  it('an interface.yaml may not drop a placeholder or add an unknown key', () => {
    const { findings } = checkInterfaceWords({ ...ENGLISH, 'verdict.decideUpTo': 'Sie dürfen entscheiden.', 'nav.valeus': 'Werte' }, 'i.yaml');
    expect(findings.map((finding) => [finding.message, finding.hint])).toEqual([
      ['verdict.decideUpTo: leaves out {limit}, which the page fills in', 'write {limit} where it belongs in the sentence'],
      ['nav.valeus: unknown key', 'did you mean "nav.values"?'],
    ]);
    expect(checkInterfaceWords({ ...ENGLISH }, 'i.yaml')).toMatchObject({ findings: [], dictionary: ENGLISH });
  });

  it('the scripts get only the words they show', () => {
    const { tag, words } = clientWords('fr-CA', FRENCH);
    expect(tag).toBe('fr-CA');
    expect(words['verdict.decideUpTo']).toBe('Vous pouvez décider jusqu’à {limit}.');
    expect(words['search.noResultsFor']).toBeDefined();
    expect(Object.keys(words)).not.toContain('home.title');
  });
});

describe('words', () => {
  it('fill placeholders, with numbers in the language’s digits, and leave an unknown one visible', () => {
    const fr = createWords('fr-CA', FRENCH);
    expect(fr.t('reviewPage.soon', { days: 30 })).toBe('À réviser d’ici 30 jours');
    expect(fr.t('ladderPage.onSome', { held: 1200, total: 3000 })).toBe('sur 1\u00a0200 de 3\u00a0000');
    expect(createWords('en', { 'nav.values': 'Values {x}' }).t('nav.values')).toBe('Values {x}');
  });

  it('fill a text the same way each time it is asked, wherever its placeholders stand', () => {
    const text = '{who} may spend {limit}, {who}: {limit}{unit} { not } {} {x';
    const values = { who: 'A host', limit: 75, unit: '!' };
    const expected = 'A host may spend #75, A host: #75! { not } {} {x';
    expect(fillPlaceholders(text, values, (n) => `#${n}`)).toBe(expected);
    expect(fillPlaceholders(text, values, (n) => `#${n}`)).toBe(expected);
    expect(fillPlaceholders(text, { who: 'B' })).toBe('B may spend {limit}, B: {limit}{unit} { not } {} {x');
    expect(fillPlaceholders('no placeholder', {})).toBe('no placeholder');
    expect(fillPlaceholders('{limit}', { limit: 1200 })).toBe('1200');
    // A value that looks like a placeholder is written as it is, not filled again.
    expect(fillPlaceholders('{a} and {b}', { a: '{b}', b: 'x' })).toBe('{b} and x');
    // Only own values count: a name inherited by every object is no value.
    expect(fillPlaceholders('{toString}', {})).toBe('{toString}');
  });

  it('write each date as the language writes it, the same when asked again', () => {
    const en = createWords('en-GB', {});
    const fr = createWords('fr-CA', FRENCH);
    expect(en.date('2026-03-01')).toBe('1 Mar 2026');
    expect(en.date('2026-03-01')).toBe('1 Mar 2026');
    expect(fr.date('2026-03-01')).toBe('1 mars 2026');
    // More dates than are kept: every one still comes out right.
    const start = Date.UTC(1990, 0, 1);
    for (let day = 0; day < 10_050; day += 1) en.date(new Date(start + day * 86_400_000).toISOString().slice(0, 10));
    expect(en.date('1990-01-01')).toBe('1 Jan 1990');
    expect(en.date('2017-07-09')).toBe('9 Jul 2017');
  });
});

describe('where each language lives', () => {
  const languages = siteLanguages({ locale: 'en-GB', languages: ['fr-CA'] });

  it('keeps the base language at the root and each other under its lower-case tag', () => {
    expect(languages).toEqual([
      { tag: 'en-GB', path: '', isBase: true },
      { tag: 'fr-CA', path: 'fr-ca', isBase: false },
    ]);
    expect(localisedPath('/can-i/', languages[1]!)).toBe('/fr-ca/can-i/');
    expect(localisedPath('/can-i/', languages[0]!)).toBe('/can-i/');
  });

  it('reads a page’s language from its path, and finds the same page in the base language', () => {
    expect(languageOfPath('/fr-ca/boundaries/x/', languages).tag).toBe('fr-CA');
    expect(languageOfPath('/fr-ca/boundaries/[id]', languages).tag).toBe('fr-CA');
    expect(languageOfPath('/boundaries/x/', languages).tag).toBe('en-GB');
    expect(languageOfPath('/', languages).tag).toBe('en-GB');
    expect(unlocalisedPath('/fr-ca/boundaries/x/', languages)).toBe('/boundaries/x/');
    expect(unlocalisedPath('/fr-ca/', languages)).toBe('/');
    expect(unlocalisedPath('/values/', languages)).toBe('/values/');
  });
});

describe('offline, per language', () => {
  const files = [
    'index.html',
    'can-i/index.html',
    'boundaries/x/index.html',
    'sw.js',
    'fr-ca/index.html',
    'fr-ca/can-i/index.html',
    'fr-ca/boundaries/x/index.html',
    'fr-ca/sw.js',
    '_astro/can-i.abc.js',
    '_latitude/icon-192.png',
    'pagefind/pagefind.js',
    'pagefind/wasm.en-gb.pagefind',
    'pagefind/wasm.fr-ca.pagefind',
    'pagefind/pagefind.en-gb_1.pf_meta',
    'pagefind/pagefind.fr-ca_1.pf_meta',
    'pagefind/fragment/en-gb_1.pf_fragment',
    'pagefind/fragment/fr-ca_1.pf_fragment',
  ].map((path) => ({ path, size: 100 }));

  it('precaches the reader’s language only, with the files every language shares', () => {
    const french = languagePlan(files, { prefix: 'fr-ca', otherPrefixes: [], searchKey: 'fr-ca' });
    expect(french.files.map((file) => file.path).sort()).toEqual([
      '_astro/can-i.abc.js',
      '_latitude/icon-192.png',
      'fr-ca/boundaries/x/index.html',
      'fr-ca/can-i/index.html',
      'fr-ca/index.html',
      'pagefind/fragment/fr-ca_1.pf_fragment',
      'pagefind/pagefind.fr-ca_1.pf_meta',
      'pagefind/pagefind.js',
      'pagefind/wasm.fr-ca.pagefind',
    ]);
    const english = languagePlan(files, { prefix: '', otherPrefixes: ['fr-ca'], searchKey: 'en-gb' });
    expect(english.files.map((file) => file.path).filter((path) => path.includes('fr-ca'))).toEqual([]);
    expect(english.files.map((file) => file.path)).toContain('boundaries/x/index.html');
  });

  it('tiers a language’s pages as the base language’s, within the same budget', () => {
    const tight = languagePlan(files, { prefix: 'fr-ca', otherPrefixes: [], searchKey: 'fr-ca' }, 700);
    expect(tight.tiers).not.toContain('boundaries-and-roles');
    expect(tight.files.map((file) => file.path)).toContain('fr-ca/can-i/index.html');
    expect(tight.files.map((file) => file.path)).not.toContain('fr-ca/boundaries/x/index.html');
  });
});
