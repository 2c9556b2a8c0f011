// 分档计分: intervals of the metric, each worth fixed points or a range of points
// within which the evaluator chooses (帮扶开展率 =100% → 5, [90%,100%) → 3, …, <70% → 0-2).
import { z } from 'zod';
import { Decimal } from '../../numbers/decimal.js';
import { contains, overlaps, parseInterval, type Interval } from '../interval.js';
import { RuleError, type RuleKind } from '../rule-kind.js';
import { chosenPoints, computedWithoutAnswer, metricNameSchema, nonNegativeDecimal, pointsInRange, pointsOrRange, pts, reasonFields, show, useMetric } from './common.js';

const intervalSchema = z.string().transform((text, ctx) => {
  const interval = parseInterval(text);
  if (!interval) {
    ctx.addIssue({ code: 'custom', message: `无法识别的区间「${text}」，应形如 "=100%"、"[90%,100%)"、"<70%"` });
    return z.NEVER;
  }
  return interval;
});

const params = z.strictObject({
  metric: metricNameSchema,
  bands: z.array(z.strictObject({ when: intervalSchema, points: pointsOrRange })).min(1),
});

const answer = z.strictObject({ ...reasonFields, points: nonNegativeDecimal.optional() });

type Params = z.infer<typeof params>;

export const bands: RuleKind<Params, z.infer<typeof answer>> = {
  kind: 'bands',
  label: '分档计分',
  paperSlots: (p, points) =>
    p.bands.some((b) => !b.points.low.equals(b.points.high)) ? [{ key: 'points', label: '档内的得分（落在分值范围的档时）', input: 'points', max: points }] : [],
  params,
  answer,
  needsAnswer: computedWithoutAnswer,
  maxPoints: (p) => Decimal.max(...p.bands.map((b) => b.points.high)),
  lint(p) {
    const messages: string[] = [];
    p.bands.forEach((a, i) => {
      p.bands.slice(i + 1).forEach((b) => {
        if (overlaps(a.when, b.when)) messages.push(`分档「${a.when.text}」与「${b.when.text}」有重叠`);
      });
    });
    return messages;
  },
  score(p, input) {
    const metric = useMetric(input, p.metric);
    const band = p.bands.find((b) => contains(b.when as Interval, metric.value));
    if (!band) {
      throw new RuleError(`${metric.label} ${show(metric)} 不落在任何分档内`, 'band-not-found', {
        expected: p.bands.map((b) => b.when.text).join('、'),
        found: show(metric),
        hint: '补全分档，使其覆盖所有可能的取值',
      });
    }
    const points = chosenPoints(band.points, input.answer?.points, `分档「${band.when.text}」`);
    const chosen = band.points.low.equals(band.points.high) ? '' : `（该档 ${pointsInRange(band.points)}，评价人员取 ${pts(points)} 分）`;
    return {
      points,
      actual: show(metric),
      metricsUsed: [metric],
      warnings: [],
      trace: `${metric.label} ${show(metric)}，落在分档「${band.when.text}」，得 ${pts(points)} 分${chosen}`,
    };
  },
};
