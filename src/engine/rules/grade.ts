// 等级评分: named levels worth points or a range of points (可持续影响 显著 5 /
// 较好 4 / 一般 1-3 / 未发挥 0). The preset `qualitative-2020` is the 2020 rules'
// 达成 80%-100%, 部分达成 60%-80%, 未达成 0-60% of the points, lower bounds inclusive.
import { z } from 'zod';
import { Decimal } from '../../numbers/decimal.js';
import { RuleError, type RuleKind } from '../rule-kind.js';
import { fullDespiteMiss, metricNameSchema, nonNegativeDecimal, pointsOrRange, pts, reasonFields, show, useMetric, type PointsRange } from './common.js';

const level = z.strictObject({
  name: z.string().min(1),
  points: pointsOrRange,
  /** whether the range's upper end belongs to the level (for shares such as 60%-80%) */
  upper_inclusive: z.boolean().default(true),
});

/** the figure the judgement rests on: shown as 完成值, and full points for a missed target warn */
const metric = metricNameSchema.optional();

const params = z.union([
  z.strictObject({ levels: z.array(level).min(1), metric }),
  z.strictObject({ preset: z.literal('qualitative-2020'), metric }),
]);

const answer = z.strictObject({ ...reasonFields, grade: z.string().min(1), points: nonNegativeDecimal.optional() });

type Params = z.infer<typeof params>;
interface Level {
  name: string;
  range: PointsRange;
  upperInclusive: boolean;
}

function levelsOf(p: Params, points: Decimal): Level[] {
  if ('levels' in p) return p.levels.map((l) => ({ name: l.name, range: l.points, upperInclusive: l.upper_inclusive }));
  const share = (a: string, b: string) => ({ low: points.times(a), high: points.times(b) });
  return [
    { name: '达成', range: share('0.8', '1'), upperInclusive: true },
    { name: '部分达成', range: share('0.6', '0.8'), upperInclusive: false },
    { name: '未达成', range: share('0', '0.6'), upperInclusive: false },
  ];
}

function rangeText(l: Level): string {
  if (l.range.low.equals(l.range.high)) return `${pts(l.range.low)} 分`;
  return `${pts(l.range.low)}-${pts(l.range.high)} 分${l.upperInclusive ? '' : `（不含 ${pts(l.range.high)}）`}`;
}

export const grade: RuleKind<Params, z.infer<typeof answer>> = {
  kind: 'grade',
  label: '等级评分',
  paperSlots: (p, points) => [
    { key: 'grade', label: '评定的等级', input: 'choice', choices: levelsOf(p, points).map((l) => l.name) },
    // only where the chosen level is a range of points
    ...(levelsOf(p, points).some((l) => !l.range.low.equals(l.range.high)) ? [{ key: 'points', label: '等级内的得分（该等级为分值范围时）', input: 'points' as const, max: points }] : []),
  ],
  params,
  answer,
  needsAnswer: () => true,
  maxPoints: (p, points) => Decimal.max(...levelsOf(p, points).map((l) => l.range.high)),
  lint(p) {
    if (!('levels' in p)) return [];
    const names = p.levels.map((l) => l.name);
    return names.filter((n, i) => names.indexOf(n) !== i).map((n) => `等级「${n}」重复`);
  },
  score(p, input) {
    const levels = levelsOf(p, input.points);
    const a = input.answer;
    if (!a) throw new RuleError('缺少所选等级', 'answer-missing', { expected: `grade: ${levels.map((l) => l.name).join(' / ')}` });
    const chosen = levels.find((l) => l.name === a.grade);
    if (!chosen) {
      throw new RuleError(`等级「${a.grade}」不在评分标准中`, 'answer-unknown-grade', { expected: levels.map((l) => l.name).join(' / '), found: a.grade });
    }
    const fixed = chosen.range.low.equals(chosen.range.high);
    let points: Decimal;
    if (fixed) {
      if (a.points && !a.points.equals(chosen.range.low)) {
        throw new RuleError(`等级「${chosen.name}」的得分固定为 ${pts(chosen.range.low)} 分`, 'answer-points-out-of-range', { found: `${pts(a.points)} 分` });
      }
      points = chosen.range.low;
    } else {
      if (!a.points) throw new RuleError(`等级「${chosen.name}」的得分为 ${rangeText(chosen)}，需用 points 给出所选分值`, 'answer-points-missing');
      const tooHigh = chosen.upperInclusive ? a.points.greaterThan(chosen.range.high) : a.points.greaterThanOrEqualTo(chosen.range.high);
      if (a.points.lessThan(chosen.range.low) || tooHigh) {
        throw new RuleError(`所给分值超出等级「${chosen.name}」的分值范围`, 'answer-points-out-of-range', { expected: rangeText(chosen), found: `${pts(a.points)} 分` });
      }
      points = a.points;
    }
    const figure = p.metric !== undefined ? useMetric(input, p.metric) : undefined;
    return {
      points,
      actual: figure ? `${chosen.name}（${show(figure)}）` : chosen.name,
      metricsUsed: figure ? [figure] : [],
      warnings: fullDespiteMiss(figure, input.target, points, input.points),
      trace: `评定等级「${chosen.name}」（${rangeText(chosen)}），得 ${pts(points)} 分${figure ? `（${figure.label} ${show(figure)}）` : ''}`,
    };
  },
};
