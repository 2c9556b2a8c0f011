// 逐项计分: points per item met, an item may be met in part (a fraction, or
// 现有资料数 ÷ 应有资料数); optional deductions per finding ("每发现一处扣 1 分，扣完为止");
// veto items (一票否决) that zero the indicator when found (套取、截留、挤占、挪用).
// An item may deduct per finding inside itself ("每出现一项不满足扣该要点 1/3，三项及以上不得分":
// per_finding 1/3, zero_after 3), and be answered 不适用 (n/a), handled by the tree's policy.
// Points are added up in exact fractions, so three items of 1/3 make exactly 1.
import { z } from 'zod';
import { Decimal, ZERO } from '../../numbers/decimal.js';
import { RuleError, type RuleKind } from '../rule-kind.js';
import { clampPoints, isNotApplicable, nonNegativeDecimal, notApplicableAnswer, notApplicablePolicy, pts, reasonFields } from './common.js';
import { decimalOf, exactSum, Fraction, fractionOf, writtenFraction } from '../../numbers/fraction.js';

const idSchema = z.string().regex(/^[A-Za-z0-9_-]+$/, '编号只能用字母、数字、下划线和连字符');

/** a share of an item's points: 1/3, 20%, 0.2 */
const shareSchema = nonNegativeDecimal.refine((d) => d.greaterThan(0) && d.lessThanOrEqualTo(1), { message: '每处扣分的比例应大于 0、不大于 1（如 1/3、20%）' });

const itemSchema = z
  .strictObject({
    id: idSchema,
    text: z.string(),
    points: nonNegativeDecimal,
    /** each finding takes this share of the item's points */
    per_finding: shareSchema.optional(),
    /** this many findings or more: the item gets nothing */
    zero_after: z.number().int().min(1).optional(),
  })
  .refine((i) => i.zero_after === undefined || i.per_finding !== undefined, { message: 'zero_after 要与 per_finding 一起写' });

const params = z
  .strictObject({
    items: z.array(itemSchema).min(1),
    /** what 不适用 does: the item's points given (award), spread over the other items (redistribute), or taken out of the weight with the total rescaled (rescale) */
    not_applicable: notApplicablePolicy,
    vetoes: z.array(z.strictObject({ id: idSchema, text: z.string() })).default([]),
    per_finding: z.strictObject({ points: nonNegativeDecimal, text: z.string().optional() }).optional(),
  })
  .superRefine((p, ctx) => {
    const seen = new Set<string>();
    for (const id of [...p.items.map((i) => i.id), ...p.vetoes.map((v) => v.id)]) {
      if (seen.has(id)) ctx.addIssue({ code: 'custom', message: `检查项编号 ${id} 重复` });
      seen.add(id);
    }
  });

const MET = ['met', '符合', '是', 'yes', true] as const;
const NOT_MET = ['not_met', '不符合', '否', 'no', false] as const;

const itemAnswer = z.union([
  z.enum(['met', 'not_met', '符合', '不符合', '是', '否', 'yes', 'no']),
  notApplicableAnswer,
  z.strictObject({ findings: z.number().int().nonnegative() }),
  z.boolean(),
  nonNegativeDecimal.refine((d) => d.lessThanOrEqualTo(1), { message: '完成比例应在 0 到 1 之间' }),
  z
    .strictObject({ have: nonNegativeDecimal, need: nonNegativeDecimal })
    .refine((r) => r.need.greaterThan(0) && r.have.lessThanOrEqualTo(r.need), { message: '现有数 have 应不大于应有数 need，且 need 大于 0' }),
]);

const vetoAnswer = z.enum(['none', 'found', '不存在', '存在']);

const answer = z.strictObject({
  ...reasonFields,
  items: z.record(z.string(), itemAnswer).default({}),
  vetoes: z.record(z.string(), vetoAnswer).default({}),
  findings: z.number().int().nonnegative().optional(),
});

type ItemAnswer = z.infer<typeof itemAnswer>;

type Item = z.infer<typeof itemSchema>;

