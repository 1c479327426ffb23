/**
 * Builds the can-i fixture (tests/fixtures/can-i) and checks /can-i/ through
 * its HTML: the form's labels, the live region, the links to each role's
 * table that answers without JavaScript (published decisions only), the
 * embedded roles and the per-role data files (exactly the model's helper
 * data, safe inside <script>), and the client script's size — with and
 * without a base path.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { helperIndex, roleHelperData, type HelperIndex, type RoleHelperData } from '../../src/lib/decision/helper-data.ts';
import type { Playbook } from '../../src/lib/model/types.ts';
import { SERVICE_WORKER_REGISTRATION } from '../../src/lib/offline/registration.ts';
import { PAGE_SCRIPT_FILE } from '../../src/layouts/page-script.ts';
import { loadModel } from '../support/load-model.ts';
import { buildPlaybook, FIXTURES, type BuildResult } from '../support/build-playbook.ts';

const CONTENT = path.join(FIXTURES, 'can-i');
/** The client script's budget, gzipped. */
const SCRIPT_BUDGET = 10 * 1024;

let build: BuildResult;
let based: BuildResult;
let model: Playbook;

beforeAll(async () => {
  // One after the other: Astro keeps prerender chunks in the project's .astro/ folder.
  build = await buildPlaybook(CONTENT);
  based = await buildPlaybook(CONTENT, { env: { PLAYBOOK_BASE: '/playbook' } });
  for (const result of [build, based]) {
    if (result.exitCode !== 0) throw new Error(`build failed:\n${result.stdout}\n${result.stderr}`);
  }
  model = await loadModel(CONTENT);
});

afterAll(async () => {
  await build?.cleanup();
  await based?.cleanup();
});

const html = (result: BuildResult, file = 'can-i/index.html') => readFile(path.join(result.outDir, file), 'utf8');

/** A built module and every module it imports statically (shared chunks), by file. */
async function moduleGraph(outDir: string, sitePath: string, base = ''): Promise<Map<string, string>> {
  const graph = new Map<string, string>();
  const visit = async (file: string) => {
    if (graph.has(file)) return;
    const code = await readFile(file, 'utf8');
    graph.set(file, code);
    for (const [, specifier] of code.matchAll(/(?:import|from)\s*["']([^"']+\.js)["']/g)) {
      await visit(specifier!.startsWith('/') ? path.join(outDir, specifier!.slice(base.length)) : path.resolve(path.dirname(file), specifier!));
    }
  };
  await visit(path.join(outDir, sitePath.slice(base.length)));
  return graph;
}

function all(node: Root | RootContent, match: (element: Element) => boolean, found: Element[] = []): Element[] {
  if (node.type === 'element' && match(node)) found.push(node);
  if ('children' in node) for (const child of node.children) all(child, match, found);
  // <template> content is not in the page's tree for our purposes
  return found;
}
const byTag = (node: Root | Element, tag: string) => all(node, (e) => e.tagName === tag);
function textOf(node: Root | RootContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element' && node.properties.className && String(node.properties.className).includes('visually-hidden')) return '';
  return 'children' in node ? node.children.map(textOf).join('') : '';
}
const clean = (text: string) => text.replace(/\s+/g, ' ').trim();
const attr = (element: Element, name: string) => {
  const value = element.properties[name];
  return Array.isArray(value) ? value.join(' ') : value === undefined ? undefined : String(value);
};

