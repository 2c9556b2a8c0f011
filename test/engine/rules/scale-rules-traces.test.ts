// What a client reads for 等级评分, 线性插值, 阶梯扣分, 按差额扣分 and 分档计分 in every
// branch, and the errors a tree author or evaluator gets, word for word.
import { describe, expect, it } from 'vitest';
import { metric } from '../../helpers/metrics.js';
import { paramErrors, ruleError, runRule, type RuleCase } from '../../helpers/rule.js';

const outcome = (c: RuleCase) => {
  const o = runRule(c);
  return [o.points.toString(), o.actual, o.trace, o.warnings, o.metricsUsed.map((m) => m.name)];
};
const error = (c: RuleCase) => {
  const e = ruleError(c);
  return [e.code, e.message, e.extra];
};
const rate = (v: string) => [metric('x.r', v, 'ratio', '到位率')];
const persons = (v: string) => [metric('x.n', v, 'count', '帮扶人数')];

describe('grade', () => {
  const levels = { kind: 'grade', levels: [{ name: '显著', points: 5 }, { name: '一般', points: [1, 3] }, { name: '部分', points: [3, 4], upper_inclusive: false }] };
  const preset = { kind: 'grade', preset: 'qualitative-2020' };
  it.each<[RuleCase, string, string]>([
    [{ rule: levels, points: 5, answer: { grade: '显著' } }, '5', '评定等级「显著」（5 分），得 5 分'],
    [{ rule: levels, points: 5, answer: { grade: '显著', points: 5 } }, '5', '评定等级「显著」（5 分），得 5 分'],
    [{ rule: levels, points: 5, answer: { grade: '一般', points: 3 } }, '3', '评定等级「一般」（1-3 分），得 3 分'],
    [{ rule: levels, points: 5, answer: { grade: '一般', points: 1 } }, '1', '评定等级「一般」（1-3 分），得 1 分'],
    [{ rule: levels, points: 5, answer: { grade: '部分', points: 3.99 } }, '3.99', '评定等级「部分」（3-4 分（不含 4）），得 3.99 分'],
    [{ rule: preset, points: 10, answer: { grade: '达成', points: 8 } }, '8', '评定等级「达成」（8-10 分），得 8 分'],
    [{ rule: preset, points: 10, answer: { grade: '部分达成', points: 6 } }, '6', '评定等级「部分达成」（6-8 分（不含 8）），得 6 分'],
    [{ rule: preset, points: 10, answer: { grade: '未达成', points: 5.99 } }, '5.99', '评定等级「未达成」（0-6 分（不含 6）），得 5.99 分'],
  ])('%#: %s', (c, points, trace) => {
    expect(outcome(c)).toEqual([points, (c.answer as { grade: string }).grade, trace, [], []]);
  });

  it('refuses a grade or points outside the criteria', () => {
    expect(error({ rule: levels, points: 5, answer: { grade: '部分', points: 4 } })).toEqual(['answer-points-out-of-range', '所给分值超出等级「部分」的分值范围', { expected: '3-4 分（不含 4）', found: '4 分' }]);
    expect(error({ rule: levels, points: 5, answer: { grade: '部分', points: 2.99 } })[0]).toBe('answer-points-out-of-range');
    expect(error({ rule: levels, points: 5, answer: { grade: '一般', points: 3.01 } })).toEqual(['answer-points-out-of-range', '所给分值超出等级「一般」的分值范围', { expected: '1-3 分', found: '3.01 分' }]);
    expect(error({ rule: levels, points: 5, answer: { grade: '一般', points: 0.99 } })[0]).toBe('answer-points-out-of-range');
    expect(error({ rule: levels, points: 5, answer: { grade: '一般' } })).toEqual(['answer-points-missing', '等级「一般」的得分为 1-3 分，需用 points 给出所选分值', {}]);
    expect(error({ rule: levels, points: 5, answer: { grade: '显著', points: 4 } })).toEqual(['answer-points-out-of-range', '等级「显著」的得分固定为 5 分', { found: '4 分' }]);
    expect(error({ rule: levels, points: 5, answer: { grade: '很好' } })).toEqual(['answer-unknown-grade', '等级「很好」不在评分标准中', { expected: '显著 / 一般 / 部分', found: '很好' }]);
    expect(error({ rule: levels, points: 5 })).toEqual(['answer-missing', '缺少所选等级', { expected: 'grade: 显著 / 一般 / 部分' }]);
    expect(error({ rule: preset, points: 10 })).toEqual(['answer-missing', '缺少所选等级', { expected: 'grade: 达成 / 部分达成 / 未达成' }]);
  });

  it('explains malformed levels by the branch the author wrote', () => {
    expect(paramErrors({ kind: 'grade', levels: [] })).toEqual(['levels过小或过短（应为 不少于 1，实际为 列表）']);
    expect(paramErrors({ kind: 'grade', preset: 'x' })).toEqual(['preset不在允许的取值中（应为 qualitative-2020，实际为 x）']);
    expect(paramErrors({ kind: 'grade', levels: [{ name: '', points: [3, 1] }] })).toEqual(['levels[0].name过小或过短（应为 不少于 1，实际为 ）', 'levels[0].points：分值范围下限 3 大于上限 1']);
  });
});

