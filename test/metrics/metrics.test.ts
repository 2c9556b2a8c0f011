// Every metric's name, label, kind, value and provenance, on data where the
// definitions differ (planned ≠ arrived ≠ spent, persons ≠ person-times).
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/numbers/decimal.js';
import { budgetMetrics } from '../../src/metrics/budget-metrics.js';
import { crossSourceMetrics, mergeMetrics } from '../../src/metrics/merge.js';
import { describeProvenance, formatMetricValue, type Metric } from '../../src/metrics/metric.js';
import { rosterMetrics } from '../../src/metrics/roster-metrics.js';
import { rowRanges } from '../../src/metrics/row-ranges.js';
import { surveyMetrics } from '../../src/metrics/survey-metrics.js';
import type { BudgetRecord } from '../../src/schema/budget.js';
import type { RosterRecord } from '../../src/schema/roster.js';
import { formatProblem } from '../../src/problems/problem.js';

const d = (v: string | number) => new Decimal(v);
const flat = (ms: readonly Metric[]) => ms.map((m) => [m.name, m.label, m.kind, m.value.toString()]);

describe('rowRanges', () => {
  it.each<[number[], string]>([
    [[], ''],
    [[5], '5'],
    [[2, 3, 4, 7], '2-4, 7'],
    [[7, 2, 4, 3, 3], '2-4, 7'],
    [[1, 3, 5], '1, 3, 5'],
    [[10, 11], '10-11'],
    [[9, 10, 12, 13, 14, 20], '9-10, 12-14, 20'],
  ])('%j → %s', (rows, text) => {
    expect(rowRanges(rows)).toBe(text);
  });
});

describe('formatMetricValue and describeProvenance', () => {
  it('ratios as percentages to 2 places, amounts in 元 to the fen (half up), counts plain', () => {
    expect(formatMetricValue('ratio', d('0.855'))).toBe('85.50%');
    expect(formatMetricValue('ratio', d('0.123456'))).toBe('12.35%');
    expect(formatMetricValue('amount', d('1234.565'))).toBe('1234.57 元');
    expect(formatMetricValue('amount', d('-0.005'))).toBe('-0.01 元');
    expect(formatMetricValue('amount', d('20000'))).toBe('20000.00 元');
    // a 万元 table's amount in 万元, to its own decimals, never rounded to the fen of 万元
    expect(formatMetricValue('amount', d('142986.55'), '万元')).toBe('14.298655 万元');
    expect(formatMetricValue('amount', d('4470716'), '万元')).toBe('447.0716 万元');
    expect(formatMetricValue('count', d('8'))).toBe('8');
    expect(formatMetricValue('count', d('2.50'))).toBe('2.5');
  });
  it('names files, rows and notes; a judgement without provenance says so', () => {
    const m = (source: Metric['source'], provenance: Metric['provenance']): Metric => ({ name: 'a.b', label: 'x', kind: 'count', value: d(1), source, provenance });
    expect(describeProvenance(m('judgement', []))).toBe('评价人员判断');
    // the evaluator's citation, never the file the answer was typed into
    expect(describeProvenance(m('judgement', [{ file: '评分底稿.xlsx', note: '报告第四部分' }]))).toBe('报告第四部分');
    expect(describeProvenance(m('judgement', [{ file: 'judgements.yaml' }]))).toBe('评价人员判断');
    expect(describeProvenance(m('data', []))).toBe('');
    expect(describeProvenance(m('data', [{ file: 'a.csv', rows: '2-4' }, { file: 'b.csv', note: '数据核查' }, { file: 'c.csv', rows: '5', note: '注' }]))).toBe('a.csv 第 2-4 行；b.csv 数据核查；c.csv 第 5 行 注');
  });
});

