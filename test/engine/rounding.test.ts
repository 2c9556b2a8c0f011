// The tree's one rounding policy: per part, per leaf, or only at subtotals and total.
import { describe, expect, it } from 'vitest';
import { loadTree } from '../../src/engine/load-tree.js';
import { score } from '../../src/engine/score.js';

// Three leaves of 1 point each, every one 2/3 met: exact 0.6666…
const item = (id: string) => ({ id, name: id, weight: 1, rule: { kind: 'checklist', items: [{ id: 'docs', text: '档案', points: 1 }] } });
const answers = Object.fromEntries(['a', 'b', 'c'].map((id) => [id, { items: { docs: { have: 2, need: 3 } }, reason: '缺档案' }]));

function run(at: string, places = 2) {
  const tree = loadTree({ title: 't', type: 'evaluation', total: 3, rounding: { places, at }, indicators: [{ id: 'g', name: '组', weight: 3, children: [item('a'), item('b'), item('c')] }] }, 't').tree!;
  const s = score({ tree, metrics: new Map(), answers }).scored!;
  return { leaf: s.nodes[0]!.children![0]!.score.toString(), group: s.nodes[0]!.score.toString(), total: s.total.toString() };
}

describe('rounding policy', () => {
  it('part: each item is rounded, leaves and totals add the rounded parts', () => {
    expect(run('part')).toEqual({ leaf: '0.67', group: '2.01', total: '2.01' });
  });
  it('leaf: each leaf is rounded, subtotals add the rounded leaves', () => {
    expect(run('leaf')).toEqual({ leaf: '0.67', group: '2.01', total: '2.01' });
    expect(run('leaf', 1)).toEqual({ leaf: '0.7', group: '2.1', total: '2.1' });
  });
  it('total: leaves stay exact, subtotals and the total are rounded from the exact sum', () => {
    const r = run('total');
    expect(r.leaf.startsWith('0.6666666')).toBe(true);
    expect(r.group).toBe('2');
    expect(r.total).toBe('2');
  });
});

describe('part against leaf rounding on a composite leaf', () => {
  // two parts of 1 point, each 1/3 met: exactly 2/3 in all
  function composite(at: string) {
    const part = (id: string) => ({ id, name: id, points: 1, rule: { kind: 'checklist', items: [{ id: 'docs', text: '档案', points: 1 }] } });
    const tree = loadTree({ title: 't', type: 'evaluation', total: 2, rounding: { places: 2, at }, indicators: [{ id: 'a', name: '组合', weight: 2, rule: { kind: 'composite', parts: [part('p'), part('q')] } }] }, 't').tree!;
    const third = { items: { docs: { have: 1, need: 3 } } };
    return score({ tree, metrics: new Map(), answers: { a: { parts: { p: third, q: third }, reason: '缺档案' } } }).scored!.total.toString();
  }
  it('part rounds each part before adding (0.33 + 0.33); leaf rounds the sum (0.67); total only at the end', () => {
    expect([composite('part'), composite('leaf'), composite('total')]).toEqual(['0.66', '0.67', '0.67']);
  });
});
