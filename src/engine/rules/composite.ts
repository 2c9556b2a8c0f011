// 组合计分: one leaf scored as the sum of sub-rules (帮扶工作完成情况 =
// 帮扶开展率部分 + 建档人员救助率部分). Each part names its points and any rule kind.
import { z } from 'zod';
import type { PartOutcome, RuleKind, RuleOutcome } from '../rule-kind.js';
import { RuleError } from '../rule-kind.js';
import type { RuleSpec } from '../tree.js';
import { answerProblemText, kindOf, parseRuleSpec } from './registry.js';
import { clampPoints, computedWithoutAnswer, isNotApplicable, nonNegativeDecimal, notApplicablePolicy, pts, reasonFields } from './common.js';
import { decimalOf, exactSum, fractionOf } from '../../numbers/fraction.js';

const part = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9_-]+$/, '编号只能用字母、数字、下划线和连字符'),
  name: z.string().min(1),
  points: nonNegativeDecimal,
  rule: z.looseObject({ kind: z.string() }).transform((raw, ctx): RuleSpec => {
    const parsed = parseRuleSpec(raw);
    if (!parsed.ok) {
      for (const message of parsed.messages) ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    }
    return parsed.spec;
  }),
});

const params = z.strictObject({ parts: z.array(part).min(2), not_applicable: notApplicablePolicy.unwrap().optional() }).superRefine((p, ctx) => {
  const ids = p.parts.map((x) => x.id);
  ids.filter((id, i) => ids.indexOf(id) !== i).forEach((id) => ctx.addIssue({ code: 'custom', message: `部分编号 ${id} 重复` }));
  if (p.parts.some((x) => x.rule.kind === 'composite')) ctx.addIssue({ code: 'custom', message: '组合计分的部分不能再是组合计分' });
});

const answer = z.strictObject({ ...reasonFields, parts: z.record(z.string(), z.unknown()).default({}) });

type Params = z.infer<typeof params>;

