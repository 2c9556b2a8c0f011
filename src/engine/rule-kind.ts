// The contract every rule kind module fulfils (the model is an ESLint rule):
// a zod schema for its parameters, one for the evaluator's answer, the most
// points it can award, and a pure score() that explains itself.
import type { z } from 'zod';
import type { Decimal } from '../numbers/decimal.js';
import type { Metric, MetricSet } from '../metrics/metric.js';
import type { Target } from '../schema/target.js';

export interface RuleInput<A> {
  /** the points this rule distributes: the leaf's weight, or a composite part's points */
  points: Decimal;
  target?: Target;
  metrics: MetricSet;
  /** the evaluator's validated answer (undefined when the judgements file has none) */
  answer: A | undefined;
  /** rounds a sub-amount when the tree rounds at 'part', else returns it unchanged */
  roundPart: (value: Decimal) => Decimal;
}

export interface PartOutcome {
  id: string;
  name: string;
  points: Decimal;
  max: Decimal;
  trace: string;
}

export interface RuleOutcome {
  points: Decimal;
  /** how the points came about, in Chinese */
  trace: string;
  /** the 完成值 (actual value) to show beside the target */
  actual?: string;
  metricsUsed: Metric[];
  parts?: PartOutcome[];
  /** problems that do not stop scoring (e.g. an over-target without explanation) */
  warnings: string[];
  /** points of items that do not apply, taken out of the weight (not_applicable: rescale) */
  removed?: Decimal;
}

/** A rule that cannot score (missing metric, answer that does not fit): its message. */
export class RuleError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly extra: { expected?: string; found?: string; hint?: string } = {},
  ) {
    super(message);
    this.name = 'RuleError';
  }
}

/**
 * One input cell of the working paper: `key` is where the answer goes in the leaf's
 * judgement (items.policy, parts.a.grade), as in the YAML judgements file.
 */
export interface PaperSlot {
  key: string;
  /** the question as the evaluator reads it */
  label: string;
  /** choose one of `choices`; a number (points up to `max`, or a count); have/need; free text */
  input: 'choice' | 'points' | 'count' | 'share' | 'text';
  choices?: string[];
  max?: Decimal;
}

export interface RuleKind<P = unknown, A = unknown> {
  kind: string;
  /** the kind's name in Chinese, for traces and docs */
  label: string;
  params: z.ZodType<P>;
  /** the evaluator's answer; kinds that need none accept only a reason */
  answer: z.ZodType<A>;
  /** whether scoring cannot proceed without an answer */
  needsAnswer(params: P): boolean;
  /** the most points the rule can award given the points it distributes */
  maxPoints(params: P, points: Decimal): Decimal;
  /** consistency problems of the parameters themselves (overlapping bands, …) */
  lint?(params: P, points: Decimal): string[];
  /** what the working paper (评分底稿) asks the evaluator for, besides reason, 完成值 and evidence */
  paperSlots?(params: P, points: Decimal): PaperSlot[];
  score(params: P, input: RuleInput<A>): RuleOutcome;
}
