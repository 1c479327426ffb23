/**
 * Hostile-yet-valid content: tests/fixtures/hostile is a complete playbook
 * that passes validation, but whose every string field carries markup,
 * script, template syntax, entities, bidi controls or very long words.
 * Built once; every page is parsed with a real HTML parser and checked:
 * no script but the site's own, no event-handler attribute, no
 * `javascript:` URL, and each hostile string shown as text exactly where it
 * belongs. The feeds parse as XML, the "Can I…?" data parses as JSON and
 * cannot close its <script>, and search records hold the text.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { XMLParser } from 'fast-xml-parser';
import { wellFormedXml } from '../support/xml.ts';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlaybook, FIXTURES, PROJECT_ROOT, type BuildResult } from '../support/build-playbook.ts';
import { attribute, byTag, elementsOf, filesIn, pagefindFragments, parsePage, textOf } from '../support/built-site.ts';
import { PAGE_SCRIPT_FILE, PAGE_SCRIPT_VERSION } from '../../src/layouts/page-script.ts';
import { CONTENT_SECURITY_POLICY } from '../../src/lib/security/content-security-policy.ts';

const ROOT = path.join(FIXTURES, 'hostile');

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed frontmatter of any shape, read field by field in assertions
type Data = Record<string, any>;

/** A fixture file's frontmatter (or whole YAML file), read the way the site reads it. */
async function fixture(file: string): Promise<Data> {
  const text = await readFile(path.join(ROOT, file), 'utf8');
  const yaml = file.endsWith('.yaml') ? text : text.split(/^---$/m)[1]!;
  return parseYaml(yaml) as Data;
}

let build: BuildResult;
let settings: Data;
let value: Data;
let longWord: Data;
let agent: Data;
let manager: Data;
let guideline: Data;
let boundary: Data;
let study: Data;
let win: Data;
const pages = new Map<string, Root>();

beforeAll(async () => {
  [settings, value, longWord, agent, manager, guideline, boundary, study, win] = await Promise.all([
    fixture('playbook.yaml'),
    fixture('values/hostile-value.md'),
    fixture('values/long-word.mdx'),
    fixture('roles/front-agent.yaml'),
    fixture('roles/duty-manager.yaml'),
    fixture('guidelines/hostile-guideline.md'),
    fixture('boundaries/hostile-boundary.md'),
    fixture('case-studies/hostile-case.md'),
    fixture('wins/hostile-win.md'),
  ]);
  build = await buildPlaybook(ROOT);
  if (build.exitCode !== 0) throw new Error(`the hostile fixture must build:\n${build.stdout}\n${build.stderr}`);
  for (const file of await filesIn(build.outDir)) {
    if (file.endsWith('.html')) pages.set(file, parsePage(await readFile(path.join(build.outDir, file), 'utf8')));
  }
});

afterAll(() => build?.cleanup());

const page = (file: string): Root => {
  const tree = pages.get(file);
  expect(tree, `${file} was built`).toBeDefined();
  return tree!;
};
const texts = (tree: Root | Element, tag: string) => byTag(tree, tag).map(textOf);
const only = (tree: Root | Element, tag: string) => {
  const found = byTag(tree, tag);
  expect(found, `exactly one <${tag}>`).toHaveLength(1);
  return found[0]!;
};
const mainOf = (tree: Root) => only(tree, 'main');
/** An element whose whole text is exactly `text`: the string arrived as text, not as markup. */
const hasText = (tree: Root | Element, text: string) => elementsOf(tree).some((element) => textOf(element) === text);
const metaDescription = (tree: Root) => byTag(tree, 'meta').find((meta) => attribute(meta, 'name') === 'description');

/** Every string a content author wrote in the fixture (for "no script contains content"). */
function authoredStrings(): string[] {
  const strings: string[] = [];
  const collect = (node: unknown): void => {
    if (typeof node === 'string') strings.push(node);
    else if (Array.isArray(node)) node.forEach(collect);
    else if (node && typeof node === 'object')
      Object.entries(node).forEach(([key, inner]) => {
        strings.push(key);
        collect(inner);
      });
  };
  [settings, value, longWord, agent, manager, guideline, boundary, study, win].forEach(collect);
  return strings.filter((text) => /[<>{}$&]/.test(text));
}

