// 目标完成比例: the national self-evaluation rule for quantitative targets.
//  ≥ target: met → full; missed → actual ÷ target × points (2020 rule), or with a
//    pass mark (2021 rule) (rate − 60%) ÷ 40% × points and 0 below the mark.
//  ≤ target: met → full; above it falling linearly to 0 at `zero_at_multiple` × target.
//  = target: within the tolerance → full, else 0; or, with `equal: deviation` (as provincial
//    platforms score), points × (1 − |actual − target| ÷ target), floored at 0.
// Over-target policy: a rate above `explain_above` (default 130%) needs an
// explanation in the judgements (else a warning); `markdown: true` also deducts
// (rate − explain_above) × points, since a far exceeded target was likely set too low.
import { z } from 'zod';
import { Decimal, ONE, ZERO } from '../../numbers/decimal.js';
import { parseTarget, type Direction, type Target } from '../../schema/target.js';
import { RuleError, type RuleInput, type RuleKind } from '../rule-kind.js';
import type { Metric } from '../../metrics/metric.js';
import { clampPoints, computedWithoutAnswer, decimalSchema, metricNameSchema, nonNegativeDecimal, pts, reasonFields, show, useMetric } from './common.js';

const params = z
  .strictObject({
  metric: metricNameSchema,
  /** the target as written; defaults to the indicator's own target */
  target: z.string().optional(),
  /** the target is another metric (完成数 ÷ 计划数 with the plan from the data), e.g. budget.planned_person_times */
  target_metric: metricNameSchema.optional(),
  /** overrides the direction when the target text has none ("15000元") */
  direction: z.enum(['>=', '<=', '=']).optional(),
  tolerance: nonNegativeDecimal.optional(),
  /** how "= target" scores outside the tolerance: nothing (default), or less by the relative deviation */
  equal: z.enum(['all_or_nothing', 'deviation']).default('all_or_nothing'),
  pass_mark: nonNegativeDecimal.refine((d) => d.lessThan(1), { message: 'pass_mark 应小于 100%' }).optional(),
  zero_at_multiple: decimalSchema.refine((d) => d.greaterThan(1), { message: 'zero_at_multiple 应大于 1' }).default(new Decimal(2)),
  over_target: z
    .strictObject({ explain_above: decimalSchema.default(new Decimal('1.3')), markdown: z.boolean().default(false) })
    .default({ explain_above: new Decimal('1.3'), markdown: false }),
  })
  .refine((p) => p.target === undefined || p.target_metric === undefined, { message: 'target 和 target_metric 只能写一个' });

const answer = z.strictObject({ ...reasonFields, explanation: z.string().optional() });

type Params = z.infer<typeof params>;

function resolveTarget(p: Params, nodeTarget: Target | undefined, input: RuleInput<unknown>): { value: Decimal; direction: Direction; text: string; metric?: Metric } {
  if (p.target_metric !== undefined) {
    const metric = useMetric(input, p.target_metric);
    // a metric has no direction of its own: the rule's, the indicator target's, else "at least"
    return { value: metric.value, direction: p.direction ?? nodeTarget?.direction ?? '>=', text: `${metric.label} ${show(metric)}`, metric };
  }
  const target = p.target !== undefined ? parseTarget(p.target) : nodeTarget;
  if (!target || target.value === undefined) {
    throw new RuleError('目标完成比例计分需要一个数值目标值', 'target-missing', {
      found: target?.text ?? '无目标值',
      hint: '在指标上写 target（如 "≥45户"、"≥98%"），或在规则中写 target',
    });
  }
  const direction = p.direction ?? target.direction;
  if (!direction) {
    throw new RuleError(`目标值「${target.text}」没有方向`, 'target-direction-missing', { hint: '写成 "≥…"、"≤…" 或 "=…"，或在规则中写 direction' });
  }
  return { value: target.value, direction, text: target.text };
}

