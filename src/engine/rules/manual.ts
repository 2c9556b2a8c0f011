// 人工评分: points chosen by the evaluator with a mandatory reason, for criteria
// that really are free judgement. Everything else should use a rule that explains itself.
import { z } from 'zod';
import { RuleError, type RuleKind } from '../rule-kind.js';
import { fullDespiteMiss, metricNameSchema, nonNegativeDecimal, pts, reasonFields, show, useMetric } from './common.js';

const params = z.strictObject({
  guidance: z.string().optional(),
  /** the figure the judgement rests on, shown as 完成值 (and checked against the target: full points for a missed target is a warning) */
  metric: metricNameSchema.optional(),
});
const answer = z.strictObject({ ...reasonFields, points: nonNegativeDecimal });

export const manual: RuleKind<z.infer<typeof params>, z.infer<typeof answer>> = {
  kind: 'manual',
  label: '人工评分',
  paperSlots: (_p, points) => [{ key: 'points', label: `评定的得分（0 到 ${pts(points)} 分）`, input: 'points', max: points }],
  params,
  answer,
  needsAnswer: () => true,
  maxPoints: (_p, points) => points,
  score(p, input) {
    const a = input.answer;
    if (!a) throw new RuleError('人工评分指标缺少 points 和 reason', 'answer-missing');
    if (!a.reason || a.reason.trim() === '') throw new RuleError('人工评分必须写明理由 reason', 'answer-reason-missing');
    if (a.points.greaterThan(input.points)) {
      throw new RuleError('人工评分超过指标分值', 'answer-points-out-of-range', { expected: `0-${pts(input.points)} 分`, found: `${pts(a.points)} 分` });
    }
    const metric = p.metric !== undefined ? useMetric(input, p.metric) : undefined;
    const warnings = fullDespiteMiss(metric, input.target, a.points, input.points);
    return {
      points: a.points,
      metricsUsed: metric ? [metric] : [],
      warnings,
      ...(metric ? { actual: show(metric) } : {}),
      trace: `评价人员评定 ${pts(a.points)} 分：${a.reason}${metric ? `（${metric.label} ${show(metric)}）` : ''}`,
    };
  },
};