/** The share of an item's points an answer earns, exact, with how it reads. */
function share(a: ItemAnswer, item: Item): { fraction: Fraction; text: string; findings?: number } {
  if ((MET as readonly unknown[]).includes(a)) return { fraction: new Fraction(1), text: '符合' };
  if ((NOT_MET as readonly unknown[]).includes(a)) return { fraction: new Fraction(0), text: '不符合' };
  if (a instanceof Decimal) return { fraction: fractionOf(a), text: `完成 ${pts(a.times(100))}%` };
  if (typeof a === 'object' && 'findings' in a) {
    if (!item.per_finding) {
      throw new RuleError(`检查项「${item.text}」没有按处扣分（per_finding），评价判断却给出了 findings`, 'answer-unexpected-findings', { hint: '回答 符合 / 不符合，或在指标体系中为该项写 per_finding' });
    }
    const n = a.findings;
    const each = fractionOf(item.per_finding);
    const eachText = `每处扣该项 ${writtenFraction(item.per_finding) ?? `${pts(item.per_finding.times(100))}%`}`;
    if (n === 0) return { fraction: new Fraction(1), text: '未发现问题', findings: 0 };
    if (item.zero_after !== undefined && n >= item.zero_after) return { fraction: new Fraction(0), text: `发现 ${n} 处，达到 ${item.zero_after} 处不得分`, findings: n };
    const left = new Fraction(1).sub(each.mul(n));
    return { fraction: left.compare(0) < 0 ? new Fraction(0) : left, text: `发现 ${n} 处，${eachText}`, findings: n };
  }
  const r = a as { have: Decimal; need: Decimal };
  return { fraction: fractionOf(r.have).div(fractionOf(r.need)), text: `现有 ${pts(r.have)} ÷ 应有 ${pts(r.need)}` };
}

type Params = z.infer<typeof params>;

