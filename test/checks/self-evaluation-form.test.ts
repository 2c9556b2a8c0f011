// The form's own checks on tables built cell by cell: what is checked only when its figures
// are printed (no 全年预算数, a 0 budget, no 执行率 or 得分), the 其中 lines with blanks, where
// each finding points; and the funds block read from rows (its two budget columns, 年初预算数
// never taken for 全年预算数, the goal rows as notes).
import { describe, expect, it } from 'vitest';
import { checkSelfEvaluationForm } from '../../src/checks/self-evaluation-form.js';
import type { RawRow } from '../../src/io/raw-table.js';
import { readFundsBlock } from '../../src/run/read-funds-block.js';
import type { PrintedCell, PrintedRow, PrintedTable } from '../../src/schema/score-table.js';

const cell = (text: string, header: string, column: number): PrintedCell => ({ text, header, column });
function funds(row: number, label: string, f: { planned?: string; spent?: string; points?: string; rate?: string; score?: string }, sheet?: string): PrintedRow {
  return {
    row,
    cells: [label],
    kind: 'funds',
    levels: [label],
    ...(sheet ? { sheet } : {}),
    ...(f.planned ? { planned: cell(f.planned, '全年预算数', 3) } : {}),
    ...(f.spent ? { spent: cell(f.spent, '全年执行数', 4) } : {}),
    ...(f.points ? { weight: cell(f.points, '分值', 5) } : {}),
    ...(f.rate ? { rate: cell(f.rate, '执行率', 6) } : {}),
    ...(f.score ? { score: cell(f.score, '得分', 7) } : {}),
  };
}
const table = (rows: PrintedRow[], deviation = false): PrintedTable => ({ file: 'f.xlsx', sheet: '表', levelHeaders: ['一级指标'], columns: deviation ? { deviation: 4 } : {}, header: ['一级指标', '分值', '得分', '偏差原因'], headerRows: [9], rows });
const codes = (t: PrintedTable) => checkSelfEvaluationForm(t).map((p) => [p.code, p.where.row, p.where.column, p.where.sheet]);

describe('the funds line', () => {
  it('nothing to check without both budget figures or with a zero budget', () => {
    expect(codes(table([funds(4, '年度资金总额', { spent: '92', rate: '95%', points: '10', score: '9' })]))).toEqual([]);
    expect(codes(table([funds(4, '年度资金总额', { planned: '100', rate: '95%', points: '10', score: '9' })]))).toEqual([]);
    expect(codes(table([funds(4, '年度资金总额', { planned: '0', spent: '0', rate: '95%', points: '10', score: '9' })]))).toEqual([]);
  });
  it('the rate without a score, the score without a rate (from the exact ratio), neither without 分值', () => {
    expect(codes(table([funds(4, '年度资金总额', { planned: '100', spent: '92', rate: '95%' })]))).toEqual([['execution-rate-mismatch', 4, '执行率', '表']]);
    expect(codes(table([funds(4, '年度资金总额', { planned: '100', spent: '92', points: '10', score: '9.3' })]))).toEqual([['execution-score-mismatch', 4, '得分', '表']]);
    expect(codes(table([funds(4, '年度资金总额', { planned: '100', spent: '92', points: '10', score: '9.2' })]))).toEqual([]);
    expect(codes(table([funds(4, '年度资金总额', { planned: '100', spent: '92', score: '9.3' })]))).toEqual([]);
    // a funds table of its own (a Word report): the finding at its sheet
    expect(codes(table([funds(2, '年度资金总额', { planned: '100', spent: '92', rate: '91%' }, '表 3-3')]))).toEqual([['execution-rate-mismatch', 2, '执行率', '表 3-3']]);
  });
  it('其中 lines: blanks left out of the sum, the spent column checked too, the finding under its own header', () => {
    const lines = [funds(4, '年度资金总额', { planned: '100', spent: '90' }), funds(5, '其中：当年财政拨款', { planned: '60', spent: '50' }), funds(6, '上年结转资金', {}), funds(7, '其他资金', { spent: '40.01' })];
    const found = checkSelfEvaluationForm(table(lines));
    expect(found.map((p) => [p.code, p.where.column, p.found, p.expected])).toEqual([['funds-parts-exceed', '全年执行数', '90.01', '不超过 90']]);
    expect(found[0]!.message).toBe('「其中」各项的全年执行数之和 90.01（50 + 40.01）超过年度资金总额的 90');
  });
});

