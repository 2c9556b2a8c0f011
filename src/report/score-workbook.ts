// The score workbook: 评分表 laid out as 表3-1 / 附件1, 得分汇总 as 表3-2, the
// metrics the scores rest on with their sources, and the problems found.
import type { Workbook } from 'exceljs';
import ExcelJS from '../io/exceljs.js';
import type { AuditResult } from '../checks/run-checks.js';
import { addAuditSheets } from './audit-sheets.js';
import type { ScoredNode, ScoredTree } from '../engine/score.js';
import { describeProvenance, formatMetricValue, type Metric } from '../metrics/metric.js';
import { roundTo, type Decimal } from '../numbers/decimal.js';
import { SEVERITY_LABEL, formatWhere, type Problem } from '../problems/problem.js';
import { RATE_FORMAT, SCORE_FORMAT, setUpSheet, styleRow, type ColumnSpec } from './sheet-style.js';

export interface ScoreReportInput {
  project: string;
  evaluator?: string;
  period: number[];
  scored: ScoredTree;
  metrics: ReadonlyMap<string, Metric>;
  problems: readonly Problem[];
  audit?: AuditResult;
  showPii?: boolean;
}

function num(d: Decimal, places: number): number {
  return Number(roundTo(d, places).toFixed(places));
}

function rateNum(d: Decimal): number {
  return Number(roundTo(d, 4).toFixed(4));
}

function periodText(period: number[]): string {
  const sorted = [...period].sort((a, b) => a - b);
  return sorted.length > 1 ? `${sorted[0]}-${sorted[sorted.length - 1]}年` : `${sorted[0]}年`;
}

function leafRows(nodes: readonly ScoredNode[], ancestors: ScoredNode[] = []): { leaf: ScoredNode; chain: ScoredNode[] }[] {
  return nodes.flatMap((n) => (n.children ? leafRows(n.children, [...ancestors, n]) : [{ leaf: n, chain: [...ancestors, n] }]));
}

function evidence(leaf: ScoredNode): string {
  const parts = [leaf.trace ?? ''];
  if (leaf.reason) parts.push(`评价依据：${leaf.reason}`);
  if (leaf.node.note) parts.push(`说明：${leaf.node.note}`);
  return parts.filter(Boolean).join('\n');
}

function scoreSheet(wb: Workbook, input: ScoreReportInput): void {
  const { scored } = input;
  const places = scored.tree.rounding.places;
  const levels = scored.tree.levels;
  const ws = wb.addWorksheet('评分表', { properties: { defaultRowHeight: 18 } });
  const columns: ColumnSpec[] = [
    ...levels.map((l) => ({ header: l, width: 14, wrap: true })),
    { header: '指标解释', width: 36, wrap: true },
    { header: '评分标准', width: 40, wrap: true },
    { header: '目标值', width: 10, wrap: true },
    { header: '完成值', width: 12, wrap: true },
    { header: '分值', width: 8, format: SCORE_FORMAT },
    { header: '得分', width: 8, format: SCORE_FORMAT },
    { header: '得分率', width: 10, format: RATE_FORMAT },
    { header: '评分依据', width: 60, wrap: true },
  ];
  let r = setUpSheet(ws, `${input.project}绩效评价评分表（${periodText(input.period)}）`, columns);
  const L = levels.length;
  const spans = new Map<ScoredNode, { from: number; to: number; level: number }>();
  for (const { leaf, chain } of leafRows(scored.nodes)) {
    const row = ws.getRow(r);
    chain.forEach((n, i) => {
      const label = n.children ? `${n.node.name}（${num(n.node.weight, places)}分）` : n.node.name;
      row.getCell(i + 1).value = label;
      const span = spans.get(n);
      if (span) span.to = r;
      else spans.set(n, { from: r, to: r, level: i + 1 });
    });
    const n = leaf.node;
    row.getCell(L + 1).value = n.explanation ?? '';
    row.getCell(L + 2).value = n.criteria ?? '';
    row.getCell(L + 3).value = n.target?.text ?? '';
    row.getCell(L + 4).value = leaf.actual ?? '';
    row.getCell(L + 5).value = num(n.weight, places);
    row.getCell(L + 6).value = num(leaf.score, places);
    row.getCell(L + 7).value = rateNum(leaf.rate);
    row.getCell(L + 8).value = evidence(leaf);
    styleRow(row, columns);
    r += 1;
  }
  // merge each ancestor over its leaves; a leaf above the last level spans the remaining level columns
  for (const [node, span] of spans) {
    const lastCol = node.children ? span.level : L;
    if (span.to > span.from || lastCol > span.level) ws.mergeCells(span.from, span.level, span.to, lastCol);
  }
  const total = ws.getRow(r);
  total.getCell(1).value = '合计';
  ws.mergeCells(r, 1, r, L + 4);
  total.getCell(L + 5).value = num(scored.tree.total, places);
  total.getCell(L + 6).value = num(scored.total, places);
  total.getCell(L + 7).value = rateNum(scored.rate);
  total.getCell(L + 8).value = `评价等级：${scored.grade}`;
  styleRow(total, columns, true);
}

