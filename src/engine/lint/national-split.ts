// A self-evaluation tree against the national split of its weights: 预算执行率 10,
// 产出指标 50, 效益指标 30, 满意度指标 10 (of 100) — unless it declares weights: custom.
import { pts } from '../rules/common.js';
import type { IndicatorNode, IndicatorTree } from '../tree.js';

const SPLIT: readonly [string, number][] = [
  ['预算执行率', 10],
  ['产出', 50],
  ['效益', 30],
  ['满意度', 10],
];

export function nationalSplit(tree: IndicatorTree): { node: IndicatorNode; message: string }[] {
  if (tree.type !== 'self-evaluation' || tree.weights === 'custom') return [];
  // the first node of level 1 or 2 whose name carries the part's word
  const near = [...tree.indicators, ...tree.indicators.flatMap((n) => n.children ?? [])];
  const out: { node: IndicatorNode; message: string }[] = [];
  for (const [word, points] of SPLIT) {
    const node = near.find((n) => n.name.includes(word));
    const expected = tree.total.times(points).dividedBy(100);
    if (node && !node.weight.equals(expected)) out.push({ node, message: `${node.name}的权重 ${pts(node.weight)} 分，全国通用的自评权重为 ${pts(expected)} 分（预算执行率 10、产出 50、效益 30、满意度 10）` });
  }
  return out;
}