describe('/can-i/', () => {
  let page: string;
  let tree: Root;
  beforeAll(async () => {
    page = await html(build);
    tree = fromHtml(page);
  });

  it('uses the shared layout: site header, navigation and one main', () => {
    expect(byTag(tree, 'header').length).toBeGreaterThan(0);
    expect(all(tree, (e) => e.tagName === 'nav' && attr(e, 'ariaLabel') === 'Main')).toHaveLength(1);
    expect(byTag(tree, 'main')).toHaveLength(1);
    expect(clean(textOf(byTag(tree, 'h1')[0]!))).toBe('Can I…?');
  });

  it('has controls labelled exactly Role, Decision and Amount', () => {
    const labels = new Map(byTag(tree, 'label').map((label) => [clean(textOf(label)), attr(label, 'htmlFor')]));
    const control = (name: string) => all(tree, (e) => attr(e, 'id') === labels.get(name))[0];
    expect(control('Role')?.tagName).toBe('select');
    expect(control('Decision')?.tagName).toBe('select');
    expect(control('Amount')?.tagName).toBe('input');
    expect(attr(control('Amount')!, 'type')).toBe('number');
  });

  it('offers every published role and decision, and no retired or draft one', () => {
    const options = (label: string) => {
      const id = attr(
        byTag(tree, 'label').find((l) => clean(textOf(l)) === label)!,
        'htmlFor',
      );
      const select = all(tree, (e) => attr(e, 'id') === id)[0]!;
      return byTag(select, 'option')
        .map((o) => attr(o, 'value'))
        .filter(Boolean);
    };
    expect(options('Role')).toEqual(model.roles.map((r) => r.id));
    expect(options('Decision')).toEqual([]); // filled from the chosen role's file
  });

  it("writes one data file per published role: the role's ladder's decisions, published ones only", async () => {
    const offered = new Set<string>();
    for (const role of model.roles) {
      const data = JSON.parse(await html(build, `can-i/${role.id}.json`)) as RoleHelperData;
      expect(data, role.id).toEqual(JSON.parse(JSON.stringify(roleHelperData(model, role.id))));
      for (const [id] of data.d) offered.add(id);
    }
    expect([...offered].sort()).toEqual(model.boundaries.map((b) => b.id).sort());
    for (const hidden of ['old-refund', 'trade-discount']) expect(offered.has(hidden)).toBe(false);
  });

  it('has a polite live region for the verdict', () => {
    const status = all(tree, (e) => attr(e, 'role') === 'status');
    expect(status).toHaveLength(1);
    expect(attr(status[0]!, 'ariaLive')).toBe('polite');
  });

  it("links to each role's own table without JavaScript, which lists the role's decisions with its terms and conditions", async () => {
    const links = all(tree, (e) => e.tagName === 'a' && /^\/can-i\/[a-z-]+\/$/.test(attr(e, 'href') ?? ''));
    expect(links.map((a) => attr(a, 'href')).sort()).toEqual(model.roles.map((r) => `/can-i/${r.id}/`).sort());
    expect(all(tree, (e) => e.tagName === 'details' && e.properties.open === true)).toHaveLength(1);

    const agent = await html(build, 'can-i/agent/index.html');
    const table = byTag(fromHtml(agent), 'table')[0]!;
    const columns = all(table, (e) => e.tagName === 'th' && attr(e, 'scope') === 'col').map((th) => clean(textOf(th)));
    expect(columns).toEqual(['Decision', 'You may', 'Conditions', 'At each amount']);
    const row = (decision: string) => byTag(table, 'tr').find((tr) => byTag(tr, 'th').some((th) => clean(textOf(th)) === decision))!;
    const [may, conditions, bands] = byTag(row('Give a goodwill credit'), 'td');
    expect([clean(textOf(may!)), clean(textOf(conditions!))]).toEqual(['Decides up to £75 per case', '—']);
    expect(byTag(bands!, 'li').map((li) => clean(textOf(li)))).toEqual([
      'Up to £75 per case: you decide',
      'Up to £250 per case: goes to Team lead',
      'Over £250 per case: goes to Director',
    ]);
    expect(attr(byTag(row('Give a goodwill credit'), 'a')[0]!, 'href')).toBe('/boundaries/goodwill-credit/');
    for (const hidden of ['Refund a purchase under the retired rules', 'Agree a secret trade discount']) expect(agent).not.toContain(hidden);
  });

  it('embeds exactly the helper data of the model, as JSON that cannot break out of its element', async () => {
    const element = all(tree, (e) => e.tagName === 'script' && attr(e, 'id') === 'can-i-data')[0]!;
    expect(attr(element, 'type')).toBe('application/json');
    const data = JSON.parse(textOf(element)) as HelperIndex;
    expect(data).toEqual(JSON.parse(JSON.stringify(helperIndex(model))));
    // The same roles, for the search answer without a remembered role, outside /can-i/ so no role id can take the name.
    expect(JSON.parse(await html(build, 'can-i.json'))).toEqual(data);
    const raw = page.slice(page.indexOf('id="can-i-data"'));
    const json = raw.slice(raw.indexOf('>') + 1, raw.indexOf('</script>'));
    expect(json).not.toContain('<');
    // A guardrail with "</script>" in it: escaped in the role's file too, and read back unchanged.
    const file = await html(build, 'can-i/agent.json');
    expect(file).toContain('\\u003c/script>');
    expect(JSON.stringify(JSON.parse(file))).toContain('Never write </script><script>alert(1)</script> in a note & never admit liability.');
  });

  it('loads one client script, under 10 kB gzipped with everything it imports, on this page only', async () => {
    const scripts = all(tree, (e) => e.tagName === 'script' && attr(e, 'type') === 'module');
    expect(scripts).toHaveLength(1);
    const src = attr(scripts[0]!, 'src');
    const modules = src ? [...(await moduleGraph(build.outDir, src)).values()] : [textOf(scripts[0]!)];
    const size = modules.reduce((total, code) => total + gzipSync(code).length, 0);
    expect(size).toBeLessThan(SCRIPT_BUDGET);
    if (src) {
      for (const other of ['index.html', 'boundaries/index.html', 'roles/agent/index.html']) expect(await html(build, other)).not.toContain(src);
    }
  });
});

