// The whole scored tree of each fixture evaluation — every node's weight, score,
// rate, 完成值, rule, trace (评分依据), reason, parts, and the texts the tree carries —
// against the reviewed copy in fixtures/expected/ (see test/helpers/golden.ts).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ScoredNode } from '../../src/engine/score.js';
import { scoreEvaluation } from '../../src/run/score-evaluation.js';
import { ROOT } from '../helpers/fixture-copy.js';
import { expectGolden } from '../helpers/golden.js';

function nodeView(n: ScoredNode): Record<string, unknown> {
  const node = n.node;
  return {
    id: node.id,
    name: node.name,
    weight: node.weight.toString(),
    score: n.score.toString(),
    rate: n.rate.toFixed(6),
    ...(node.target ? { target: node.target.text } : {}),
    ...(node.explanation ? { explanation: node.explanation } : {}),
    ...(node.criteria ? { criteria: node.criteria } : {}),
    ...(node.note ? { note: node.note } : {}),
    ...(node.rule ? { rule: node.rule.kind } : {}),
    ...(n.actual !== undefined ? { actual: n.actual } : {}),
    ...(n.trace !== undefined ? { trace: n.trace } : {}),
    ...(n.reason !== undefined ? { reason: n.reason } : {}),
    ...(n.parts ? { parts: n.parts.map((p) => ({ id: p.id, name: p.name, max: p.max.toString(), points: p.points.toString(), trace: p.trace })) } : {}),
    ...(n.children ? { children: n.children.map(nodeView) } : {}),
  };
}

describe.each(['xiangyuan', 'definitions'])('fixtures/%s scored tree', (name) => {
  it('matches fixtures/expected', async () => {
    const { scored, problems } = await scoreEvaluation(join(ROOT, 'fixtures', name));
    const view = {
      total: scored.total.toString(),
      rate: scored.rate.toFixed(6),
      grade: scored.grade,
      indicators: scored.nodes.map(nodeView),
      problems: problems.map((p) => [p.severity, p.code, p.message, p.where.path?.join(' > ') ?? p.where.file ?? '']),
    };
    expectGolden(`${name}.scored`, view);
  });
});
