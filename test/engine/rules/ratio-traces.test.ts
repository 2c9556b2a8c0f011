// The words a client reads for every branch of 目标完成比例, and the errors a tree
// author gets: each branch's trace, actual value, warnings and metrics used, exactly.
import { describe, expect, it } from 'vitest';
import { metric } from '../../helpers/metrics.js';
import { paramErrors, ruleError, runRule, type RuleCase } from '../../helpers/rule.js';

const households = (v: string | number) => [metric('x.count', v, 'count', '生活救助户数')];
const cost = (v: number) => [metric('x.cost', v, 'amount', '户均成本')];
const sessions = (v: number) => [metric('x.n', v, 'count', '场次')];
const rule = { kind: 'ratio', metric: 'x.count' };

const outcome = (c: RuleCase) => {
  const o = runRule(c);
  return { points: o.points.toString(), actual: o.actual, trace: o.trace, warnings: o.warnings, used: o.metricsUsed.map((m) => m.name) };
};

describe('ratio traces, branch by branch', () => {
  it.each<[string, RuleCase, string, string]>([
    ['≥ met', { rule, points: 10, metrics: households(45), target: '≥45户' }, '10', '生活救助户数 45，目标 ≥45户，完成率 100%，达到目标，得满分 10 分'],
    ['≥ missed', { rule, points: 10, metrics: households(36), target: '≥45户' }, '8', '生活救助户数 36，目标 ≥45户，完成率 80%，按 完成值 ÷ 目标值 × 10 计 8 分'],
    ['pass mark, above', { rule: { ...rule, pass_mark: '60%' }, points: 10, metrics: households(36), target: '≥45户' }, '5', '生活救助户数 36，目标 ≥45户，完成率 80%，按 (完成率 − 60%) ÷ 40% × 10 计 5 分'],
    ['pass mark, below', { rule: { ...rule, pass_mark: '60%' }, points: 10, metrics: households(26), target: '≥45户' }, '0', '生活救助户数 26，目标 ≥45户，完成率 57.78%，低于及格线 60%，得 0 分'],
    ['zero target', { rule, points: 10, metrics: households(0), target: '≥0户' }, '10', '生活救助户数 0，目标 ≥0户，目标为 0，视为完成，得满分 10 分'],
    ['over target, explained', { rule, points: 10, metrics: households(60), target: '≥45户', answer: { explanation: '当年新增' } }, '10', '生活救助户数 60，目标 ≥45户，完成率 133.33%，达到目标，得满分 10 分；超目标说明：当年新增'],
    ['≤ met', { rule: { kind: 'ratio', metric: 'x.cost' }, points: 10, metrics: cost(5300), target: '<=5300元/户' }, '10', '户均成本 5300.00 元，目标 <=5300元/户，未超过目标，得满分 10 分'],
    ['≤ above', { rule: { kind: 'ratio', metric: 'x.cost' }, points: 10, metrics: cost(7950), target: '<=5300元/户' }, '5', '户均成本 7950.00 元，目标 <=5300元/户，超过目标，按 (10600.00 元 − 7950.00 元) ÷ (10600.00 元 − 5300.00 元) × 10 计 5 分'],
    ['≤ at twice', { rule: { kind: 'ratio', metric: 'x.cost' }, points: 10, metrics: cost(10600), target: '<=5300元/户' }, '0', '户均成本 10600.00 元，目标 <=5300元/户，达到或超过目标的 2 倍（10600.00 元），得 0 分'],
    ['≤ zero target', { rule: { kind: 'ratio', metric: 'x.cost' }, points: 10, metrics: cost(1), target: '≤0元' }, '0', '户均成本 1.00 元，目标 ≤0元，达到或超过目标的 2 倍（0.00 元），得 0 分'],
    ['= within', { rule: { kind: 'ratio', metric: 'x.n', tolerance: 1 }, points: 5, metrics: sessions(9), target: '=8个' }, '5', '场次 9，目标 =8个，在允许偏差 1 内，得满分 5 分'],
    ['= outside', { rule: { kind: 'ratio', metric: 'x.n', tolerance: 0.5 }, points: 5, metrics: sessions(9), target: '=8个' }, '0', '场次 9，目标 =8个，超出允许偏差 0.5，得 0 分'],
    ['= no tolerance', { rule: { kind: 'ratio', metric: 'x.n' }, points: 5, metrics: sessions(8), target: '=8个' }, '5', '场次 8，目标 =8个，在允许偏差 0 内，得满分 5 分'],
    ['target in the rule', { rule: { kind: 'ratio', metric: 'x.r', target: '≥90%' }, points: 4, metrics: [metric('x.r', '0.855', 'ratio', '满意度')] }, '3.8', '满意度 85.50%，目标 ≥90%，完成率 95%，按 完成值 ÷ 目标值 × 4 计 3.8 分'],
  ])('%s', (_name, c, points, trace) => {
    const o = outcome(c);
    expect([o.points, o.trace]).toEqual([points, trace]);
    expect(o.used).toEqual([c.metrics![0]!.name]);
    expect(o.actual).toBe(trace.split('，')[0]!.split(' ').slice(1).join(' '));
    expect(o.warnings).toEqual([]);
  });

  it('marks down above 130% and still asks for the explanation', () => {
    const o = outcome({ rule: { ...rule, over_target: { explain_above: '130%', markdown: true } }, points: 10, metrics: households(63), target: '≥45户' });
    expect(o).toEqual({
      points: '9',
      actual: '63',
      used: ['x.count'],
      trace: '生活救助户数 63，目标 ≥45户，完成率 140%，达到目标，得满分 10 分；超出 130% 的偏差扣 1 分，得 9 分',
      warnings: ['完成值远超目标（完成率 140%，超过 130%），需在评价判断的 explanation 中说明原因（目标是否设定偏低）'],
    });
  });

  it('the rule’s direction wins over the target’s', () => {
    expect(outcome({ rule: { ...rule, direction: '<=' }, points: 10, metrics: households(50), target: '≥45户' }).trace).toContain('超过目标，按 (90 − 50) ÷ (90 − 45) × 10');
  });
});