describe('every HTML page', () => {
  it("holds no <script> but the site's own", () => {
    const authored = authoredStrings();
    expect(pages.size).toBeGreaterThan(15);
    for (const [file, tree] of pages) {
      for (const script of byTag(tree, 'script')) {
        const type = attribute(script, 'type');
        const src = attribute(script, 'src');
        const body = textOf(script);
        const where = `${file}: <script type=${type} src=${src}>${body.slice(0, 80)}`;
        if (src !== undefined && src.startsWith(`/${PAGE_SCRIPT_FILE}?`)) {
          // The page script (issue 20): one classic script at its fixed address, the site's own constant text.
          expect(src, where).toBe(`/${PAGE_SCRIPT_FILE}?v=${PAGE_SCRIPT_VERSION}`);
          expect(type, where).toBeUndefined();
          expect(body, where).toBe('');
        } else if (src !== undefined) {
          expect(type, where).toBe('module');
          expect(src, where).toMatch(/^\/(_astro|pagefind)\/[\w./-]+$/);
          expect(body, where).toBe('');
        } else if (type === 'application/json') {
          // Data only: the helper's data, and the interface words the page's scripts show (never an author's text).
          expect(['can-i-data', 'latitude-words'], where).toContain(attribute(script, 'id'));
          if (attribute(script, 'id') === 'latitude-words') for (const text of authored) expect(body.includes(text), `${where} contains "${text}"`).toBe(false);
        } else {
          // No inline script at all: the policy lists no hash, so it would not run (and an author's text in one would be worse).
          expect.unreachable(`${where}: an inline script (every script must be a file of the site)`);
        }
      }
    }
  });

  it('states the one policy first in <head>, and nothing else does', () => {
    for (const [file, tree] of pages) {
      const head = byTag(tree, 'head')[0]!;
      const policies = byTag(tree, 'meta').filter((meta) => attribute(meta, 'http-equiv')?.toLowerCase() === 'content-security-policy');
      expect(
        policies.map((meta) => attribute(meta, 'content')),
        file,
      ).toEqual([CONTENT_SECURITY_POLICY]);
      const first = head.children.filter((node): node is Element => node.type === 'element').slice(0, 2);
      // hast names it charSet.
      expect([attribute(first[0]!, 'charSet'), attribute(first[1]!, 'http-equiv')], file).toEqual(['utf-8', 'content-security-policy']);
    }
  });

  it('has no event-handler attribute, no javascript: URL, and none of the injected elements', () => {
    for (const [file, tree] of pages) {
      for (const element of elementsOf(tree)) {
        for (const [name, raw] of Object.entries(element.properties)) {
          expect(name.toLowerCase().startsWith('on'), `${file}: <${element.tagName} ${name}>`).toBe(false);
          const values = Array.isArray(raw) ? raw : [raw];
          for (const one of values) {
            // Browsers ignore control characters and spaces inside a scheme, so compare without them.
            const compact = String(one)
              .replace(/[\u0000-\u0020\u007f]+/g, '')
              .toLowerCase();
            expect(/^(javascript|vbscript|data:text\/html)/.test(compact), `${file}: <${element.tagName} ${name}="${String(one)}">`).toBe(false);
          }
        }
        // The one <svg> the site writes itself: a pocket card's QR code (paths only, checked below).
        const qrCode = element.tagName === 'svg' && /^roles\/[^/]+\/card\/index\.html$/.test(file);
        if (qrCode)
          expect(
            elementsOf(element)
              .map((e) => e.tagName)
              .filter((tag) => tag !== 'svg' && tag !== 'path'),
            `${file}: QR code`,
          ).toEqual([]);
        else expect(['iframe', 'object', 'embed', 'svg', 'marquee', 'base'], `${file}: <${element.tagName}>`).not.toContain(element.tagName);
        if (element.tagName === 'img') expect(attribute(element, 'src'), `${file}: <img>`).not.toBe('x');
        if (element.tagName === 'form') expect([undefined, '/search/'], `${file}: <form>`).toContain(attribute(element, 'action'));
        if (element.tagName === 'style') expect(textOf(element), `${file}: <style>`).not.toContain('body{display:none}');
        if (element.tagName === 'meta' && attribute(element, 'http-equiv')?.toLowerCase() === 'refresh') throw new Error(`${file}: <meta http-equiv=refresh>`);
      }
    }
  });

  it('shows the playbook name and tagline as text', () => {
    for (const [file, tree] of pages) {
      expect(textOf(only(tree, 'title')), file).toMatch(new RegExp(`${escapeRegExp(settings.name)}`));
      expect(textOf(only(tree, 'footer')), file).toContain(settings.name);
    }
    const home = page('index.html');
    expect(hasText(home, settings.name)).toBe(true);
    expect(hasText(mainOf(home), settings.tagline)).toBe(true);
  });

  it('keeps the hostile editUrl inside a valid https link', () => {
    const tree = page('values/hostile-value/index.html');
    const edit = byTag(tree, 'a').find((a) => textOf(a) === 'Edit this page');
    expect(attribute(edit!, 'href')).toBe(`${settings.editUrl}values/hostile-value.md`);
    expect(new URL(attribute(edit!, 'href')!).protocol).toBe('https:');
  });
});

