/**
 * Writes a large, valid playbook for benchmarks and scale tests:
 *   node bench/generate-playbook.ts <out-dir> <entries>
 *
 * The mix follows a large organisation's playbook after some years: 10
 * values, 80 roles in 16 ladders, about 4% guidelines, 12% boundaries, 3%
 * case studies and the rest win stories. 30% of bodies are `.mdx` with a
 * Callout, bodies run to about 350 words drawn from a vocabulary of a few
 * thousand words (so the search index is not a toy), and 5% of wins carry a
 * picture from a pool of 40. Deterministic (seeded): two runs write the same
 * files, so runs can be compared.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { deflateSync } from 'node:zlib';

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

const COMMON = 'the a customer we our to and of in for it was with on that they she he had then store team said time day order back call help'.split(' ');
const TOPICS = [
  'refund',
  'rebook',
  'replace',
  'voucher',
  'upgrade',
  'apology',
  'delivery',
  'repair',
  'waive',
  'discount',
  'credit',
  'courier',
  'gift',
  'loyalty',
  'callback',
  'exchange',
];
const NAMES = ['Amara', 'Ben', 'Chloe', 'Dev', 'Elif', 'Finn', 'Grace', 'Hamza', 'Isla', 'Jonas', 'Kemi', 'Liam', 'Maya', 'Noor', 'Oscar', 'Priya'];
const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'te', 'vo', 'pa', 'di', 'go', 'fu', 'be', 'zi', 'ha', 'jo', 'qua', 'ster', 'min', 'dal'];
const PICTURES = 40;

/** Composition of a generated playbook of `total` entries. */
export function playbookMix(total: number) {
  const values = 10;
  const roles = 80;
  const rest = Math.max(0, total - values - roles);
  const boundaries = Math.max(4, Math.round(total * 0.12));
  const guidelines = Math.max(2, Math.round(total * 0.04));
  const caseStudies = Math.max(2, Math.round(total * 0.03));
  const wins = Math.max(0, rest - boundaries - guidelines - caseStudies);
  return { values, roles, boundaries, guidelines, caseStudies, wins };
}

