/**
 * The phone budgets (issue 11), measured on a built site: what "Can I…?"
 * costs a phone (gzipped JavaScript plus data: the page's scripts with every
 * module they import, the roles embedded in the page, and the largest
 * per-role file), what the service worker precaches, and the largest HTML
 * page. For `npm run bench`; also runs alone: `node bench/budgets.ts [dist]`.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { builtFiles } from '../src/integrations/offline.ts';
import { precachePlan, PRECACHE_BUDGET } from '../src/lib/offline/precache-plan.ts';

export const CAN_I_BUDGET = 30 * 1024;
export const PAGE_BUDGET = 200 * 1024;
/** A role's self-check (issue 18), gzipped: its questions are capped, so it never grows with the whole playbook. */
export const SELF_CHECK_BUDGET = 40 * 1024;
/**
 * What an HTML page repeats outside its <main> (issue 20, lighter pages):
 * the <head> with the policy and stylesheet links, the page script's tag,
 * the header with navigation, search box and theme control, the footer.
 * Every page of tens of thousands carries it, so it is most of the gap
 * between dist/ and the bare-Astro floor's; shared code belongs in cached
 * files (src/layouts/page-script.ts), not in each page. Any one page, with
 * its edit and feedback links: it was 7.8 kB a page on average (2,000
 * generated entries) before the page script and unscoped chrome styles.
 */
export const PAGE_CHROME_BUDGET = 6 * 1024;

export interface PhoneBudgets {
  canI: { scripts: number; embeddedData: number; largestRoleFile: number; largestRole: string; total: number; budget: number };
  precache: { files: number; bytes: number; tiers: string[]; budget: number };
  largestPage: { path: string; bytes: number; budget: number };
  /** The largest `/roles/<id>/check/` page, gzipped (issue 18). */
  selfCheck: { path: string; bytes: number; budget: number };
}

const gz = (text: string | Buffer) => gzipSync(text).length;

/** The module scripts of a page and everything they import, gzipped, each file once. */
async function scriptBytes(dist: string, html: string, base: string): Promise<number> {
  const seen = new Set<string>();
  let total = 0;
  const visit = async (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = await readFile(file, 'utf8');
    total += gz(code);
    for (const [, specifier] of code.matchAll(/(?:import|from)\s*["']([^"']+\.js)["']/g)) {
      await visit(specifier!.startsWith('/') ? path.join(dist, specifier!.slice(base.length - 1)) : path.resolve(path.dirname(file), specifier!));
    }
  };
  for (const [, src] of html.matchAll(/<script type="module" src="([^"]+)"/g)) await visit(path.join(dist, src!.slice(base.length - 1)));
  for (const [, inline] of html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)) total += gz(inline!);
  return total;
}

export async function phoneBudgets(dist: string, base = '/'): Promise<PhoneBudgets> {
  const files = builtFiles(dist);
  const canIPage = await readFile(path.join(dist, 'can-i/index.html'), 'utf8');
  const embedded = /<script type="application\/json" id="can-i-data">([\s\S]*?)<\/script>/.exec(canIPage)?.[1] ?? '';
  let largestRole = { path: '', bytes: 0 };
  for (const file of files.filter((f) => /^can-i\/[^/]+\.json$/.test(f.path))) {
    const bytes = gz(await readFile(path.join(dist, file.path)));
    if (bytes > largestRole.bytes) largestRole = { path: file.path, bytes };
  }
  let largestCheck = { path: '', bytes: 0 };
  for (const file of files.filter((f) => /^roles\/[^/]+\/check\/index\.html$/.test(f.path))) {
    const bytes = gz(await readFile(path.join(dist, file.path)));
    if (bytes > largestCheck.bytes) largestCheck = { path: file.path, bytes };
  }
  const scripts = await scriptBytes(dist, canIPage, base);
  // The precache budget counts what a phone downloads.
  const plan = precachePlan(builtFiles(dist, 'downloaded'));
  const pages = files.filter((f) => f.path.endsWith('.html')).sort((a, b) => b.size - a.size);
  return {
    canI: {
      scripts,
      embeddedData: gz(embedded),
      largestRoleFile: largestRole.bytes,
      largestRole: largestRole.path,
      total: scripts + gz(embedded) + largestRole.bytes,
      budget: CAN_I_BUDGET,
    },
    precache: { files: plan.files.length, bytes: plan.bytes, tiers: plan.tiers, budget: PRECACHE_BUDGET },
    largestPage: { path: pages[0]?.path ?? '', bytes: pages[0]?.size ?? 0, budget: PAGE_BUDGET },
    selfCheck: { ...largestCheck, budget: SELF_CHECK_BUDGET },
  };
}

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const mark = (value: number, budget: number) => (value <= budget ? 'within' : 'OVER');

export function formatPhoneBudgets(b: PhoneBudgets): string {
  return [
    `Can I…? on a phone: ${kB(b.canI.total)} gzipped (${mark(b.canI.total, b.canI.budget)} ${kB(b.canI.budget)}): scripts ${kB(b.canI.scripts)}, roles in the page ${kB(b.canI.embeddedData)}, largest role file ${kB(b.canI.largestRoleFile)} (${b.canI.largestRole})`,
    `service worker precache: ${b.precache.files} files, ${kB(b.precache.bytes)} (${mark(b.precache.bytes, b.precache.budget)} ${kB(b.precache.budget)}), tiers: ${b.precache.tiers.join(', ')}`,
    `largest page: ${b.largestPage.path} ${kB(b.largestPage.bytes)} (${mark(b.largestPage.bytes, b.largestPage.budget)} ${kB(b.largestPage.budget)})`,
    `largest self-check: ${b.selfCheck.path} ${kB(b.selfCheck.bytes)} gzipped (${mark(b.selfCheck.bytes, b.selfCheck.budget)} ${kB(b.selfCheck.budget)})`,
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dist = path.resolve(process.argv[2] ?? 'dist');
  console.log(formatPhoneBudgets(await phoneBudgets(dist, process.env.PLAYBOOK_BASE ? `${process.env.PLAYBOOK_BASE.replace(/\/$/, '')}/` : '/')));
}