function summarySheet(wb: Workbook, input: ScoreReportInput): void {
  const { scored } = input;
  const places = scored.tree.rounding.places;
  const ws = wb.addWorksheet('得分汇总');
  const columns: ColumnSpec[] = [
    { header: scored.tree.levels[0] ?? '一级指标', width: 16, wrap: true },
    { header: scored.tree.levels[1] ?? '二级指标', width: 20, wrap: true },
    { header: '权重', width: 10, format: SCORE_FORMAT },
    { header: '得分', width: 10, format: SCORE_FORMAT },
    { header: '得分率', width: 12, format: RATE_FORMAT },
  ];
  let r = setUpSheet(ws, `${input.project}指标得分汇总表`, columns);
  const put = (a: string, b: string, weight: Decimal, s: Decimal, rate: Decimal, bold = false) => {
    const row = ws.getRow(r);
    row.getCell(1).value = a;
    row.getCell(2).value = b;
    row.getCell(3).value = num(weight, places);
    row.getCell(4).value = num(s, places);
    row.getCell(5).value = rateNum(rate);
    styleRow(row, columns, bold);
    r += 1;
  };
  for (const top of scored.nodes) {
    const from = r;
    for (const child of top.children ?? []) put(top.node.name, child.node.name, child.node.weight, child.score, child.rate);
    put(top.node.name, '小计', top.node.weight, top.score, top.rate, true);
    if (r - 1 > from) ws.mergeCells(from, 1, r - 1, 1);
  }
  put('合计', '', scored.tree.total, scored.total, scored.rate, true);
  ws.mergeCells(r - 1, 1, r - 1, 2);
  const grade = ws.getRow(r);
  grade.getCell(1).value = '评价等级';
  grade.getCell(3).value = scored.grade;
  ws.mergeCells(r, 1, r, 2);
  ws.mergeCells(r, 3, r, 5);
  styleRow(grade, columns.map((c) => ({ ...c, format: undefined })), true);
  grade.getCell(3).alignment = { horizontal: 'center', vertical: 'middle' };
}

function metricsSheet(wb: Workbook, input: ScoreReportInput): void {
  const ws = wb.addWorksheet('指标数据');
  const columns: ColumnSpec[] = [
    { header: '数据名', width: 30 },
    { header: '说明', width: 24, wrap: true },
    { header: '取值', width: 16 },
    { header: '来源', width: 12 },
    { header: '出处', width: 60, wrap: true },
  ];
  let r = setUpSheet(ws, '评分所依据的数据', columns);
  const names = [...input.metrics.keys()].sort();
  for (const name of names) {
    const m = input.metrics.get(name) as Metric;
    const row = ws.getRow(r);
    row.values = [m.name, m.label, formatMetricValue(m.kind, m.value), m.source === 'data' ? '数据计算' : '评价人员给出', describeProvenance(m)];
    styleRow(row, columns);
    r += 1;
  }
}

function problemsSheet(wb: Workbook, problems: readonly Problem[]): void {
  const ws = wb.addWorksheet('问题清单');
  const columns: ColumnSpec[] = [
    { header: '级别', width: 8 },
    { header: '代码', width: 24 },
    { header: '位置', width: 40, wrap: true },
    { header: '问题', width: 50, wrap: true },
    { header: '应为', width: 16, wrap: true },
    { header: '实际为', width: 16, wrap: true },
    { header: '建议', width: 36, wrap: true },
  ];
  let r = setUpSheet(ws, '评分中发现的问题', columns);
  if (problems.length === 0) {
    const row = ws.getRow(r);
    row.getCell(1).value = '未发现问题';
    ws.mergeCells(r, 1, r, columns.length);
    return;
  }
  for (const p of problems) {
    const row = ws.getRow(r);
    row.values = [SEVERITY_LABEL[p.severity], p.code, formatWhere(p.where), p.message, p.expected ?? '', p.found ?? '', p.hint ?? ''];
    styleRow(row, columns);
    r += 1;
  }
}

export function buildScoreWorkbook(input: ScoreReportInput): Workbook {
  const wb = new ExcelJS.Workbook();
  scoreSheet(wb, input);
  summarySheet(wb, input);
  metricsSheet(wb, input);
  if (input.audit) addAuditSheets(wb, input.audit, input.project, input.showPii);
  problemsSheet(wb, input.problems);
  return wb;
}
