import { describe, expect, it } from 'vitest';
import { metric } from '../../helpers/metrics.js';
import { paramErrors, points, runRule } from '../../helpers/rule.js';

const rule = { kind: 'linear', metric: 'budget.arrival_rate', zero_at: '70%', full_at: '100%' };
const at = (v: string) => points({ rule, points: 2, metrics: [metric('budget.arrival_rate', v, 'ratio', '资金到位率')] });

describe('linear', () => {
  it('gives full points at and above the full threshold', () => {
    expect(at('1')).toBe('2');
    expect(at('1.2')).toBe('2');
  });
  it('gives zero at and below the zero threshold', () => {
    expect(at('0.7')).toBe('0');
    expect(at('0.5')).toBe('0');
    expect(at('0')).toBe('0');
  });
  it('interpolates exactly in between', () => {
    expect(at('0.85')).toBe('1');
    expect(Number(at('0.7001')).toFixed(6)).toBe('0.000667');
    expect(Number(at('0.9999')).toFixed(6)).toBe('1.999333');
  });
  it('explains itself in Chinese', () => {
    const out = runRule({ rule, points: 2, metrics: [metric('budget.arrival_rate', '0.85', 'ratio', '资金到位率')] });
    expect(out.trace).toBe('资金到位率 85.00% 介于 70.00% 与 100.00% 之间，按比例计算：(85.00% − 70.00%) ÷ (100.00% − 70.00%) × 2 = 1 分');
    expect(out.actual).toBe('85.00%');
  });
  it('works downwards when zero_at is above full_at', () => {
    const down = { kind: 'linear', metric: 'x.cost', zero_at: 200, full_at: 100 };
    expect(points({ rule: down, points: 4, metrics: [metric('x.cost', 150, 'amount')] })).toBe('2');
    expect(points({ rule: down, points: 4, metrics: [metric('x.cost', 90, 'amount')] })).toBe('4');
  });
  it('refuses equal thresholds', () => {
    expect(paramErrors({ ...rule, full_at: '70%' })).toEqual(['zero_at 与 full_at 不能相等']);
  });
});
