// The metrics a score's outputs list (指标数据, the JSON result): every usual one, and the
// finer cuts (type × year, budget scopes) only where a rule or a derived metric uses them.
import type { ScoredNode } from '../engine/score.js';
import type { Metric } from '../metrics/metric.js';

export function shownMetrics(metrics: ReadonlyMap<string, Metric>, nodes: readonly ScoredNode[]): Metric[] {
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
  for (const m of metrics.values()) if (!m.detail) use(m.name);
  return [...metrics.keys()].filter((name) => used.has(name)).sort().map((name) => metrics.get(name) as Metric);
}