export const ratio: RuleKind<Params, z.infer<typeof answer>> = {
  kind: 'ratio',
  label: '目标完成比例',
  paperSlots: () => [{ key: 'explanation', label: '完成值远超目标时的原因说明', input: 'text' }],
  params,
  answer,
  needsAnswer: computedWithoutAnswer,
  maxPoints: (_p, points) => points,
  score(p, input) {
    const metric = useMetric(input, p.metric);
    const v = metric.value;
    const t = resolveTarget(p, input.target, input);
    const full = input.points;
    const base = { actual: show(metric), metricsUsed: t.metric ? [metric, t.metric] : [metric] };
    const warnings: string[] = [];
    const head = `${metric.label} ${show(metric)}，目标 ${t.text}`;

    if (t.direction === '=') {
      const tolerance = p.tolerance ?? ZERO;
      const within = v.minus(t.value).abs().lessThanOrEqualTo(tolerance);
      if (!within && p.equal === 'deviation') {
        const deviation = t.value.isZero() ? ONE : v.minus(t.value).abs().dividedBy(t.value.abs());
        const points = input.roundPart(clampPoints(ONE.minus(deviation).times(full), full));
        return {
          ...base,
          warnings,
          points,
          trace: `${head}，偏差 ${pts(deviation.times(100).toDecimalPlaces(2))}%，按 (1 − |完成值 − 目标值| ÷ 目标值) × ${pts(full)} 计 ${pts(points)} 分`,
        };
      }
      return {
        ...base,
        warnings,
        points: within ? full : ZERO,
        trace: `${head}，${within ? `在允许偏差 ${show(metric, tolerance)} 内，得满分 ${pts(full)} 分` : `超出允许偏差 ${show(metric, tolerance)}，得 0 分`}`,
      };
    }

    if (t.direction === '<=') {
      if (v.lessThanOrEqualTo(t.value)) return { ...base, warnings, points: full, trace: `${head}，未超过目标，得满分 ${pts(full)} 分` };
      const zeroAt = t.value.times(p.zero_at_multiple);
      if (t.value.isZero() || v.greaterThanOrEqualTo(zeroAt)) {
        return { ...base, warnings, points: ZERO, trace: `${head}，达到或超过目标的 ${pts(p.zero_at_multiple)} 倍（${show(metric, zeroAt)}），得 0 分` };
      }
      const points = input.roundPart(zeroAt.minus(v).dividedBy(zeroAt.minus(t.value)).times(full));
      return {
        ...base,
        warnings,
        points,
        trace: `${head}，超过目标，按 (${show(metric, zeroAt)} − ${show(metric)}) ÷ (${show(metric, zeroAt)} − ${show(metric, t.value)}) × ${pts(full)} 计 ${pts(points)} 分`,
      };
    }

    // '>='
    if (t.value.lessThanOrEqualTo(0)) {
      return { ...base, warnings, points: full, trace: `${head}，目标为 0，视为完成，得满分 ${pts(full)} 分` };
    }
    const rate = v.dividedBy(t.value);
    const rateText = `完成率 ${pts(rate.times(100).toDecimalPlaces(2))}%`;
    if (rate.greaterThanOrEqualTo(ONE)) {
      let points = full;
      let trace = `${head}，${rateText}，达到目标，得满分 ${pts(full)} 分`;
      const policy = p.over_target;
      if (rate.greaterThan(policy.explain_above)) {
        if (!input.answer?.explanation) {
          warnings.push(`完成值远超目标（${rateText}，超过 ${pts(policy.explain_above.times(100))}%），需在评价判断的 explanation 中说明原因（目标是否设定偏低）`);
        } else {
          trace += `；超目标说明：${input.answer.explanation}`;
        }
        if (policy.markdown) {
          const deduction = input.roundPart(rate.minus(policy.explain_above).times(full));
          points = clampPoints(full.minus(deduction), full);
          trace += `；超出 ${pts(policy.explain_above.times(100))}% 的偏差扣 ${pts(deduction)} 分，得 ${pts(points)} 分`;
        }
      }
      return { ...base, warnings, points, trace };
    }
    if (p.pass_mark) {
      if (rate.lessThan(p.pass_mark)) {
        return { ...base, warnings, points: ZERO, trace: `${head}，${rateText}，低于及格线 ${pts(p.pass_mark.times(100))}%，得 0 分` };
      }
      const points = input.roundPart(rate.minus(p.pass_mark).dividedBy(ONE.minus(p.pass_mark)).times(full));
      return {
        ...base,
        warnings,
        points,
        trace: `${head}，${rateText}，按 (完成率 − ${pts(p.pass_mark.times(100))}%) ÷ ${pts(ONE.minus(p.pass_mark).times(100))}% × ${pts(full)} 计 ${pts(points)} 分`,
      };
    }
    const points = input.roundPart(clampPoints(rate.times(full), full));
    return { ...base, warnings, points, trace: `${head}，${rateText}，按 完成值 ÷ 目标值 × ${pts(full)} 计 ${pts(points)} 分` };
  },
};
