// The batch summary workbook (资金汇总.xlsx): 汇总 (one row per unit, riskiest first,
// rates with data bars, rows with an error red and with a warning amber), 明细 (each
// source / aid type / year of each unit with its computed figures), 预警 (every
// finding with its reason) and 文件 (each input: tables, rows read, problems).
import { basename } from 'node:path';
import type { ConditionalFormattingRule, Fill, Row, Workbook, Worksheet } from 'exceljs';
import ExcelJS from '../io/exceljs.js';
import { judgedFigures } from '../checks/unit-alerts.js';
import { ratesOf, type DetailGroup, type Figures, type UnitFigures } from '../checks/unit-figures.js';
import { rowRanges } from '../metrics/row-ranges.js';
import type { Decimal } from '../numbers/decimal.js';
import { foundText, formatWhere, SEVERITY_LABEL, type Problem } from '../problems/problem.js';
import { addSheet, RATE_FORMAT, styleRow, type ColumnSpec } from './sheet-style.js';

export interface BatchReportInput {
  title: string;
  units: readonly UnitFigures[];
  alerts: readonly Problem[];
  files: readonly { display: string; tables: number; rows: number; problems: readonly Problem[]; read: boolean }[];
}

const ERROR_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF8CBAD' } };
const WARNING_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFE699' } };
const WAN_FORMAT = 'General';
const YUAN_FORMAT = '#,##0.00';
const COUNT_FORMAT = '0';
/** what an A4 landscape page holds at the sheets' scale (sheet-layout's limit) */
const PRINT_WIDTH = 145;

/** One unit for all amounts of the workbook: 万元 when every table wrote 万元, else 元 (said in the title block). */
function amountUnit(units: readonly UnitFigures[]): '元' | '万元' {
  return units.length > 0 && units.every((u) => u.amountUnit === '万元') ? '万元' : '元';
}

const amount = (v: Decimal | undefined, unit: '元' | '万元') => (v === undefined ? null : Number((unit === '万元' ? v.dividedBy(10000) : v.toDecimalPlaces(2)).toString()));
const num = (v: Decimal | undefined) => (v === undefined ? null : Number(v.toString()));
// rates kept to 4 decimals (0.01%): more is noise, and the cell shows 2
const rate = (v: Decimal | undefined) => (v === undefined ? null : Number(v.toDecimalPlaces(6).toString()));

/** A sheet's title: the batch's own title and the sheet's word (2023年帮扶资金 汇总), or the default alone. */
function headed(title: string, alone: string, word: string): string {
  return title ? `${title} ${word}` : alone;
}

function alertsOf(alerts: readonly Problem[], unit: string): Problem[] {
  return alerts.filter((a) => a.where.path?.[0] === unit);
}

function fillRow(row: Row, n: number, problems: readonly Pick<Problem, 'severity'>[]): void {
  const fill = problems.some((p) => p.severity === 'error') ? ERROR_FILL : problems.some((p) => p.severity === 'warning') ? WARNING_FILL : undefined;
  if (!fill) return;
  for (let c = 1; c <= n; c += 1) row.getCell(c).fill = fill;
}

function dataBars(ws: Worksheet, column: number, from: number, to: number): void {
  if (to < from) return;
  const letter = ws.getColumn(column).letter;
  // gradient bars need no x14 extension, whose id exceljs makes random (the file would differ run to run)
  ws.addConditionalFormatting({
    ref: `${letter}${from}:${letter}${to}`,
    rules: [{ type: 'dataBar', priority: column, gradient: true, cfvo: [{ type: 'num', value: 0 }, { type: 'num', value: 1 }], color: { argb: 'FF5B9BD5' } } as unknown as ConditionalFormattingRule],
  });
}

/** Units riskiest first: more errors, then more warnings, then the lower execution rate; else as they came. */
export function byRisk(units: readonly UnitFigures[], alerts: readonly Problem[]): UnitFigures[] {
  const key = (u: UnitFigures) => {
    const mine = alertsOf(alerts, u.unit);
    const rates = ratesOf(judgedFigures(u));
    const r = rates.executionRate ?? rates.executionRatePlanned;
    return { errors: mine.filter((p) => p.severity === 'error').length, warnings: mine.filter((p) => p.severity === 'warning').length, rate: r === undefined ? Infinity : r.toNumber() };
  };
  const keyed = units.map((u, i) => ({ u, i, k: key(u) }));
  keyed.sort((a, b) => b.k.errors - a.k.errors || b.k.warnings - a.k.warnings || a.k.rate - b.k.rate || a.i - b.i);
  return keyed.map((x) => x.u);
}

/** A line of 汇总: a unit, or what it and its sub-units add up to. */
interface SummaryLine {
  n: number | null;
  label: string;
  parent: string;
  figures: Figures;
  problems: readonly Problem[];
}