/** A minimal valid PNG of one colour (w × h pixels). */
function png(width: number, height: number, rgb: [number, number, number]): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export async function generatePlaybook(dir: string, total: number, seed = 42, options: { mdxShare?: number } = {}): Promise<void> {
  const mdxShare = options.mdxShare ?? 0.3;
  const rand = random(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)]!;
  const vocabulary = Array.from({ length: 3000 }, (_, i) => {
    let word = '';
    for (let n = i, k = 0; k < 2 + (i % 3); k++, n = Math.floor(n / SYLLABLES.length) + k) word += SYLLABLES[n % SYLLABLES.length];
    return word;
  });
  // Zipf-like: common words often, the long tail rarely.
  const word = () => (rand() < 0.45 ? pick(COMMON) : rand() < 0.3 ? pick(TOPICS) : vocabulary[Math.floor(vocabulary.length * rand() ** 2)]!);
  const sentence = (words: number) => {
    const text = Array.from({ length: words }, word).join(' ');
    return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
  };
  const paragraph = (words: number) => Array.from({ length: Math.ceil(words / 14) }, () => sentence(14)).join(' ');
  /** About `words` words of body in four sections; MDX bodies hold one Callout. */
  const body = (words: number, mdx: boolean, headings = ['What happened', 'Why it mattered', 'What we learned']) => {
    const each = Math.floor(words / (headings.length + 1));
    const sections = headings.map((heading) => `## ${heading}\n\n${paragraph(each)}\n`);
    const callout = mdx ? `<Callout type="tip" title="Worth knowing">\n\n${paragraph(40)}\n\n</Callout>\n\n` : '';
    return `${paragraph(each)}\n\n${callout}${sections.join('\n')}`;
  };
  const mix = playbookMix(total);
  await rm(dir, { recursive: true, force: true });
  for (const folder of ['values', 'roles', 'guidelines', 'boundaries', 'case-studies', 'wins', 'assets/wins'])
    await mkdir(path.join(dir, folder), { recursive: true });
  const pending: Promise<void>[] = [];
  const write = async (file: string, text: string | Buffer) => {
    pending.push(writeFile(path.join(dir, file), text));
    if (pending.length >= 256) await Promise.all(pending.splice(0));
  };
  const ext = () => (rand() < mdxShare ? 'mdx' : 'md');

  await write('playbook.yaml', 'name: Generated Co\ntagline: A playbook made for measuring\nlocale: en-GB\ncurrency: GBP\n');
  for (let i = 0; i < PICTURES; i++) await write(`assets/wins/picture-${i + 1}.png`, png(64, 48, [(i * 53) % 256, (i * 97) % 256, (i * 151) % 256]));
  const values = Array.from({ length: mix.values }, (_, i) => `value-${i + 1}`);
  for (const [i, id] of values.entries()) {
    const e = ext();
    await write(
      `values/${id}.${e}`,
      `---\ntitle: Value ${i + 1}\nsummary: We ${pick(TOPICS)} with care, every time.\norder: ${i + 1}\nbehaviors:\n  - ${sentence(8)}\n---\n\n${body(350, e === 'mdx')}`,
    );
  }
  // 16 ladders of five roles each.
  const ladders = Array.from({ length: mix.roles / 5 }, (_, l) => Array.from({ length: 5 }, (_, r) => `team-${l + 1}-level-${r + 1}`));
  for (const [l, ladder] of ladders.entries()) {
    for (const [r, id] of ladder.entries()) {
      const up = ladder[r + 1];
      await write(`roles/${id}.yaml`, `title: Team ${l + 1} level ${r + 1}\nteam: Team ${l + 1}\n${up ? `escalatesTo: ${up}\n` : ''}`);
    }
  }
  const boundaries = Array.from({ length: mix.boundaries }, (_, i) => `boundary-${i + 1}`);
  const guidelines = Array.from({ length: mix.guidelines }, (_, i) => `guideline-${i + 1}`);
  const per = ['case', 'customer', 'customer-day', 'day'];
  const baseLimit = (b: number) => 25 * (1 + (b % 8));

  for (const [i, id] of boundaries.entries()) {
    const ladder = ladders[i % ladders.length]!;
    const base = baseLimit(i);
    const counted = per[i % per.length];
    const grants = ladder
      .map((role, r) =>
        r === ladder.length - 1
          ? `  - role: ${role}\n    authority: decide\n`
          : `  - role: ${role}\n    authority: ${r % 2 ? 'decide-and-inform' : 'decide'}\n    limit: { amount: ${base * (r + 1) * 2} }\n    per: ${counted}\n`,
      )
      .join('');
    // Training scenarios (issue 18) on both sides of level 1's limit, level 2 informing, and a guardrail: each agrees with the grants.
    const scenarios =
      `scenarios:\n` +
      `  - situation: ${sentence(12)}\n    role: ${ladder[0]}\n    amount: ${base * 2}\n    answer: decide\n` +
      `  - situation: ${sentence(12)}\n    role: ${ladder[0]}\n    amount: ${base * 2 + 1}\n    answer: escalate\n    explain: ${sentence(10)}\n` +
      `  - situation: ${sentence(12)}\n    role: ${ladder[1]}\n    amount: ${base * 2}\n    answer: decide-and-inform\n` +
      `  - situation: ${sentence(12)}\n    role: ${ladder[0]}\n    answer: not-allowed\n`;
    const e = ext();
    await write(
      `boundaries/${id}.${e}`,
      `---\ntitle: ${pick(TOPICS)} decision ${i + 1}\nsummary: How far each role may go to ${pick(TOPICS)} for a customer.\ndecision: ${pick(TOPICS)} for a customer (${i + 1})\ncategory: ${pick(['billing', 'service recovery', 'delivery'])}\ngrants:\n${grants}guardrails:\n  - Never where fraud is suspected.\nexamples:\n  within:\n    - ${sentence(10)}\n  outside:\n    - ${sentence(10)}\n${scenarios}values: [${values[i % values.length]}]\nowner: Customer experience team\napprovedBy: Director of customer experience\neffective: 2026-01-01\nlastReviewed: 2026-06-01\nchanges:\n  - date: 2026-03-01\n    summary: Limit raised for level 1.\n---\n\n${body(350, e === 'mdx')}`,
    );
  }
  for (const [i, id] of guidelines.entries()) {
    const e = ext();
    const ladder = ladders[i % ladders.length]!;
    await write(
      `guidelines/${id}.${e}`,
      `---\ntitle: Guideline ${i + 1}\nsummary: Put it right first, then tell us about it.\nowner: Service design\nlastReviewed: 2026-06-01\nvalues: [${values[i % values.length]}]\nroles: [${ladder[0]}, ${ladder[1]}]\nboundaries: [${boundaries[i % boundaries.length]}]\n---\n\n${body(350, e === 'mdx')}`,
    );
  }
  for (let i = 0; i < mix.caseStudies; i++) {
    const e = ext();
    await write(
      `case-studies/case-${i + 1}.${e}`,
      `---\ntitle: Case ${i + 1}\nsummary: A team that was trusted and delivered.\norganisation: Generated Co\ninternal: true\nmetrics:\n  - { label: CSAT, before: "78%", value: "90%" }\nboundaries: [${boundaries[i % boundaries.length]}]\n---\n\n${body(350, e === 'mdx', ['Background', 'Strategy', 'Outcome', 'Lessons'])}`,
    );
  }
  for (let i = 0; i < mix.wins; i++) {
    const b = i % boundaries.length;
    const ladder = ladders[b % ladders.length]!;
    const year = 2020 + (i % 6);
    const month = String(1 + (i % 12)).padStart(2, '0');
    const day = String(1 + (i % 28)).padStart(2, '0');
    const folder = `wins/${year}`;
    if (i < 6) await mkdir(path.join(dir, folder), { recursive: true });
    const picture = i % 20 === 0 ? `image: ../../assets/wins/picture-${1 + ((i / 20) % PICTURES)}.png\nimageAlt: A picture of the moment.\n` : '';
    const e = ext();
    await write(
      `${folder}/win-${i + 1}.${e}`,
      `---\ntitle: ${pick(NAMES)} made a ${pick(TOPICS)} count\ndate: ${year}-${month}-${day}\npeople: [${pick(NAMES)}]\nrole: ${ladder[0]}\nvalues: [${values[i % values.length]}]\nboundary: ${boundaries[b]}\nspent: { amount: ${1 + (i % Math.min(40, baseLimit(b) * 2))} }\n${picture}---\n\n${body(350, e === 'mdx')}`,
    );
  }
  await Promise.all(pending);
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
