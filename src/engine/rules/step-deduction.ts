// 阶梯扣分: full points at or above a threshold, minus n points per step below it
// (满意度 ≥90% 得满分，每少 10% 减 1 分，扣完为止). Whether a partial step counts is a parameter.
import { z } from 'zod';
import { Decimal } from '../../numbers/decimal.js';
import type { RuleKind } from '../rule-kind.js';
import { clampPoints, computedWithoutAnswer, decimalSchema, metricNameSchema, nonNegativeDecimal, pts, reasonOnlyAnswer, show, useMetric } from './common.js';

const params = z.strictObject({
  metric: metricNameSchema,
  threshold: decimalSchema,
  step: nonNegativeDecimal.refine((d) => d.greaterThan(0), { message: 'step 必须大于 0' }),
  per_step: nonNegativeDecimal,
  /** ignore: only whole steps count (85% is no full 10% below 90%); count: any part of a step counts */
  partial_step: z.enum(['ignore', 'count']).default('ignore'),
});

export const stepDeduction: RuleKind<z.infer<typeof params>, z.infer<typeof reasonOnlyAnswer>> = {
  kind: 'step_deduction',
  label: '阶梯扣分',
  params,
  answer: reasonOnlyAnswer,
  needsAnswer: computedWithoutAnswer,
  maxPoints: (_p, points) => points,
  score(p, input) {
    const metric = useMetric(input, p.metric);
    const base = { actual: show(metric), metricsUsed: [metric], warnings: [] };
    if (metric.value.greaterThanOrEqualTo(p.threshold)) {
      return { ...base, points: input.points, trace: `${metric.label} ${show(metric)} ≥ ${show(metric, p.threshold)}，得满分 ${pts(input.points)} 分` };
    }
    const short = p.threshold.minus(metric.value);
    const exact = short.dividedBy(p.step);
    const steps = p.partial_step === 'count' ? exact.ceil() : exact.floor();
    const deduction = steps.times(p.per_step);
    const points = clampPoints(input.points.minus(deduction), input.points);
    const how = p.partial_step === 'count' ? '不足一档按一档计' : '不足一档不扣';
    return {
      ...base,
      points,
      trace: `${metric.label} ${show(metric)}，低于 ${show(metric, p.threshold)} 共 ${show(metric, short)}，每少 ${show(metric, p.step)} 扣 ${pts(p.per_step)} 分（${how}），计 ${Decimal.max(steps, 0).toString()} 档，扣 ${pts(deduction)} 分，得 ${pts(points)} 分`,
    };
  },
};
