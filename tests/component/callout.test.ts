import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import Callout from '../../src/components/content/Callout.astro';
import { pageIn, textOf } from './support.ts';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

describe('Callout', () => {
  it('renders an aside labelled with its kind and title', async () => {
    const html = await container.renderToString(Callout, {
      props: { type: 'warning', title: 'Check the tag' },
      slots: { default: '<p>Security tags mean stop.</p>' },
      locals: pageIn(),
    });
    expect(html).toMatch(/^<aside[^>]*class="callout callout--warning"/);
    expect(html).toContain('aria-label="Warning: Check the tag"');
    expect(textOf(html)).toBe('Warning : Check the tag Security tags mean stop.');
  });

  it('is a note labelled "Note" without type or title', async () => {
    const html = await container.renderToString(Callout, { slots: { default: 'Plain text' }, locals: pageIn() });
    expect(html).toContain('callout--note');
    expect(html).toContain('aria-label="Note"');
    expect(textOf(html)).toBe('Note Plain text');
  });

  it('labels a tip', async () => {
    const html = await container.renderToString(Callout, { props: { type: 'tip' }, slots: { default: 'x' }, locals: pageIn() });
    expect(html).toContain('aria-label="Tip"');
  });

  it('falls back to a note for an unknown type', async () => {
    const html = await container.renderToString(Callout, { props: { type: 'shout' }, slots: { default: 'x' }, locals: pageIn() });
    expect(html).toContain('callout--note');
  });
});
