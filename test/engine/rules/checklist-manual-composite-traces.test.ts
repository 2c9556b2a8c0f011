// What a client reads for 逐项计分, 人工评分 and 组合计分 in every branch, and the
// errors an evaluator gets for incomplete or wrong judgements, word for word.
import { describe, expect, it } from 'vitest';
import { metric } from '../../helpers/metrics.js';
import { paramErrors, ruleError, runRule, type RuleCase } from '../../helpers/rule.js';

const outcome = (c: RuleCase) => {
  const o = runRule(c);
  return { points: o.points.toString(), actual: o.actual, trace: o.trace, warnings: o.warnings, used: o.metricsUsed.map((m) => m.name) };
};
const error = (c: RuleCase) => {
  const e = ruleError(c);
  return [e.code, e.message, e.extra];
};

const cl = { kind: 'checklist', items: [{ id: 'a', text: '台账', points: 2 }, { id: 'b', text: '公示', points: 3 }] };
const withVetoes = { ...cl, vetoes: [{ id: 'v', text: '套取资金' }, { id: 'w', text: '挪用' }], per_finding: { points: 0.5, text: '资料缺失' } };

describe('checklist traces', () => {
  it.each<[string, RuleCase, string, string, string]>([
    ['met and not met', { rule: cl, points: 5, answer: { items: { a: 'met', b: '不符合' } } }, '2', '符合 1/2 项', '台账（2 分）：符合，得 2 分；公示（3 分）：不符合，得 0 分；合计得 2 分'],
    ['a fraction and have ÷ need', { rule: cl, points: 5, answer: { items: { a: 0.5, b: { have: 2, need: 3 } } }, roundPart: 2 }, '3', '符合 0/2 项', '台账（2 分）：完成 50%，得 1 分；公示（3 分）：现有 2 ÷ 应有 3，得 2 分；合计得 3 分'],
    ['every spelling of met', { rule: cl, points: 5, answer: { items: { a: true, b: '是' } } }, '5', '符合 2/2 项', '台账（2 分）：符合，得 2 分；公示（3 分）：符合，得 3 分；合计得 5 分'],
    ['yes and 1 are met', { rule: cl, points: 5, answer: { items: { a: 'yes', b: 1 } } }, '5', '符合 2/2 项', '台账（2 分）：符合，得 2 分；公示（3 分）：完成 100%，得 3 分；合计得 5 分'],
    ['every spelling of not met', { rule: cl, points: 5, answer: { items: { a: false, b: '否' } } }, '0', '符合 0/2 项', '台账（2 分）：不符合，得 0 分；公示（3 分）：不符合，得 0 分；合计得 0 分'],
    ['findings and no veto', { rule: withVetoes, points: 5, answer: { items: { a: 'yes', b: 'yes' }, vetoes: { v: 'none', w: '不存在' }, findings: 3 } }, '3.5', '符合 2/2 项', '台账（2 分）：符合，得 2 分；公示（3 分）：符合，得 3 分；资料缺失 3 处，每处扣 0.5 分，扣 1.5 分；否决项：套取资金；挪用，不存在；合计得 3.5 分'],
    ['zero findings deduct nothing', { rule: withVetoes, points: 5, answer: { items: { a: 'yes', b: 'no' }, vetoes: { v: 'none', w: 'none' }, findings: 0 } }, '2', '符合 1/2 项', '台账（2 分）：符合，得 2 分；公示（3 分）：不符合，得 0 分；否决项：套取资金；挪用，不存在；合计得 2 分'],
    ['a veto found', { rule: withVetoes, points: 5, answer: { items: { a: 'yes', b: 'yes' }, vetoes: { v: 'none', w: '存在' } } }, '0', '存在否决情形', '台账（2 分）：符合，得 2 分；公示（3 分）：符合，得 3 分；否决项：挪用，存在，本指标整体不得分；合计得 0 分'],
    ['deductions stop at zero', { rule: { ...cl, per_finding: { points: 1 } }, points: 5, answer: { items: { a: 'no', b: 'not_met' }, findings: 1 } }, '0', '符合 0/2 项', '台账（2 分）：不符合，得 0 分；公示（3 分）：不符合，得 0 分；发现问题 1 处，每处扣 1 分，扣 1 分；合计得 0 分'],
    ['items above the weight are capped', { rule: cl, points: 4, answer: { items: { a: 'met', b: 'met' } } }, '4', '符合 2/2 项', '台账（2 分）：符合，得 2 分；公示（3 分）：符合，得 3 分；合计得 4 分'],
  ])('%s', (_name, c, points, actual, trace) => {
    expect(outcome(c)).toEqual({ points, actual, trace, warnings: [], used: [] });
  });

  it('refuses incomplete or unknown judgements', () => {
    expect(error({ rule: cl, points: 5 })).toEqual(['answer-missing', '缺少检查项的评价判断', { expected: 'items: a、b' }]);
    expect(error({ rule: cl, points: 5, answer: { items: { a: 'met', c: 'met', d: 'met' } } })).toEqual(['answer-unknown-item', '评价判断中有未知的检查项 c、d', { expected: 'a、b' }]);
    expect(error({ rule: { ...cl, items: [...cl.items, { id: 'c', text: '归档', points: 1 }] }, points: 6, answer: { items: { a: 'met' } } })).toEqual(['answer-missing-item', '缺少检查项 b、c 的评价判断', {}]);
    expect(error({ rule: withVetoes, points: 5, answer: { items: { a: 'met', b: 'met' }, vetoes: { v: 'none', w: 'none', x: 'none' } } })).toEqual(['answer-unknown-item', '评价判断中有未知的否决项 x', {}]);
    expect(error({ rule: withVetoes, points: 5, answer: { items: { a: 'met', b: 'met' }, vetoes: {} } })).toEqual(['answer-missing-item', '缺少否决项 v、w 的评价判断（none 不存在 / found 存在）', {}]);
    expect(error({ rule: cl, points: 5, answer: { items: { a: 'met', b: 'met' }, findings: 2 } })).toEqual(['answer-unexpected-findings', '评价判断给出了 findings，但本指标的评分规则没有按处扣分（per_finding）', {}]);
  });

  it('refuses malformed parameters', () => {
    expect(paramErrors({ kind: 'checklist', items: [] })).toEqual(['items过小或过短（应为 不少于 1，实际为 列表）']);
    expect(paramErrors({ kind: 'checklist', items: [{ id: 'a b', text: 'x', points: 1 }] })).toEqual(['items[0].id：编号只能用字母、数字、下划线和连字符']);
    expect(paramErrors({ ...withVetoes, vetoes: [{ id: 'a', text: 'x' }] })).toEqual(['检查项编号 a 重复']);
    expect(paramErrors({ ...cl, vetoes: [{ id: 'v', text: 'x' }, { id: 'v', text: 'y' }] })).toEqual(['检查项编号 v 重复']);
  });
});

