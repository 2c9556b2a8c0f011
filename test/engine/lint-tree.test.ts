import { describe, expect, it } from 'vitest';
import { lintTree } from '../../src/engine/lint-tree.js';
import { loadTree } from '../../src/engine/load-tree.js';
import { formatProblem } from '../../src/problems/problem.js';

const checklist = (points: number[]) => ({ kind: 'checklist', items: points.map((p, i) => ({ id: `i${i}`, text: `项${i}`, points: p })) });

function problemsOf(tree: Record<string, unknown>): string[] {
  const loaded = loadTree(tree, 't.yaml');
  const all = loaded.tree ? [...loaded.problems, ...lintTree(loaded.tree, 't.yaml')] : loaded.problems;
  return all.map((p) => formatProblem(p));
}

const base = (indicators: unknown[], extra: Record<string, unknown> = {}) => ({ title: '测试', type: 'evaluation', total: 10, indicators, ...extra });

describe('tree checks', () => {
  it('accepts a consistent tree', () => {
    expect(problemsOf(base([{ id: 'a', name: '决策', weight: 10, children: [{ id: 'b', name: '立项', weight: 10, rule: checklist([5, 5]) }] }]))).toEqual([]);
  });
  it('names the indicator whose weights do not add up', () => {
    expect(problemsOf(base([{ id: 'a', name: '决策', weight: 10, children: [{ id: 'b', name: '立项', weight: 8, rule: checklist([4, 4]) }] }]))).toEqual([
      't.yaml 决策：下级指标权重之和与本指标权重不符（应为 10，实际为 8）',
    ]);
  });
  it('catches a rule that awards more or less than the weight (附件1 7.5 + 7.5 in a 10-point leaf)', () => {
    expect(problemsOf(base([{ id: 'a', name: '帮扶工作完成情况', weight: 10, rule: checklist([7.5, 7.5]) }]))).toEqual([
      't.yaml 帮扶工作完成情况：评分规则最多给 15 分，与指标权重 10 分不符 建议：核对评分标准中各项分值之和与权重；原文自相矛盾时，选定一种读法并用 note 说明',
    ]);
  });
  it('reports the level-1 sum against the total, as a warning for partial trees', () => {
    const tree = base([{ id: 'a', name: '决策', weight: 6, rule: checklist([6]) }]);
    expect(problemsOf(tree)).toEqual(['t.yaml：一级指标权重之和与总分不符（应为 10，实际为 6） 建议：调整权重，或在部分指标体系上写 partial: true']);
    const loaded = loadTree({ ...tree, partial: true }, 't.yaml');
    expect(lintTree(loaded.tree!, 't.yaml').map((p) => p.severity)).toEqual(['warning']);
  });
  it('names missing fields, unknown rule kinds, duplicate ids and overlapping bands', () => {
    expect(
      problemsOf(
        base([
          { id: 'a', name: '甲', rule: checklist([10]) },
          { id: 'b', name: '乙', weight: 5, rule: { kind: 'magic' } },
          { id: 'b', name: '丙', weight: 5, rule: { kind: 'bands', metric: 'x.y', bands: [{ when: '>=50%', points: 5 }, { when: '[40%,60%)', points: 3 }] } },
        ]),
      ),
    ).toEqual([
      't.yaml 甲：缺少权重 weight',
      't.yaml 乙：评分规则有误：未知的评分规则类型「magic」，可用：linear、bands、deduct_per_unit、step_deduction、checklist、ratio、grade、manual、composite、trend',
      't.yaml 丙：指标编号 b 重复（另见 乙）',
    ]);
    expect(problemsOf(base([{ id: 'c', name: '丙', weight: 10, rule: { kind: 'bands', metric: 'x.y', bands: [{ when: '>=50%', points: 10 }, { when: '[40%,60%)', points: 3 }] } }]))).toEqual([
      't.yaml 丙：分档「>=50%」与「[40%,60%)」有重叠',
    ]);
  });
});

describe('codes and severities of the tree checks', () => {
  const codes = (tree: Record<string, unknown>) => {
    const loaded = loadTree(tree, 't.yaml');
    return lintTree(loaded.tree!, 't.yaml').map((p) => [p.code, p.severity]);
  };
  const inconsistent = [
    { id: 'a', name: '决策', weight: 4, children: [{ id: 'b', name: '立项', weight: 3, rule: checklist([2]) }] },
    { id: 'c', name: '丙', weight: 3, rule: { kind: 'bands', metric: 'x.y', bands: [{ when: '>=50%', points: 3 }, { when: '[40%,60%)', points: 3 }] } },
  ];
  it('weights are errors in a full tree and warnings in a partial one; rules are always errors', () => {
    expect(codes(base(inconsistent))).toEqual([
      ['tree-weights', 'error'],
      ['tree-weights', 'error'],
      ['rule-max-points', 'error'],
      ['rule-inconsistent', 'error'],
    ]);
    expect(codes(base(inconsistent, { partial: true }))).toEqual([
      ['tree-weights', 'warning'],
      ['tree-weights', 'warning'],
      ['rule-max-points', 'error'],
      ['rule-inconsistent', 'error'],
    ]);
  });
});
