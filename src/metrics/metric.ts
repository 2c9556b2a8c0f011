// A named quantity the engine scores against, with where it came from.
import type { Decimal } from '../numbers/decimal.js';
import { percent, plain, roundTo } from '../numbers/decimal.js';

export type MetricKind = 'ratio' | 'amount' | 'count';

export interface Provenance {
  file: string;
  /** rows as the user sees them, e.g. "2-20"; absent for a whole-file figure */
  rows?: string;
  note?: string;
}

export interface Metric {
  /** namespace.name with an optional scope: roster.persons, roster.paid[医疗救助], roster.paid@2021 */
  name: string;
  label: string;
  kind: MetricKind;
  value: Decimal;
  /** what a count counts, shown after it: 人, 人次, 户, 份; for an amount, 万元 when its table wrote 万元 */
  unit?: string;
  /** 'data': computed from input files; 'judgement': given by the evaluator where no data exists */
  source: 'data' | 'judgement';
  provenance: Provenance[];
  /**
   * A finer cut (type × year, a budget table's year, source or project): listed in 指标数据
   * only where a rule or a derived metric uses it, so the usual sheet stays short.
   */
  detail?: boolean;
  /** a derived metric's formula with its inputs' values (evaluation.yaml derived:) … */
  derivation?: string;
  /** … and its inputs' names */
  inputs?: string[];
}

export type MetricSet = ReadonlyMap<string, Metric>;

export function formatMetricValue(kind: MetricKind, value: Decimal, unit = ''): string {
  switch (kind) {
    case 'ratio':
      return percent(value);
    case 'amount':
      // the unit the table wrote (万元) to its own decimals; else 元 to the fen
      return unit === '万元' ? `${plain(value.dividedBy(10000))} 万元` : `${roundTo(value, 2).toFixed(2)} 元`;
    default:
      return `${plain(value)}${unit}`;
  }
}

export function describeProvenance(metric: Metric): string {
  if (metric.source === 'judgement') {
    // what the evaluator cites, not the file the answer was typed into (YAML or 评分底稿 give the same workbook)
    const notes = metric.provenance.map((p) => p.note ?? '').filter(Boolean);
    return notes.length > 0 ? notes.join('；') : '评价人员判断';
  }
  return metric.provenance
    .map((p) => [p.file, p.rows ? `第 ${p.rows} 行` : '', p.note ?? ''].filter(Boolean).join(' '))
    .join('；');
}
