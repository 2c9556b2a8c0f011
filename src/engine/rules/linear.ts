// 线性插值: zero points at one threshold, full points at another, linear between.
// 资金到位率 ≤70% → 0, ≥100% → full. Works downwards too (zero_at above full_at).
import { z } from 'zod';
import type { RuleKind } from '../rule-kind.js';
import { computedWithoutAnswer, decimalSchema, metricNameSchema, pts, reasonOnlyAnswer, show, useMetric } from './common.js';

const params = z
  .strictObject({ metric: metricNameSchema, zero_at: decimalSchema, full_at: decimalSchema })
  .refine((p) => !p.zero_at.equals(p.full_at), { message: 'zero_at 与 full_at 不能相等' });

export const linear: RuleKind<z.infer<typeof params>, z.infer<typeof reasonOnlyAnswer>> = {
  kind: 'linear',
  label: '线性插值',
  params,
  answer: reasonOnlyAnswer,
  needsAnswer: computedWithoutAnswer,
  maxPoints: (_p, points) => points,
  score(p, input) {
    const metric = useMetric(input, p.metric);
    const v = metric.value;
    const rising = p.full_at.greaterThan(p.zero_at);
    const atFull = rising ? v.greaterThanOrEqualTo(p.full_at) : v.lessThanOrEqualTo(p.full_at);
    const atZero = rising ? v.lessThanOrEqualTo(p.zero_at) : v.greaterThanOrEqualTo(p.zero_at);
    const base = { actual: show(metric), metricsUsed: [metric], warnings: [] };
    if (atFull) {
      return { ...base, points: input.points, trace: `${metric.label} ${show(metric)} ${rising ? '≥' : '≤'} ${show(metric, p.full_at)}，得满分 ${pts(input.points)} 分` };
    }
    if (atZero) {
      return { ...base, points: input.points.times(0), trace: `${metric.label} ${show(metric)} ${rising ? '≤' : '≥'} ${show(metric, p.zero_at)}，得 0 分` };
    }
    const points = input.roundPart(v.minus(p.zero_at).dividedBy(p.full_at.minus(p.zero_at)).times(input.points));
    return {
      ...base,
      points,
      trace: `${metric.label} ${show(metric)} 介于 ${show(metric, p.zero_at)} 与 ${show(metric, p.full_at)} 之间，按比例计算：(${show(metric)} − ${show(metric, p.zero_at)}) ÷ (${show(metric, p.full_at)} − ${show(metric, p.zero_at)}) × ${pts(input.points)} = ${pts(points)} 分`,
    };
  },
};
