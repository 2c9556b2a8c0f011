// The self-evaluation form as a worksheet, laid out as the national form prints it: the
// funds block (全年预算数, 全年执行数, 分值, 执行率, 得分), 年度总体目标, the indicators.
import type { Workbook } from 'exceljs';
import { addSheet, styleRow, type ColumnSpec } from './sheet-style.js';
import type { SelfEvaluationForm } from './self-evaluation-form.js';

const COLUMNS: ColumnSpec[] = [
  { header: '项目资金（元）', width: 14, wrap: true },
  { header: '', width: 14, wrap: true },
  { header: '全年预算数', width: 22, wrap: true },
  { header: '全年执行数', width: 16, wrap: true },
  { header: '分值', width: 16, wrap: true },
  { header: '执行率', width: 8, wrap: true },
  { header: '得分', width: 8, wrap: true },
  { header: '', width: 40, wrap: true },
];

const INDICATOR_HEADER = ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'];

export function addSelfEvaluationSheet(wb: Workbook, form: SelfEvaluationForm): void {
  const { ws, first } = addSheet(wb, form.title, { title: `${form.project}${form.title}`, subtitle: `${form.year}${form.unit ? `　实施单位：${form.unit}` : ''}` }, COLUMNS);
  // the funds header is the sheet's header row: A and B merged
  ws.mergeCells(first - 1, 1, first - 1, 2);
  let r = first;
  const span = new Map([[1, 2]]);
  for (const f of form.funds) {
    const row = ws.getRow(r);
    row.values = [f.label, '', f.planned, f.spent, f.points ?? '', f.rate ?? '', f.score ?? ''];
    ws.mergeCells(r, 1, r, 2);
    styleRow(row, COLUMNS, { spans: span });
    r += 1;
  }
  // 年度总体目标: 预期目标 | 实际完成情况
  const goals = ws.getRow(r);
  goals.values = ['年度总体目标', '', '预期目标', '', '', '实际完成情况'];
  ws.mergeCells(r, 1, r + 1, 2);
  ws.mergeCells(r, 3, r, 5);
  ws.mergeCells(r, 6, r, 8);
  styleRow(goals, COLUMNS, { total: true, spans: new Map([[3, 5], [6, 8]]) });
  const goalText = ws.getRow(r + 1);
  goalText.values = ['', '', form.goal, '', '', form.achieved];
  ws.mergeCells(r + 1, 3, r + 1, 5);
  ws.mergeCells(r + 1, 6, r + 1, 8);
  styleRow(goalText, COLUMNS, { spans: new Map([[3, 5], [6, 8]]) });
  r += 2;
  const header = ws.getRow(r);
  header.values = INDICATOR_HEADER;
  styleRow(header, COLUMNS, { total: true });
  r += 1;
  for (const i of form.indicators) {
    const row = ws.getRow(r);
    row.values = [i.level1, i.level2, i.level3, i.target, i.actual, i.weight, i.score, i.deviation];
    styleRow(row, COLUMNS);
    r += 1;
  }
  const total = ws.getRow(r);
  total.values = ['总分', '', '', '', '', form.weight, form.total, ''];
  ws.mergeCells(r, 1, r, 5);
  styleRow(total, COLUMNS, { total: true, spans: new Map([[1, 5]]) });
}
