import { describe, expect, it } from 'vitest';
import { metric } from '../../helpers/metrics.js';
import { points, runRule } from '../../helpers/rule.js';

const rule = { kind: 'deduct_per_unit', metric: 'roster.persons', target: 10, per_unit: 1, unit: '人' };
const at = (v: number) => points({ rule, points: 10, metrics: [metric('roster.persons', v, 'count', '帮扶人数')] });

describe('deduct_per_unit', () => {
  it('gives full points at and above the target', () => {
    expect(at(10)).toBe('10');
    expect(at(25)).toBe('10');
  });
  it('deducts per unit short', () => {
    expect(at(9)).toBe('9');
    expect(at(7)).toBe('7');
  });
  it('never goes below zero', () => {
    expect(at(0)).toBe('0');
    const out = runRule({ rule: { ...rule, per_unit: 2 }, points: 10, metrics: [metric('roster.persons', 3, 'count', '帮扶人数')] });
    expect(out.points.toString()).toBe('0');
    expect(out.trace).toBe('帮扶人数 3人，比目标 10人 少 7人，每少 1人 扣 2 分，扣 14 分（扣完为止），得 0 分');
  });
});