describe('manual', () => {
  it('quotes the evaluator’s points and reason', () => {
    expect(outcome({ rule: { kind: 'manual' }, points: 5, answer: { points: 4, reason: '群众反映一般' } })).toEqual({
      points: '4', actual: undefined, trace: '评价人员评定 4 分：群众反映一般', warnings: [], used: [],
    });
    expect(outcome({ rule: { kind: 'manual' }, points: 5, answer: { points: 5, reason: '满分' } }).points).toBe('5');
  });
  it('needs points within the weight and a reason with text', () => {
    expect(error({ rule: { kind: 'manual' }, points: 5 })).toEqual(['answer-missing', '人工评分指标缺少 points 和 reason', {}]);
    expect(error({ rule: { kind: 'manual' }, points: 5, answer: { points: 4 } })).toEqual(['answer-reason-missing', '人工评分必须写明理由 reason', {}]);
    expect(error({ rule: { kind: 'manual' }, points: 5, answer: { points: 4, reason: ' \t' } })[0]).toBe('answer-reason-missing');
    expect(error({ rule: { kind: 'manual' }, points: 5, answer: { points: 5.01, reason: 'x' } })).toEqual(['answer-points-out-of-range', '人工评分超过指标分值', { expected: '0-5 分', found: '5.01 分' }]);
  });
});

