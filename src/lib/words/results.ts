/**
 * A case study's measure in one sentence, in the page's language: the
 * charts' text alternatives and the measures that cannot be drawn. Every
 * other word of the results (the table, the results page) is in the
 * dictionary under `metrics.` and `results.`.
 */
import type { Words } from '../languages/words.ts';

/** Which way a measure moved, when its two figures can be compared. */
export type MetricMove = 'rose' | 'fell' | 'same';

/**
 * A measure in one sentence, stating both figures as written: "CSAT rose
 * from 78% to 91%", "Complaints fell from 34% to 12%", "NPS: +41 before and
 * after"; without a comparison, "Call length: 6 min before, 5 min 40 s
 * after"; with no figure before, "CSAT: 92%".
 */
export function metricInWords(label: string, after: string, before: string | undefined, move: MetricMove | undefined, words: Words): string {
  if (before === undefined) return words.t('metric.only', { label, after });
  switch (move) {
    case 'rose':
      return words.t('metric.rose', { label, before, after });
    case 'fell':
      return words.t('metric.fell', { label, before, after });
    case 'same':
      return before === after ? words.t('metric.unchanged', { label, after }) : words.t('metric.same', { label, before, after });
    default:
      return words.t('metric.both', { label, before, after });
  }
}
