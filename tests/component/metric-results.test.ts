/**
 * A case study's results as the page renders them: a chart per comparable
 * measure with a text alternative that states both figures, words for a
 * measure that cannot be drawn, the table of every figure, and no script.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import MetricResults from '../../src/components/MetricResults.astro';
import { pageIn } from './support.ts';
import { byTag, parsePage, textOf as textOfNode, attribute } from '../support/built-site.ts';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

const metrics = [
  { label: 'CSAT', before: '78%', value: '91%' },
  { label: 'Average call length', before: '6 min 10 s', value: '5 min 40 s' },
  { label: 'NPS', value: '+41' },
];

describe('MetricResults', () => {
  it('draws what compares, states the rest in words, and tables every figure, with no script', async () => {
    const tree = parsePage(await container.renderToString(MetricResults, { props: { metrics, locale: 'en-GB', idPrefix: 'm' }, locals: pageIn('en-GB') }));
    const charts = byTag(tree, 'svg');
    expect(charts).toHaveLength(1);
    const chart = charts[0]!;
    expect(attribute(chart, 'role')).toBe('img');
    // hast names it in camel case.
    expect(chart.properties.ariaLabelledBy).toEqual(['m-1-title']);
    const title = byTag(chart, 'title')[0]!;
    expect(attribute(title, 'id')).toBe('m-1-title');
    expect(textOfNode(title)).toBe('CSAT rose from 78% to 91%');
    expect(byTag(chart, 'rect').map((bar) => attribute(bar, 'class')?.split(' ')[1])).toEqual(['metric-chart__bar--before', 'metric-chart__bar--after']);
    expect(byTag(tree, 'figcaption').map(textOfNode)).toEqual(['CSAT']);

    // The two that cannot be drawn are sentences, in the order written.
    expect(byTag(tree, 'p').map(textOfNode)).toEqual(['Average call length: 6 min 10 s before, 5 min 40 s after', 'NPS: +41']);

    // Every figure is in the table beside the charts.
    const rows = byTag(byTag(tree, 'tbody')[0]!, 'tr').map((row) =>
      byTag(row, 'th')
        .concat(byTag(row, 'td'))
        .map((cell) => textOfNode(cell).trim()),
    );
    expect(rows).toEqual([
      ['CSAT', '78%', '91%'],
      ['Average call length', '6 min 10 s', '5 min 40 s'],
      ['NPS', 'not recorded', '+41'],
    ]);
    expect(byTag(tree, 'script')).toEqual([]);
  });

  it('gives each chart on a page its own ids and the table its own caption', async () => {
    const tree = parsePage(
      await container.renderToString(MetricResults, {
        props: { metrics: [metrics[0]!, metrics[0]!], locale: 'en-GB', idPrefix: 'leeds-metric', caption: 'Leeds: results' },
        locals: pageIn('en-GB'),
      }),
    );
    expect(byTag(tree, 'title').map((title) => attribute(title, 'id'))).toEqual(['leeds-metric-1-title', 'leeds-metric-2-title']);
    expect(textOfNode(byTag(tree, 'caption')[0]!)).toBe('Leeds: results');
  });
});
