// The score workbook's sheets as a project has them: the roster audit's sheets only
// with rosters, 说明 only with notes; checks that could not run say so in 核查汇总.
import { describe, expect, it } from 'vitest';
import { loadTree } from '../../src/engine/load-tree.js';
import { score } from '../../src/engine/score.js';
import { runChecks } from '../../src/checks/run-checks.js';
import { buildScoreWorkbook } from '../../src/report/score-workbook.js';
import { DEFAULT_AUDIT } from '../../src/schema/audit-config.js';
import { metric, metricSet } from '../helpers/metrics.js';
import type { RosterRecord } from '../../src/schema/roster.js';
import { Decimal } from '../../src/numbers/decimal.js';

const scoredWith = (note?: string) => {
  const tree = loadTree(
    {
      title: 't',
      type: 'evaluation',
      total: 10,
      indicators: [{ id: 'r', name: '到位率', weight: 10, target: '≥90%', ...(note ? { note } : {}), rule: { kind: 'ratio', metric: 'x.r' } }],
    },
    't.yaml',
  ).tree!;
  return score({ tree, metrics: metricSet(metric('x.r', '0.95', 'ratio', '到位率')), answers: {}, answersFile: 'j.yaml' }).scored!;
};
const record = (row: number): RosterRecord => ({ file: 'r.csv', row, name: `职工${row}`, nameOriginal: `职工${row}`, approved: new Decimal(100), paid: new Decimal(100), aidType: '生活救助' }) as RosterRecord;
const book = (note?: string, records: RosterRecord[] = []) =>
  buildScoreWorkbook({ project: 'p', period: [2022], scored: scoredWith(note), metrics: new Map(), problems: [], audit: runChecks(records, DEFAULT_AUDIT, [2022]) });

describe('score workbook sheets', () => {
  it('without rosters and notes: the score, the summary, the data and the problems only', () => {
    expect(book().worksheets.map((w) => w.name)).toEqual(['附件1 评分表', '表3-2 得分汇总', '指标数据', '问题清单']);
  });

  it('a note of the tree goes to 说明 with the indicator’s path, not into 评分依据', () => {
    const wb = book('按整档计');
    expect(wb.worksheets.map((w) => w.name)).toEqual(['附件1 评分表', '表3-2 得分汇总', '指标数据', '说明', '问题清单']);
    expect(wb.getWorksheet('说明')!.getRow(3).values).toEqual([undefined, '到位率', '按整档计']);
    const ws = wb.getWorksheet('附件1 评分表')!;
    expect(String(ws.getCell(4, ws.columnCount).value)).not.toContain('按整档计');
  });

  it('with rosters the audit’s sheets; a check that could not run reads 未核查 with why, not 0', () => {
    const wb = book(undefined, [record(2), record(3)]);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['附件1 评分表', '表3-2 得分汇总', '指标数据', '数据核查', '核查汇总', '问题清单']);
    const rows: unknown[][] = [];
    wb.getWorksheet('核查汇总')!.eachRow((row, n) => {
      if (n > 2 && n < 11) rows.push((row.values as unknown[]).slice(1, 4));
    });
    expect(rows).toEqual([
      ['身份证号核查', expect.any(String), '未核查：缺少身份证号列或该列为空'],
      ['金额与标准', expect.any(String), 0],
      ['行执行率', expect.any(String), '未核查：缺少预算执行率列或该列为空'],
      ['合计核对', expect.any(String), 0],
      ['审批层级', expect.any(String), 0],
      ['发放时间', expect.any(String), '未核查：缺少发放日期列和发放方式列或这两列为空'],
      ['建档在册', expect.any(String), '未核查：未提供建档名单'],
      ['重复受助', expect.any(String), 0],
    ]);
  });
});

describe('小计 and 合计 carry their formulas', () => {
  const thirds = (at: 'leaf' | 'total') => {
    const leaf = (id: string) => ({ id, name: id, weight: 1, target: '≥90%', rule: { kind: 'ratio', metric: 'x.r' } });
    const tree = loadTree(
      { title: 't', type: 'evaluation', total: 3, rounding: { places: 2, at }, indicators: [{ id: 'g', name: '产出', weight: 3, children: [leaf('a'), leaf('b'), leaf('c')] }] },
      't.yaml',
    ).tree!;
    // 30% of a 90% target: a third of each point
    const scored = score({ tree, metrics: metricSet(metric('x.r', '0.3', 'ratio', '到位率')), answers: {}, answersFile: 'j.yaml' }).scored!;
    return buildScoreWorkbook({ project: 'p', period: [2022], scored, metrics: new Map(), problems: [] });
  };

  it('rounding each leaf: the leaves as shown add up to the cached SUM (0.99)', () => {
    const ws = thirds('leaf').getWorksheet('附件1 评分表')!;
    // 一级/二级/三级, 指标解释, 评分标准, 目标值, 完成值, then 分值 in H and 得分 in I
    expect([4, 5, 6].map((r) => ws.getCell(r, 9).value)).toEqual([0.33, 0.33, 0.33]);
    expect(ws.getCell(7, 9).value).toEqual({ formula: 'SUM(I4:I6)', result: 0.99 });
    expect(ws.getCell(7, 8).value).toEqual({ formula: 'SUM(H4:H6)', result: 3 });
  });

  it('rounding the total only: exact leaves under ROUND(SUM(...), 2), which recomputes the cached 1.00', () => {
    const wb = thirds('total');
    const ws = wb.getWorksheet('附件1 评分表')!;
    const leaves = [4, 5, 6].map((r) => ws.getCell(r, 9).value as number);
    expect(leaves.every((v) => Math.abs(v - 1 / 3) < 1e-12)).toBe(true);
    const total = ws.getCell(7, 9).value as { formula: string; result: number };
    // the group's sum rounded, then the total over the rounded groups: as the engine does
    expect(total).toEqual({ formula: 'ROUND(SUM(ROUND(SUM(I4,I5,I6),2)),2)', result: 1 });
    expect(Math.round(leaves.reduce((a, b) => a + b, 0) * 100) / 100).toBe(total.result);
    const summary = wb.getWorksheet('表3-2 得分汇总')!;
    const d = (r: number) => summary.getCell(`D${r}`).value;
    expect([4, 5, 6].every((r) => Math.abs((d(r) as number) - 1 / 3) < 1e-12)).toBe(true);
    expect([d(7), d(8)]).toEqual([
      { formula: 'ROUND(SUM(D4:D6),2)', result: 1 },
      { formula: 'ROUND(SUM(D7),2)', result: 1 },
    ]);
  });
});