describe('budgetMetrics (planned 100,000 ≠ arrived 80,000 ≠ spent 60,000)', () => {
  const rec = (file: string, row: number, planned: number, arrived: number, spent: number, times?: number): BudgetRecord => ({
    file, row, planned: d(planned), arrived: d(arrived), spent: d(spent), ...(times === undefined ? {} : { plannedPersonTimes: d(times) }),
  });
  it('到位率 = arrived ÷ planned, 执行率 = spent ÷ arrived, 结余 = arrived − spent', () => {
    const ms = budgetMetrics([rec('b.csv', 2, 60000, 50000, 40000), rec('b.csv', 3, 40000, 30000, 20000), rec('c.csv', 2, 0, 0, 0)]);
    expect(flat(ms)).toEqual([
      ['budget.planned', '计划投入资金', 'amount', '100000'],
      ['budget.arrived', '实际到位资金', 'amount', '80000'],
      ['budget.spent', '实际支出资金', 'amount', '60000'],
      ['budget.balance', '结余资金', 'amount', '20000'],
      ['budget.arrival_rate', '资金到位率', 'ratio', '0.8'],
      ['budget.execution_rate', '预算执行率', 'ratio', '0.75'],
      // the self-evaluation form's definition differs where planned ≠ arrived
      ['budget.execution_rate_planned', '预算执行率（执行数 ÷ 预算数）', 'ratio', '0.6'],
    ]);
    expect(ms[0]!.source).toBe('data');
    expect(ms[0]!.provenance).toEqual([{ file: 'b.csv', rows: '2-3' }, { file: 'c.csv', rows: '2' }]);
  });
  it('amounts of 万元 tables read back in 万元; one 元 table among them turns them all to 元', () => {
    const wan = (row: number, planned: number): BudgetRecord => ({ file: 'w.csv', row, planned: d(planned), amountUnit: '万元' });
    expect(budgetMetrics([wan(2, 4470716)]).map((m) => formatMetricValue(m.kind, m.value, m.unit))).toEqual(['447.0716 万元']);
    expect(budgetMetrics([wan(2, 4470716), { file: 'y.csv', row: 2, planned: d(100) }]).map((m) => formatMetricValue(m.kind, m.value, m.unit))).toEqual(['4470816.00 元']);
  });
  it('a table with only 预算 and 执行: the metrics those give, none that needs 到位 (not taken from the other)', () => {
    const only = budgetMetrics([{ file: 'b.csv', row: 2, planned: d(100), spent: d(95) }, { file: 'b.csv', row: 3, planned: d(100) }]);
    expect(flat(only)).toEqual([
      ['budget.planned', '计划投入资金', 'amount', '200'],
      ['budget.spent', '实际支出资金', 'amount', '95'],
      ['budget.execution_rate_planned', '预算执行率（执行数 ÷ 预算数）', 'ratio', '0.475'],
    ]);
  });
  it('no rate over a zero denominator; planned person-times only where a table has them', () => {
    expect(budgetMetrics([])).toEqual([]);
    expect(flat(budgetMetrics([rec('b.csv', 2, 0, 0, 0)])).map((m) => m[0])).toEqual(['budget.planned', 'budget.arrived', 'budget.spent', 'budget.balance']);
    expect(flat(budgetMetrics([rec('b.csv', 2, 0, 10, 5)])).map((m) => m[0])).toContain('budget.execution_rate');
    expect(flat(budgetMetrics([rec('b.csv', 2, 10, 0, 0)])).map((m) => m[0])).toContain('budget.arrival_rate');
    expect(flat(budgetMetrics([rec('b.csv', 2, 10, 10, 5, 6), rec('b.csv', 3, 10, 10, 5)])).at(-1)).toEqual(['budget.planned_person_times', '计划帮扶人次', 'count', '6']);
  });
});

describe('rosterMetrics (6 payments to 4 persons)', () => {
  const rec = (row: number, aidType: string, year: number | undefined, approved: number, paid: number): RosterRecord =>
    ({ file: year === 2022 ? 'r2022.csv' : 'r2021.csv', row, name: `p${row}`, nameOriginal: `p${row}`, aidType, approved: d(approved), paid: d(paid), ...(year === undefined ? {} : { year }) }) as RosterRecord;
  const records = [rec(2, '生活救助', 2021, 1000, 1000), rec(3, '医疗救助', 2021, 5000, 4000), rec(4, '生活救助', 2021, 1000, 1000), rec(2, '生活救助', 2022, 1000, 1000), rec(3, '助学', 2022, 2000, 2000), rec(4, '生活救助', 2022, 0, 0)];
  const personOf = [0, 1, 2, 0, 3, 2];
  it('overall, per aid type (sorted) and per year, persons counted once', () => {
    const ms = rosterMetrics(records, personOf);
    const byName = new Map(ms.map((m) => [m.name, m]));
    expect(flat(ms.slice(0, 5))).toEqual([
      ['roster.paid', '已支付金额', 'amount', '9000'],
      ['roster.approved', '帮扶金额', 'amount', '10000'],
      ['roster.person_times', '帮扶人次', 'count', '6'],
      ['roster.persons', '帮扶人数', 'count', '4'],
      ['roster.execution_rate', '发放执行率', 'ratio', '0.9'],
    ]);
    expect(ms.map((m) => m.name).filter((n) => n.startsWith('roster.paid'))).toEqual([
      'roster.paid', 'roster.paid[助学]', 'roster.paid[医疗救助]', 'roster.paid[生活救助]', 'roster.paid@2021', 'roster.paid@2022',
      'roster.paid[助学]@2022', 'roster.paid[医疗救助]@2021', 'roster.paid[生活救助]@2021', 'roster.paid[生活救助]@2022',
    ]);
    // type × year: its own sums and persons, a finer cut listed where used
    const lifeIn2022 = ['paid', 'person_times', 'persons'].map((k) => byName.get(`roster.${k}[生活救助]@2022`)?.value.toString());
    expect(lifeIn2022).toEqual(['1000', '2', '2']);
    expect([byName.get('roster.persons[生活救助]@2021')?.label, byName.get('roster.persons[生活救助]@2021')?.detail, byName.get('roster.persons@2021')?.detail]).toEqual(['2021年生活救助帮扶人数', true, undefined]);
    expect(byName.get('roster.paid[生活救助]@2022')?.provenance).toEqual([{ file: 'r2022.csv', rows: '2, 4' }]);
    expect([byName.get('roster.persons[生活救助]')?.value.toString(), byName.get('roster.person_times[生活救助]')?.value.toString()]).toEqual(['2', '4']);
    expect(byName.get('roster.execution_rate[医疗救助]')?.value.toString()).toBe('0.8');
    expect(byName.get('roster.persons@2022')?.label).toBe('2022年帮扶人数');
    expect(byName.get('roster.persons[助学]')?.label).toBe('助学帮扶人数');
    expect(byName.get('roster.paid@2021')?.provenance).toEqual([{ file: 'r2021.csv', rows: '2-4' }]);
    expect(byName.get('roster.paid')?.provenance).toEqual([{ file: 'r2021.csv', rows: '2-4' }, { file: 'r2022.csv', rows: '2-4' }]);
  });
  it('no execution rate where nothing was approved; no year scope without years', () => {
    const ms = rosterMetrics([rec(4, '生活救助', undefined, 0, 0)], [0]);
    expect(ms.map((m) => m.name)).toEqual([
      'roster.paid', 'roster.approved', 'roster.person_times', 'roster.persons',
      'roster.paid[生活救助]', 'roster.approved[生活救助]', 'roster.person_times[生活救助]', 'roster.persons[生活救助]',
    ]);
    expect(rosterMetrics([], [])).toEqual([]);
  });
});