describe('linear', () => {
  const up = { kind: 'linear', metric: 'x.r', zero_at: '70%', full_at: '100%' };
  const down = { kind: 'linear', metric: 'x.r', zero_at: '20%', full_at: '5%' };
  it.each<[RuleCase, string, string]>([
    [{ rule: up, points: 2, metrics: rate('1') }, '2', '到位率 100.00% ≥ 100.00%，得满分 2 分'],
    [{ rule: up, points: 2, metrics: rate('0.7') }, '0', '到位率 70.00% ≤ 70.00%，得 0 分'],
    [{ rule: up, points: 2, metrics: rate('0.85'), roundPart: 2 }, '1', '到位率 85.00% 介于 70.00% 与 100.00% 之间，按比例计算：(85.00% − 70.00%) ÷ (100.00% − 70.00%) × 2 = 1 分'],
    [{ rule: down, points: 2, metrics: rate('0.05') }, '2', '到位率 5.00% ≤ 5.00%，得满分 2 分'],
    [{ rule: down, points: 2, metrics: rate('0.2') }, '0', '到位率 20.00% ≥ 20.00%，得 0 分'],
    [{ rule: down, points: 2, metrics: rate('0.1'), roundPart: 2 }, '1.33', '到位率 10.00% 介于 20.00% 与 5.00% 之间，按比例计算：(10.00% − 20.00%) ÷ (5.00% − 20.00%) × 2 = 1.33 分'],
  ])('%#', (c, points, trace) => {
    expect(outcome(c)).toEqual([points, trace.split(' ')[1], trace, [], ['x.r']]);
  });
  it('refuses equal ends', () => {
    expect(paramErrors({ kind: 'linear', metric: 'x.r', zero_at: 1, full_at: '100%' })).toEqual(['zero_at 与 full_at 不能相等']);
  });
});

describe('step_deduction', () => {
  const sd = { kind: 'step_deduction', metric: 'x.r', threshold: '90%', step: '10%', per_step: 1 };
  it.each<[RuleCase, string, string]>([
    [{ rule: sd, points: 5, metrics: rate('0.9') }, '5', '到位率 90.00% ≥ 90.00%，得满分 5 分'],
    [{ rule: sd, points: 5, metrics: rate('0.85') }, '5', '到位率 85.00%，低于 90.00% 共 5.00%，每少 10.00% 扣 1 分（不足一档不扣），计 0 档，扣 0 分，得 5 分'],
    [{ rule: { ...sd, partial_step: 'count' }, points: 5, metrics: rate('0.85') }, '4', '到位率 85.00%，低于 90.00% 共 5.00%，每少 10.00% 扣 1 分（不足一档按一档计），计 1 档，扣 1 分，得 4 分'],
    [{ rule: sd, points: 5, metrics: rate('0.1') }, '0', '到位率 10.00%，低于 90.00% 共 80.00%，每少 10.00% 扣 1 分（不足一档不扣），计 8 档，扣 8 分，得 0 分'],
  ])('%#', (c, points, trace) => {
    expect(outcome(c)).toEqual([points, trace.split(/[ ，]/)[1], trace, [], ['x.r']]);
  });
  it('refuses a zero step and unknown partial-step policies', () => {
    expect(paramErrors({ ...sd, step: 0 })).toEqual(['step：step 必须大于 0']);
    expect(paramErrors({ ...sd, step: '0.01%' })).toEqual([]);
    expect(paramErrors({ ...sd, partial_step: 'x' })).toEqual(['partial_step不在允许的取值中（应为 ignore / count，实际为 x）']);
  });
});

