import { describe, expect, it } from 'vitest';
import { metric } from '../../helpers/metrics.js';
import { points, runRule } from '../../helpers/rule.js';

const rule = { kind: 'step_deduction', metric: 'survey.satisfaction', threshold: '90%', step: '10%', per_step: 1 };
const at = (v: string, partial = 'ignore') => points({ rule: { ...rule, partial_step: partial }, points: 14, metrics: [metric('survey.satisfaction', v, 'ratio', '满意度')] });

describe('step_deduction', () => {
  it('gives full points at and above the threshold', () => {
    expect(at('0.9')).toBe('14');
    expect(at('0.9138')).toBe('14');
    expect(at('1.05')).toBe('14');
  });
  it('counts only whole steps by default', () => {
    expect(at('0.8999')).toBe('14');
    expect(at('0.8')).toBe('13');
    expect(at('0.75')).toBe('13');
    expect(at('0.7')).toBe('12');
  });
  it('counts a partial step when configured', () => {
    expect(at('0.8999', 'count')).toBe('13');
    expect(at('0.75', 'count')).toBe('12');
    expect(at('0.8', 'count')).toBe('13');
  });
  it('stops at zero', () => {
    expect(at('0')).toBe('5');
    expect(points({ rule: { ...rule, per_step: 5 }, points: 14, metrics: [metric('survey.satisfaction', '0.2', 'ratio')] })).toBe('0');
  });
  it('explains the steps', () => {
    const out = runRule({ rule, points: 14, metrics: [metric('survey.satisfaction', '0.75', 'ratio', '满意度')] });
    expect(out.trace).toBe('满意度 75.00%，低于 90.00% 共 15.00%，每少 10.00% 扣 1 分（不足一档不扣），计 1 档，扣 1 分，得 13 分');
  });
});
