// Invariants of the engine over generated trees and metrics (fast-check):
// scores stay within [0, weight], subtotals equal the sums of their children,
// and a higher metric never lowers a higher-is-better indicator's score.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadTree } from '../../src/engine/load-tree.js';
import { score, type ScoredNode } from '../../src/engine/score.js';
import { Decimal, sum } from '../../src/numbers/decimal.js';
import { metric, metricSet } from '../helpers/metrics.js';
import { runRule } from '../helpers/rule.js';

const ratioArb = fc.integer({ min: 0, max: 15000 }).map((n) => new Decimal(n).dividedBy(10000).toString());

// Leaf rules that read metric "m.v" (a ratio) and need no answer.
const ruleArb = fc.oneof(
  fc.constant({ kind: 'linear', metric: 'm.v', zero_at: '70%', full_at: '100%' }),
  fc.constant({ kind: 'step_deduction', metric: 'm.v', threshold: '90%', step: '10%', per_step: 1 }),
  fc.constant({ kind: 'ratio', metric: 'm.v', target: '≥95%' }),
  fc.constant({ kind: 'ratio', metric: 'm.v', target: '≥95%', pass_mark: '60%' }),
  fc.constant({ kind: 'deduct_per_unit', metric: 'm.v', target: 1, per_unit: 3 }),
);

interface GenNode {
  weight: number;
  rule?: Record<string, unknown>;
  children?: GenNode[];
}

const leafArb: fc.Arbitrary<GenNode> = fc.record({ weight: fc.integer({ min: 1, max: 20 }), rule: ruleArb });
const branchArb: fc.Arbitrary<GenNode> = fc.array(leafArb, { minLength: 1, maxLength: 4 }).map((children) => ({ weight: children.reduce((a, c) => a + c.weight, 0), children }));
const topArb = fc.array(fc.oneof(leafArb, branchArb), { minLength: 1, maxLength: 4 });

function toTree(nodes: GenNode[]) {
  let n = 0;
  const conv = (g: GenNode): Record<string, unknown> => {
    n += 1;
    const base = { id: `n${n}`, name: `指标${n}`, weight: g.weight };
    return g.children ? { ...base, children: g.children.map(conv) } : { ...base, rule: g.rule };
  };
  const indicators = nodes.map(conv);
  const total = nodes.reduce((a, g) => a + g.weight, 0);
  return { title: 't', type: 'evaluation', total, rounding: { places: 2, at: 'leaf' }, indicators };
}

function walk(nodes: readonly ScoredNode[], check: (n: ScoredNode) => void): void {
  for (const n of nodes) {
    check(n);
    if (n.children) walk(n.children, check);
  }
}

describe('engine invariants', () => {
  it('keeps every score within [0, weight] and every subtotal the sum of its children', () => {
    fc.assert(
      fc.property(topArb, ratioArb, (nodes, value) => {
        const loaded = loadTree(toTree(nodes), 't.yaml');
        expect(loaded.problems).toEqual([]);
        const result = score({ tree: loaded.tree!, metrics: metricSet(metric('m.v', value)), answers: {} });
        expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
        const scored = result.scored!;
        walk(scored.nodes, (n) => {
          expect(n.score.greaterThanOrEqualTo(0)).toBe(true);
          expect(n.score.lessThanOrEqualTo(n.node.weight)).toBe(true);
          if (n.children) expect(n.score.equals(sum(n.children.map((c) => c.score)))).toBe(true);
        });
        expect(scored.total.equals(sum(scored.nodes.map((n) => n.score)))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('never lowers a higher-is-better score when the metric rises (no over-target markdown)', () => {
    fc.assert(
      fc.property(ruleArb, fc.integer({ min: 1, max: 20 }), ratioArb, ratioArb, (rule, weight, a, b) => {
        const [lo, hi] = new Decimal(a).lessThanOrEqualTo(b) ? [a, b] : [b, a];
        const at = (v: string) => runRule({ rule, points: weight, metrics: [metric('m.v', v)] }).points;
        expect(at(hi).greaterThanOrEqualTo(at(lo))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps bands and composites within their points for any metric', () => {
    const bands = { kind: 'bands', metric: 'm.v', bands: [{ when: '>=100%', points: 5 }, { when: '[90%,100%)', points: 3 }, { when: '[70%,90%)', points: 1 }, { when: '<70%', points: 0 }] };
    fc.assert(
      fc.property(ratioArb, ratioArb, (a, b) => {
        const lo = Decimal.min(a, b).toString();
        const hi = Decimal.max(a, b).toString();
        const at = (v: string) => runRule({ rule: bands, points: 5, metrics: [metric('m.v', v)] }).points;
        expect(at(lo).lessThanOrEqualTo(at(hi))).toBe(true);
        expect(at(hi).lessThanOrEqualTo(5)).toBe(true);
      }),
    );
  });
});
