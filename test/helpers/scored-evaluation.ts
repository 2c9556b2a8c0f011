// Reading a scored evaluation in fixture tests: a node by its id (any depth), a metric's value as text.
import { scoredNodes, type ScoredNode } from '../../src/engine/score.js';
import type { EvaluationResult } from '../../src/run/score-evaluation.js';

export function nodeOf(result: EvaluationResult, id: string): ScoredNode {
  for (const n of scoredNodes(result.scored.nodes)) if (n.node.id === id) return n;
  throw new Error(`no node ${id}`);
}

export function metricValue(result: EvaluationResult, name: string): string | undefined {
  return result.loaded.metrics.get(name)?.value.toString();
}
