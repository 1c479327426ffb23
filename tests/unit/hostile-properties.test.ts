/**
 * The principles of issue 16 as properties, beyond its examples: seeded,
 * reproducible random inputs (FUZZ_SEED=n replays a run), each loop bounded
 * in time as well as in count.
 *
 * - paths: random names through the one name rule and the stored-path
 *   escaping, and through a real content root;
 * - allowlists: random SVGs, judged again by an independent reading that
 *   decodes CSS escapes; random YAML directives;
 * - bounded work: random nesting and markup density through the body check;
 * - output: random names and titles through the diff's Markdown and
 *   terminal escaping, read back with a GFM parser;
 * - caches: random content roots, each with its own cache folder.
 */
import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sax from 'sax';
import { markdownToMdast } from 'satteri';
import { afterAll, describe, expect, it } from 'vitest';
import { codeSpan, escapeMarkdown } from '../../src/lib/authority-diff/format.ts';
import { visibleText } from '../../src/lib/diagnostics/visible-text.ts';
import { SVG_ATTRIBUTES, SVG_ELEMENTS, SVG_PRESENTATION_PROPERTIES, svgProblem } from '../../src/lib/images/svg-safety.ts';
import { claimCacheDir, contentRootCacheDir } from '../../src/lib/reading/cache-dir.ts';
import { fromStoredPath, MAX_NAME_BYTES, nameProblem, toStoredPath } from '../../src/lib/reading/paths.ts';
import { parseSource } from '../../src/lib/reading/read-source.ts';
import { renderBody } from '../../src/lib/reading/render-body.ts';
import { validateContentRoot } from '../../src/lib/validator/validate-content-root.ts';
import { isEntryPath } from '../../src/lib/reading/scan-content-root.ts';
import { hostileRoot, removeRoots, TODAY } from '../support/hostile-root.ts';
import { pick, random } from '../support/random.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20261216);
const BUDGET_MS = 8_000;

/** Runs `body` up to `count` times or until the budget is spent; returns how many ran. */
function loop(count: number, body: (run: number) => void): number {
  const started = Date.now();
  let run = 0;
  for (; run < count && Date.now() - started < BUDGET_MS; run++) body(run);
  return run;
}

const work: string[] = [];
afterAll(async () => {
  await removeRoots();
  for (const dir of work) await rm(dir, { recursive: true, force: true });
});

const NAME_PIECES = [
  ...'abcxyzABC0129 ._-()+,',
  ...'?#%&=;:\\"\'<>|*`^[]{}$!@~',
  '\n',
  '\r',
  '\t',
  '\u0000',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u200b',
  '\u200d',
  '\u202e',
  '\u2066',
  '\u00a0',
  '\u3000',
  '\ufeff',
  '\ue000',
  'а',
  'е',
  'é',
  'ß',
  '中',
  '文',
  'ا',
  '😀',
  'e\u0301',
  'x'.repeat(40),
  'é'.repeat(30),
];

function randomName(next: () => number): string {
  let name = '';
  const length = 1 + Math.floor(next() * 8);
  for (let i = 0; i < length; i++) name += pick(NAME_PIECES, next);
  return name;
}

