// What differs between two definitions of one node, as diff prints it.
import { describe, expect, it } from 'vitest';
import { loadTree } from '../../src/engine/load-tree.js';
import { definitionChanges } from '../../src/engine/tree-diff.js';
import type { IndicatorNode } from '../../src/engine/tree.js';

const node = (indicators: unknown[], id: string): IndicatorNode => {
  const tree = loadTree({ title: 't', type: 'evaluation', total: 10, partial: true, indicators }, 't.yaml').tree!;
  const all: IndicatorNode[] = [];
  const walk = (n: IndicatorNode) => (all.push(n), n.children?.forEach(walk));
  tree.indicators.forEach(walk);
  return all.find((n) => n.id === id)!;
};

describe('definitionChanges', () => {
  const bands = { kind: 'bands', metric: 'x.r', bands: [{ when: '≥90%', points: 4 }, { when: '<90%', points: 0 }] };
  it('weight (written fractions kept), name, target, rule kind, each changed parameter', () => {
    const a = node([{ id: 'a', name: '甲', weight: 4, target: '≥90%', rule: bands }], 'a');
    expect(definitionChanges(a, a)).toEqual([]);
    const b = node([{ id: 'a', name: '乙', weight: '10/3', target: '≥95%', rule: { kind: 'manual' } }], 'a');
    expect(definitionChanges(a, b)).toEqual(['权重 4 → 10/3', '名称「甲」→「乙」', '目标值 ≥90% → ≥95%', '评分规则 bands（分档计分） → manual（人工评分）']);
    const c = node([{ id: 'a', name: '甲', weight: 4, target: '≥90%', rule: { ...bands, bands: [{ when: '≥95%', points: 4 }, { when: '<95%', points: [0, 2] }] } }], 'a');
    expect(definitionChanges(a, c)).toEqual(['规则参数 bands[0].when：≥90% → ≥95%', '规则参数 bands[1].when：<90% → <95%', '规则参数 bands[1].points：0 → 0-2']);
  });
  it('a node moved under another parent; a leaf that became a group; criteria text alone', () => {
    const leaf = { id: 'x', name: '丙', weight: 2, criteria: '旧', rule: { kind: 'manual' } };
    const a = node([{ id: 'g', name: '组一', weight: 2, children: [leaf] }, { id: 'h', name: '组二', weight: 2, children: [{ id: 'y', name: '丁', weight: 2, rule: { kind: 'manual' } }] }], 'x');
    const b = node([{ id: 'g', name: '组一', weight: 2, children: [{ id: 'z', name: '戊', weight: 2, rule: { kind: 'manual' } }] }, { id: 'h', name: '组二', weight: 2, children: [leaf] }], 'x');
    expect(definitionChanges(a, b)).toEqual(['位置 组一 → 组二']);
    const group = node([{ id: 'x', name: '丙', weight: 2, children: [{ id: 'x1', name: '丙一', weight: 2, rule: { kind: 'manual' } }] }], 'x');
    expect(definitionChanges(a, group)).toEqual(['位置 组一 → 一级', '末级指标 → 有下级指标']);
    expect(definitionChanges(a, node([{ id: 'g', name: '组一', weight: 2, children: [{ ...leaf, criteria: '新' }] }], 'x'))).toEqual(['评分标准文字改动（规则未变）']);
  });
});