describe('deduct_per_unit', () => {
  const dp = { kind: 'deduct_per_unit', metric: 'x.n', target: 10, per_unit: 1, unit: '人' };
  it.each<[RuleCase, string, string, string]>([
    [{ rule: dp, points: 5, metrics: persons('10') }, '5', '10人', '帮扶人数 10人 ≥ 目标 10人，得满分 5 分'],
    [{ rule: dp, points: 5, metrics: persons('8') }, '3', '8人', '帮扶人数 8人，比目标 10人 少 2人，每少 1人 扣 1 分，扣 2 分，得 3 分'],
    [{ rule: dp, points: 5, metrics: persons('5') }, '0', '5人', '帮扶人数 5人，比目标 10人 少 5人，每少 1人 扣 1 分，扣 5 分（扣完为止），得 0 分'],
    [{ rule: dp, points: 5, metrics: persons('2') }, '0', '2人', '帮扶人数 2人，比目标 10人 少 8人，每少 1人 扣 1 分，扣 8 分（扣完为止），得 0 分'],
    [{ rule: { ...dp, unit: undefined }, points: 5, metrics: persons('9') }, '4', '9', '帮扶人数 9，比目标 10 少 1，每少 1 扣 1 分，扣 1 分，得 4 分'],
  ])('%#', (c, points, actual, trace) => {
    expect(outcome(c)).toEqual([points, actual, trace, [], ['x.n']]);
  });
});

describe('bands', () => {
  const bd = { kind: 'bands', metric: 'x.r', bands: [{ when: '=100%', points: 5 }, { when: '[90%,100%)', points: 3 }, { when: '<70%', points: [0, 2] }] };
  it.each<[RuleCase, string, string]>([
    [{ rule: bd, points: 5, metrics: rate('1') }, '5', '到位率 100.00%，落在分档「=100%」，得 5 分'],
    [{ rule: bd, points: 5, metrics: rate('1'), answer: { points: 5 } }, '5', '到位率 100.00%，落在分档「=100%」，得 5 分'],
    [{ rule: bd, points: 5, metrics: rate('0.9') }, '3', '到位率 90.00%，落在分档「[90%,100%)」，得 3 分'],
    [{ rule: bd, points: 5, metrics: rate('0.5'), answer: { points: 1 } }, '1', '到位率 50.00%，落在分档「<70%」，得 1 分（该档 0-2 分，评价人员取 1 分）'],
    [{ rule: bd, points: 5, metrics: rate('0.5'), answer: { points: 2 } }, '2', '到位率 50.00%，落在分档「<70%」，得 2 分（该档 0-2 分，评价人员取 2 分）'],
  ])('%#', (c, points, trace) => {
    expect(outcome(c)).toEqual([points, trace.split(/[ ，]/)[1], trace, [], ['x.r']]);
  });
  it('names the gap, the missing choice and the points outside the band', () => {
    expect(error({ rule: bd, points: 5, metrics: rate('0.8') })).toEqual(['band-not-found', '到位率 80.00% 不落在任何分档内', { expected: '=100%、[90%,100%)、<70%', found: '80.00%', hint: '补全分档，使其覆盖所有可能的取值' }]);
    expect(error({ rule: bd, points: 5, metrics: rate('0.5') })).toEqual(['answer-points-missing', '分档「<70%」的得分为 0-2 分，需在评价判断中用 points 给出所选分值', {}]);
    expect(error({ rule: bd, points: 5, metrics: rate('0.5'), answer: { points: 2.01 } })).toEqual(['answer-points-out-of-range', '分档「<70%」的得分应在 0-2 分 之间', { expected: '0-2 分', found: '2.01 分' }]);
    expect(error({ rule: { ...bd, bands: [{ when: '<70%', points: [1, 2] }] }, points: 5, metrics: rate('0.5'), answer: { points: 0.99 } })[0]).toBe('answer-points-out-of-range');
    expect(error({ rule: bd, points: 5, metrics: rate('1'), answer: { points: 4 } })).toEqual(['answer-points-fixed', '分档「=100%」的得分固定为 5 分，评价判断却给出 4 分', {}]);
  });
  it('refuses unreadable bands and inverted ranges', () => {
    expect(paramErrors({ kind: 'bands', metric: 'x.r', bands: [{ when: 'abc', points: 1 }] })).toEqual(['bands[0].when：无法识别的区间「abc」，应形如 "=100%"、"[90%,100%)"、"<70%"']);
    expect(paramErrors({ kind: 'bands', metric: 'x.r', bands: [{ when: '<1', points: [2, 1] }] })).toEqual(['bands[0].points：分值范围下限 2 大于上限 1']);
    expect(paramErrors({ kind: 'bands', metric: 'x.r', bands: [{ when: '<1', points: [2, 2] }] })).toEqual([]);
    expect(paramErrors({ kind: 'bands', metric: 'x.r', bands: [] })).toEqual(['bands过小或过短（应为 不少于 1，实际为 列表）']);
  });
});