function summarySheet(wb: Workbook, input: BatchReportInput, unit: '元' | '万元'): void {
  const lines: SummaryLine[] = [];
  byRisk(input.units, input.alerts).forEach((u, i) => {
    lines.push({ n: i + 1, label: u.unit, parent: u.parent ?? '', figures: judgedFigures(u), problems: alertsOf(input.alerts, u.unit).filter((p) => p.severity !== 'info') });
    // a unit above others: what it and its sub-units add up to, on the next line
    if (u.children.length > 0 && u.rowCount > 0) lines.push({ n: null, label: `${u.unit}（含下级 ${u.children.length} 个单位）`, parent: u.parent ?? '', figures: u.total, problems: [] });
  });
  const moneyFormat = unit === '万元' ? WAN_FORMAT : YUAN_FORMAT;
  const rates = (l: SummaryLine) => ratesOf(l.figures);
  const all: TableColumn<SummaryLine>[] = [
    { header: '序号', width: 5, value: (l) => l.n },
    { header: '单位', width: 16, wrap: true, value: (l) => l.label },
    { header: '上级单位', width: 10, wrap: true, value: (l) => l.parent, optional: true },
    { header: '下达数', width: 12, format: moneyFormat, value: (l) => amount(l.figures.planned, unit), optional: true },
    { header: '到位数', width: 12, format: moneyFormat, value: (l) => amount(l.figures.arrived, unit), optional: true },
    { header: '支出数', width: 12, format: moneyFormat, value: (l) => amount(l.figures.spent, unit), optional: true },
    { header: '结余', width: 12, format: moneyFormat, value: (l) => amount(l.figures.balance ?? rates(l).balance, unit), optional: true },
    { header: '到位率', width: 9, format: RATE_FORMAT, value: (l) => rate(rates(l).arrivalRate), optional: true, bar: true },
    { header: '预算执行率（支出÷到位）', width: 10, format: RATE_FORMAT, value: (l) => rate(rates(l).executionRate), optional: true, bar: true },
    { header: '执行率（支出÷下达）', width: 10, format: RATE_FORMAT, value: (l) => rate(rates(l).executionRatePlanned), optional: true, bar: true },
    { header: '户数', width: 6, format: COUNT_FORMAT, value: (l) => num(l.figures.households), optional: true },
    { header: '人次', width: 7, format: COUNT_FORMAT, value: (l) => num(l.figures.personTimes), optional: true },
    { header: '预警', width: 24, wrap: true, value: (l) => l.problems.map((p) => `${SEVERITY_LABEL[p.severity]}：${p.message}`).join('\n') },
  ];
  const columns = presentColumns(all, lines, 40);
  const { ws, first } = addSheet(wb, '汇总', { title: headed(input.title, '资金汇总', '汇总'), subtitle: `金额单位：${unit}${unit === '元' && input.units.some((u) => u.amountUnit === '万元') ? '（各表金额单位不一，统一按元列示）' : ''}；按风险排序：错误多的在前，其次警告，再按执行率从低到高` }, columns);
  let r = first;
  for (const line of lines) {
    const row = ws.getRow(r);
    row.values = columns.map((c) => c.value(line));
    styleRow(row, columns);
    fillRow(row, columns.length, line.problems);
    r += 1;
  }
  columns.forEach((c, i) => {
    if (c.bar) dataBars(ws, i + 1, first, r - 1);
  });
}

/** A column of a sheet whose rows are `T`s; an optional one is written only where some row has a value. */
interface TableColumn<T> extends ColumnSpec {
  value(item: T): string | number | null;
  optional?: boolean;
  /** rates drawn as data bars */
  bar?: boolean;
}

/**
 * The columns some row fills (a sheet printed without empty columns); the width of those
 * left out goes to the last column, up to `maxLast`.
 */
function presentColumns<T>(all: readonly TableColumn<T>[], items: readonly T[], maxLast: number): TableColumn<T>[] {
  const columns = all.filter((c) => !c.optional || items.some((item) => { const v = c.value(item); return v !== null && v !== ''; })).map((c) => ({ ...c }));
  const last = columns[columns.length - 1] as TableColumn<T>;
  last.width = Math.min(maxLast, last.width + PRINT_WIDTH - columns.reduce((n, c) => n + c.width, 0));
  return columns;
}

