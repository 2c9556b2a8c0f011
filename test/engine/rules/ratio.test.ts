import { describe, expect, it } from 'vitest';
import { metric } from '../../helpers/metrics.js';
import { points, ruleError, runRule } from '../../helpers/rule.js';

const m = (v: string | number) => [metric('x.count', v, 'count', '生活救助户数')];

describe('ratio (≥ target)', () => {
  const rule = { kind: 'ratio', metric: 'x.count' };
  it('gives full points when the target is met, proportional points when missed', () => {
    expect(points({ rule, points: 10, metrics: m(45), target: '≥45户' })).toBe('10');
    expect(points({ rule, points: 10, metrics: m(36), target: '≥45户' })).toBe('8');
    expect(points({ rule, points: 10, metrics: m(0), target: '≥45户' })).toBe('0');
  });
  it('applies the 2021 pass mark: (rate − 60%) ÷ 40% × points, 0 below', () => {
    const r = { ...rule, pass_mark: '60%' };
    expect(points({ rule: r, points: 10, metrics: m(36), target: '≥45户' })).toBe('5');
    expect(points({ rule: r, points: 10, metrics: m(27), target: '≥45户' })).toBe('0');
    expect(points({ rule: r, points: 10, metrics: m(26), target: '≥45户' })).toBe('0');
  });
  it('treats a zero target as met', () => {
    expect(points({ rule, points: 10, metrics: m(0), target: '≥0户' })).toBe('10');
  });
  it('asks for an explanation far above target, and marks down when configured', () => {
    const out = runRule({ rule, points: 10, metrics: m(60), target: '≥45户' });
    expect(out.points.toString()).toBe('10');
    expect(out.warnings).toEqual(['完成值远超目标（完成率 133.33%，超过 130%），需在评价判断的 explanation 中说明原因（目标是否设定偏低）']);
    expect(runRule({ rule, points: 10, metrics: m(60), target: '≥45户', answer: { explanation: '当年新增困难职工' } }).warnings).toEqual([]);
    const down = runRule({ rule: { ...rule, over_target: { explain_above: '130%', markdown: true } }, points: 10, metrics: m(63), target: '≥45户', answer: { explanation: '目标偏低' } });
    expect(down.points.toString()).toBe('9');
  });
  it('needs a numeric target', () => {
    expect(ruleError({ rule, points: 10, metrics: m(1), target: '符合条件及时救助' }).code).toBe('target-missing');
    expect(ruleError({ rule, points: 10, metrics: m(1) }).code).toBe('target-missing');
    expect(ruleError({ rule, points: 10, metrics: m(1), target: '15000元' }).code).toBe('target-direction-missing');
  });
});

describe('ratio (≤ target)', () => {
  const rule = { kind: 'ratio', metric: 'x.cost' };
  const cost = (v: number) => [metric('x.cost', v, 'amount', '户均成本')];
  it('is full at or below target and falls linearly to zero at twice the target', () => {
    expect(points({ rule, points: 10, metrics: cost(5300), target: '<=5300元/户' })).toBe('10');
    expect(points({ rule, points: 10, metrics: cost(7950), target: '<=5300元/户' })).toBe('5');
    expect(points({ rule, points: 10, metrics: cost(10600), target: '<=5300元/户' })).toBe('0');
    expect(points({ rule, points: 10, metrics: cost(20000), target: '<=5300元/户' })).toBe('0');
  });
  it('takes the direction from the rule when the target has none', () => {
    expect(points({ rule: { ...rule, direction: '<=' }, points: 10, metrics: cost(15000), target: '15000元' })).toBe('10');
  });
});

describe('ratio (= target)', () => {
  it('is full within the tolerance, zero outside', () => {
    const rule = { kind: 'ratio', metric: 'x.n', tolerance: 0 };
    expect(points({ rule, points: 5, metrics: [metric('x.n', 8, 'count')], target: '=8个' })).toBe('5');
    expect(points({ rule, points: 5, metrics: [metric('x.n', 9, 'count')], target: '=8个' })).toBe('0');
    expect(points({ rule: { ...rule, tolerance: 1 }, points: 5, metrics: [metric('x.n', 9, 'count')], target: '=8个' })).toBe('5');
  });
});
