import { Decimal } from '../../src/numbers/decimal.js';
import type { Metric, MetricKind } from '../../src/metrics/metric.js';

export function metric(name: string, value: string | number, kind: MetricKind = 'ratio', label = name, unit?: string): Metric {
  return { name, label, kind, value: new Decimal(value), ...(unit ? { unit } : {}), source: 'data', provenance: [] };
}

export function metricSet(...metrics: Metric[]): Map<string, Metric> {
  return new Map(metrics.map((m) => [m.name, m]));
}