describe('the offline service worker under a base path', () => {
  it('precaches addresses under the base only, and is registered at the base', async () => {
    const worker = await html(based, 'sw.js');
    // Each precached file as the minified worker lists it: {url:`/playbook/`,revision:`<md5>`}, or revision:null for a hashed name.
    const urls = [...worker.matchAll(/\{url:["`]([^"`]+)["`],revision:(?:["`][0-9a-f]{32}["`]|null)\}/g)].map((m) => m[1]!);
    expect(urls).toEqual(expect.arrayContaining(['/playbook/', '/playbook/can-i/', '/playbook/can-i/agent.json', '/playbook/offline/']));
    for (const url of urls) expect(url).toMatch(/^\/playbook\//);
    // Registered by the page script (src/lib/offline/registration.ts), at the base it is loaded from: `/playbook/_latitude/page.js` → `/playbook/sw.js`.
    const page = fromHtml(await html(based));
    const pageScripts = all(page, (e) => e.tagName === 'script' && (attr(e, 'src') ?? '').includes(PAGE_SCRIPT_FILE));
    expect(pageScripts.map((e) => attr(e, 'src'))).toEqual([expect.stringMatching(new RegExp(`^/playbook/${PAGE_SCRIPT_FILE}\\?v=[0-9a-f]{10}$`))]);
    expect(await html(based, PAGE_SCRIPT_FILE)).toContain(SERVICE_WORKER_REGISTRATION);
    expect(all(page, (e) => e.tagName === 'script' && textOf(e).includes('serviceWorker.register'))).toEqual([]);
  });
});

describe('/can-i/ under a base path', () => {
  it("links the roles' tables, their boundary links, the script and the client-side links under the base", async () => {
    const page = await html(based);
    const tree = fromHtml(page);
    const roles = all(tree, (e) => e.tagName === 'details')[0]!;
    const roleLinks = byTag(roles, 'a').map((a) => attr(a, 'href'));
    expect(roleLinks.length).toBe(model.roles.length);
    for (const link of roleLinks) expect(link).toMatch(/^\/playbook\/can-i\/[a-z-]+\/$/);
    const table = byTag(fromHtml(await html(based, 'can-i/agent/index.html')), 'table')[0]!;
    const links = byTag(table, 'a').map((a) => attr(a, 'href'));
    expect(links.length).toBeGreaterThan(3);
    for (const link of links) expect(link).toMatch(/^\/playbook\/(?:boundaries|roles)\/[a-z-]+\/$/);
    const script = all(tree, (e) => e.tagName === 'script' && attr(e, 'type') === 'module')[0]!;
    const src = attr(script, 'src');
    const code = src ? [...(await moduleGraph(based.outDir, src, '/playbook')).values()].join('\n') : textOf(script);
    if (src) expect(src).toMatch(/^\/playbook\/_astro\//);
    expect(code).toContain('/playbook');
  });
});
