// The checks jixiao lint adds, at their edges: band gaps at shared and open edges,
// monotone and non-monotone tables both ways, points in criteria texts.
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/numbers/decimal.js';
import { parseInterval } from '../../src/engine/interval.js';
import { bandGaps, nonMonotone, type Band } from '../../src/engine/lint/band-order.js';
import { criteriaPoints } from '../../src/engine/lint/criteria-points.js';
import { loadTree } from '../../src/engine/load-tree.js';
import { lintFindings } from '../../src/engine/lint-tree.js';

const band = (when: string, low: number, high = low): Band => ({ when: parseInterval(when)!, points: { low: new Decimal(low), high: new Decimal(high) } });

describe('band gaps', () => {
  it('a shared edge that one side includes leaves no gap; both excluding it does', () => {
    expect(bandGaps([band('<90%', 0), band('≥90%', 2)])).toEqual([]);
    expect(bandGaps([band('[0,90%)', 0), band('[90%,100%]', 2), band('>100%', 2)])).toEqual([]);
    expect(bandGaps([band('<90%', 0), band('>90%', 2)])).toEqual(['分档「<90%」与「>90%」之间的取值不在任何分档内']);
    expect(bandGaps([band('<80%', 0), band('[90%,100%)', 1), band('≥100%', 2)])).toEqual(['分档「<80%」与「[90%,100%)」之间的取值不在任何分档内']);
  });
  it('a top band with an upper end, a bottom band above 0', () => {
    expect(bandGaps([band('<90%', 0), band('[90%,100%]', 2)])).toEqual(['高于分档「[90%,100%]」的取值不在任何分档内']);
    expect(bandGaps([band('[60%,90%)', 0), band('≥90%', 2)])).toEqual(['低于分档「[60%,90%)」的取值不在任何分档内']);
    expect(bandGaps([band('[0,90%)', 0), band('≥90%', 2)])).toEqual([]);
  });
});

describe('monotone bands', () => {
  it('higher is better: equal points on neighbouring bands are fine, fewer above is not', () => {
    expect(nonMonotone([band('<70%', 0), band('[70%,90%)', 1), band('≥90%', 1)])).toEqual([]);
    expect(nonMonotone([band('[90%,100%)', 0, 2), band('≥100%', 1), band('<90%', 0)])).toEqual(['更好的取值（分档「≥100%」）可能比更差的取值（分档「[90%,100%)」）得分更少']);
    // a range touching the next band's points is still monotone
    expect(nonMonotone([band('<90%', 0, 1), band('≥90%', 1, 2)])).toEqual([]);
  });
  it('lower is better (the bottom band worth most): read the other way', () => {
    expect(nonMonotone([band('≤5%', 3), band('(5%,10%]', 1), band('>10%', 0)])).toEqual([]);
    expect(nonMonotone([band('≤5%', 3), band('(5%,10%]', 0), band('>10%', 1)])).toEqual(['更好的取值（分档「(5%,10%]」）可能比更差的取值（分档「>10%」）得分更少']);
  });
});

describe('points in criteria texts', () => {
  const leaf = (weight: number | string, criteria: string, rule: Record<string, unknown> = { kind: 'manual' }, name = '甲') =>
    loadTree({ title: 't', type: 'evaluation', total: weight, indicators: [{ id: 'a', name, weight, criteria, rule }] }, 't.yaml').tree!.indicators[0]!;
  it.each([
    [3, '目标合理（1.5分），目标细化（1.5分）', []],
    [3, '目标合理（1.5分），目标细化（2分）', ['评分标准中各项分值 （1.5分）（2分） 合计 3.5 分，与权重 3 分不符']],
    [2, '资料齐全（3 分）', ['评分标准中的「（3 分）」超过权重 2 分']],
    [2, '资料齐全（2 分）', []],
    ['20/3', '甲（10/3 分）；乙（10/3 分，不适用时给分）', []],
    [5, '工作人员知晓度×2.5；帮扶对象知晓度×2.5', []],
    [5, '工作人员知晓度*5；帮扶对象知晓度*5', ['评分标准中各项分值 *5*5 合计 10 分，与权重 5 分不符']],
    [5, '完成率达到90%的×100%得分', []],
    [10, '=100%得7.5分；90%-100%得5分', []],
    [5, '=100%得7.5分', ['评分标准写「得7.5分」，超过权重 5 分']],
    [1, '资料完整度：现有/应有*4 (1分)', ['评分标准「*4 (1分)」自相矛盾：乘以 4，却写 1 分']],
    [1, '资料完整度：现有/应有*1 (1分)', []],
  ])('weight %s: %s', (weight, criteria, messages) => {
    expect(criteriaPoints(leaf(weight, criteria))).toEqual(messages);
  });
  it('每发现1处扣 X 分 against the rule’s own deduction', () => {
    const rule = { kind: 'deduct_per_unit', metric: 'x.n', target: 10, per_unit: 1, unit: '人' };
    expect(criteriaPoints(leaf(10, '每少一人扣1分，扣完为止', rule))).toEqual([]);
    expect(criteriaPoints(leaf(10, '每少一人扣2分，扣完为止', rule))).toEqual(['评分标准写「每少一人扣2分」，评分规则却是每处扣 1 分']);
    expect(criteriaPoints(leaf(1, '每发现一处扣 2 分'))).toEqual(['评分标准写「每发现一处扣 2 分」，超过权重 1 分']);
  });
  it('a group stating its points in its name', () => {
    const tree = loadTree({ title: 't', type: 'evaluation', total: 20, indicators: [{ id: 'g', name: '决策（25分）', weight: 20, children: [{ id: 'a', name: '甲', weight: 20, rule: { kind: 'manual' } }] }] }, 't.yaml').tree!;
    expect(criteriaPoints(tree.indicators[0]!)).toEqual(['「（25分）」与权重 20 分不符']);
  });
});

describe('a qualitative target for quantitative criteria', () => {
  const tree = (target: string, criteria: string) =>
    loadTree({ title: 't', type: 'evaluation', total: 2, indicators: [{ id: 'a', name: '发放及时性', weight: 2, target, criteria, rule: { kind: 'manual' } }] }, 't.yaml').tree!;
  it('warns with both texts; a numeric target or qualitative criteria do not', () => {
    const codes = (t: string, c: string) => lintFindings(tree(t, c), 't.yaml', { all: true }).findings.map((p) => [p.code, p.message]);
    expect(codes('及时', '发放及时率≥98%得满分')).toEqual([['target-qualitative', '目标值「及时」是定性的，评分标准却是定量的：「发放及时率≥98%得满分」']]);
    expect(codes('≥98%', '发放及时率≥98%得满分')).toEqual([]);
    expect(codes('及时', '按时发放得满分，否则不得分')).toEqual([]);
    // shares of the points are not a quantitative target (the 2020 qualitative rule)
    expect(codes('显著', '达成年度指标得 80%-100% 的分值；部分达成得 60%-80%；未达成得 0-60%')).toEqual([]);
    expect(codes('显著', '部分达成得分值的60%')).toEqual([]);
    expect(codes('显著', '达成得 80%，覆盖率达到90%得满分')).toEqual([['target-qualitative', '目标值「显著」是定性的，评分标准却是定量的：「达成得 80%，覆盖率达到90%得满分」']]);
    // score runs none of these
    expect(lintFindings(tree('及时', '发放及时率≥98%得满分'), 't.yaml').findings).toEqual([]);
  });
});