describe('entry pages show each hostile string as text', () => {
  it('value', () => {
    const tree = page('values/hostile-value/index.html');
    expect(textOf(only(tree, 'h1'))).toBe(value.title);
    expect(textOf(only(tree, 'title'))).toBe(`${value.title} (value) · ${settings.name}`);
    expect(attribute(metaDescription(tree)!, 'content')).toBe(value.summary);
    expect(hasText(tree, value.summary)).toBe(true);
    const items = texts(mainOf(tree), 'li');
    for (const line of [...value.behaviors, ...value.antiBehaviors]) expect(items).toContain(line);
    // The body: entities decode to text, code stays code, allowed tags keep their (escaped) attributes.
    // Typographic quotes are Markdown's (smartypants); compare with straight ones.
    const prose = textOf(mainOf(tree)).replace(/[‘’]/g, "'");
    expect(prose).toMatch(/<script>alert\(.body-entity.\)<\/script>/);
    expect(texts(tree, 'code')).toContain("<img src=x onerror=alert('code-span')>");
    expect(attribute(only(tree, 'abbr'), 'title')).toBe(`"><script>alert('abbr')</script>`);
    expect(texts(tree, 'kbd')).toContain('Ctrl');
    const link = byTag(mainOf(tree), 'a').find((a) => textOf(a) === 'link with a hostile title')!;
    expect(attribute(link, 'title')).toBe(`"><script>alert('link-title')</script>`);
    expect(prose).toContain("{{ alert('mustache') }}");
    expect(prose).toContain("${alert('template')}");
    expect(texts(tree, 'pre').join('')).toContain("</script><script>alert('fence')</script>");
  });

  it('value with a very long word, bidi controls and an MDX Callout title', () => {
    const tree = page('values/long-word/index.html');
    expect(textOf(only(tree, 'h1'))).toBe(longWord.title);
    expect(longWord.summary).toContain('\u202E');
    expect(hasText(tree, longWord.summary)).toBe(true);
    expect(textOf(mainOf(tree))).toContain("<script>alert('callout-title')</script>");
    expect(textOf(mainOf(tree))).toContain('Callout text with <b>entities</b>');
    expect(textOf(mainOf(tree))).toContain(boundary.title);
  });

  it('roles', () => {
    const tree = page('roles/front-agent/index.html');
    expect(textOf(only(tree, 'h1'))).toBe(agent.title);
    expect(hasText(tree, agent.summary)).toBe(true);
    expect(textOf(mainOf(tree))).toContain(agent.team);
    expect(textOf(mainOf(tree))).toContain(manager.title);
    const top = page('roles/duty-manager/index.html');
    expect(textOf(only(top, 'h1'))).toBe(manager.title);
    expect(hasText(top, manager.summary)).toBe(true);
  });

  it('guideline', () => {
    const tree = page('guidelines/hostile-guideline/index.html');
    expect(textOf(only(tree, 'h1'))).toBe(guideline.title);
    expect(textOf(only(tree, 'title'))).toBe(`${guideline.title} (guideline) · ${settings.name}`);
    expect(attribute(metaDescription(tree)!, 'content')).toBe(guideline.summary);
    expect(hasText(tree, guideline.owner)).toBe(true);
    const main = textOf(mainOf(tree));
    for (const tag of guideline.tags) expect(main).toContain(tag);
  });

  it('boundary', () => {
    const tree = page('boundaries/hostile-boundary/index.html');
    expect(textOf(only(tree, 'h1'))).toBe(boundary.title);
    expect(hasText(tree, boundary.summary)).toBe(true);
    const main = textOf(mainOf(tree));
    for (const text of [boundary.decision, boundary.category, boundary.grants[0].note, boundary.owner, boundary.approvedBy, agent.title, manager.title]) {
      expect(main).toContain(text);
    }
    const items = texts(mainOf(tree), 'li');
    for (const line of [...boundary.guardrails, ...boundary.examples.within, ...boundary.examples.outside]) expect(items).toContain(line);
    expect(main).toContain(boundary.changes[0].summary);
  });

  it('case study, with a source URL full of quotes that stays one https link', () => {
    const tree = page('case-studies/hostile-case/index.html');
    expect(textOf(only(tree, 'h1'))).toBe(study.title);
    for (const text of [study.summary, study.organisation, study.industry, study.period]) expect(hasText(tree, text), text).toBe(true);
    const metric = study.metrics[0];
    expect(texts(tree, 'th')).toContain(metric.label);
    expect(texts(tree, 'strong')).toContain(metric.value);
    expect(texts(tree, 'td')).toContain(metric.before);
    const source = byTag(mainOf(tree), 'a').find((a) => textOf(a) === study.sources[0].title);
    expect(source, 'the source link').toBeDefined();
    expect(attribute(source!, 'href')).toBe(study.sources[0].url);
    expect(new URL(attribute(source!, 'href')!).protocol).toBe('https:');
    expect(Object.keys(source!.properties).sort()).toEqual(['href']);
  });

  it('win, with a customer quote and picture text', () => {
    const tree = page('wins/hostile-win/index.html');
    expect(textOf(only(tree, 'h1'))).toBe(win.title);
    expect(hasText(tree, win.people.join(', '))).toBe(true);
    expect(hasText(tree, win.team)).toBe(true);
    expect(texts(tree, 'p')).toContain(win.customer.quote);
    expect(texts(tree, 'figcaption')).toContain(win.customer.name);
    expect(hasText(tree, win.impact)).toBe(true);
    const picture = byTag(mainOf(tree), 'img').find((img) => attribute(img, 'alt') === win.imageAlt);
    expect(picture, 'the win picture with its alt text').toBeDefined();
    expect(attribute(picture!, 'src')).toMatch(/^\/_astro\//);
  });

  it('listings show titles and summaries as text', () => {
    expect(texts(mainOf(page('values/index.html')), 'a')).toContain(value.title);
    expect(texts(mainOf(page('guidelines/index.html')), 'a')).toContain(guideline.title);
    expect(texts(mainOf(page('case-studies/index.html')), 'a')).toContain(study.title);
    expect(hasText(mainOf(page('wins/index.html')), win.title)).toBe(true);
    expect(textOf(mainOf(page('changes/index.html')))).toContain(boundary.changes[0].summary);
  });
});

describe('feeds', () => {
  const parser = new XMLParser({ ignoreAttributes: false, processEntities: true, htmlEntities: false, isArray: (name) => name === 'item' });

  for (const [feed, expected] of [
    ['wins/rss.xml', () => [win.title]],
    ['changes/rss.xml', () => [`${boundary.title}: ${boundary.changes[0].summary}`]],
  ] as const) {
    it(`${feed} is well-formed XML with the hostile text escaped`, async () => {
      const xml = await readFile(path.join(build.outDir, feed), 'utf8');
      expect(wellFormedXml(xml)).toBe(true);
      const channel = parser.parse(xml).rss.channel as { title: string; item: { title: string; description: string }[] };
      expect(channel.title.startsWith(settings.name)).toBe(true);
      expect(channel.item.map((item) => item.title)).toEqual(expect.arrayContaining(expected()));
      // No markup from content survives as markup: every < in content is &lt;.
      expect(xml).not.toMatch(/<(script|img|svg|iframe|b)\b/i);
    });
  }

  it('the wins feed carries people and impact as text', async () => {
    const xml = await readFile(path.join(build.outDir, 'wins/rss.xml'), 'utf8');
    const item = parser.parse(xml).rss.channel.item[0] as { description: string };
    expect(item.description).toBe(`${win.people.join(', ')}: ${win.impact}`);
  });
});

describe('the "Can I…?" helper data', () => {
  it('parses as JSON, holds the hostile text as data, and cannot close its <script>', async () => {
    const html = await readFile(path.join(build.outDir, 'can-i/index.html'), 'utf8');
    const script = byTag(page('can-i/index.html'), 'script').find((element) => attribute(element, 'id') === 'can-i-data');
    expect(script).toBeDefined();
    const raw = textOf(script!);
    expect(raw).not.toMatch(/<\/script/i);
    expect(raw).not.toContain('<!--');
    expect(raw).not.toContain('<');
    expect(raw).toContain('\\u003cimg'); // the agent's title, escaped
    // The parser's view and the file's bytes agree: the JSON ends where the element ends.
    expect(html).toContain(`<script type="application/json" id="can-i-data">${raw}</script>`);
    const roles = JSON.parse(raw) as { r: [string, string][] };
    expect(roles.r.map((role) => role[1])).toEqual(expect.arrayContaining([agent.title, manager.title]));
    // The decisions come from the role's own file, escaped the same way.
    const file = await readFile(path.join(build.outDir, 'can-i/front-agent.json'), 'utf8');
    expect(file).not.toContain('<');
    const data = JSON.parse(file) as { r: [string, string][]; d: [string, string, string, string, string, string[]][] };
    const decision = data.d.find((row) => row[0] === 'hostile-boundary')!;
    expect(decision[1]).toBe(boundary.decision);
    expect(decision[2]).toBe(boundary.title);
    expect(decision[4]).toBe(boundary.category);
    expect(decision[5]).toEqual(boundary.guardrails);
  });
});

describe('the search synonyms', () => {
  it('are JSON data, the hostile key and words unchanged', async () => {
    const json = await readFile(path.join(build.outDir, 'search/synonyms.json'), 'utf8');
    expect(JSON.parse(json)).toEqual(settings.synonyms);
  });
});

describe('the search index', () => {
  it('holds the hostile strings as text in its records (when Pagefind is part of the build)', async () => {
    const index = path.join(build.outDir, 'pagefind');
    // Search comes from src/integrations/pagefind.ts: once the Astro config uses it, the index must be in the build.
    const searchBuilt = (await readFile(path.join(PROJECT_ROOT, 'astro.config.mjs'), 'utf8')).includes('integrations/pagefind');
    expect(existsSync(index)).toBe(searchBuilt);
    if (!searchBuilt) return;
    const fragments = await pagefindFragments(index);
    const titles = fragments.map((fragment) => fragment.meta.title);
    expect(titles).toEqual(expect.arrayContaining([value.title, guideline.title, boundary.title, study.title, win.title]));
    const content = fragments.map((fragment) => fragment.content).join('\n');
    expect(content).toContain(boundary.summary);
    // Text, never re-serialised markup: an escaped entity in the index would show up as "&lt;" in results.
    expect(content).not.toContain('&lt;script');
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
