// The rule kinds by name. A new kind is one module plus an entry here.
import type { z } from 'zod';
import type { RuleKind } from '../rule-kind.js';
import type { RuleSpec } from '../tree.js';
import { formatProblem } from '../../problems/problem.js';
import { zodProblems } from '../../problems/zod-issues.js';
import { bands } from './bands.js';
import { checklist } from './checklist.js';
import { composite } from './composite.js';
import { deductPerUnit } from './deduct-per-unit.js';
import { grade } from './grade.js';
import { linear } from './linear.js';
import { manual } from './manual.js';
import { ratio } from './ratio.js';
import { stepDeduction } from './step-deduction.js';
import { trend } from './trend.js';

// Each kind is generic in its own params; the registry holds them erased.
// Built on first use: composite imports this module, so the table must not be
// read while the modules are still loading.
let table: Record<string, RuleKind<any, any>> | undefined;
function kinds(): Record<string, RuleKind<any, any>> {
  table ??= Object.fromEntries(
    [linear, bands, deductPerUnit, stepDeduction, checklist, ratio, grade, manual, composite, trend].map((k) => [k.kind, k]),
  );
  return table;
}

export function ruleKindNames(): string[] {
  return Object.keys(kinds());
}

export function kindOf(name: string): RuleKind<unknown, unknown> {
  const kind = kinds()[name];
  if (!kind) throw new Error(`unknown rule kind ${name}`);
  return kind;
}

export function answerProblemText(error: z.ZodError, data: unknown, schema?: z.ZodType): string {
  return zodProblems(error, {}, 'answer-invalid', {}, data, schema).map((p) => formatProblem(p)).join('；');
}

export type ParsedRule = { ok: true; spec: RuleSpec } | { ok: false; messages: string[] };

/** Validate a rule as written in a tree file: `{ kind, ...params }`. */
export function parseRuleSpec(raw: Record<string, unknown>): ParsedRule {
  const { kind, ...rest } = raw;
  const module = typeof kind === 'string' ? kinds()[kind] : undefined;
  if (!module) {
    return { ok: false, messages: [`未知的评分规则类型「${String(kind)}」，可用：${ruleKindNames().join('、')}`] };
  }
  const parsed = module.params.safeParse(rest);
  if (!parsed.success) {
    return { ok: false, messages: zodProblems(parsed.error, {}, 'rule-invalid', {}, rest, module.params).map((p) => formatProblem(p)) };
  }
  return { ok: true, spec: { kind: module.kind, params: parsed.data } };
}