describe('surveyMetrics', () => {
  it('points given ÷ points possible over the answers counted', () => {
    const ms = surveyMetrics({ file: 'q.csv', answers: [{ value: { got: d(18), possible: d(20) }, row: 2 }, { value: { got: d(8), possible: d(10) }, row: 4 }], rows: 'respondents', items: 2 });
    expect(flat(ms)).toEqual([
      ['survey.satisfaction', '满意度', 'ratio', ms[0]!.value.toString()],
      ['survey.respondents', '问卷份数', 'count', '2'],
      ['survey.score_total', '问卷得分合计', 'count', '26'],
    ]);
    expect(ms[0]!.value.toFixed(6)).toBe('0.866667');
    expect(ms[0]!.provenance).toEqual([{ file: 'q.csv', rows: '2, 4', note: '2 份问卷，2 个计分题' }]);
    expect(surveyMetrics({ file: 'q.csv', answers: [{ value: { got: d(0), possible: d(0) }, row: 2 }], rows: 'respondents', items: 2 })).toEqual([]);
  });
  it('a named survey scopes its metrics by its name; a counts table counts answers, not rows', () => {
    // two items: 10 and 6 answers; 非常满意 1, 满意 0.75 …: (8×1 + 2×0.75) + (3×1 + 3×0.5) = 14 of 16
    const ms = surveyMetrics({ file: 'c.csv', name: '主办方', answers: [{ value: { got: d('9.5'), possible: d(10) }, row: 2 }, { value: { got: d('4.5'), possible: d(6) }, row: 3 }], rows: 'items', items: 2 });
    expect(flat(ms)).toEqual([
      ['survey.satisfaction[主办方]', '主办方满意度', 'ratio', '0.875'],
      ['survey.respondents[主办方]', '主办方问卷份数（按作答最多的题）', 'count', '10'],
      ['survey.score_total[主办方]', '主办方问卷得分合计（人数 × 权重）', 'count', '14'],
    ]);
    expect(ms[0]!.provenance).toEqual([{ file: 'c.csv', rows: '2-3', note: '2 个题目，共 16 人次作答' }]);
  });
});

