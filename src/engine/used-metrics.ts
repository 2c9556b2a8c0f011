// The metrics a scored tree rests on: those its rules used, and the inputs of the
// derived ones among them, all the way down; and those a rule names before scoring.
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

/** The metric names a rule's parameters refer to (metric, target_metric, a trend's series), composite parts included. */
export function ruleMetricNames(params: unknown): string[] {
  if (params === null || typeof params !== 'object') return [];
  return Object.entries(params as Record<string, unknown>).flatMap(([k, v]) => {
    if ((k === 'metric' || k === 'target_metric') && typeof v === 'string') return [v];
    if (k === 'series' && Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
    return ruleMetricNames(v);
  });
}
