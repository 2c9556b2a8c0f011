// Metrics from data and metrics the evaluator gives: a given value is used only
// where no data exists; where both exist, the computed one wins and a differing
// given value is a warning with both numbers.
import { problem, type Problem } from '../problems/problem.js';
import type { GivenMetric } from '../schema/judgements.js';
import { formatMetricValue, type Metric } from './metric.js';

export function mergeMetrics(computed: readonly Metric[], given: Readonly<Record<string, GivenMetric>>, judgementsFile: string): { metrics: Map<string, Metric>; problems: Problem[] } {
  const metrics = new Map<string, Metric>();
  const problems: Problem[] = [];
  for (const m of computed) metrics.set(m.name, m);
  for (const [name, g] of Object.entries(given)) {
    const existing = metrics.get(name);
    if (existing) {
      if (!existing.value.equals(g.value)) {
        problems.push(
          problem('warning', 'metric-given-differs', `评价判断给出的 ${name}（${g.label}）与数据算出的值不一致，采用数据算出的值`, { file: judgementsFile, field: `metrics.${name}` }, {
            expected: formatMetricValue(existing.kind, existing.value, existing.unit),
            found: formatMetricValue(existing.kind, g.value, existing.unit),
          }),
        );
      }
      continue;
    }
    metrics.set(name, { name, label: g.label, kind: g.kind, value: g.value, source: 'judgement', provenance: [{ file: judgementsFile, note: g.source }] });
  }
  return { metrics, problems };
}

/** Metrics that combine two sources: 帮扶开展率 = person-times paid ÷ person-times planned, overall and per year. */
export function crossSourceMetrics(metrics: ReadonlyMap<string, Metric>): Metric[] {
  const out: Metric[] = [];
  const years = [...metrics.keys()].map((n) => /^roster\.person_times@(\d{4})$/.exec(n)?.[1]).filter((y): y is string => y !== undefined);
  for (const suffix of ['', ...years.map((y) => `@${y}`)]) {
    const done = metrics.get(`roster.person_times${suffix}`);
    const planned = metrics.get(`budget.planned_person_times${suffix}`);
    if (!done || !planned || planned.value.isZero()) continue;
    out.push({
      name: `roster.launch_rate${suffix}`,
      label: `${suffix ? `${suffix.slice(1)}年` : ''}帮扶开展率`,
      kind: 'ratio',
      value: done.value.dividedBy(planned.value),
      source: 'data',
      provenance: [...done.provenance, ...planned.provenance],
      ...(suffix ? { detail: true } : {}),
    });
  }
  return out;
}
