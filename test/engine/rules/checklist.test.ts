import { describe, expect, it } from 'vitest';
import { points, ruleError, runRule } from '../../helpers/rule.js';

const rule = {
  kind: 'checklist',
  items: [
    { id: 'a', text: '按要求进行宣传工作', points: 1 },
    { id: 'b', text: '帮扶信息及时录入系统', points: 1 },
    { id: 'docs', text: '档案资料完整度', points: 1 },
  ],
  vetoes: [{ id: 'misuse', text: '存在挪用' }],
  per_finding: { points: 1, text: '不完整之处' },
};
const score = (answer: unknown) => points({ rule, points: 3, answer });

describe('checklist', () => {
  it('adds the points of the items met', () => {
    expect(score({ items: { a: 'met', b: 'met', docs: 'met' }, vetoes: { misuse: 'none' } })).toBe('3');
    expect(score({ items: { a: 'not_met', b: '符合', docs: true }, vetoes: { misuse: '不存在' }, reason: 'x' })).toBe('2');
  });
  it('takes fractions and have/need ratios', () => {
    expect(score({ items: { a: 0.5, b: 'met', docs: { have: 9, need: 12 } }, vetoes: { misuse: 'none' }, reason: 'x' })).toBe('2.25');
    expect(points({ rule, points: 3, roundPart: 2, answer: { items: { a: 'met', b: 'met', docs: { have: 2, need: 3 } }, vetoes: { misuse: 'none' } } })).toBe('2.67');
  });
  it('deducts per finding down to zero', () => {
    expect(score({ items: { a: 'met', b: 'met', docs: 'met' }, vetoes: { misuse: 'none' }, findings: 2, reason: 'x' })).toBe('1');
    expect(score({ items: { a: 'met', b: 'met', docs: 'met' }, vetoes: { misuse: 'none' }, findings: 5, reason: 'x' })).toBe('0');
  });
  it('zeroes the indicator on a veto finding', () => {
    const out = runRule({ rule, points: 3, answer: { items: { a: 'met', b: 'met', docs: 'met' }, vetoes: { misuse: 'found' }, reason: '发现挪用' } });
    expect(out.points.toString()).toBe('0');
    expect(out.trace).toContain('否决项：存在挪用，存在，本指标整体不得分');
    expect(out.actual).toBe('存在否决情形');
    expect(runRule({ rule, points: 3, answer: { items: { a: 'met', b: 'not_met', docs: 0.5 }, vetoes: { misuse: 'none' }, reason: 'x' } }).actual).toBe('符合 1/3 项');
  });
  it('names missing and unknown items', () => {
    expect(ruleError({ rule, points: 3, answer: { items: { a: 'met' }, vetoes: { misuse: 'none' } } }).message).toBe('缺少检查项 b、docs 的评价判断');
    expect(ruleError({ rule, points: 3, answer: { items: { a: 'met', b: 'met', docs: 'met', x: 'met' }, vetoes: { misuse: 'none' } } }).message).toBe('评价判断中有未知的检查项 x');
    expect(ruleError({ rule, points: 3, answer: { items: { a: 'met', b: 'met', docs: 'met' } } }).message).toBe('缺少否决项 misuse 的评价判断（none 不存在 / found 存在）');
    expect(ruleError({ rule, points: 3 }).code).toBe('answer-missing');
  });
});
