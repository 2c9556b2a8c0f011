// What the evaluator answers for a leaf: the slots its rule kind asks for (checklist items,
// a grade, points within a range), plus reason, 完成值 and evidence. The working paper
// gives each slot a row; `jixiao init` writes each into the judgements file.
import type { PaperSlot } from './rule-kind.js';
import { kindOf } from './rules/registry.js';
import type { IndicatorNode } from './tree.js';

/** What every leaf may carry, whatever its rule. */
export const COMMON_SLOTS: PaperSlot[] = [
  // one line each: the 填写说明 sheet says the rest
  { key: 'reason', label: '理由（未得满分必填）', input: 'text' },
  { key: 'actual', label: '完成值（报告写法）', input: 'text' },
  { key: 'note', label: '证据（底稿编号）', input: 'text' },
];

/** The slots of the leaf's own rule, without the common ones. */
export function ruleSlotsOf(leaf: IndicatorNode): PaperSlot[] {
  const spec = leaf.rule;
  return spec ? (kindOf(spec.kind).paperSlots?.(spec.params, leaf.weight) ?? []) : [];
}

export function slotsOf(leaf: IndicatorNode): PaperSlot[] {
  return [...ruleSlotsOf(leaf), ...COMMON_SLOTS];
}

/** Whether scoring the leaf waits for the evaluator: its kind, or one of its composite parts, needs an answer. */
export function needsJudgement(leaf: IndicatorNode): boolean {
  const spec = leaf.rule;
  if (!spec) return false;
  if (kindOf(spec.kind).needsAnswer(spec.params)) return true;
  const parts = (spec.params as { parts?: { rule: { kind: string; params: unknown } }[] }).parts ?? [];
  return parts.some((p) => kindOf(p.rule.kind).needsAnswer(p.rule.params));
}
