import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import EscalationLadder from '../../src/components/EscalationLadder.astro';
import Pagination from '../../src/components/Pagination.astro';
import { makeBoundary, makeGrant, makeRole, pageIn, rolesOf, textOf, withLadder } from './support.ts';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

const steps = (html: string) => [...html.matchAll(/<li class="ladder__step[^"]*"[^>]*>([\s\S]*?)<\/li>/g)].map((m) => textOf(m[1]!));

describe('EscalationLadder', () => {
  const director = makeRole('director', 'Regional director');
  const manager = makeRole('manager', 'Store manager', director);
  const lead = makeRole('lead', 'Shift lead', manager);
  const associate = makeRole('associate', 'Store associate', lead);

  it('draws one ordered list, lowest role first, each step with its limit', async () => {
    const boundary = makeBoundary('refund', 'Refund');
    makeGrant(boundary, manager, 'decide', 1000, 'USD');
    makeGrant(boundary, associate, 'decide', 75, 'USD');
    makeGrant(boundary, director, 'decide');
    const html = await container.renderToString(EscalationLadder, {
      props: { boundary: withLadder(boundary), roles: rolesOf(boundary) },
      locals: pageIn('en-US'),
    });
    expect(html.match(/<ol class="ladder__steps/g)).toHaveLength(1);
    expect(steps(html)).toEqual([
      'Store associate Decides up to $75 per case',
      'Shift lead No authority of its own here: passes the decision up',
      'Store manager Decides up to $1,000 per case',
      'Regional director Decides no monetary limit',
    ]);
    expect(html).toContain('href="/roles/associate/"');
  });

  it('never says the top rung passes the decision up when nobody is above it', async () => {
    const boundary = makeBoundary('gesture', 'Gesture');
    makeGrant(boundary, manager, 'decide-and-inform', 500, 'USD');
    const top = await container.renderToString(EscalationLadder, {
      props: { boundary: withLadder(boundary), roles: rolesOf(boundary) },
      locals: pageIn('en-US'),
    });
    expect(steps(top)).toEqual([
      'Store manager Decides, then informs Regional director up to $500 per case',
      'Regional director Top of the ladder: decisions passed up end here; no grant of its own on this boundary',
    ]);
    // Nobody above holds it: beyond the manager's limit the picture says whom to ask.
    expect(textOf(top)).toContain('Beyond the top step, no one up this ladder holds the decision: ask Owner, who answers for it.');
    const below = makeBoundary('voucher', 'Voucher');
    makeGrant(below, associate, 'consult', 20, 'USD');
    const html = await container.renderToString(EscalationLadder, { props: { boundary: withLadder(below), roles: rolesOf(below) }, locals: pageIn('en-US') });
    expect(steps(html)).toEqual([
      'Store associate Consults Shift lead first up to $20 per case',
      'Shift lead Decisions passed up come here; no grant of its own on this boundary',
    ]);
    expect(html).not.toContain('passes the decision up');
  });

  it('draws a second ladder that joins the first instead of repeating it', async () => {
    const boundary = makeBoundary('damage', 'Damage');
    const agent = makeRole('agent', 'Contact agent', makeRole('senior', 'Senior agent'));
    makeGrant(boundary, associate, 'escalate');
    makeGrant(boundary, lead, 'decide', 250);
    const fromAgent = makeGrant(boundary, agent, 'escalate');
    fromAgent.escalateTo = lead;
    const html = await container.renderToString(EscalationLadder, {
      props: { boundary: withLadder(boundary), roles: rolesOf(boundary) },
      locals: pageIn('en-GB'),
    });
    expect(html.match(/<ol class="ladder__steps/g)).toHaveLength(2);
    expect(steps(html)).toEqual(['Store associate Escalates to Shift lead', 'Shift lead Decides up to £250 per case', 'Contact agent Escalates to Shift lead']);
    expect(textOf(html)).toContain('Then on to Shift lead , and up from there as shown.');
  });
});

describe('Pagination', () => {
  it('links previous, next and nearby pages, marking the current one', async () => {
    const html = await container.renderToString(Pagination, { props: { current: 2, last: 40, label: 'Wins wall pages' }, locals: pageIn() });
    expect(html).toContain('aria-label="Wins wall pages"');
    expect(html).toMatch(/href="\/wins\/" rel="prev"/);
    expect(html).toMatch(/href="\/wins\/page\/3\/" rel="next"/);
    expect(html).toMatch(/href="\/wins\/page\/2\/" aria-current="page"/);
    expect(html).toContain('href="/wins/page/40/"');
    expect(html).not.toContain('href="/wins/page/20/"');
  });

  it('renders nothing for a single page', async () => {
    expect((await container.renderToString(Pagination, { props: { current: 1, last: 1, label: 'x' }, locals: pageIn() })).trim()).toBe('');
  });
});