describe('deviations and blanks', () => {
  const item = (row: number, target: string, actual: string, weight: string, score: string, deviation?: string): PrintedRow => ({
    row,
    cells: ['甲', weight, score, deviation ?? ''],
    kind: 'item',
    levels: ['甲'],
    target: cell(target, '年度指标值', 5),
    actual: cell(actual, '实际完成值', 6),
    weight: cell(weight, '分值', 2),
    score: cell(score, '得分', 3),
    ...(deviation !== undefined && deviation !== '' ? { deviation: cell(deviation, '偏差原因', 4) } : {}),
  });
  it('a reason is asked only of a form (a deviation column or a funds block), where a target is missed or points lost', () => {
    const rows = [item(10, '≥12人次', '10人次', '20', '16.67'), item(11, '≥12人次', '12人次', '20', '20'), item(12, '≥12人次', '12人次', '20', '19', '/'), item(13, '≥12人次', '10人次', '20', '16.67', '原因已写明')];
    expect(codes(table(rows))).toEqual([]);
    expect(codes(table(rows, true))).toEqual([
      ['deviation-missing', 10, '偏差原因', '表'],
      ['deviation-missing', 12, '偏差原因', '表'],
    ]);
  });
  it('【待填写】 in any cell once per merged range, under its header (a note row under the row above it)', () => {
    const note = (row: number, cells: string[]): PrintedRow => ({ row, cells, kind: 'note', levels: [] });
    const found = checkSelfEvaluationForm(table([funds(4, '年度资金总额', {}), note(7, ['年度总体目标', '', '预期目标', '', '实际完成情况']), note(8, ['', '', '【待填写】', '【待填写】', '待填写'])]));
    expect(found.map((p) => [p.code, p.where.row, p.where.column])).toEqual([
      ['cell-unfilled', 8, '预期目标'],
      ['cell-unfilled', 8, '实际完成情况'],
    ]);
  });
});

describe('readFundsBlock', () => {
  const rows = (lines: string[][]): RawRow[] => lines.map((cells, i) => ({ row: i + 1, cells }));
  it('needs both 全年预算数 and 全年执行数; 年初预算数 is not the budget the rate divides by', () => {
    expect(readFundsBlock(rows([['项目资金', '全年预算数', '分值'], ['年度资金总额', '100', '10']]))).toEqual([]);
    const block = readFundsBlock(rows([['标题'], ['项目资金（万元）', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'], ['年度资金总额', '90', '100', '92', '10', '92%', '9.2'], [''], ['其中：当年财政拨款', '90', '100', '', '', '', ''], ['年度总体目标', '预期目标', '', '实际完成情况'], ['', '目标', '', '完成']]));
    expect(block.map((r) => [r.row, r.kind, r.levels[0] ?? '', r.planned?.text, r.planned?.column, r.spent?.text, r.weight?.text, r.rate?.text, r.score?.text])).toEqual([
      [2, 'note', '', undefined, undefined, undefined, undefined, undefined, undefined],
      [3, 'funds', '年度资金总额', '100', 3, '92', '10', '92%', '9.2'],
      [5, 'funds', '其中：当年财政拨款', '100', 3, undefined, undefined, undefined, undefined],
      [6, 'note', '', undefined, undefined, undefined, undefined, undefined, undefined],
      [7, 'note', '', undefined, undefined, undefined, undefined, undefined, undefined],
    ]);
    expect(block[1]!.header).toEqual(['项目资金（万元）', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分']);
    expect(block[1]!.planned!.header).toBe('全年预算数');
    // the budget in the first column is found too
    expect(readFundsBlock(rows([['预算数', '执行数'], ['100', '90']])).map((r) => [r.kind, r.planned?.column, r.spent?.column])).toEqual([
      ['note', undefined, undefined],
      ['funds', 1, 2],
    ]);
  });
});
