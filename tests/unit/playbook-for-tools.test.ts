/**
 * /playbook.json and /llms.txt from a model: what other tools read. The JSON
 * is valid against the JSON Schema published beside it, every id in it is
 * an entry it lists, and neither file names a draft or a retired entry.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { jsonSchemas, PUBLISHED_PLAYBOOK_SCHEMA_NAME } from '../../src/cli/generate-json-schemas.ts';
import { llmsTxt } from '../../src/lib/for-tools/llms-txt.ts';
import { playbookJson, publishedPlaybook } from '../../src/lib/for-tools/playbook-json.ts';
import { publicAddress } from '../../src/lib/links/href.ts';
import { boundary, LADDER, modelOf } from '../support/checked-content.ts';

const model = modelOf(
  {
    values: {
      care: { title: 'Care', summary: 'Care for every customer.', behaviors: ['Listen first'] },
      old: { title: 'Old value', summary: 'Retired.', status: 'retired' },
      hidden: { title: 'Hidden value', summary: 'A draft.', status: 'draft' },
    },
    roles: { ...LADDER, greeter: { title: 'Greeter', escalatesTo: 'lead', status: 'retired' } },
    guidelines: {
      listen: {
        title: 'Listen [first]',
        summary: 'Hear the\nwhole story.',
        owner: 'Ops',
        lastReviewed: '2026-06-01',
        values: ['care', 'old'],
        roles: ['agent'],
        boundaries: ['refund'],
      },
    },
    boundaries: {
      refund: boundary(
        [
          { role: 'agent', authority: 'decide', limit: { amount: 75 }, note: 'Once per customer' },
          { role: 'greeter', authority: 'decide', limit: { amount: 10 } },
          { role: 'lead', authority: 'decide-and-inform', limit: { amount: 250, currency: 'EUR' }, per: 'customer-day' },
          { role: 'manager', authority: 'decide' },
        ],
        { values: ['care', 'old'], guidelines: ['listen'], category: 'Refunds', guardrails: ['Never for staff'] },
      ),
      voucher: boundary([{ role: 'agent', authority: 'decide' }], { title: 'Voucher', status: 'retired' }),
      secret: boundary([{ role: 'agent', authority: 'decide' }], { title: 'Secret', status: 'draft' }),
    },
    caseStudies: {
      pilot: { title: 'Pilot', summary: 'It worked.', organisation: 'Us', internal: true, metrics: [{ label: 'CSAT', before: '78%', value: '91%' }] },
    },
  },
  { name: 'Harbour [&] Pine', tagline: 'How we serve.', currency: 'GBP', locale: 'en-GB' },
);
const addressOf = (path: string) => publicAddress(path, 'https://intranet.example.com', '/playbook');

describe('/playbook.json', () => {
  const published = publishedPlaybook(model, addressOf, addressOf('/playbook.schema.json'));
  const text = playbookJson(published);
  const json = JSON.parse(text) as typeof published;

  it('is valid against the JSON Schema published beside it', () => {
    const schema = JSON.parse(jsonSchemas().get(`${PUBLISHED_PLAYBOOK_SCHEMA_NAME}.schema.json`)!) as object;
    const validate = new Ajv2020({ strict: false }).compile(schema);
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    expect(json).toEqual(published);
  });

  it('gives each grant in numbers and in words, held by published roles only', () => {
    expect(json.boundaries).toHaveLength(1);
    expect(json.boundaries[0]).toMatchObject({ id: 'refund', category: 'Refunds', guardrails: ['Never for staff'], values: ['care'], guidelines: ['listen'] });
    expect(json.boundaries[0]!.address).toBe('https://intranet.example.com/playbook/boundaries/refund/');
    expect(json.boundaries[0]!.grants).toEqual([
      {
        role: 'agent',
        authority: 'decide',
        limit: { amount: 75, currency: 'GBP' },
        per: 'case',
        escalatesTo: 'lead',
        conditions: 'Once per customer',
        inWords: 'Decides up to £75 per case',
      },
      {
        role: 'lead',
        authority: 'decide-and-inform',
        limit: { amount: 250, currency: 'EUR' },
        per: 'customer-day',
        escalatesTo: 'manager',
        inWords: 'Decides up to €250 per customer per day, then informs Manager',
      },
      { role: 'manager', authority: 'decide', escalatesTo: 'director', inWords: 'Decides, no monetary limit' },
    ]);
  });

  it('names no draft or retired entry, and every id in it is an entry it lists', () => {
    expect(text).not.toMatch(/secret|hidden|voucher|greeter|old value/i);
    const listed = {
      values: new Set(json.values.map((v) => v.id)),
      roles: new Set(json.roles.map((r) => r.id)),
      guidelines: new Set(json.guidelines.map((g) => g.id)),
      boundaries: new Set(json.boundaries.map((b) => b.id)),
    };
    const referenced = [
      ...json.roles.flatMap((role) => (role.escalatesTo ? [['roles', role.escalatesTo] as const] : [])),
      ...json.guidelines.flatMap((g) => [
        ...g.values.map((id) => ['values', id] as const),
        ...g.roles.map((id) => ['roles', id] as const),
        ...g.boundaries.map((id) => ['boundaries', id] as const),
      ]),
      ...json.boundaries.flatMap((b) => [
        ...b.values.map((id) => ['values', id] as const),
        ...b.guidelines.map((id) => ['guidelines', id] as const),
        ...b.grants.flatMap((grant) => [['roles', grant.role] as const, ...(grant.escalatesTo ? [['roles', grant.escalatesTo] as const] : [])]),
      ]),
    ];
    expect(referenced.length).toBeGreaterThan(10);
    for (const [list, id] of referenced) expect(listed[list].has(id), `${list}/${id}`).toBe(true);
  });

  it('says which version of the shape it is, and where its schema is', () => {
    expect(text.startsWith('{"$schema":"https://intranet.example.com/playbook/playbook.schema.json","version":1,"name":"Harbour [&] Pine"')).toBe(true);
    // One entry a line.
    expect(text.split('\n').filter((line) => line.startsWith('{"id":'))).toHaveLength(
      json.values.length + json.roles.length + json.guidelines.length + json.boundaries.length,
    );
  });
});

describe('/llms.txt', () => {
  it('lists the playbook’s pages with their addresses, in Markdown, and no draft or retired entry', () => {
    expect(llmsTxt(model, (path) => publicAddress(path, undefined, '/'))).toBe(`# Harbour [&] Pine

> How we serve.

What this organisation values, who may decide what on their own and up to which limit, where a decision goes when it is bigger than that, and stories of people who used that trust well. Limits are given per role on each decision boundary.

## Files for tools

- [playbook.json](/playbook.json): values, roles, guidelines and boundaries with every grant in words and in numbers (JSON Schema: playbook.schema.json)
- [Authority register (CSV)](/authority.csv): one row per role and decision: authority, limit, currency, escalation, owner, approver, dates
- [Authority register (JSON)](/authority.json): the same rows as JSON

## Values

- [Care](/values/care/): Care for every customer.

## Roles

- [Agent](/roles/agent/)
- [Director](/roles/director/)
- [Lead](/roles/lead/)
- [Manager](/roles/manager/)

## Decision boundaries

- [Refund a purchase](/boundaries/refund/): Refund a purchase. S

## Guidelines

- [Listen \\[first\\]](/guidelines/listen/): Hear the whole story.

## Case studies

- [Pilot](/case-studies/pilot/): It worked.

## Optional

- [Changes to boundaries](/changes/): newest first
- [Results](/results/): every case study's results, before and after
`);
  });
});