describe('ratio errors a tree author reads', () => {
  it('names what is missing and how to write it', () => {
    const missing = ruleError({ rule, points: 10, metrics: households(1), target: '符合条件及时救助' });
    expect([missing.code, missing.message, missing.extra]).toEqual([
      'target-missing',
      '目标完成比例计分需要一个数值目标值',
      { found: '符合条件及时救助', hint: '在指标上写 target（如 "≥45户"、"≥98%"），或在规则中写 target' },
    ]);
    expect(ruleError({ rule, points: 10, metrics: households(1) }).extra.found).toBe('无目标值');
    expect([missing.name, missing instanceof Error]).toEqual(['RuleError', true]);
    const direction = ruleError({ rule, points: 10, metrics: households(1), target: '15000元' });
    expect([direction.code, direction.message, direction.extra]).toEqual([
      'target-direction-missing',
      '目标值「15000元」没有方向',
      { hint: '写成 "≥…"、"≤…" 或 "=…"，或在规则中写 direction' },
    ]);
    const metricMissing = ruleError({ rule, points: 10 });
    expect([metricMissing.code, metricMissing.message, metricMissing.extra]).toEqual([
      'metric-missing',
      '缺少指标数据 x.count',
      { hint: '在 evaluation.yaml 中加入能算出它的输入文件，或在评价判断文件的 metrics 中给出取值和来源' },
    ]);
  });

  it('refuses parameters outside their range, quoting the wrong value', () => {
    expect(paramErrors({ kind: 'ratio', metric: 'x.y', pass_mark: 1 })).toEqual(['pass_mark：pass_mark 应小于 100%']);
    expect(paramErrors({ kind: 'ratio', metric: 'x.y', pass_mark: '99.99%' })).toEqual([]);
    expect(paramErrors({ kind: 'ratio', metric: 'x.y', zero_at_multiple: 1 })).toEqual(['zero_at_multiple：zero_at_multiple 应大于 1']);
    expect(paramErrors({ kind: 'ratio', metric: 'x.y', zero_at_multiple: '1.01' })).toEqual([]);
    expect(paramErrors({ kind: 'ratio', metric: 'X', direction: '>' })).toEqual([
      'metric：指标数据名「X」应形如 roster.persons、roster.paid[医疗救助]、budget.spent[source=省财政]@2024',
      'direction不在允许的取值中（应为 >= / <= / =，实际为 >）',
    ]);
  });

  it('defaults: zero at twice the target, explanation above 130%, no mark-down', () => {
    expect(outcome({ rule: { kind: 'ratio', metric: 'x.cost', zero_at_multiple: 3 }, points: 10, metrics: cost(10600), target: '≤5300元' }).points).toBe('5');
    expect(outcome({ rule, points: 10, metrics: households('58.5'), target: '≥45户' }).warnings).toEqual([]);
    expect(outcome({ rule, points: 10, metrics: households('58.51'), target: '≥45户' }).warnings).toHaveLength(1);
    expect(outcome({ rule: { ...rule, over_target: { explain_above: '150%' } }, points: 10, metrics: households(63), target: '≥45户' })).toMatchObject({ points: '10', warnings: [] });
    expect(outcome({ rule: { ...rule, over_target: { markdown: true } }, points: 10, metrics: households(63), target: '≥45户' }).points).toBe('9');
  });
});
