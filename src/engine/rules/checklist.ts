// 逐项计分: points per item met, an item may be met in part (a fraction, or
// 现有资料数 ÷ 应有资料数); optional deductions per finding ("每发现一处扣 1 分，扣完为止");
// veto items (一票否决) that zero the indicator when found (套取、截留、挤占、挪用).
import { z } from 'zod';
import { Decimal, ZERO, sum } from '../../numbers/decimal.js';
import { RuleError, type RuleKind } from '../rule-kind.js';
import { clampPoints, nonNegativeDecimal, pts, reasonFields } from './common.js';

const idSchema = z.string().regex(/^[A-Za-z0-9_-]+$/, '编号只能用字母、数字、下划线和连字符');

const params = z
  .strictObject({
    items: z.array(z.strictObject({ id: idSchema, text: z.string(), points: nonNegativeDecimal })).min(1),
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

function share(a: ItemAnswer): { fraction: Decimal; text: string } {
  if ((MET as readonly unknown[]).includes(a)) return { fraction: new Decimal(1), text: '符合' };
  if ((NOT_MET as readonly unknown[]).includes(a)) return { fraction: ZERO, text: '不符合' };
  if (a instanceof Decimal) return { fraction: a, text: `完成 ${pts(a.times(100))}%` };
  const r = a as { have: Decimal; need: Decimal };
  return { fraction: r.have.dividedBy(r.need), text: `现有 ${pts(r.have)} ÷ 应有 ${pts(r.need)}` };
}

type Params = z.infer<typeof params>;

export const checklist: RuleKind<Params, z.infer<typeof answer>> = {
  kind: 'checklist',
  label: '逐项计分',
  paperSlots: (p) => [
    // an item is met, not met, met in part (a share 0-1), or counted (现有 ÷ 应有, with 应有 beside it)
    ...p.items.map((i) => ({ key: `items.${i.id}`, label: `${i.text}（${pts(i.points)} 分）`, input: 'share' as const, choices: ['符合', '不符合'] })),
    ...p.vetoes.map((v) => ({ key: `vetoes.${v.id}`, label: `否决项：${v.text}`, input: 'choice' as const, choices: ['不存在', '存在'] })),
    ...(p.per_finding ? [{ key: 'findings', label: `发现问题的处数（每处扣 ${pts(p.per_finding.points)} 分）`, input: 'count' as const }] : []),
  ],
  params,
  answer,
  needsAnswer: () => true,
  maxPoints: (p) => sum(p.items.map((i) => i.points)),
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
    let total = ZERO;
    let met = 0;
    for (const item of p.items) {
      const { fraction, text } = share(a.items[item.id] as ItemAnswer);
      if (fraction.equals(1)) met += 1;
      const got = input.roundPart(item.points.times(fraction));
      total = total.plus(got);
      lines.push(`${item.text}（${pts(item.points)} 分）：${text}，得 ${pts(got)} 分`);
    }
    if (p.per_finding && a.findings) {
      const deduction = p.per_finding.points.times(a.findings);
      lines.push(`${p.per_finding.text ?? '发现问题'} ${a.findings} 处，每处扣 ${pts(p.per_finding.points)} 分，扣 ${pts(deduction)} 分`);
      total = total.minus(deduction);
    }
    let points = clampPoints(total, input.points);
    const found = p.vetoes.filter((v) => ['found', '存在'].includes(a.vetoes[v.id] as string));
    if (found.length > 0) {
      points = ZERO;
      lines.push(`否决项：${found.map((v) => v.text).join('；')}，存在，本指标整体不得分`);
    } else if (p.vetoes.length > 0) {
      lines.push(`否决项：${p.vetoes.map((v) => v.text).join('；')}，不存在`);
    }
    lines.push(`合计得 ${pts(points)} 分`);
    // the 完成值 column: how many items were fully met
    const actual = found.length > 0 ? '存在否决情形' : `符合 ${met}/${p.items.length} 项`;
    return { points, actual, trace: lines.join('；'), metricsUsed: [], warnings: [] };
  },
};
