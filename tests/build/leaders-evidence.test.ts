/**
 * What leaders and other tools get from a build (tests/fixtures/leaders,
 * built under a base path and a site address): the authority register as
 * `npm run register` gives it, /playbook.json valid against the schema
 * published beside it, /llms.txt whose every address is a built page, and
 * case-study results drawn at build time with no script of their own.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlaybook, FIXTURES, FIXED_TODAY, PROJECT_ROOT, run, type BuildResult } from '../support/build-playbook.ts';
import { attribute, filesIn, readPage, selectAll, textOf, visibleText } from '../support/built-site.ts';

const CONTENT = path.join(FIXTURES, 'leaders/content');
const SITE = { PLAYBOOK_BASE: '/hp', PLAYBOOK_SITE: 'https://intranet.example.com' };
const ORIGIN = 'https://intranet.example.com/hp';

let build: BuildResult;
let files: string[];

beforeAll(async () => {
  build = await buildPlaybook(CONTENT, { env: SITE });
  if (build.exitCode !== 0) throw new Error(`build failed:\n${build.stdout}\n${build.stderr}`);
  files = await filesIn(build.outDir);
});

afterAll(() => build?.cleanup());

const built = (file: string) => readFile(path.join(build.outDir, file), 'utf8');
const register = (format: string) =>
  run(process.execPath, [path.join(PROJECT_ROOT, 'src/cli/register.ts'), '--content', CONTENT, '--format', format], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...SITE, PLAYBOOK_TODAY: FIXED_TODAY, INIT_CWD: '' },
  });
/** A built file for an address in a file for tools: `https://…/hp/roles/x/` → `roles/x/index.html`. */
const fileAt = (address: string) => {
  const inSite = address.startsWith(`${ORIGIN}/`) ? address.slice(ORIGIN.length + 1) : address;
  return inSite === '' || inSite.endsWith('/') ? `${inSite}index.html` : inSite;
};

describe('the authority register in the build', () => {
  it('is byte for byte what npm run register gives for the same root, as CSV and as JSON', async () => {
    for (const [file, format] of [
      ['authority.csv', 'csv'],
      ['authority.json', 'json'],
    ] as const) {
      const cli = await register(format);
      expect(cli.exitCode).toBe(0);
      expect(await built(file), file).toBe(cli.stdout);
    }
  });

  it('gives each boundary page’s absolute address, and no draft, retired boundary or retired role', async () => {
    const csv = await built('authority.csv');
    const rows = csv.split('\r\n').slice(1, -1);
    expect(rows).toHaveLength(5);
    for (const row of rows) expect(files).toContain(fileAt(row.slice(row.lastIndexOf(',') + 1)));
    expect(csv).not.toMatch(/draft|voucher|greeter/i);
  });
});

describe('/playbook.json', () => {
  it('is valid against /playbook.schema.json, which it names', async () => {
    const json = JSON.parse(await built('playbook.json')) as { $schema: string; boundaries: { id: string; address: string }[] };
    const schema = JSON.parse(await built('playbook.schema.json')) as object;
    const validate = new Ajv2020({ strict: false }).compile(schema);
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    expect(json.$schema).toBe(`${ORIGIN}/playbook.schema.json`);
    expect(json.boundaries.map((b) => b.id)).toEqual(['formula', 'refund']);
    for (const boundary of json.boundaries) expect(files).toContain(fileAt(boundary.address));
  });
});

describe('/llms.txt', () => {
  it('lists the playbook’s pages, each address a page of the build', async () => {
    const text = await built('llms.txt');
    const addresses = [...text.matchAll(/\]\(([^)]+)\)/g)].map((match) => match[1]!);
    expect(addresses).toContain(`${ORIGIN}/boundaries/refund/`);
    expect(addresses).toContain(`${ORIGIN}/case-studies/limit-pilot/`);
    expect(addresses).toContain(`${ORIGIN}/results/`);
    for (const address of addresses) expect(files, address).toContain(fileAt(address));
    expect(text).not.toMatch(/draft|voucher|greeter/i);
  });
});

describe('results in pictures', () => {
  it('draws comparable measures, states the rest in words, and tables every figure, on the case study and on /results/', async () => {
    for (const file of ['case-studies/limit-pilot/index.html', 'results/index.html']) {
      const tree = await readPage(build.outDir, file);
      const charts = selectAll('main svg[role="img"]', tree);
      expect(
        charts.map((chart) => textOf(selectAll('title', chart)[0]!)),
        file,
      ).toEqual(['CSAT rose from 78% to 91%', 'Rating rose from 3.9/5 to 4.6/5', 'Time to a decision fell from 52 s to 38 s']);
      expect(
        selectAll('main .metric-results__text', tree).map((p) => visibleText(p)),
        file,
      ).toEqual(['Average call length: 6 min 10 s before, 5 min 40 s after', 'Complaints: about 40 a week before, 12 a week after', 'Stores in the pilot: 14']);
      expect(
        selectAll('main table tbody tr', tree).map((row) => visibleText(row)),
        file,
      ).toEqual([
        'CSAT 78% 91%',
        'Rating 3.9/5 4.6/5',
        'Time to a decision 52 s 38 s',
        'Average call length 6 min 10 s 5 min 40 s',
        'Complaints about 40 a week 12 a week',
        'Stores in the pilot not recorded 14',
      ]);
    }
    const results = visibleText(await readPage(build.outDir, 'results/index.html'));
    expect(results).not.toContain('A case without figures');
    expect(results).not.toMatch(/draft/i);
  });

  it('cost no script: the case study and /results/ load the same scripts as a page without charts', async () => {
    const scripts = async (file: string) =>
      selectAll('script', await readPage(build.outDir, file)).map((script) =>
        `${attribute(script, 'src') ?? ''} ${textOf(script)}`.replace(/astro-[a-z0-9]+/g, ''),
      );
    const plain = await scripts('values/care/index.html');
    expect(plain.length).toBeGreaterThan(0);
    expect(await scripts('case-studies/limit-pilot/index.html')).toEqual(plain);
    expect(await scripts('results/index.html')).toEqual(plain);
  });
});
