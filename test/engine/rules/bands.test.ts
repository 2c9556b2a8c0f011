import { describe, expect, it } from 'vitest';
import { metric } from '../../helpers/metrics.js';
import { paramErrors, points, ruleError } from '../../helpers/rule.js';

const rule = {
  kind: 'bands',
  metric: 'roster.launch_rate',
  bands: [
    { when: '=100%', points: 5 },
    { when: '[90%,100%)', points: 3 },
    { when: '[70%,90%)', points: 1 },
    { when: '<70%', points: [0, 2] },
  ],
};
const at = (v: string, answer?: unknown) => points({ rule, points: 5, metrics: [metric('roster.launch_rate', v, 'ratio', '帮扶开展率')], answer });

describe('bands', () => {
  it('respects inclusive and exclusive edges', () => {
    expect(at('1')).toBe('5');
    expect(at('0.9999')).toBe('3');
    expect(at('0.9')).toBe('3');
    expect(at('0.8999')).toBe('1');
    expect(at('0.7')).toBe('1');
    expect(at('0.6999', { points: 0, reason: '开展不足' })).toBe('0');
  });
  it('asks the evaluator to choose inside a range, and validates the choice', () => {
    expect(at('0.5', { points: 2, reason: '部分开展' })).toBe('2');
    expect(at('0.5', { points: 0, reason: '未开展' })).toBe('0');
    const c = { rule, points: 5, metrics: [metric('roster.launch_rate', '0.5', 'ratio', '帮扶开展率')] };
    expect(ruleError(c).message).toBe('分档「<70%」的得分为 0-2 分，需在评价判断中用 points 给出所选分值');
    const out = ruleError({ ...c, answer: { points: 3 } });
    expect(out.code).toBe('answer-points-out-of-range');
    expect(out.extra.expected).toBe('0-2 分');
  });
  it('reports a value above every band', () => {
    const e = ruleError({ rule, points: 5, metrics: [metric('roster.launch_rate', '1.2', 'ratio', '帮扶开展率')] });
    expect(e.code).toBe('band-not-found');
    expect(e.message).toBe('帮扶开展率 120.00% 不落在任何分档内');
  });
  it('refuses a missing metric with a hint', () => {
    const e = ruleError({ rule, points: 5 });
    expect(e.code).toBe('metric-missing');
    expect(e.message).toBe('缺少指标数据 roster.launch_rate');
  });
  it('refuses unreadable intervals', () => {
    expect(paramErrors({ ...rule, bands: [{ when: '90%-100%', points: 3 }] })[0]).toContain('无法识别的区间「90%-100%」');
  });
});
