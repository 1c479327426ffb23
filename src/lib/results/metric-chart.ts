/**
 * A case-study measure drawn as two bars, before and after, worked out at
 * build time as plain geometry (src/components/MetricChart.astro draws it as
 * SVG; no script runs in the browser). A measure is drawn only when both
 * figures read as numbers in the same unit (metric-value.ts) on a scale
 * that holds them; anything else is shown as text, never drawn wrong.
 *
 * Honest by construction: every bar starts at zero; a percentage is drawn
 * on 0–100 (wider only for figures beyond it), "x/5" on 0–5, anything else
 * from zero to the larger figure. No chart library: the scale is one
 * linear map, and the layout does not depend on measuring text (which at
 * build time could not know the reader's font): words and figures sit in
 * columns sized from their length in characters, generously, and every
 * figure is repeated in the table beside the chart.
 */
import type { Words } from '../languages/words.ts';
import { metricInWords, type MetricMove } from '../words/results.ts';
import { parseMetricValue } from './metric-value.ts';

/** A measure as a case study gives it. */
export interface Metric {
  label: string;
  /** The figure after. */
  value: string;
  /** The figure before, when known. */
  before?: string | undefined;
}

export interface ChartBar {
  which: 'before' | 'after';
  /** "Before" or "After". */
  word: string;
  /** The figure as written. */
  figure: string;
  /** The bar: from `x`, `width` long, at `y`. */
  x: number;
  width: number;
  y: number;
  /** Baseline of the row's word and figure. */
  textY: number;
}

export interface ChartGeometry {
  /** The drawing's size in its own units (its viewBox). */
  width: number;
  height: number;
  barHeight: number;
  /** The size of its words and figures, in its own units. */
  fontSize: number;
  /** Where the words start (left) and the figures end (right). */
  wordX: number;
  figureX: number;
  /** Where zero is: the bars' common start. */
  zeroX: number;
  bars: [ChartBar, ChartBar];
}

/** How a measure is shown: drawn, or as text. Either way `inWords` states its figures. */
export type MetricShowing = { drawn: true; label: string; inWords: string; chart: ChartGeometry } | { drawn: false; label: string; inWords: string };

const FONT_SIZE = 13;
/** A wide average glyph (0.62 em), so that words and figures fit in their columns whatever the font. */
const GLYPH = 0.62 * FONT_SIZE;
const BAR_SPAN = 200;
const ROW = 26;
const BAR_HEIGHT = 15;
const PAD = 8;

/** The scale a pair of figures is drawn on, or undefined when it cannot hold them. */
function domainOf(amounts: [number, number], scaleTop: number | undefined, unit: string): [number, number] | undefined {
  const [low, high] = [Math.min(0, ...amounts), Math.max(0, ...amounts)];
  if (unit.endsWith('|%')) return [low, Math.max(100, high)];
  if (scaleTop !== undefined) return scaleTop > 0 && low >= 0 && high <= scaleTop ? [0, scaleTop] : undefined;
  return high === low ? [0, 1] : [low, high];
}

/**
 * How a measure is shown: `locale` is the playbook's, in which its figures
 * are written (facts, never translated); `words` the page's language.
 */
export function metricShowing(metric: Metric, locale: string, words: Words): MetricShowing {
  const [beforeWord, afterWord] = [words.t('metrics.before'), words.t('metrics.after')];
  const asText = (move?: MetricMove): MetricShowing => ({
    drawn: false,
    label: metric.label,
    inWords: metricInWords(metric.label, metric.value, metric.before, move, words),
  });
  if (metric.before === undefined) return asText();
  const [before, after] = [parseMetricValue(metric.before, locale), parseMetricValue(metric.value, locale)];
  if (!before || !after || before.unit !== after.unit || before.scaleTop !== after.scaleTop) return asText();
  const domain = domainOf([before.amount, after.amount], before.scaleTop, before.unit);
  if (!domain) return asText();
  const move: MetricMove = after.amount > before.amount ? 'rose' : after.amount < before.amount ? 'fell' : 'same';

  const wordWidth = Math.ceil(Math.max(beforeWord.length, afterWord.length) * GLYPH) + PAD;
  const figureWidth = Math.ceil(Math.max(metric.before.length, metric.value.length) * GLYPH) + PAD;
  const start = wordWidth;
  const at = (amount: number) => round(start + ((amount - domain[0]) / (domain[1] - domain[0])) * BAR_SPAN);
  const zeroX = at(0);
  const bar = (which: ChartBar['which'], figure: string, amount: number, row: number): ChartBar => {
    const end = at(amount);
    const y = row * ROW + (ROW - BAR_HEIGHT) / 2;
    return {
      which,
      word: which === 'before' ? beforeWord : afterWord,
      figure,
      x: Math.min(zeroX, end),
      width: round(Math.abs(end - zeroX)),
      y,
      textY: y + BAR_HEIGHT / 2 + FONT_SIZE * 0.35,
    };
  };
  const width = start + BAR_SPAN + figureWidth;
  return {
    drawn: true,
    label: metric.label,
    inWords: metricInWords(metric.label, metric.value, metric.before, move, words),
    chart: {
      width,
      height: ROW * 2,
      barHeight: BAR_HEIGHT,
      fontSize: FONT_SIZE,
      wordX: 0,
      figureX: width,
      zeroX,
      bars: [bar('before', metric.before, before.amount, 0), bar('after', metric.value, after.amount, 1)],
    },
  };
}

const round = (n: number) => Math.round(n * 100) / 100;