describe('composite', () => {
  const comp = {
    kind: 'composite',
    parts: [
      { id: 'p1', name: '开展率', points: 3, rule: { kind: 'ratio', metric: 'x.r', target: '≥100%' } },
      { id: 'p2', name: '档案', points: 2, rule: cl },
    ],
  };
  const rate = (v: string) => [metric('x.r', v, 'ratio', '开展率')];

  it('sums its parts, each with its own trace, points and maximum', () => {
    const o = runRule({ rule: comp, points: 5, metrics: rate('0.9'), answer: { parts: { p2: { items: { a: 'met', b: 0.5 } } } }, roundPart: 2 });
    expect(o.parts?.map((x) => [x.id, x.name, x.points.toString(), x.max.toString(), x.trace])).toEqual([
      ['p1', '开展率', '2.7', '3', '开展率 90.00%，目标 ≥100%，完成率 90%，按 完成值 ÷ 目标值 × 3 计 2.7 分'],
      ['p2', '档案', '2', '2', '台账（2 分）：符合，得 2 分；公示（3 分）：完成 50%，得 1.5 分；合计得 2 分'],
    ]);
    expect([o.points.toString(), o.actual, o.trace, o.metricsUsed.map((m) => m.name), o.warnings]).toEqual([
      '4.7',
      '90.00%；符合 1/2 项',
      '开展率（3 分）：开展率 90.00%，目标 ≥100%，完成率 90%，按 完成值 ÷ 目标值 × 3 计 2.7 分；档案（2 分）：台账（2 分）：符合，得 2 分；公示（3 分）：完成 50%，得 1.5 分；合计得 2 分；合计得 4.7 分',
      ['x.r'],
      [],
    ]);
  });

  it('names the part in its warnings and errors', () => {
    const two = { kind: 'composite', parts: [{ id: 'p1', name: '一', points: 3, rule: { kind: 'ratio', metric: 'x.r', target: '≥50%' } }, { id: 'p2', name: '二', points: 2, rule: { kind: 'manual' } }] };
    const o = runRule({ rule: two, points: 5, metrics: rate('0.9'), answer: { parts: { p2: { points: 1, reason: '一般' } } } });
    expect([o.points.toString(), o.actual, o.warnings]).toEqual(['4', '90.00%', ['部分「一」：完成值远超目标（完成率 180%，超过 130%），需在评价判断的 explanation 中说明原因（目标是否设定偏低）']]);
    expect(error({ rule: comp, points: 5, metrics: rate('0.9'), answer: { parts: { p3: {}, p4: {} } } })).toEqual(['answer-unknown-part', '评价判断中有未知的部分 p3、p4', { expected: 'p1、p2' }]);
    expect(error({ rule: comp, points: 5, metrics: rate('0.9'), answer: { parts: { p2: { items: { a: 'maybe' } } } } })).toEqual(['answer-invalid', '部分「档案」的评价判断不符合要求：items.a不在允许的取值中（应为 met / not_met / 符合 / 不符合 / 是 / 否 / yes / no，实际为 maybe）', {}]);
    expect(error({ rule: comp, points: 5, metrics: rate('0.9'), answer: { parts: { p2: { items: { a: { x: 1 }, b: 2 } } } } })).toEqual([
      'answer-invalid',
      '部分「档案」的评价判断不符合要求：items.a不是允许的写法（实际为 对象）；items.b：完成比例应在 0 到 1 之间',
      {},
    ]);
    expect(error({ rule: comp, points: 5, metrics: rate('0.9'), answer: {} })).toEqual(['answer-missing', '缺少部分「档案」（p2）的评价判断', {}]);
    expect(error({ rule: comp, points: 5, answer: { parts: { p2: { items: { a: 'met', b: 'met' } } } } })).toEqual([
      'metric-missing',
      '部分「开展率」：缺少指标数据 x.r',
      { hint: '在 evaluation.yaml 中加入能算出它的输入文件，或在评价判断文件的 metrics 中给出取值和来源' },
    ]);
  });

  it('refuses malformed parts', () => {
    const p1 = comp.parts[0]!;
    expect(paramErrors({ kind: 'composite', parts: [p1] })).toEqual(['parts过小或过短（应为 不少于 2，实际为 列表）']);
    expect(paramErrors({ kind: 'composite', parts: [p1, p1] })).toEqual(['部分编号 p1 重复']);
    expect(paramErrors({ kind: 'composite', parts: [p1, { id: 'c', name: 'c', points: 1, rule: comp }] })).toEqual(['组合计分的部分不能再是组合计分']);
    expect(paramErrors({ kind: 'composite', parts: [p1, { id: 'c', name: 'c', points: 1, rule: { kind: 'nope' } }] })).toEqual([
      'parts[1].rule：未知的评分规则类型「nope」，可用：linear、bands、deduct_per_unit、step_deduction、checklist、ratio、grade、manual、composite、trend',
    ]);
    expect(paramErrors({ kind: 'composite', parts: [p1, { id: 'c d', name: '', points: 1, rule: { kind: 'manual', x: 1 } }] })).toEqual([
      'parts[1].id：编号只能用字母、数字、下划线和连字符',
      'parts[1].name过小或过短（应为 不少于 1，实际为 ）',
      'parts[1].rule：未知字段 x 建议：此处可用的字段：guidance、metric',
    ]);
  });
});
