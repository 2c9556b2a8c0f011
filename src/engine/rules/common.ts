// Pieces the rule kinds share: decimal parameters, the answer's reason fields,
// metric look-up and how values read in traces.
import { z } from 'zod';
import { Decimal, plain, roundTo } from '../../numbers/decimal.js';
import { decimalSchema, nonNegativeDecimal } from '../../schema/numbers.js';
import { formatMetricValue, type Metric } from '../../metrics/metric.js';
import { writtenFraction } from '../../numbers/fraction.js';
import { canonicalName, metricName, MetricNameError, parseMetricRef, whyMissing } from '../../metrics/metric-name.js';
import { RuleError, type RuleInput } from '../rule-kind.js';

export { decimalSchema, nonNegativeDecimal };

/** A points value or a range [low, high] within which the evaluator chooses. */
export const pointsOrRange = z.union([
  nonNegativeDecimal.transform((d) => ({ low: d, high: d })),
  z.tuple([nonNegativeDecimal, nonNegativeDecimal]).transform(([low, high], ctx) => {
    if (low.greaterThan(high)) ctx.addIssue({ code: 'custom', message: `分值范围下限 ${plain(low)} 大于上限 ${plain(high)}` });
    return { low, high };
  }),
]);

export type PointsRange = { low: Decimal; high: Decimal };

/** A metric name as written, kept in its canonical spelling (scopes in a fixed order) so look-ups match. */
export const metricNameSchema = z.string().transform((text, ctx) => {
  try {
    return metricName(parseMetricRef(text));
  } catch (e) {
    if (!(e instanceof MetricNameError)) throw e;
    ctx.addIssue({ code: 'custom', message: e.message });
    return z.NEVER;
  }
});

/** 不适用 / 暂不扣分: an item or part that does not apply to this project. */
export const NOT_APPLICABLE = ['n/a', '不适用', '暂不扣分'] as const;
export const notApplicableAnswer = z.enum(NOT_APPLICABLE);
export const isNotApplicable = (a: unknown): boolean => (NOT_APPLICABLE as readonly unknown[]).includes(a);

/** What 不适用 does to the points (default award: DECISIONS.md). */
export const notApplicablePolicy = z.enum(['award', 'redistribute', 'rescale']).default('award');

/** Fields every answer may carry. */
export const reasonFields = {
  reason: z.string().optional(),
  note: z.string().optional(),
  /** 完成值 as the report prints it (充分, 规范, 无), instead of the rule's own */
  actual: z.string().min(1).optional(),
};

export const reasonOnlyAnswer = z.strictObject({ ...reasonFields, explanation: z.string().optional() });

/**
 * For kinds computed from metrics: an answer may add a reason, but is not needed.
 * (Stryker's `() => undefined` for it is equivalent: the engine only tests truthiness.)
 */
// Stryker disable next-line ArrowFunction: equivalent, see above
export const computedWithoutAnswer = (): boolean => false;

export function useMetric(input: RuleInput<unknown>, name: string): Metric {
  const metric = input.metrics.get(canonicalName(name));
  if (!metric) {
    const why = input.metrics.size > 0 ? `${whyMissing(name, input.metrics.keys())}。` : '';
    throw new RuleError(`缺少指标数据 ${name}`, 'metric-missing', {
      hint: `${why}在 evaluation.yaml 中加入能算出它的输入文件，或在评价判断文件的 metrics 中给出取值和来源`,
    });
  }
  return metric;
}

/**
 * A judged leaf given full points while the figure it rests on misses the numeric target:
 * the warning a reviewer would raise, with both; nothing when the target is met or not numeric.
 */
export function fullDespiteMiss(metric: Metric | undefined, target: RuleInput<unknown>['target'], given: Decimal, full: Decimal): string[] {
  if (!metric || target?.value === undefined || !target.direction || !given.equals(full)) return [];
  const v = metric.value;
  const met = target.direction === '>=' ? v.greaterThanOrEqualTo(target.value) : target.direction === '<=' ? v.lessThanOrEqualTo(target.value) : v.equals(target.value);
  return met ? [] : [`评价人员给了满分，但${metric.label} ${show(metric)} 未达到目标 ${target.text}`];
}

export function show(metric: Metric, value: Decimal = metric.value): string {
  return formatMetricValue(metric.kind, value, metric.unit);
}

/** Points as printed in traces: at most 4 decimals, trailing zeros dropped; a fraction as its author wrote it (10/3). */
export function pts(value: Decimal): string {
  return writtenFraction(value) ?? plain(roundTo(value, 4));
}

export function pointsInRange(range: PointsRange): string {
  return range.low.equals(range.high) ? `${pts(range.low)} 分` : `${pts(range.low)}-${pts(range.high)} 分`;
}

export function clampPoints(value: Decimal, points: Decimal): Decimal {
  return Decimal.max(0, Decimal.min(points, value));
}

/** The answer's points inside a range: required when the range is wider than one value. */
export function chosenPoints(range: PointsRange, chosen: Decimal | undefined, what: string): Decimal {
  if (range.low.equals(range.high)) {
    if (chosen && !chosen.equals(range.low)) {
      throw new RuleError(`${what}的得分固定为 ${pts(range.low)} 分，评价判断却给出 ${pts(chosen)} 分`, 'answer-points-fixed');
    }
    return range.low;
  }
  if (!chosen) {
    throw new RuleError(`${what}的得分为 ${pointsInRange(range)}，需在评价判断中用 points 给出所选分值`, 'answer-points-missing');
  }
  if (chosen.lessThan(range.low) || chosen.greaterThan(range.high)) {
    throw new RuleError(`${what}的得分应在 ${pointsInRange(range)} 之间`, 'answer-points-out-of-range', {
      expected: pointsInRange(range),
      found: `${pts(chosen)} 分`,
    });
  }
  return chosen;
}
