// 按差额扣分: full points at or above a target count, minus points per unit short,
// never below zero (帮扶人数 ≥10 人得满分，每少一人扣 1 分).
import { z } from 'zod';
import type { RuleKind } from '../rule-kind.js';
import { clampPoints, computedWithoutAnswer, decimalSchema, metricNameSchema, nonNegativeDecimal, pts, reasonOnlyAnswer, useMetric } from './common.js';

const params = z.strictObject({
  metric: metricNameSchema,
  target: decimalSchema,
  per_unit: nonNegativeDecimal,
  unit: z.string().default(''),
});

export const deductPerUnit: RuleKind<z.infer<typeof params>, z.infer<typeof reasonOnlyAnswer>> = {
  kind: 'deduct_per_unit',
  label: '按差额扣分',
  params,
  answer: reasonOnlyAnswer,
  needsAnswer: computedWithoutAnswer,
  maxPoints: (_p, points) => points,
  score(p, input) {
    const metric = useMetric(input, p.metric);
    const v = metric.value;
    const u = p.unit;
    const base = { actual: `${pts(v)}${u}`, metricsUsed: [metric], warnings: [] };
    if (v.greaterThanOrEqualTo(p.target)) {
      return { ...base, points: input.points, trace: `${metric.label} ${pts(v)}${u} ≥ 目标 ${pts(p.target)}${u}，得满分 ${pts(input.points)} 分` };
    }
    const short = p.target.minus(v);
    const deduction = short.times(p.per_unit);
    const points = clampPoints(input.points.minus(deduction), input.points);
    return {
      ...base,
      points,
      trace: `${metric.label} ${pts(v)}${u}，比目标 ${pts(p.target)}${u} 少 ${pts(short)}${u}，每少 1${u} 扣 ${pts(p.per_unit)} 分，扣 ${pts(deduction)} 分${points.isZero() ? '（扣完为止）' : ''}，得 ${pts(points)} 分`,
    };
  },
};
