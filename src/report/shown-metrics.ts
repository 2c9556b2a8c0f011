// The metrics a score's outputs list (指标数据, the JSON result): every usual one, and the
// finer cuts (type × year, budget scopes) only where a rule or a derived metric uses them.
import type { ScoredNode } from '../engine/score.js';
import { usedMetricNames } from '../engine/used-metrics.js';
import type { Metric } from '../metrics/metric.js';

export function shownMetrics(metrics: ReadonlyMap<string, Metric>, nodes: readonly ScoredNode[]): Metric[] {
  const used = usedMetricNames(nodes, metrics);
  return [...metrics.keys()].filter((name) => used.has(name) || !metrics.get(name)?.detail).sort().map((name) => metrics.get(name) as Metric);
}
