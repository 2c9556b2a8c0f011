// Rules read from printed 评分标准: each standard form as the seeds print it, at the edges of
// what is read (a clause left over, points that do not add up, a figure without a known
// metric, a text that contradicts the weight); anything else stays with the evaluator.
import { describe, expect, it } from 'vitest';
import { recogniseCriteria, type Recognised, type Unrecognised } from '../../src/engine/criteria-rules.js';
import { Decimal } from '../../src/numbers/decimal.js';

const METRICS: Record<string, string> = { 资金到位率: 'budget.arrival_rate', 帮扶开展率: 'roster.launch_rate', 帮扶人数: 'roster.persons', 满意度: 'survey.satisfaction', 困难职工建档人员救助率: 'registration.aid_rate', 帮扶资金发放合规率: 'roster.compliance_rate' };
const read = (text: string, weight: number, name = '指标') => recogniseCriteria(text, { name, weight: new Decimal(weight), metricFor: (label) => METRICS[label] });
const rule = (r: Recognised | Unrecognised) => ('rule' in r ? r.rule : r.reason);

describe('checklist', () => {
  it('items with their points in brackets, numbered or not, a comma after the points as a separator', () => {
    expect(rule(read('项目符合申报条件（1分），申报、批复程序符合相关管理办法（1分）。', 2))).toEqual({
      kind: 'checklist',
      items: [
        { id: 'item1', text: '项目符合申报条件', points: 1 },
        { id: 'item2', text: '申报、批复程序符合相关管理办法', points: 1 },
      ],
    });
    const veto = read('1.资金的拨付有完整的审批程序和手续（1分）；2.符合项目预算批复或合同规定用途（3分）；3.不存在套取、截留、挤占、挪用、虚列支出等情况，如存在则本项整体不得分。', 4);
    expect(rule(veto)).toEqual({
      kind: 'checklist',
      items: [
        { id: 'item1', text: '资金的拨付有完整的审批程序和手续', points: 1 },
        { id: 'item2', text: '符合项目预算批复或合同规定用途', points: 3 },
      ],
      vetoes: [{ id: 'veto1', text: '存在套取、截留、挤占、挪用、虚列支出等情况' }],
    });
  });
  it('a per-finding deduction after the points, 「×2.5」 items, 「得3分，否则0分」 items; clauses not modelled are said', () => {
    const r = read('建立健全帮扶流程管理制度（1分）；帮扶流程符合政策要求（1分）；审核审批流程完整，具有可操作性（1分），每发现一处不完整扣1分，扣完为止。', 3);
    expect('rule' in r && r.rule.per_finding).toEqual({ points: 1, text: '不完整' });
    expect(rule(read('工作人员政策知晓度×2.5；帮扶对象政策知晓度×2.5。', 5))).toMatchObject({ items: [{ text: '工作人员政策知晓度', points: 2.5 }, { text: '帮扶对象政策知晓度', points: 2.5 }] });
    expect(rule(read('帮扶对象全部按时收到资金得3分，否则0分；帮扶项目与致困原因对应得3分，否则0分，两部分合计得分。', 6))).toMatchObject({ items: [{ points: 3 }, { text: '帮扶项目与致困原因对应', points: 3 }] });
    const left = read('目标合理（1.5分），目标细化（1.5分）；全部为定性指标的不得分；能够量化而不量化的，每发现1处扣1.5分，直至目标内容指标分值扣完为止。', 3);
    expect('rule' in left && left.note).toBe('检查清单：2 个检查项（1.5 + 1.5 分），每发现一处扣 1.5 分（未转写的条款：全部为定性指标的不得分）');
  });
  it('items adding up to more than the weight: the text contradicts it, the evaluator decides', () => {
    expect(rule(read('工作人员政策知晓度*5；帮扶对象政策知晓度*5。', 5))).toBe('评分标准读出的规则最多给 10 分，与权重 5 分不符');
  });
});

describe('rules on figures', () => {
  it('linear between two thresholds; the full points printed must be the weight', () => {
    const text = (full: number) => `资金到位率大于或等于100%的，得${full}分；资金到位率小于或等于70%的，得0分；资金到位率在大于70%且小于100%的，在0分和2分之间计算确定。`;
    expect(rule(read(text(2), 2))).toEqual({ kind: 'linear', metric: 'budget.arrival_rate', zero_at: '70%', full_at: '100%' });
    expect(rule(read(text(1), 2))).toBe('评分标准写达到 100% 得 1 分，与权重 2 分不符');
  });
  it('bands, and two sentences of bands as a composite of two parts', () => {
    const one = '帮扶开展率=100%得5分，90%-100%得3分，70%-90%得1分，低于70%不得分';
    expect(rule(read(one, 5))).toEqual({ kind: 'bands', metric: 'roster.launch_rate', bands: [{ when: '≥100%', points: 5 }, { when: '[90%,100%)', points: 3 }, { when: '[70%,90%)', points: 1 }, { when: '<70%', points: 0 }] });
    const two = read(`${one}；困难职工建档人员救助率=100%得5分，90%-100%得3分，70%-90%得1分，低于70%不得分。`, 10);
    expect('rule' in two && two.rule.kind).toBe('composite');
    expect('rule' in two && (two.rule.parts as { name: string; points: number }[]).map((p) => [p.name, p.points])).toEqual([['帮扶开展率', 5], ['困难职工建档人员救助率', 5]]);
    // a figure without a known metric
    expect(rule(read('困难职工建档合格率=100%得5分，90%-100%得3分，70%-90%得1分，低于70%不得分', 5))).toBe('「困难职工建档合格率」不是已知的指标数据，请在规则中写 metric');
  });
  it('per unit short of a target, and steps below a threshold (whole steps only)', () => {
    expect(rule(read('帮扶人数≥10人得满分，每少一人扣1分，扣完为止。', 10))).toEqual({ kind: 'deduct_per_unit', metric: 'roster.persons', target: 10, per_unit: 1, unit: '人' });
    expect(rule(read('满意度≥90%得满分，低于90%时每少10%减1分，扣完为止。', 14))).toEqual({ kind: 'step_deduction', metric: 'survey.satisfaction', threshold: '90%', step: '10%', per_step: 1, partial_step: 'ignore' });
  });
  it('the national rules: 完成值÷指标值×分值 (2020) and the 60% pass mark (2021), on the indicator’s own figure', () => {
    expect(rule(read('完成的得满分，未完成的按 实际完成值÷指标值×分值 计分', 10, '帮扶人数'))).toEqual({ kind: 'ratio', metric: 'roster.persons' });
    expect(rule(read('完成率低于60%不得分，(完成率-60%)÷40%×分值', 10, '满意度'))).toEqual({ kind: 'ratio', metric: 'survey.satisfaction', pass_mark: '60%' });
  });
});

describe('grades and what is not read', () => {
  it('levels with points or a range, the level name after the indicator’s', () => {
    expect(rule(read('发挥可持续影响显著的5分；较好的4分；一般1-3分；未发挥显著效益的不得分。', 5, '可持续影响'))).toEqual({
      kind: 'grade',
      levels: [
        { name: '显著', points: 5 },
        { name: '较好', points: 4 },
        { name: '一般', points: [1, 3] },
        { name: '未发挥显著效益', points: 0 },
      ],
    });
  });
  it('free text, no text, two levels only: not read', () => {
    expect(rule(read('根据现场核查情况酌情打分', 5))).toBe('评分标准不是常见的写法');
    expect(rule(read('', 5))).toBe('没有评分标准');
    expect(rule(read('好的5分；差的0分', 5))).toBe('评分标准不是常见的写法');
  });
});