function detailColumns(moneyFormat: string, unit: '元' | '万元'): TableColumn<DetailGroup>[] {
  const rates = (d: DetailGroup) => ratesOf(d.figures);
  return [
    { header: '单位', width: 12, wrap: true, value: (d) => d.unit + (d.project ? `（${d.project}）` : '') },
    { header: '资金来源', width: 8, wrap: true, value: (d) => d.source ?? '', optional: true },
    { header: '帮扶类型', width: 8, wrap: true, value: (d) => d.aidType ?? '', optional: true },
    { header: '年度', width: 5, value: (d) => d.year ?? '', optional: true },
    { header: '下达数', width: 10, format: moneyFormat, value: (d) => amount(d.figures.planned, unit), optional: true },
    { header: '到位数', width: 10, format: moneyFormat, value: (d) => amount(d.figures.arrived, unit), optional: true },
    { header: '支出数', width: 10, format: moneyFormat, value: (d) => amount(d.figures.spent, unit), optional: true },
    { header: '结余（表中）', width: 9, format: moneyFormat, value: (d) => amount(d.figures.balance, unit), optional: true },
    { header: '到位率', width: 9, format: RATE_FORMAT, value: (d) => rate(rates(d).arrivalRate), optional: true },
    { header: '执行率（支出÷到位）', width: 9, format: RATE_FORMAT, value: (d) => rate(rates(d).executionRate), optional: true },
    { header: '执行率（支出÷下达）', width: 9, format: RATE_FORMAT, value: (d) => rate(rates(d).executionRatePlanned), optional: true },
    { header: '户数', width: 5, format: COUNT_FORMAT, value: (d) => num(d.figures.households), optional: true },
    { header: '人次', width: 5, format: COUNT_FORMAT, value: (d) => num(d.figures.personTimes), optional: true },
    { header: '计划人次', width: 5, format: COUNT_FORMAT, value: (d) => num(d.figures.plannedPersonTimes), optional: true },
    { header: '户均（元）', width: 9, format: YUAN_FORMAT, value: (d) => amount(rates(d).perHousehold, '元'), optional: true },
    { header: '人次均（元）', width: 9, format: YUAN_FORMAT, value: (d) => amount(rates(d).perPersonTime, '元'), optional: true },
    {
      header: '出处',
      width: 13,
      wrap: true,
      // the file's name and rows; its whole path is on the 文件 sheet
      value: (d) => [...new Set(d.rows.map((x) => x.file))].map((file) => `${basename(file)} 第 ${rowRanges(d.rows.filter((x) => x.file === file).map((x) => x.row))} 行`).join('；'),
    },
  ];
}

function detailSheet(wb: Workbook, input: BatchReportInput, unit: '元' | '万元'): void {
  const details = input.units.flatMap((u) => u.details);
  const columns = presentColumns(detailColumns(unit === '万元' ? WAN_FORMAT : YUAN_FORMAT, unit), details, 30);
  const { ws, first } = addSheet(wb, '明细', { title: headed(input.title, '资金明细', '明细'), subtitle: `金额单位：${unit}（户均、人次均为元）` }, columns);
  let r = first;
  for (const d of details) {
    const row = ws.getRow(r);
    row.values = columns.map((c) => c.value(d));
    styleRow(row, columns);
    r += 1;
  }
}

function alertSheet(wb: Workbook, input: BatchReportInput): void {
  const columns: ColumnSpec[] = [
    { header: '级别', width: 5 },
    { header: '单位', width: 22, wrap: true },
    { header: '问题', width: 36, wrap: true },
    { header: '应为', width: 22, wrap: true },
    { header: '实际为', width: 22, wrap: true },
    { header: '出处', width: 16, wrap: true },
    { header: '建议', width: 20, wrap: true },
  ];
  const { ws, first } = addSheet(wb, '预警', headed(input.title, '资金预警', '预警'), columns);
  let r = first;
  const rank = { error: 0, warning: 1, info: 2 } as const;
  // what reading found in the tables (a 合计 that does not add up, rows refused) with what the figures show
  const sorted = [...input.files.flatMap((f) => f.problems), ...input.alerts].map((p, i) => ({ p, i })).sort((a, b) => rank[a.p.severity] - rank[b.p.severity] || a.i - b.i);
  for (const { p } of sorted) {
    const row = ws.getRow(r);
    const { path, ...rest } = p.where;
    row.values = [SEVERITY_LABEL[p.severity], path?.join(' / ') ?? (rest.file ? '（表格）' : '全部单位'), p.message, p.expected ?? '', foundText(p) ?? '', formatWhere(rest), p.hint ?? ''];
    styleRow(row, columns);
    fillRow(row, 1, [p]);
    r += 1;
  }
}

function fileSheet(wb: Workbook, input: BatchReportInput): void {
  const columns: ColumnSpec[] = [
    { header: '文件', width: 40, wrap: true },
    { header: '状态', width: 10 },
    { header: '表数', width: 6 },
    { header: '读取行数', width: 9 },
    { header: '问题数', width: 8 },
    { header: '问题', width: 70, wrap: true },
  ];
  const { ws, first } = addSheet(wb, '文件', headed(input.title, '读取的文件', '读取的文件'), columns);
  let r = first;
  for (const f of input.files) {
    const row = ws.getRow(r);
    const shown = f.problems.slice(0, 5).map((p) => `${p.message}${p.where.row !== undefined ? `（第 ${p.where.row} 行）` : ''}`);
    if (f.problems.length > 5) shown.push(`另有 ${f.problems.length - 5} 个，见标准输出或 --format json`);
    row.values = [f.display, f.read ? '已读取' : '无法读取', f.tables, f.rows, f.problems.length, shown.join('\n')];
    styleRow(row, columns);
    fillRow(row, columns.length, f.read ? f.problems : [{ severity: 'error' }]);
    r += 1;
  }
}

export function buildBatchWorkbook(input: BatchReportInput): Workbook {
  const wb = new ExcelJS.Workbook();
  const unit = amountUnit(input.units);
  summarySheet(wb, input, unit);
  detailSheet(wb, input, unit);
  alertSheet(wb, input);
  fileSheet(wb, input);
  return wb;
}
