// Consistency of a tree before anyone scores: weights add up, each rule can
// award exactly its indicator's weight, band edges do not overlap.
import { exactSum } from '../numbers/fraction.js';
import { problem, type Problem } from '../problems/problem.js';
import { kindOf } from './rules/registry.js';
import { pts } from './rules/common.js';
import type { IndicatorNode, IndicatorTree } from './tree.js';

export function lintTree(tree: IndicatorTree, file: string): Problem[] {
  const problems: Problem[] = [];
  const strict = tree.partial ? 'warning' : 'error';

  const topSum = exactSum(tree.indicators.map((n) => n.weight));
  if (!topSum.equals(tree.total)) {
    problems.push(
      problem(strict, 'tree-weights', `一级指标权重之和与总分不符`, { file }, { expected: pts(tree.total), found: pts(topSum), hint: '调整权重，或在部分指标体系上写 partial: true' }),
    );
  }

  function visit(node: IndicatorNode): void {
    const where = { file, path: node.path };
    if (node.children) {
      const childSum = exactSum(node.children.map((c) => c.weight));
      if (!childSum.equals(node.weight)) {
        problems.push(problem(strict, 'tree-weights', `下级指标权重之和与本指标权重不符`, where, { expected: pts(node.weight), found: pts(childSum) }));
      }
      node.children.forEach(visit);
      return;
    }
    if (!node.rule) return;
    const kind = kindOf(node.rule.kind);
    const max = kind.maxPoints(node.rule.params, node.weight);
    if (!max.equals(node.weight)) {
      problems.push(
        problem('error', 'rule-max-points', `评分规则最多给 ${pts(max)} 分，与指标权重 ${pts(node.weight)} 分不符`, where, {
          hint: '核对评分标准中各项分值之和与权重；原文自相矛盾时，选定一种读法并用 note 说明',
        }),
      );
    }
    for (const message of kind.lint?.(node.rule.params, node.weight) ?? []) {
      problems.push(problem('error', 'rule-inconsistent', message, where));
    }
  }
  tree.indicators.forEach(visit);
  return problems;
}
