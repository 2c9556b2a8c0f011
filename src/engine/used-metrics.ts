// The metrics a scored tree rests on: those its rules used, and the inputs of the
// derived ones among them, all the way down.
import type { Metric } from '../metrics/metric.js';
import type { ScoredNode } from './score.js';

export function usedMetricNames(nodes: readonly ScoredNode[], metrics: ReadonlyMap<string, Metric>): Set<string> {
  const used = new Set<string>();
  const use = (name: string) => {
    if (used.has(name)) return;
    used.add(name);
    for (const input of metrics.get(name)?.inputs ?? []) use(input);
  };
  const visit = (n: ScoredNode) => {
    for (const m of n.metrics ?? []) use(m.name);
    n.children?.forEach(visit);
  };
  nodes.forEach(visit);
  return used;
}