describe(`paths (seed ${SEED})`, () => {
  it('a name the rule accepts survives file systems, web addresses and imports; one it refuses is named', () => {
    const next = random(SEED);
    const runs = loop(20_000, () => {
      const name = randomName(next);
      const problem = nameProblem(name);
      if (problem === undefined) {
        expect(Buffer.byteLength(name), name).toBeLessThanOrEqual(MAX_NAME_BYTES);
        expect(name, name).toMatch(/^[\p{L}\p{M}\p{N}._\-()+,](?:[\p{L}\p{M}\p{N} ._\-()+,]*[\p{L}\p{M}\p{N}_\-()+,])?$/u);
        // Vite cuts an id at ? or #; Astro reads stored paths as URLs.
        expect(name.replace(/[?#].*$/, '')).toBe(name);
        expect(decodeURIComponent(encodeURIComponent(name))).toBe(name);
        expect(fileURLToPath(new URL(toStoredPath(`content/${name}`), 'file:///project/'))).toBe(`/project/content/${name}`);
      } else {
        const named = /U\+([0-9A-F]{4,6})/.exec(problem.message);
        if (named) expect([...name].map((char) => char.codePointAt(0))).toContain(parseInt(named[1]!, 16));
        else expect(problem.message + problem.hint).toMatch(/bytes long|starts or ends/);
      }
    });
    expect(runs).toBeGreaterThan(1000);
  });

  it('a stored path reads back as the file it names, whatever the folders are called', () => {
    const next = random(SEED + 1);
    loop(5_000, () => {
      const relative = Array.from({ length: 1 + Math.floor(next() * 4) }, () =>
        randomName(next)
          .replace(/[/\u0000]/g, '')
          .replace(/^\.{1,2}$/, '_'),
      ).join('/');
      expect(fromStoredPath(toStoredPath(relative))).toBe(relative);
      {
        expect(fileURLToPath(new URL(toStoredPath(`../up/${relative}`), 'file:///project/root/')), JSON.stringify(relative)).toBe(`/project/up/${relative}`);
      }
    });
  });

  it('random names in a real content root end in findings or success, and every refused name is reported', async () => {
    const next = random(SEED + 2);
    const started = Date.now();
    for (let run = 0; run < 12 && Date.now() - started < BUDGET_MS * 2; run++) {
      const names = Array.from({ length: 4 }, () => randomName(next).replace(/[/\u0000]/g, '_'));
      const root = await hostileRoot(async (root) => {
        for (const [i, name] of names.entries()) {
          const file = i % 2 === 0 ? path.join(root, 'roles', name, 'x-role.yaml') : path.join(root, 'assets', `${name}.png`);
          try {
            await mkdir(path.dirname(file), { recursive: true });
            await writeFile(file, i % 2 === 0 ? 'title: X\n' : 'not a picture');
          } catch {
            // A name this file system takes no more than (too long): not one content can hold either.
          }
        }
      });
      const report = await validateContentRoot(root, { today: TODAY });
      const files = new Set(report.diagnostics.filter((d) => d.rule === 'file-name').map((d) => d.file));
      for (const [i, name] of names.entries()) {
        const written = i % 2 === 0 ? `roles/${name}` : `assets/${name}.png`;
        if (!(await readdir(path.join(root, i % 2 === 0 ? 'roles' : 'assets'))).includes(i % 2 === 0 ? name : `${name}.png`)) continue;
        if (i % 2 === 0 && !isEntryPath(name)) continue; // a folder starting with _ or . is not read
        if (nameProblem(i % 2 === 0 ? name : `${name}.png`)) expect(files, JSON.stringify(written)).toContain(written);
      }
    }
  }, 60_000);
});

const ELEMENTS = [...SVG_ELEMENTS, 'script', 'foreignObject', 'style', 'image', 'feImage', 'iframe', 'h:p', 'unknown', 'use', 'a'];
const ATTRIBUTES = [
  ...SVG_ATTRIBUTES,
  ...SVG_PRESENTATION_PROPERTIES,
  'onload',
  'onclick',
  'cursor',
  'xlink:href',
  'xml:space',
  'x:y',
  'data-x',
  'aria-label',
  'srcdoc',
  'style',
];
const VALUE_PIECES = [
  'red',
  '#fff',
  '10',
  '1.5em',
  'rgb(1,2,3)',
  'url(#g)',
  'url("#g")',
  'url(https://evil.example/x)',
  'u\\72l(https://evil.example/x)',
  '\\75rl(x)',
  'image-set("https://evil.example/x" 1x)',
  'cross-fade(url(a), url(b))',
  'element(#x)',
  '@import "x"',
  '@\\69mport "x"',
  '/* c */',
  'expression(alert(1))',
  'javascript:alert(1)',
  'java\nscript:alert(1)',
  '#x',
  'https://evil.example/',
  'data:image/png;base64,AA',
  ';',
  ':',
  'fill: red',
  'fill: url(https://e/x)',
  'translate(1 2) rotate(3)',
  'var(--x)',
  'attr(href)',
  'calc(1px + 2px)',
  '"',
  '&amp;',
  '&#x75;rl(x)',
];

/** CSS as a browser reads it: escapes decoded, comments dropped, lower case. */
function decodedCss(value: string): string {
  return value
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\\([0-9a-fA-F]{1,6})\s?/g, (_, hex: string) => String.fromCodePoint(Math.min(parseInt(hex, 16), 0x10ffff) || 0xfffd))
    .replace(/\\(.)/g, '$1')
    .toLowerCase();
}

/** What an independent reading finds unsafe in an SVG the check accepted, if anything. */
function unsafeIn(svg: string): string | undefined {
  const parser = sax.parser(true, { xmlns: true });
  let found: string | undefined;
  parser.onopentag = (node) => {
    const tag = node as sax.QualifiedTag;
    if (tag.uri !== 'http://www.w3.org/2000/svg' || !SVG_ELEMENTS.has(tag.local.toLowerCase())) found ??= `element ${tag.name}`;
    for (const attribute of Object.values(tag.attributes)) {
      if (attribute.prefix === 'xmlns' || attribute.name === 'xmlns') continue;
      const name = attribute.local.toLowerCase();
      if (name.startsWith('on')) found ??= `handler ${attribute.name}`;
      const known = SVG_ATTRIBUTES.has(name) || SVG_PRESENTATION_PROPERTIES.has(name) || name.startsWith('aria-') || ['space', 'lang', 'title'].includes(name);
      if (!known) found ??= `attribute ${attribute.name}`;
      if (name === 'href' && !attribute.value.trim().startsWith('#')) found ??= `href ${attribute.value}`;
      const css = decodedCss(attribute.value);
      if (/url\(\s*(?!['"]?#)/.test(css) || /@import|image-set|cross-fade|element\(|expression|javascript:|var\(|attr\(/.test(css.replace(/\s+/g, ''))) {
        const animated =
          ['set', 'animate', 'animatemotion', 'animatetransform'].includes(tag.local.toLowerCase()) && ['from', 'to', 'by', 'values'].includes(name);
        if (SVG_PRESENTATION_PROPERTIES.has(name) || name === 'style' || animated) found ??= `css ${attribute.name}=${attribute.value}`;
      }
    }
  };
  parser.onerror = () => {
    found ??= 'not well-formed';
  };
  parser.write(svg).close();
  return found;
}

function randomSvg(next: () => number): string {
  const escape = (text: string) =>
    text
      .replace(/&(?!amp;)/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/"/g, '&quot;');
  let inner = '';
  const count = 1 + Math.floor(next() * 4);
  for (let i = 0; i < count; i++) {
    const element = pick(ELEMENTS, next);
    const attributes = Array.from({ length: Math.floor(next() * 4) }, () => {
      const value = Array.from({ length: 1 + Math.floor(next() * 2) }, () => pick(VALUE_PIECES, next)).join(' ');
      return ` ${pick(ATTRIBUTES, next)}="${escape(value)}"`;
    });
    const unique = [...new Map(attributes.map((a) => [a.split('=')[0], a])).values()].join('');
    const text = element === 'style' ? escape(pick(VALUE_PIECES, next)) : '';
    inner += `<${element}${element.startsWith('h:') ? ' xmlns:h="http://www.w3.org/1999/xhtml"' : ''}${element === 'x:y' ? '' : ''}${unique}>${text}</${element}>`;
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:x="urn:x" viewBox="0 0 10 10">${inner}</svg>`;
}

describe(`allowlists (seed ${SEED})`, () => {
  it('every SVG the check accepts holds only allowed elements, attributes and CSS, escapes decoded', () => {
    const next = random(SEED + 3);
    let accepted = 0;
    const runs = loop(5_000, () => {
      const svg = randomSvg(next);
      if (svgProblem(svg) !== undefined) return;
      accepted++;
      expect(unsafeIn(svg), svg).toBeUndefined();
    });
    expect(runs).toBeGreaterThan(500);
    expect(accepted).toBeGreaterThan(10); // the property is not vacuous
  });

  it('every YAML directive is a finding, and never changes what a file says', () => {
    const next = random(SEED + 4);
    const directives = ['%YAML 1.1', '%YAML 1.2', '%YAML 1.3', '%TAG !e! tag:example.com,2000:', '%TAG ! !foo', '%FOO bar baz', '%YAML 1.1 # comment'];
    loop(500, () => {
      const lines = Array.from({ length: 1 + Math.floor(next() * 2) }, () => pick(directives, next));
      const text = `${lines.join('\n')}\n---\ntitle: ${pick(['1:30', 'yes', '0o17', '<<', 'x'], next)}\n`;
      const read = parseSource({ collection: 'roles', id: 'x', file: 'roles/x.yaml', absolutePath: '/x' }, 'data', new TextEncoder().encode(text));
      expect(read.data, text).toBeUndefined();
      expect(read.findings.map((finding) => `${finding.position?.line} ${finding.rule}`)).toEqual(['1 yaml']);
    });
  });
});

const NESTING = [
  '>',
  '- ',
  '  ',
  '*',
  '_',
  '~',
  '[',
  ']',
  '(',
  ')',
  '{',
  '}',
  '<a>',
  '</a>',
  '<kbd>',
  '`',
  '&#1;',
  '!',
  '\\',
  'x ',
  '\n',
  '\n\n',
  '${',
  'export const a = ',
  '<Callout>',
  '</Callout>',
];

describe(`bounded work (seed ${SEED})`, () => {
  it('random nesting and markup, up to 50,000 deep, end in findings or success, each quickly', () => {
    const next = random(SEED + 5);
    let slowest = 0;
    const runs = loop(200, () => {
      const piece = pick(NESTING, next);
      const other = pick(NESTING, next);
      const depth = Math.floor(next() ** 3 * 50_000);
      const body = `${piece.repeat(depth)}${other.repeat(Math.floor(next() * 1000))}${piece.repeat(Math.floor(next() * depth))}`.slice(0, 1_000_000);
      for (const format of ['md', 'mdx'] as const) {
        const started = Date.now();
        const rendered = renderBody({ file: 'x', body, bodyLine: 1, format, trusted: false });
        slowest = Math.max(slowest, Date.now() - started);
        for (const finding of rendered.findings) expect(finding.message).not.toMatch(/could not be checked/);
      }
    });
    expect(runs).toBeGreaterThan(20);
    expect(slowest).toBeLessThan(5_000);
  }, 60_000);
});

const TEXT_PIECES = [
  'a',
  'Refund',
  ' ',
  '\n',
  '\r\n',
  '<!-- ',
  '-->',
  '`',
  '``',
  '```',
  '*',
  '_',
  '#',
  '|',
  '[x](y)',
  '<b>',
  '&amp;',
  '&#60;',
  '@team',
  '\\',
  '\u202e',
  '\u0007',
  '\u001b[31m',
  '\u2028',
  '~~',
  '!',
  ':',
  'https://e.example',
];

describe(`output escaping (seed ${SEED})`, () => {
  const randomText = (next: () => number) => Array.from({ length: 1 + Math.floor(next() * 10) }, () => pick(TEXT_PIECES, next)).join('');
  const textOf = (node: { type: string; value?: string; children?: unknown[] }): string =>
    node.type === 'text' || node.type === 'inlineCode' ? (node.value ?? '') : (node.children ?? []).map((child) => textOf(child as never)).join('');

  it('a name in a code span, a title in a heading or a line: shown exactly as written out, in one block, with no HTML', () => {
    const next = random(SEED + 6);
    loop(3_000, () => {
      const text = randomText(next);
      const visible = visibleText(text);
      expect(visible).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
      const markdown = `#### ${escapeMarkdown(text)} (${codeSpan(text)})\n\n- ${escapeMarkdown(text)}\n\n- after\n`;
      const tree = markdownToMdast(markdown, { features: { gfm: true } }) as unknown as { children: { type: string; children?: unknown[] }[] };
      expect(
        tree.children.map((node) => node.type),
        markdown,
      ).toEqual(['heading', 'list']);
      expect((tree.children[1]! as { children: unknown[] }).children).toHaveLength(2);
      const heading = tree.children[0]! as { children: { type: string; value?: string }[] };
      expect(heading.children.some((node) => node.type === 'html')).toBe(false);
      expect(textOf(heading as never), markdown).toBe(`${visible} (${visible})`.replace(/^ +/, ''));
      expect(JSON.stringify(tree)).not.toContain('"type":"html"');
    });
  });
});

describe(`caches (seed ${SEED})`, () => {
  it('each content root, wherever it is, has its own cache folder under a shared PLAYBOOK_CACHE_DIR, and a link to it the same', async () => {
    const next = random(SEED + 7);
    const base = await mkdtemp(path.join(os.tmpdir(), 'latitude-cache-roots-'));
    work.push(base);
    const shared = path.join(base, 'shared-cache');
    const seen = new Map<string, string>();
    for (let run = 0; run < 40; run++) {
      const root = path.join(
        base,
        `${run}-${randomName(next)
          .replace(/[/\u0000]/g, '_')
          .slice(0, 60)}`,
      );
      await mkdir(root, { recursive: true });
      const dir = contentRootCacheDir(root, base, shared);
      expect(path.dirname(dir)).toBe(shared);
      expect([...seen.values()]).not.toContain(dir);
      seen.set(root, dir);
      await symlink(root, `${root}-link`);
      expect(contentRootCacheDir(`${root}-link`, base, shared)).toBe(dir);
    }
  });

  it("a cache folder that holds another root's cache is emptied before it is used", async () => {
    const base = await mkdtemp(path.join(os.tmpdir(), 'latitude-cache-claim-'));
    work.push(base);
    const cache = path.join(base, 'cache');
    await mkdir(path.join(base, 'a'));
    await mkdir(path.join(base, 'b'));
    expect(claimCacheDir(cache, path.join(base, 'a'))).toBe(false);
    await writeFile(path.join(cache, 'data-store.json'), 'A');
    expect(claimCacheDir(cache, path.join(base, 'a'))).toBe(false);
    expect(await readdir(cache)).toContain('data-store.json');
    expect(claimCacheDir(cache, path.join(base, 'b'))).toBe(true);
    expect(await readdir(cache)).toEqual(['latitude-content-root']);
  });
});