export const checklist: RuleKind<Params, z.infer<typeof answer>> = {
  kind: 'checklist',
  label: '逐项计分',
  paperSlots: (p) => [
    // an item is met, not met, met in part (a share 0-1), or counted (现有 ÷ 应有, with 应有 beside it)
    ...p.items.map((i) =>
      i.per_finding
        ? { key: `items.${i.id}.findings`, label: `${i.text}（${pts(i.points)} 分）：发现的处数（每处扣该项 ${writtenFraction(i.per_finding) ?? `${pts(i.per_finding.times(100))}%`}${i.zero_after ? `，${i.zero_after} 处及以上不得分` : ''}）`, input: 'count' as const }
        : { key: `items.${i.id}`, label: `${i.text}（${pts(i.points)} 分）`, input: 'share' as const, choices: ['符合', '不符合', '不适用'] },
    ),
    ...p.vetoes.map((v) => ({ key: `vetoes.${v.id}`, label: `否决项：${v.text}`, input: 'choice' as const, choices: ['不存在', '存在'] })),
    ...(p.per_finding ? [{ key: 'findings', label: `发现问题的处数（每处扣 ${pts(p.per_finding.points)} 分）`, input: 'count' as const }] : []),
  ],
  params,
  answer,
  needsAnswer: () => true,
  maxPoints: (p) => exactSum(p.items.map((i) => i.points)),
  score(p, input) {
    const a = input.answer;
    if (!a) throw new RuleError('缺少检查项的评价判断', 'answer-missing', { expected: `items: ${p.items.map((i) => i.id).join('、')}` });
    const known = new Set(p.items.map((i) => i.id));
    const unknownItems = Object.keys(a.items).filter((id) => !known.has(id));
    if (unknownItems.length > 0) {
      throw new RuleError(`评价判断中有未知的检查项 ${unknownItems.join('、')}`, 'answer-unknown-item', { expected: [...known].join('、') });
    }
    const missing = p.items.filter((i) => a.items[i.id] === undefined).map((i) => i.id);
    if (missing.length > 0) throw new RuleError(`缺少检查项 ${missing.join('、')} 的评价判断`, 'answer-missing-item');
    const knownVetoes = new Set(p.vetoes.map((v) => v.id));
    const unknownVetoes = Object.keys(a.vetoes).filter((id) => !knownVetoes.has(id));
    if (unknownVetoes.length > 0) throw new RuleError(`评价判断中有未知的否决项 ${unknownVetoes.join('、')}`, 'answer-unknown-item');
    const missingVetoes = p.vetoes.filter((v) => a.vetoes[v.id] === undefined).map((v) => v.id);
    if (missingVetoes.length > 0) throw new RuleError(`缺少否决项 ${missingVetoes.join('、')} 的评价判断（none 不存在 / found 存在）`, 'answer-missing-item');
    if (a.findings !== undefined && !p.per_finding) {
      throw new RuleError('评价判断给出了 findings，但本指标的评分规则没有按处扣分（per_finding）', 'answer-unexpected-findings');
    }

    const lines: string[] = [];
    const outcomes = p.items.map((item) => {
      const raw = a.items[item.id] as ItemAnswer;
      return isNotApplicable(raw) ? { item, na: true as const } : { item, na: false as const, ...share(raw, item) };
    });
    const na = outcomes.filter((o) => o.na).map((o) => o.item);
    const applicable = outcomes.filter((o) => !o.na);
    // redistribute: the applicable items' points grow in proportion to take the n/a items' points
    const naPoints = fractionOf(exactSum(na.map((i) => i.points)));
    const applicablePoints = fractionOf(exactSum(applicable.map((o) => o.item.points)));
    const spread = p.not_applicable === 'redistribute' && na.length > 0 && applicablePoints.compare(0) > 0 ? applicablePoints.add(naPoints).div(applicablePoints) : new Fraction(1);
    let total = new Fraction(0);
    let met = 0;
    let findings = 0;
    for (const o of outcomes) {
      if (o.na) {
        const award = p.not_applicable === 'award' || applicablePoints.compare(0) === 0;
        if (award) total = total.add(fractionOf(o.item.points));
        lines.push(`${o.item.text}（${pts(o.item.points)} 分）：不适用，${award ? `按规定给予该项分值 ${pts(o.item.points)} 分` : p.not_applicable === 'redistribute' ? '分值按比例分配到其余各项' : '分值从本指标权重中扣除，总分按比例折算'}`);
        continue;
      }
      if (o.fraction.equals(1)) met += 1;
      findings += o.findings ?? 0;
      const got = decimalOf(fractionOf(o.item.points).mul(o.fraction).mul(spread));
      const rounded = input.roundPart(got);
      total = total.add(fractionOf(rounded));
      const scaled = spread.equals(1) ? '' : `，按分配后的分值 ${pts(decimalOf(fractionOf(o.item.points).mul(spread)))} 分计`;
      lines.push(`${o.item.text}（${pts(o.item.points)} 分）：${o.text}${scaled}，得 ${pts(rounded)} 分`);
    }
    const removed = p.not_applicable === 'rescale' && applicablePoints.compare(0) > 0 ? decimalOf(naPoints) : undefined;
    if (p.per_finding && a.findings) {
      const deduction = p.per_finding.points.times(a.findings);
      lines.push(`${p.per_finding.text ?? '发现问题'} ${a.findings} 处，每处扣 ${pts(p.per_finding.points)} 分，扣 ${pts(deduction)} 分`);
      total = total.sub(fractionOf(deduction));
    }
    let points = clampPoints(decimalOf(total), removed ? input.points.minus(removed) : input.points);
    const found = p.vetoes.filter((v) => ['found', '存在'].includes(a.vetoes[v.id] as string));
    if (found.length > 0) {
      points = ZERO;
      lines.push(`否决项：${found.map((v) => v.text).join('；')}，存在，本指标整体不得分`);
    } else if (p.vetoes.length > 0) {
      lines.push(`否决项：${p.vetoes.map((v) => v.text).join('；')}，不存在`);
    }
    lines.push(`合计得 ${pts(points)} 分`);
    // the 完成值 column: how many items were fully met (of those that apply), what was found
    const counted = `符合 ${met}/${applicable.length} 项${na.length > 0 ? `，${na.length} 项不适用` : ''}`;
    const withFindings = p.items.some((i) => i.per_finding) ? `${counted}，发现 ${findings} 处` : counted;
    const actual = found.length > 0 ? '存在否决情形' : withFindings;
    return { points, actual, trace: lines.join('；'), metricsUsed: [], warnings: [], ...(removed ? { removed } : {}) };
  },
};