export const composite: RuleKind<Params, z.infer<typeof answer>> = {
  kind: 'composite',
  label: '组合计分',
  // each part asks what its own kind asks, under parts.<id>
  paperSlots: (p) =>
    p.parts.flatMap((x) => {
      const own = (kindOf(x.rule.kind).paperSlots?.(x.rule.params, x.points) ?? []).map((slot) => ({ ...slot, key: `parts.${x.id}.${slot.key}`, label: `${x.name}：${slot.label}` }));
      // a tree that says how 不适用 parts count asks whether each part applies: a part computed
      // from data answers at parts.<id>, one with answers of its own beside them
      if (!p.not_applicable) return own;
      const key = own.length === 0 ? `parts.${x.id}` : `parts.${x.id}.not_applicable`;
      return [{ key, label: `${x.name}：是否不适用（适用时留空）`, input: 'choice' as const, choices: ['不适用'] }, ...own];
    }),
  params,
  answer,
  needsAnswer: computedWithoutAnswer,
  maxPoints: (p) => exactSum(p.parts.map((x) => x.points)),
  lint(p) {
    const messages: string[] = [];
    for (const x of p.parts) {
      const kind = kindOf(x.rule.kind);
      const max = kind.maxPoints(x.rule.params, x.points);
      if (!max.equals(x.points)) messages.push(`部分「${x.name}」的评分规则最多给 ${pts(max)} 分，而该部分分值为 ${pts(x.points)} 分`);
      for (const m of kind.lint?.(x.rule.params, x.points) ?? []) messages.push(`部分「${x.name}」：${m}`);
    }
    return messages;
  },
  score(p, input) {
    const given = input.answer?.parts ?? {};
    const unknown = Object.keys(given).filter((id) => !p.parts.some((x) => x.id === id));
    if (unknown.length > 0) {
      throw new RuleError(`评价判断中有未知的部分 ${unknown.join('、')}`, 'answer-unknown-part', { expected: p.parts.map((x) => x.id).join('、') });
    }
    const outcomes: PartOutcome[] = [];
    const metricsUsed: RuleOutcome['metricsUsed'] = [];
    const warnings: string[] = [];
    const actuals: string[] = [];
    const notApplicable: typeof p.parts = [];
    for (const x of p.parts) {
      const kind = kindOf(x.rule.kind);
      const written = given[x.id];
      // 不适用 as the part's answer, or beside its own answers (the working paper's cell)
      const beside = written !== null && typeof written === 'object' ? (written as Record<string, unknown>) : undefined;
      if (isNotApplicable(written) || isNotApplicable(beside?.not_applicable)) {
        notApplicable.push(x);
        continue;
      }
      const rawAnswer = beside && 'not_applicable' in beside ? Object.fromEntries(Object.entries(beside).filter(([k]) => k !== 'not_applicable')) : written;
      const parsed = rawAnswer === undefined ? undefined : kind.answer.safeParse(rawAnswer);
      if (parsed && !parsed.success) {
        throw new RuleError(`部分「${x.name}」的评价判断不符合要求：${answerProblemText(parsed.error, rawAnswer, kind.answer)}`, 'answer-invalid');
      }
      if (!parsed && kind.needsAnswer(x.rule.params)) {
        throw new RuleError(`缺少部分「${x.name}」（${x.id}）的评价判断`, 'answer-missing');
      }
      let outcome: RuleOutcome;
      try {
        outcome = kind.score(x.rule.params, { ...input, points: x.points, answer: parsed?.data });
      } catch (e) {
        if (e instanceof RuleError) throw new RuleError(`部分「${x.name}」：${e.message}`, e.code, e.extra);
        throw e;
      }
      const points = input.roundPart(clampPoints(outcome.points, x.points));
      outcomes.push({ id: x.id, name: x.name, points, max: x.points, trace: outcome.trace });
      metricsUsed.push(...outcome.metricsUsed);
      warnings.push(...outcome.warnings.map((w) => `部分「${x.name}」：${w}`));
      if (outcome.actual) actuals.push(outcome.actual);
    }
    const applied = exactSum(outcomes.map((o) => o.points));
    const naPoints = exactSum(notApplicable.map((x) => x.points));
    const applicableMax = exactSum(outcomes.map((o) => o.max));
    // 不适用 parts: their points given (award, and when nothing else applies), spread over the
    // other parts in proportion (redistribute), or taken out of the weight (rescale)
    const policy = notApplicable.length === 0 || applicableMax.isZero() ? 'award' : (p.not_applicable ?? 'award');
    const total = policy === 'award' ? exactSum([applied, naPoints]) : policy === 'redistribute' ? input.roundPart(decimalOf(fractionOf(applied).mul(fractionOf(exactSum([applicableMax, naPoints]))).div(fractionOf(applicableMax)))) : applied;
    const naLines = notApplicable.map((x) => `${x.name}（${pts(x.points)} 分）：不适用，${policy === 'award' ? `按规定给予该部分分值 ${pts(x.points)} 分` : policy === 'redistribute' ? '分值按比例分配到其余部分' : '分值从本指标权重中扣除，总分按比例折算'}`);
    const spreadLine = policy === 'redistribute' ? `；其余部分得 ${pts(applied)} / ${pts(applicableMax)} 分，按比例折算为 ${pts(total)} 分` : '';
    const lines = [...outcomes.map((o) => `${o.name}（${pts(o.max)} 分）：${o.trace}`), ...naLines];
    return {
      points: total,
      parts: outcomes,
      metricsUsed,
      warnings,
      ...(actuals.length > 0 ? { actual: actuals.join('；') } : {}),
      ...(policy === 'rescale' ? { removed: naPoints } : {}),
      trace: lines.join('；') + spreadLine + `；合计得 ${pts(total)} 分`,
    };
  },
};
