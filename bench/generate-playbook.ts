/**
 * Writes a large, valid playbook for benchmarks and scale tests:
 *   node bench/generate-playbook.ts <out-dir> <entries>
 * Deterministic (seeded), so two runs give the same files. Mostly wins, as a
 * real playbook grows: years of stories over at most 80 boundaries, whose
 * role x boundary matrix is one page.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** A small deterministic PRNG (mulberry32). */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['refund', 'rebook', 'replace', 'voucher', 'upgrade', 'apology', 'delivery', 'repair', 'waive', 'discount', 'credit', 'courier', 'gift', 'loyalty', 'callback', 'exchange'];
const NAMES = ['Amara', 'Ben', 'Chloe', 'Dev', 'Elif', 'Finn', 'Grace', 'Hamza', 'Isla', 'Jonas', 'Kemi', 'Liam', 'Maya', 'Noor', 'Oscar', 'Priya'];

export async function generatePlaybook(dir: string, total: number, seed = 42): Promise<void> {
  const rand = random(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)]!;
  await rm(dir, { recursive: true, force: true });
  for (const folder of ['values', 'roles', 'guidelines', 'boundaries', 'case-studies', 'wins']) await mkdir(path.join(dir, folder), { recursive: true });
  const write = (file: string, text: string) => writeFile(path.join(dir, file), text);

  await write('playbook.yaml', 'name: Generated Co\ntagline: A playbook made for measuring\nlocale: en-GB\ncurrency: GBP\n');
  const values = Array.from({ length: 8 }, (_, i) => `value-${i + 1}`);
  for (const [i, id] of values.entries()) {
    await write(`values/${id}.md`, `---\ntitle: Value ${i + 1}\nsummary: We ${pick(WORDS)} with care, every time.\norder: ${i + 1}\n---\n\nThe story behind value ${i + 1}.\n`);
  }
  // Four ladders of five roles each.
  const ladders = Array.from({ length: 4 }, (_, l) => Array.from({ length: 5 }, (_, r) => `team-${l + 1}-level-${r + 1}`));
  for (const [l, ladder] of ladders.entries()) {
    for (const [r, id] of ladder.entries()) {
      const up = ladder[r + 1];
      await write(`roles/${id}.yaml`, `title: Team ${l + 1} level ${r + 1}\nteam: Team ${l + 1}\n${up ? `escalatesTo: ${up}\n` : ''}`);
    }
  }
  // Wins grow with the years; boundaries, guidelines and case studies level off.
  const between = (low: number, value: number, high: number) => Math.min(high, Math.max(low, Math.round(value)));
  const boundaryCount = between(4, total * 0.02, 80);
  const guidelineCount = between(2, total * 0.01, 60);
  const caseCount = between(2, total * 0.005, 100);
  const winCount = Math.max(0, total - 8 - 20 - boundaryCount - guidelineCount - caseCount);
  const boundaries = Array.from({ length: boundaryCount }, (_, i) => `boundary-${i + 1}`);
  const guidelines = Array.from({ length: guidelineCount }, (_, i) => `guideline-${i + 1}`);

  for (const [i, id] of boundaries.entries()) {
    const ladder = ladders[i % ladders.length]!;
    const base = 25 * (1 + (i % 8));
    const grants = ladder
      .map((role, r) => (r === ladder.length - 1 ? `  - role: ${role}\n    authority: decide\n` : `  - role: ${role}\n    authority: ${r % 2 ? 'decide-and-inform' : 'decide'}\n    limit: { amount: ${base * (r + 1) * 2} }\n`))
      .join('');
    await write(`boundaries/${id}.md`, `---\ntitle: ${pick(WORDS)} decision ${i + 1}\nsummary: How far each role may go to ${pick(WORDS)} for a customer.\ndecision: ${pick(WORDS)} for a customer (${i + 1})\ncategory: ${pick(['billing', 'service recovery', 'delivery'])}\ngrants:\n${grants}guardrails:\n  - Never where fraud is suspected.\nvalues: [${values[i % values.length]}]\nowner: Customer experience team\napprovedBy: Director of customer experience\neffective: 2026-01-01\nlastReviewed: 2026-06-01\nchanges:\n  - date: 2026-03-01\n    summary: Limit raised for level 1.\n---\n\nWhy this boundary exists, and how to use it well.\n`);
  }
  for (const [i, id] of guidelines.entries()) {
    await write(`guidelines/${id}.md`, `---\ntitle: Guideline ${i + 1}\nsummary: Put it right first, then tell us about it.\nowner: Service design\nlastReviewed: 2026-06-01\nvalues: [${values[i % values.length]}]\nboundaries: [${boundaries[i % boundaries.length]}]\n---\n\n## What to do\n\nAct, then record.\n`);
  }
  for (let i = 0; i < caseCount; i++) {
    await write(`case-studies/case-${i + 1}.md`, `---\ntitle: Case ${i + 1}\nsummary: A team that was trusted and delivered.\norganisation: Generated Co\ninternal: true\nmetrics:\n  - { label: CSAT, before: "78%", value: "90%" }\nboundaries: [${boundaries[i % boundaries.length]}]\n---\n\n## Background\n\nText.\n\n## Strategy\n\nText.\n\n## Outcome\n\nText.\n\n## Lessons\n\nText.\n`);
  }
  const writes: Promise<void>[] = [];
  for (let i = 0; i < winCount; i++) {
    const b = i % boundaries.length;
    const ladder = ladders[b % ladders.length]!;
    const year = 2020 + (i % 6);
    const month = String(1 + (i % 12)).padStart(2, '0');
    const day = String(1 + (i % 28)).padStart(2, '0');
    const folder = `wins/${year}`;
    if (i < 6) await mkdir(path.join(dir, folder), { recursive: true });
    writes.push(write(`${folder}/win-${i + 1}.md`, `---\ntitle: ${pick(NAMES)} made a ${pick(WORDS)} count\ndate: ${year}-${month}-${day}\npeople: [${pick(NAMES)}]\nrole: ${ladder[0]}\nvalues: [${values[i % values.length]}]\nboundary: ${boundaries[b]}\nspent: { amount: ${1 + (i % 40)} }\n---\n\nA customer needed a ${pick(WORDS)} and ${pick(NAMES)} sorted it on the spot. Story ${i + 1}.\n`));
    if (writes.length >= 256) await Promise.all(writes.splice(0));
  }
  await Promise.all(writes);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [out, count] = process.argv.slice(2);
  if (!out || !count) {
    process.stderr.write('Usage: node bench/generate-playbook.ts <out-dir> <entries>\n');
    process.exitCode = 2;
  } else {
    await generatePlaybook(path.resolve(out), Number(count));
    process.stdout.write(`wrote ${count} entries to ${out}\n`);
  }
}
