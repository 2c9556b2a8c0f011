// The indicator tree as the engine sees it, after validation.
import type { Decimal } from '../numbers/decimal.js';
import type { GradeBand } from '../schema/grades.js';
import type { Target } from '../schema/target.js';

export type { GradeBand };

export type TreeType = 'evaluation' | 'self-evaluation';
export type RoundingStage = 'part' | 'leaf' | 'total';

export interface RoundingPolicy {
  /** decimal places for scores */
  places: number;
  /** where scores are rounded: each rule part, each leaf, or only subtotals and total */
  at: RoundingStage;
}


export interface RuleSpec {
  kind: string;
  /** the kind's validated parameters */
  params: unknown;
}

export interface IndicatorNode {
  id: string;
  name: string;
  weight: Decimal;
  /** names from level 1 down to this node */
  path: string[];
  level: number;
  explanation?: string;
  criteria?: string;
  target?: Target;
  /** why the tree reads the criteria this way, where the source texts disagree */
  note?: string;
  rule?: RuleSpec;
  children?: IndicatorNode[];
  /** lint findings the tree's author has looked at and accepts, with why */
  lint?: { ignore: string[]; reason: string };
}

export interface IndicatorTree {
  title: string;
  type: TreeType;
  levels: string[];
  total: Decimal;
  grades: GradeBand[];
  /** the default bands scaled to a total other than 100 (优 ≥ 90% of it …): graded on the score rate */
  gradesScaled?: boolean;
  rounding: RoundingPolicy;
  partial: boolean;
  /** a self-evaluation tree that departs from the national split on purpose */
  weights?: 'custom';
  indicators: IndicatorNode[];
}

export function* leaves(nodes: readonly IndicatorNode[]): Generator<IndicatorNode> {
  for (const node of nodes) {
    if (node.children) yield* leaves(node.children);
    else yield node;
  }
}
