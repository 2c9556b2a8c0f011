import { describe, expect, it } from 'vitest';
import { points, ruleError } from '../../helpers/rule.js';

const rule = {
  kind: 'grade',
  levels: [
    { name: '显著', points: 5 },
    { name: '较好', points: 4 },
    { name: '一般', points: [1, 3] },
    { name: '未发挥', points: 0 },
  ],
};

describe('grade', () => {
  it('gives a level its fixed points', () => {
    expect(points({ rule, points: 5, answer: { grade: '显著' } })).toBe('5');
    expect(points({ rule, points: 5, answer: { grade: '未发挥', reason: 'x' } })).toBe('0');
  });
  it('takes the chosen points inside a level range, inclusive', () => {
    expect(points({ rule, points: 5, answer: { grade: '一般', points: 3 } })).toBe('3');
    expect(points({ rule, points: 5, answer: { grade: '一般', points: 1 } })).toBe('1');
  });
  it('is an error to score outside the level', () => {
    const e = ruleError({ rule, points: 5, answer: { grade: '一般', points: 4 } });
    expect(e.message).toBe('所给分值超出等级「一般」的分值范围');
    expect(e.extra).toEqual({ expected: '1-3 分', found: '4 分' });
    expect(ruleError({ rule, points: 5, answer: { grade: '一般' } }).code).toBe('answer-points-missing');
    expect(ruleError({ rule, points: 5, answer: { grade: '很好' } }).message).toBe('等级「很好」不在评分标准中');
  });
  it('ships the 2020 qualitative bands: 80-100%, 60-80%, 0-60%, lower bounds inclusive', () => {
    const preset = { kind: 'grade', preset: 'qualitative-2020' };
    expect(points({ rule: preset, points: 10, answer: { grade: '达成', points: 8 } })).toBe('8');
    expect(points({ rule: preset, points: 10, answer: { grade: '达成', points: 10 } })).toBe('10');
    expect(points({ rule: preset, points: 10, answer: { grade: '部分达成', points: 6 } })).toBe('6');
    expect(ruleError({ rule: preset, points: 10, answer: { grade: '部分达成', points: 8 } }).code).toBe('answer-points-out-of-range');
    expect(ruleError({ rule: preset, points: 10, answer: { grade: '未达成', points: 6 } }).extra.expected).toBe('0-6 分（不含 6）');
  });
});
