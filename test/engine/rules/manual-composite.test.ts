import { describe, expect, it } from 'vitest';
import { metric } from '../../helpers/metrics.js';
import { paramErrors, points, ruleError, runRule } from '../../helpers/rule.js';

describe('manual', () => {
  const rule = { kind: 'manual' };
  it('takes the points with a reason', () => {
    expect(points({ rule, points: 5, answer: { points: 3.5, reason: '访谈表明部分落实' } })).toBe('3.5');
  });
  it('requires a reason and points within the weight', () => {
    expect(ruleError({ rule, points: 5, answer: { points: 3 } }).message).toBe('人工评分必须写明理由 reason');
    expect(ruleError({ rule, points: 5, answer: { points: 6, reason: 'x' } }).extra).toEqual({ expected: '0-5 分', found: '6 分' });
  });
});

describe('composite', () => {
  const bands = (m: string) => ({ kind: 'bands', metric: m, bands: [{ when: '>=100%', points: 5 }, { when: '[90%,100%)', points: 3 }, { when: '<90%', points: [0, 1] }] });
  const rule = {
    kind: 'composite',
    parts: [
      { id: 'launch', name: '帮扶开展率', points: 5, rule: bands('roster.launch_rate') },
      { id: 'reg', name: '建档人员救助率', points: 5, rule: bands('registration.aid_rate') },
    ],
  };
  const metrics = (a: string, b: string) => [metric('roster.launch_rate', a, 'ratio', '帮扶开展率'), metric('registration.aid_rate', b, 'ratio', '建档人员救助率')];
  it('adds its parts', () => {
    expect(points({ rule, points: 10, metrics: metrics('1', '1') })).toBe('10');
    const out = runRule({ rule, points: 10, metrics: metrics('0.95', '1') });
    expect(out.points.toString()).toBe('8');
    expect(out.parts?.map((p) => p.points.toString())).toEqual(['3', '5']);
  });
  it('passes each part its own answer', () => {
    expect(points({ rule, points: 10, metrics: metrics('0.5', '1'), answer: { parts: { launch: { points: 1 } } } })).toBe('6');
    expect(ruleError({ rule, points: 10, metrics: metrics('0.5', '1') }).message).toBe('部分「帮扶开展率」：分档「<90%」的得分为 0-1 分，需在评价判断中用 points 给出所选分值');
    expect(ruleError({ rule, points: 10, metrics: metrics('1', '1'), answer: { parts: { nope: {} } } }).code).toBe('answer-unknown-part');
  });
  it('validates nested rules', () => {
    expect(paramErrors({ kind: 'composite', parts: [{ id: 'a', name: 'A', points: 1, rule: { kind: 'nope' } }, { id: 'b', name: 'B', points: 1, rule: { kind: 'manual' } }] })[0]).toContain('未知的评分规则类型「nope」');
  });
});
