// 趋势比较: "this year against last" or "steadily rising over N years". A metric series
// (one metric by year, or metrics listed in order) and a direction; each step between
// neighbours that goes the wrong way deducts `per_step`, or, without it, any wrong step
// loses all points.
import { z } from 'zod';
import { ZERO } from '../../numbers/decimal.js';
import type { Metric } from '../../metrics/metric.js';
import type { RuleKind } from '../rule-kind.js';
import { clampPoints, computedWithoutAnswer, metricNameSchema, nonNegativeDecimal, pts, reasonOnlyAnswer, show, useMetric } from './common.js';

const params = z
  .strictObject({
    /** one metric by year: metric roster.persons with years [2021, 2022, 2023] reads roster.persons@2021 … */
    metric: metricNameSchema.optional(),
    years: z.array(z.number().int().min(1990).max(2100)).min(2).optional(),
    /** or the series written out, earliest first */
    series: z.array(metricNameSchema).min(2).optional(),
    /** rising: each step higher; not_falling: each step at least as high; falling / not_rising likewise */
    direction: z.enum(['rising', 'not_falling', 'falling', 'not_rising']).default('rising'),
    /** points taken for each step the wrong way; absent: any wrong step gives 0 */
    per_step: nonNegativeDecimal.optional(),
  })
  .refine((p) => (p.series !== undefined) !== (p.metric !== undefined && p.years !== undefined), { message: '写 metric 和 years（同一指标数据按年度），或写 series（按顺序列出），二者选一' })
  .refine((p) => p.metric === undefined || !/@\d{4}$/.test(p.metric), { message: 'metric 不要带年度 @，年度写在 years 中' });

type Params = z.infer<typeof params>;

const WORD: Record<Params['direction'], string> = { rising: '逐年上升', not_falling: '不低于上一年', falling: '逐年下降', not_rising: '不高于上一年' };

function seriesOf(p: Params): string[] {
  return p.series ?? (p.years ?? []).map((y) => `${p.metric}@${y}`);
}

export const trend: RuleKind<Params, z.infer<typeof reasonOnlyAnswer>> = {
  kind: 'trend',
  label: '趋势比较',
  params,
  answer: reasonOnlyAnswer,
  needsAnswer: computedWithoutAnswer,
  maxPoints: (_p, points) => points,
  score(p, input) {
    const metrics: Metric[] = seriesOf(p).map((name) => useMetric(input, name));
    const steps = metrics.slice(1).map((m, i) => {
      const before = (metrics[i] as Metric).value;
      const c = m.value.comparedTo(before);
      const ok = p.direction === 'rising' ? c > 0 : p.direction === 'falling' ? c < 0 : p.direction === 'not_falling' ? c >= 0 : c <= 0;
      return { ok, word: c > 0 ? '上升' : c < 0 ? '下降' : '持平' };
    });
    const wrong = steps.filter((s) => !s.ok).length;
    const path = metrics.map((m, i) => `${m.label} ${show(m)}${i > 0 ? `（${steps[i - 1]?.word}）` : ''}`).join(' → ');
    const full = input.points;
    const base = { actual: steps.map((s) => s.word).join('、'), metricsUsed: metrics, warnings: [] };
    if (wrong === 0) return { ...base, points: full, trace: `${path}；${WORD[p.direction]}，得满分 ${pts(full)} 分` };
    if (!p.per_step) return { ...base, points: ZERO, trace: `${path}；${wrong} 步未${WORD[p.direction]}，得 0 分` };
    const points = clampPoints(full.minus(p.per_step.times(wrong)), full);
    return { ...base, points, trace: `${path}；${wrong} 步未${WORD[p.direction]}，每步扣 ${pts(p.per_step)} 分，得 ${pts(points)} 分` };
  },
};