describe('mergeMetrics and crossSourceMetrics', () => {
  const computed: Metric = { name: 'roster.persons', label: '帮扶人数', kind: 'count', value: d(6), source: 'data', provenance: [{ file: 'r.csv', rows: '2-9' }] };
  it('a given metric fills a gap; where data exists the computed value wins, a different given one warns', () => {
    const { metrics, problems } = mergeMetrics([computed], {
      'roster.persons': { value: d(10), label: '帮扶人数', kind: 'count', source: '台账' },
      'survey.satisfaction': { value: d('0.9'), label: '满意度', kind: 'ratio', source: '访谈' },
    }, 'j.yaml');
    expect(metrics.get('roster.persons')).toBe(computed);
    expect(metrics.get('survey.satisfaction')).toEqual({ name: 'survey.satisfaction', label: '满意度', kind: 'ratio', value: d('0.9'), source: 'judgement', provenance: [{ file: 'j.yaml', note: '访谈' }] });
    expect(problems.map((p) => [p.code, p.severity, p.where.field, formatProblem(p)])).toEqual([
      ['metric-given-differs', 'warning', 'metrics.roster.persons', 'j.yaml：评价判断给出的 roster.persons（帮扶人数）与数据算出的值不一致，采用数据算出的值（应为 6，实际为 10）'],
    ]);
    expect(mergeMetrics([computed], { 'roster.persons': { value: d('6.0'), label: '帮扶人数', kind: 'count', source: '台账' } }, 'j.yaml').problems).toEqual([]);
  });
  it('帮扶开展率 = person-times ÷ planned person-times, only with both and a non-zero plan', () => {
    const m = (name: string, v: number, file: string): Metric => ({ name, label: name, kind: 'count', value: d(v), source: 'data', provenance: [{ file }] });
    const both = new Map([['roster.person_times', m('roster.person_times', 8, 'r.csv')], ['budget.planned_person_times', m('budget.planned_person_times', 10, 'b.csv')]]);
    expect(crossSourceMetrics(both)).toEqual([{ name: 'roster.launch_rate', label: '帮扶开展率', kind: 'ratio', value: d('0.8'), source: 'data', provenance: [{ file: 'r.csv' }, { file: 'b.csv' }] }]);
    expect(crossSourceMetrics(new Map([['roster.person_times', m('roster.person_times', 8, 'r.csv')], ['budget.planned_person_times', m('budget.planned_person_times', 0, 'b.csv')]]))).toEqual([]);
    expect(crossSourceMetrics(new Map([['roster.person_times', m('roster.person_times', 8, 'r.csv')]]))).toEqual([]);
    expect(crossSourceMetrics(new Map([['budget.planned_person_times', m('budget.planned_person_times', 10, 'b.csv')]]))).toEqual([]);
  });
});

describe('budget scopes', () => {
  const row = (r: number, year: string | undefined, source: string | undefined, project: string | undefined, planned: number, spent: number): BudgetRecord => ({
    file: 'b.csv',
    row: r,
    ...(year !== undefined ? { year } : {}),
    ...(source !== undefined ? { source } : {}),
    ...(project !== undefined ? { project } : {}),
    planned: d(planned),
    spent: d(spent),
  });
  it('per year (2024, 2024年, 2024年度), source and project, each combination, detail only beyond the whole table', () => {
    const ms = budgetMetrics([row(2, '2024', '省财政', 'A', 100, 80), row(3, '2024年', '市财政', 'A', 50, 50), row(4, '2025年度', '省财政', undefined, 10, 5), row(5, '全年', undefined, 'B', 1, 1)]);
    const v = (n: string) => ms.find((m) => m.name === n)?.value.toString();
    expect([v('budget.planned'), v('budget.planned@2024'), v('budget.planned@2025'), v('budget.planned[source=省财政]'), v('budget.planned[project=A]'), v('budget.planned[source=省财政, project=A]@2024')]).toEqual(['161', '150', '10', '110', '150', '100']);
    expect(v('budget.execution_rate_planned[project=A]@2024')).toBe('0.8666666666666666666666666666666667');
    // a 年度 that names no year (全年) gives no year scope; a row without a source is in no source group
    expect(ms.filter((m) => m.name.startsWith('budget.planned@')).map((m) => m.name)).toEqual(['budget.planned@2024', 'budget.planned@2025']);
    expect(v('budget.planned[project=B]')).toBe('1');
    expect(ms.filter((m) => !m.name.includes('[') && !m.name.includes('@')).every((m) => m.detail === undefined)).toBe(true);
    expect(ms.filter((m) => m.name.includes('[') || m.name.includes('@')).every((m) => m.detail === true)).toBe(true);
    expect(ms.find((m) => m.name === 'budget.spent[source=省财政]')?.provenance).toEqual([{ file: 'b.csv', rows: '2, 4' }]);
    expect(ms.find((m) => m.name === 'budget.spent[source=省财政]')?.label).toBe('省财政 实际支出资金');
  });
  it('an aid type column scopes by type, written bare', () => {
    const ms = budgetMetrics([{ file: 'b.csv', row: 2, aidType: '一次性竞赛补贴', planned: d(10) }, { file: 'b.csv', row: 3, aidType: '生活救助', planned: d(5) }]);
    expect(ms.map((m) => m.name)).toEqual(['budget.planned', 'budget.planned[一次性竞赛补贴]', 'budget.planned[生活救助]']);
  });
});
