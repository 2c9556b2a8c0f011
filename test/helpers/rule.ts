// Score one rule kind in isolation, as the engine would, with parameters as a tree file writes them.
import { Decimal } from '../../src/numbers/decimal.js';
import type { Metric } from '../../src/metrics/metric.js';
import { RuleError, type RuleOutcome } from '../../src/engine/rule-kind.js';
import { kindOf, parseRuleSpec } from '../../src/engine/rules/registry.js';
import { parseTarget } from '../../src/schema/target.js';
import { metricSet } from './metrics.js';

export interface RuleCase {
  rule: Record<string, unknown>;
  points: string | number;
  metrics?: Metric[];
  answer?: unknown;
  target?: string;
  roundPart?: number;
}

export function runRule(c: RuleCase): RuleOutcome {
  const parsed = parseRuleSpec(c.rule);
  if (!parsed.ok) throw new Error(parsed.messages.join('\n'));
  const kind = kindOf(parsed.spec.kind);
  const answer = c.answer === undefined ? undefined : kind.answer.parse(c.answer);
  return kind.score(parsed.spec.params, {
    points: new Decimal(c.points),
    metrics: metricSet(...(c.metrics ?? [])),
    answer,
    ...(c.target ? { target: parseTarget(c.target) } : {}),
    roundPart: (d) => (c.roundPart === undefined ? d : d.toDecimalPlaces(c.roundPart)),
  });
}

export function points(c: RuleCase): string {
  return runRule(c).points.toString();
}

export function ruleError(c: RuleCase): RuleError {
  try {
    runRule(c);
  } catch (e) {
    if (e instanceof RuleError) return e;
    throw e;
  }
  throw new Error('expected a RuleError');
}

export function paramErrors(rule: Record<string, unknown>): string[] {
  const parsed = parseRuleSpec(rule);
  return parsed.ok ? [] : parsed.messages;
}
