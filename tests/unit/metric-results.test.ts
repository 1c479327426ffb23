/**
 * Case-study figures read as numbers with their units, and drawn only when
 * the two can be compared: every other pair is stated in words.
 */
import { englishWords } from '../../src/lib/languages/dictionary.ts';
import { describe, expect, it } from 'vitest';
import { metricShowing, type ChartGeometry } from '../../src/lib/results/metric-chart.ts';
import { parseMetricValue } from '../../src/lib/results/metric-value.ts';

describe('parseMetricValue', () => {
  it('reads a number with its unit: percentages, scores out of a top, times, money, signs', () => {
    expect(parseMetricValue('92%', 'en')).toEqual({ amount: 92, unit: '|%', scaleTop: 100 });
    expect(parseMetricValue('4.6/5', 'en')).toEqual({ amount: 4.6, unit: '|/5', scaleTop: 5 });
    expect(parseMetricValue('38 s', 'en')).toEqual({ amount: 38, unit: '|s' });
    expect(parseMetricValue('£21', 'en-GB')).toEqual({ amount: 21, unit: '£|' });
    expect(parseMetricValue('US$1,000', 'en-US')).toEqual({ amount: 1000, unit: 'US$|' });
    expect(parseMetricValue('+41', 'en')).toEqual({ amount: 41, unit: '|' });
    expect(parseMetricValue('−12', 'en')).toEqual({ amount: -12, unit: '|' });
    expect(parseMetricValue('-£5', 'en')).toEqual({ amount: -5, unit: '£|' });
    expect(parseMetricValue(' 1,200 Calls ', 'en')).toEqual({ amount: 1200, unit: '|calls' });
    expect(parseMetricValue('3 / 10', 'en')).toEqual({ amount: 3, unit: '|/10', scaleTop: 10 });
  });

  it('reads numbers the way the playbook’s locale writes them', () => {
    expect(parseMetricValue('92 %', 'fr')).toEqual({ amount: 92, unit: '|%', scaleTop: 100 });
    expect(parseMetricValue('4,6/5', 'fr-CA')).toEqual({ amount: 4.6, unit: '|/5', scaleTop: 5 });
    expect(parseMetricValue('1 200,5', 'fr')).toEqual({ amount: 1200.5, unit: '|' });
    expect(parseMetricValue('1\u202f200,5', 'fr')).toEqual({ amount: 1200.5, unit: '|' });
    expect(parseMetricValue('1.200,5', 'de')).toEqual({ amount: 1200.5, unit: '|' });
    // Written another locale's way: not guessed at.
    expect(parseMetricValue('4.6/5', 'de')).toBeUndefined();
    expect(parseMetricValue('4,6/5', 'en')).toBeUndefined();
  });

  it('reads nothing it would have to guess at', () => {
    for (const text of ['about 90%', '6 min 10 s', '90–95%', 'n/a', '', '1,20', '+-5', '{{78%}}', '"><b>92%</b>', 'Canarydraftqzx after', '92%%']) {
      expect(parseMetricValue(text, 'en'), text).toBeUndefined();
    }
  });
});

describe('metricShowing', () => {
  const drawn = (before: string, value: string, locale = 'en-GB'): ChartGeometry => {
    const showing = metricShowing({ label: 'M', before, value }, locale, englishWords(locale));
    if (!showing.drawn) throw new Error(`${before} → ${value} was not drawn`);
    return showing.chart;
  };
  const length = (chart: ChartGeometry, which: 0 | 1) => chart.bars[which].width;

  it('draws a percentage on 0–100, both bars from zero, with a sentence that states both figures', () => {
    const showing = metricShowing({ label: 'CSAT', before: '78%', value: '91%' }, 'en-GB', englishWords('en-GB'));
    expect(showing).toMatchObject({ drawn: true, label: 'CSAT', inWords: 'CSAT rose from 78% to 91%' });
    const chart = drawn('78%', '91%');
    const span = 200;
    expect(chart.bars.map((bar) => [bar.which, bar.word, bar.figure, bar.x])).toEqual([
      ['before', 'Before', '78%', chart.zeroX],
      ['after', 'After', '91%', chart.zeroX],
    ]);
    expect(length(chart, 0)).toBeCloseTo(span * 0.78, 1);
    expect(length(chart, 1)).toBeCloseTo(span * 0.91, 1);
    // Words, bars and figures never overlap: the bars end before the figures' column begins.
    const figureColumn = chart.figureX - Math.max(...chart.bars.map((bar) => bar.figure.length)) * 0.62 * chart.fontSize;
    for (const bar of chart.bars) expect(bar.x + bar.width).toBeLessThanOrEqual(figureColumn);
    expect(chart.zeroX).toBeGreaterThanOrEqual('Before'.length * 0.62 * chart.fontSize);
  });

  it('draws a score out of 5 on 0–5, and other units from zero to the larger figure', () => {
    const score = drawn('3.9/5', '4.6/5');
    expect(length(score, 1) / 200).toBeCloseTo(4.6 / 5, 2);
    const seconds = drawn('52 s', '38 s');
    expect(length(seconds, 0)).toBe(200);
    expect(length(seconds, 1) / length(seconds, 0)).toBeCloseTo(38 / 52, 2);
    expect(metricShowing({ label: 'Wait', before: '52 s', value: '38 s' }, 'en', englishWords('en')).inWords).toBe('Wait fell from 52 s to 38 s');
  });

  it('draws a negative figure to the left of zero', () => {
    const chart = drawn('-12', '+41');
    expect(chart.bars[0].x + chart.bars[0].width).toBeCloseTo(chart.zeroX, 5);
    expect(chart.bars[1].x).toBe(chart.zeroX);
    expect(length(chart, 0) / length(chart, 1)).toBeCloseTo(12 / 41, 2);
  });

  it('states a measure in words, never drawn, when its figures cannot be compared', () => {
    const text = (before: string | undefined, value: string) => metricShowing({ label: 'M', before, value }, 'en-GB', englishWords('en-GB'));
    expect(text('6 min', '340 s')).toEqual({ drawn: false, label: 'M', inWords: 'M: 6 min before, 340 s after' });
    expect(text('92%', '4.6/5')).toMatchObject({ drawn: false, inWords: 'M: 92% before, 4.6/5 after' });
    expect(text('£17', '€21')).toMatchObject({ drawn: false });
    expect(text('3/5', '8/10')).toMatchObject({ drawn: false });
    expect(text('6/5', '4/5')).toMatchObject({ drawn: false, inWords: 'M: 6/5 before, 4/5 after' });
    expect(text('about 80%', '91%')).toMatchObject({ drawn: false, inWords: 'M: about 80% before, 91% after' });
    expect(text(undefined, '92%')).toEqual({ drawn: false, label: 'M', inWords: 'M: 92%' });
  });

  it('says when nothing moved', () => {
    expect(metricShowing({ label: 'NPS', before: '+41', value: '+41' }, 'en', englishWords('en')).inWords).toBe('NPS: +41 before and after');
    expect(metricShowing({ label: 'CSAT', before: '92%', value: '92.0%' }, 'en', englishWords('en')).inWords).toBe('CSAT: 92% before, 92.0% after, the same');
  });
});
