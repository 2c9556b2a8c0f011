// The engine over a small tree: what every scored node carries, every problem it
// reports (with the judgements file where the answer is at fault), and the rates.
import { describe, expect, it } from 'vitest';
import { loadTree } from '../../src/engine/load-tree.js';
import type { IndicatorTree } from '../../src/engine/tree.js';
import { Decimal } from '../../src/numbers/decimal.js';
import { score } from '../../src/engine/score.js';
import { formatProblem } from '../../src/problems/problem.js';
import { metric, metricSet } from '../helpers/metrics.js';

const tree = () =>
  loadTree(
    {
      title: 't',
      type: 'evaluation',
      total: 20,
      indicators: [
        {
          id: 'g',
          name: '产出',
          weight: 15,
          children: [
            { id: 'm', name: '人工', weight: 5, rule: { kind: 'manual' } },
            { id: 'r', name: '到位率', weight: 10, target: '≥90%', rule: { kind: 'ratio', metric: 'x.r' } },
          ],
        },
        { id: 'z', name: '零权重', weight: 0, rule: { kind: 'manual' } },
        { id: 'c', name: '档案', weight: 5, rule: { kind: 'checklist', items: [{ id: 'a', text: '台账', points: 5 }] } },
      ],
    },
    't.yaml',
  ).tree!;
const rate = (v: string) => metricSet(metric('x.r', v, 'ratio', '到位率'));
const good = { m: { points: 5, reason: '好' }, z: { points: 0, reason: '无' }, c: { items: { a: 'met' } } };
const run = (answers: Record<string, unknown>, metrics = rate('0.99')) => score({ tree: tree(), metrics, answers, answersFile: 'j.yaml' });
const problems = (answers: Record<string, unknown>, metrics = rate('0.99')) => run(answers, metrics).problems.map((p) => [p.code, p.severity, formatProblem(p)]);

