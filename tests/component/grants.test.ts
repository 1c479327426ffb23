import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import BoundaryRefView from '../../src/components/content/BoundaryRefView.astro';
import GrantLimit from '../../src/components/GrantLimit.astro';
import GrantTable from '../../src/components/GrantTable.astro';
import { makeBoundary, makeGrant, makeRole, pageIn, textOf } from './support.ts';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

const manager = makeRole('store-manager', 'Store manager');
const lead = makeRole('shift-lead', 'Shift lead', manager);
const associate = makeRole('store-associate', 'Store associate', lead);

describe('GrantLimit', () => {
  it('shows the authority and the limit in words, formatted for the locale', async () => {
    const grant = makeGrant(makeBoundary('refund', 'Refund a purchase'), associate, 'decide', 75);
    const html = await container.renderToString(GrantLimit, { props: { grant }, locals: pageIn('en-GB') });
    expect(textOf(html)).toBe('Decides up to £75 per case');
    expect(html).toContain('grant--decide');
  });

  it('names the role informed or consulted, and what the limit counts against', async () => {
    const boundary = makeBoundary('credit', 'Credit');
    expect(
      textOf(
        await container.renderToString(GrantLimit, {
          props: { grant: makeGrant(boundary, lead, 'decide-and-inform', 1000, 'USD', 'customer-day') },
          locals: pageIn('en-US'),
        }),
      ),
    ).toBe('Decides, then informs Store manager up to $1,000 per customer per day');
    expect(
      textOf(await container.renderToString(GrantLimit, { props: { grant: makeGrant(boundary, associate, 'consult', 55, 'CAD') }, locals: pageIn('en-US') })),
    ).toBe('Consults Shift lead first up to CA$55 per case');
  });

  it('says when there is no monetary limit', async () => {
    const grant = makeGrant(makeBoundary('x', 'X'), manager, 'decide');
    expect(textOf(await container.renderToString(GrantLimit, { props: { grant }, locals: pageIn('en-IE') }))).toBe('Decides no monetary limit');
  });

  it('shows no limit for a role that escalates', async () => {
    const grant = makeGrant(makeBoundary('x', 'X'), associate, 'escalate', 10);
    expect(textOf(await container.renderToString(GrantLimit, { props: { grant }, locals: pageIn('en-GB') }))).toBe('Escalates to Shift lead');
  });
});

describe('GrantTable', () => {
  it('lists one row per role with a header cell, linked, and the note', async () => {
    const boundary = makeBoundary('refund', 'Refund a purchase');
    const first = makeGrant(boundary, associate, 'decide', 75);
    first.note = 'Check the item is ours.';
    makeGrant(boundary, lead, 'decide', 250);
    const html = await container.renderToString(GrantTable, {
      props: { grants: boundary.grants, rowsBy: 'role', caption: 'Who may refund' },
      locals: pageIn('en-GB'),
    });
    expect(html).toContain('<th scope="col"');
    expect(html.match(/<th scope="row"/g)).toHaveLength(2);
    expect(html).toContain('href="/roles/store-associate/"');
    expect(textOf(html)).toContain('Store associate Decides up to £75 per case Check the item is ours.');
    expect(textOf(html)).toContain('Shift lead Decides up to £250 per case');
  });

  it('on a role page, names each decision and links its boundary', async () => {
    const grant = makeGrant(makeBoundary('refund', 'Refund a purchase'), associate, 'decide', 75);
    const html = await container.renderToString(GrantTable, { props: { grants: [grant], rowsBy: 'boundary', caption: 'c' }, locals: pageIn('en-GB') });
    expect(html).toContain('href="/boundaries/refund/"');
    expect(textOf(html)).toContain('Refund a purchase Decides up to £75 per case');
  });
});

describe('BoundaryRefView', () => {
  it("links the boundary inline and gives each role's limit in words", async () => {
    const boundary = makeBoundary('refund', 'Refund a purchase');
    makeGrant(boundary, associate, 'decide', 75);
    makeGrant(boundary, lead, 'escalate');
    const html = await container.renderToString(BoundaryRefView, { props: { boundary }, locals: pageIn('en-GB') });
    expect(html).toMatch(/^<span class="boundary-ref"/);
    expect(html).toContain('<a href="/boundaries/refund/"');
    expect(textOf(html)).toBe('Refund a purchase (Store associate: decides up to £75 per case; Shift lead: escalates to Store manager)');
  });
});