describe('score', () => {
  it('carries score, rate, trace, actual, reason and metrics on every node', () => {
    const r = run({ ...good, m: { points: 4, reason: '一般' }, r: { reason: '说明' } }, rate('2'));
    const s = r.scored!;
    // 19 of 20 points: 95% of the total, 优 by the default grades in proportion
    expect([s.total.toString(), s.rate.toString(), s.grade]).toEqual(['19', '0.95', '优']);
    const [g, z, c] = s.nodes;
    expect([g!.node.id, g!.score.toString(), g!.rate.toFixed(4), g!.trace, g!.children?.length]).toEqual(['g', '14', '0.9333', undefined, 2]);
    const [m, rr] = g!.children!;
    expect([m!.score.toString(), m!.rate.toString(), m!.trace, m!.actual, m!.reason, m!.metrics]).toEqual(['4', '0.8', '评价人员评定 4 分：一般', undefined, '一般', []]);
    expect([rr!.score.toString(), rr!.rate.toString(), rr!.actual, rr!.reason, rr!.metrics?.map((x) => x.name)]).toEqual(['10', '1', '200.00%', '说明', ['x.r']]);
    expect([z!.score.toString(), z!.rate.toString()]).toEqual(['0', '0']);
    expect([c!.actual, c!.parts]).toEqual(['符合 1/1 项', undefined]);
    expect(r.problems.map((p) => [p.code, p.severity, formatProblem(p)])).toEqual([
      ['score-warning', 'warning', '产出 > 到位率：完成值远超目标（完成率 222.22%，超过 130%），需在评价判断的 explanation 中说明原因（目标是否设定偏低）'],
    ]);
  });

  it('a judgement’s actual is the 完成值 as printed, over the rule’s own; without one the rule’s stays', () => {
    const s = run({ ...good, c: { items: { a: 'met' }, actual: '充分' }, m: { points: 5, reason: '好', actual: '规范' } }).scored!;
    const [g, , c] = s.nodes;
    expect([c!.actual, g!.children![0]!.actual, g!.children![1]!.actual]).toEqual(['充分', '规范', '99.00%']);
    expect(problems({ ...good, c: { items: { a: 'met' }, actual: '' } }).map(([code]) => code)).toEqual(['judgement-invalid']);
  });

  it('a draft: a leaf without its judgement is 待评 at 0 points with a warning, the rest scored; otherwise an error and no tree', () => {
    const { m: _m, ...withoutManual } = good;
    const draft = score({ tree: tree(), metrics: rate('0.99'), answers: withoutManual, answersFile: 'j.yaml', draft: true });
    const s = draft.scored!;
    const m = s.nodes[0]!.children![0]!;
    expect([m.pending, m.score.toString(), m.rate.toString(), m.trace]).toEqual([true, '0', '0', '待评：尚无评价判断']);
    expect([s.total.toString(), s.pending, s.grade]).toEqual(['15', 1, '中']);
    expect(draft.problems.map((p) => [p.code, p.severity, formatProblem(p)])).toEqual([
      ['judgement-missing', 'warning', 'j.yaml 产出 > 人工：缺少评价判断（人工评分），本项待评，暂计 0 分 建议：在评价判断文件中加入 m:'],
    ]);
    expect(run(good).scored!.pending).toBe(0);
    // a figure not given yet is awaited the same way in a draft, and an error otherwise
    const noFigure = score({ tree: tree(), metrics: metricSet(), answers: good, answersFile: 'j.yaml', draft: true });
    const r = noFigure.scored!.nodes[0]!.children![1]!;
    expect([r.pending, r.trace, noFigure.scored!.pending, noFigure.problems.map((p) => [p.code, p.severity])]).toEqual([true, '待评：尚缺指标数据', 1, [['metric-missing', 'warning']]]);
    expect(run(good, metricSet()).problems.map((p) => [p.code, p.severity])).toEqual([['metric-missing', 'error']]);
    const final = run(withoutManual);
    expect([final.scored, final.problems.map((p) => [p.code, p.severity])]).toEqual([undefined, [['judgement-missing', 'error']]]);
  });

  it('the total’s rate is over the tree’s total, not the sum of weights', () => {
    const s = run(good, rate('0.9')).scored!;
    expect([s.total.toString(), s.rate.toString(), s.grade]).toEqual(['20', '1', '优']);
    // 15.99 of 20 is below 80% of it: 中
    const low = run({ ...good, m: { points: '0.99', reason: '差' } }, rate('0.9')).scored!;
    expect([low.total.toString(), low.grade]).toEqual(['15.99', '中']);
  });

  it('reports every problem of every leaf, then stops', () => {
    const r = run({ m: { points: 4 }, q: {}, c: { items: { a: 'maybe' } } });
    expect(r.scored).toBeUndefined();
    expect(r.problems.map((p) => [p.code, p.severity, formatProblem(p)])).toEqual([
      ['judgement-unknown-id', 'error', 'j.yaml：评价判断中的指标编号 q 不是指标体系中的末级指标 建议：核对编号拼写，或删去不再使用的判断'],
      ['answer-reason-missing', 'error', 'j.yaml 产出 > 人工：人工评分必须写明理由 reason'],
      ['judgement-missing', 'error', 'j.yaml 零权重：缺少评价判断（人工评分） 建议：在评价判断文件中加入 z:'],
      ['judgement-invalid', 'error', 'j.yaml 档案：评价判断不符合「逐项计分」的要求：items.a不在允许的取值中（应为 met / not_met / 符合 / 不符合 / 是 / 否 / yes / no，实际为 maybe）'],
    ]);
  });

  it('a missing metric is the tree’s or the data’s fault, not the judgements’', () => {
    expect(problems(good, metricSet())).toEqual([
      ['metric-missing', 'error', '产出 > 到位率：缺少指标数据 x.r 建议：在 evaluation.yaml 中加入能算出它的输入文件，或在评价判断文件的 metrics 中给出取值和来源'],
    ]);
  });

  it('a judged leaf below full points needs a reason; a computed one does not', () => {
    const missed = { items: { a: 'not_met' } };
    expect(problems({ ...good, c: missed })).toEqual([['judgement-reason-missing', 'error', 'j.yaml 档案：未得满分（0/5 分），评价判断须写明理由 reason']]);
    expect(problems({ ...good, c: { ...missed, reason: ' ' } })).toHaveLength(1);
    expect(problems({ ...good, c: { ...missed, reason: '缺' } })).toEqual([]);
    expect(run({ ...good, c: { ...missed, reason: '缺' } }).scored?.nodes[2]?.reason).toBe('缺');
    // 到位率 45% of a 90% target: computed, no answer → no reason needed; an answer given → needed
    expect(problems(good, rate('0.45'))).toEqual([]);
    expect(problems({ ...good, r: { reason: '' } }, rate('0.45'))).toEqual([['judgement-reason-missing', 'error', 'j.yaml 产出 > 到位率：未得满分（5/10 分），评价判断须写明理由 reason']]);
    expect(problems({ ...good, r: { reason: '资金晚到' } }, rate('0.45'))).toEqual([]);
    // full points need no reason
    expect(problems({ ...good, c: { items: { a: 'met' }, reason: '' } })).toEqual([]);
  });
});

describe('score on trees loadTree would refuse (a programming error, not a user’s)', () => {
  const handMade = (rule: unknown) => ({ ...tree(), indicators: [{ id: 'a', name: '甲', weight: new Decimal(5), path: ['甲'], level: 1, ...(rule ? { rule } : {}) }] }) as IndicatorTree;
  it('a leaf without a rule throws, naming the leaf', () => {
    expect(() => score({ tree: handMade(undefined), metrics: new Map(), answers: {} })).toThrow('leaf a has no rule (loadTree refuses such trees)');
  });
  it('an error that is not a rule’s own propagates instead of becoming a problem', () => {
    expect(() => score({ tree: handMade({ kind: 'checklist', params: {} }), metrics: new Map(), answers: { a: { items: {} } } })).toThrow(TypeError);
  });
  it('a scored leaf carries only the fields it has', () => {
    const s = run(good).scored!;
    expect(Object.keys(s.nodes[0]!.children![0]!).sort()).toEqual(['metrics', 'node', 'rate', 'reason', 'score', 'trace']);
    expect(Object.keys(s.nodes[2]!).sort()).toEqual(['actual', 'metrics', 'node', 'rate', 'score', 'trace']);
    expect(Object.keys(s.nodes[0]!).sort()).toEqual(['children', 'node', 'rate', 'score']);
  });
});
