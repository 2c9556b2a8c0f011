// The score workbook: 评分表 laid out as 表3-1 / 附件1, 得分汇总 as 表3-2, the
// metrics the scores rest on with their sources, and the problems found.
import type { CellValue, Row, Workbook, Worksheet } from 'exceljs';
import ExcelJS from '../io/exceljs.js';
import { problemsSheet } from './problems-sheet.js';
import type { AuditResult } from '../checks/run-checks.js';
import { addAuditSheets } from './audit-sheets.js';
import { scoredNodes, type ScoredNode, type ScoredTree } from '../engine/score.js';
import { printedLabel } from '../engine/printed-scores.js';
import { describeProvenance, formatMetricValue, type Metric } from '../metrics/metric.js';
import { shownMetrics } from './shown-metrics.js';
import { roundTo, type Decimal } from '../numbers/decimal.js';
import type { Problem } from '../problems/problem.js';
import { RATE_FORMAT, SCORE_FORMAT, addSheet, breakPagesBetween, fitMergedDown, styleRow, type ColumnSpec } from './sheet-style.js';
import { rowHeight, type RowGroup } from './sheet-layout.js';
import type { Acknowledged } from '../engine/lint-tree.js';
import type { SelfEvaluationForm } from './self-evaluation-form.js';
import { addSelfEvaluationSheet } from './self-evaluation-sheet.js';

export interface ScoreReportInput {
  project: string;
  evaluator?: string;
  /** the report's date as evaluation.yaml gives it */
  reportDate?: string;
  period: number[];
  scored: ScoredTree;
  metrics: ReadonlyMap<string, Metric>;
  problems: readonly Problem[];
  audit?: AuditResult;
  showPii?: boolean;
  /** the chart of score rates (report/score-chart.ts), put below 表3-2 */
  chart?: { png: Buffer; width: number; height: number };
  /** for a self-evaluation tree: the national form, as the first sheet */
  selfEvaluation?: SelfEvaluationForm;
  /** lint findings the tree's author accepted (lint.ignore), listed in 说明 */
  acknowledged?: readonly Acknowledged[];
}

export const SCORE_SHEET = '附件1 评分表';
export const SUMMARY_SHEET = '表3-2 得分汇总';

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

/**
 * A 小计/合计 cell: a SUM formula over its rows with the engine's value cached (formulas
 * only where we put them, over our own cells), ROUND(SUM) where the tree rounds the total only.
 */
function sumCell(range: string | undefined, value: number, places: number, round: boolean): CellValue {
  if (!range) return value;
  return { formula: round ? `ROUND(SUM(${range}),${places})` : `SUM(${range})`, result: value };
}

/** After a draft's grade: （暂定，N 项待评）. */
function provisional(scored: ScoredTree): string {
  return scored.pending > 0 ? `（暂定，${scored.pending} 项待评）` : '';
}

/** The title block's second line: who evaluated, which years, when reported (as evaluation.yaml says). */
function subtitle(input: ScoreReportInput): string {
  return [input.evaluator && `评价机构：${input.evaluator}`, `评价期间：${periodText(input.period)}`, input.reportDate && `报告日期：${input.reportDate}`]
    .filter(Boolean)
    .join('　　');
}

function leafRows(nodes: readonly ScoredNode[], ancestors: ScoredNode[] = []): { leaf: ScoredNode; chain: ScoredNode[] }[] {
  return nodes.flatMap((n) => (n.children ? leafRows(n.children, [...ancestors, n]) : [{ leaf: n, chain: [...ancestors, n] }]));
}

/** 评分依据: how the points came about and the evaluator's reason (the tree's notes go to 说明). */
function evidence(leaf: ScoredNode): string {
  const parts = [leaf.trace ?? ''];
  if (leaf.reason) parts.push(`评价依据：${leaf.reason}`);
  return parts.filter(Boolean).join('\n');
}

interface Span {
  from: number;
  to: number;
  level: number;
}

function scoreSheet(wb: Workbook, input: ScoreReportInput): void {
  const { scored } = input;
  const places = scored.tree.rounding.places;
  const levels = scored.tree.levels;
  const leaves = leafRows(scored.nodes);
  const hasTarget = leaves.some(({ leaf }) => leaf.node.target);
  const hasActual = leaves.some(({ leaf }) => leaf.actual);
  const printed = scored.printedTotal !== undefined || [...scoredNodes(scored.nodes)].some((n) => n.printed !== undefined);
  const printedHeader = printedLabel(scored);
  // widths chosen for print: the whole table on A4 landscape at 90% or more (body text ≥ 9 pt)
  const levelWidths = [9, 9, 11];
  const columns: ColumnSpec[] = [
    ...levels.map((l, i) => ({ header: l, width: levelWidths[i] ?? 9, wrap: true })),
    // two more columns when printed scores are given: the texts give up their width (rows grow taller instead)
    { header: '指标解释', width: printed ? 17 : 20, wrap: true },
    { header: '评分标准', width: printed ? 22 : 25, wrap: true },
    ...(hasTarget ? [{ header: '目标值', width: 8, wrap: true }] : []),
    ...(hasActual ? [{ header: '完成值', width: 9, wrap: true }] : []),
    // 100.00 in bold fits in 7.5
    { header: '分值', width: 7.5, format: SCORE_FORMAT },
    { header: '得分', width: 7.5, format: SCORE_FORMAT },
    { header: '得分率', width: 8.5, format: RATE_FORMAT },
    // the scores a report printed, and how far they are from ours (printed − scored)
    ...(printed ? [{ header: printedHeader, width: 9, format: SCORE_FORMAT }, { header: '差异', width: 6.5, format: SCORE_FORMAT }] : []),
    { header: '评分依据', width: printed ? 20 : 22, wrap: true },
  ];
  const col = Object.fromEntries(columns.map((c, i) => [c.header, i + 1]));
  const printedCells = (row: Row, n: { printed?: Decimal; score: Decimal; pending?: boolean }) => {
    if (!printed || n.printed === undefined) return;
    row.getCell(col[printedHeader] as number).value = num(n.printed, places);
    if (!n.pending) row.getCell(col['差异'] as number).value = num(n.printed.minus(roundTo(n.score, places)), places);
  };
  const draft = scored.pending > 0 ? '（草稿）' : '';
  const { ws, first } = addSheet(wb, SCORE_SHEET, { title: `${input.project}绩效评价评分表（${periodText(input.period)}）${draft}`, subtitle: subtitle(input) }, columns);
  let r = first;
  const L = levels.length;
  const spans = new Map<ScoredNode, Span>();
  for (const { leaf, chain } of leaves) {
    const row = ws.getRow(r);
    chain.forEach((n, i) => {
      row.getCell(i + 1).value = n.children ? `${n.node.name}（${num(n.node.weight, places)}分）` : n.node.name;
      const span = spans.get(n);
      if (span) span.to = r;
      else spans.set(n, { from: r, to: r, level: i + 1 });
    });
    const n = leaf.node;
    row.getCell(L + 1).value = n.explanation ?? '';
    row.getCell(L + 2).value = n.criteria ?? '';
    if (hasTarget) row.getCell(col['目标值'] as number).value = n.target?.text ?? '';
    if (hasActual) row.getCell(col['完成值'] as number).value = leaf.actual ?? '';
    row.getCell(col['分值'] as number).value = num(n.weight, places);
    // a draft's leaf without its judgement: 待评 where the points go (SUM counts it as 0, as the engine does)
    const pending = leaf.pending === true;
    // rounding only the total: the leaves keep their exact points (shown to the places), so
    // ROUND(SUM(...)) in the 合计 row recomputes the engine's total
    row.getCell(col['得分'] as number).value = pending ? '待评' : scored.tree.rounding.at === 'total' ? Number(leaf.score.toString()) : num(leaf.score, places);
    row.getCell(col['得分率'] as number).value = pending ? '待评' : rateNum(leaf.rate);
    printedCells(row, leaf);
    row.getCell(col['评分依据'] as number).value = evidence(leaf);
    // a leaf above the last level spans the remaining level columns
    const leafLevel = chain.length;
    styleRow(row, columns, leafLevel < L ? { spans: new Map([[leafLevel, L]]) } : {});
    r += 1;
  }
  // merged level cells need their text's height before pages are laid out
  for (const [node, span] of spans) {
    if (node.children && span.to > span.from) fitMergedDown(ws, span.from, span.to, levelLabel(ws, span), columns[span.level - 1]?.width ?? 9);
  }
  const total = ws.getRow(r);
  const beforeWeight = (col['分值'] as number) - 1;
  total.getCell(1).value = '合计';
  ws.mergeCells(r, 1, r, beforeWeight);
  const letter = (c: number) => ws.getColumn(c).letter;
  const sumOf = (c: number) => `${letter(c)}${first}:${letter(c)}${r - 1}`;
  const summed = scored.rescaled?.raw ?? scored.total;
  total.getCell(col['分值'] as number).value = sumCell(sumOf(col['分值'] as number), num(scored.tree.total, places), places, false);
  if (scored.tree.rounding.at === 'total') {
    // the engine rounds every group's sum, the total over the rounded level-1 groups: the
    // formula nests the same ROUND(SUM(...)) so that recalculating gives the same total
    const scoreLetter = letter(col['得分'] as number);
    const ref = (n: ScoredNode): string => (n.children ? `ROUND(SUM(${n.children.map(ref).join(',')}),${places})` : `${scoreLetter}${(spans.get(n) as Span).from}`);
    total.getCell(col['得分'] as number).value = { formula: `ROUND(SUM(${scored.nodes.map(ref).join(',')}),${places})`, result: num(summed, places) };
  } else {
    total.getCell(col['得分'] as number).value = sumCell(sumOf(col['得分'] as number), num(summed, places), places, false);
  }
  total.getCell(col['得分率'] as number).value = rateNum(rateOfRaw(scored));
  if (scored.printedTotal !== undefined) printedCells(total, { printed: scored.printedTotal, score: scored.total, ...(scored.pending > 0 ? { pending: true } : {}) });
  // the row adds up the column; a total rescaled for 不适用 points, or a partial tree's grade, is said beside it
  const basis = [scored.rescaled?.text, scored.gradedOn?.text].filter(Boolean).join('；');
  total.getCell(col['评分依据'] as number).value = `评价等级：${scored.grade}${provisional(scored)}${basis ? `（${basis}）` : ''}`;
  styleRow(total, columns, { total: true, spans: new Map([[1, beforeWeight]]) });
  // pages break between level-1 groups (between level-2 groups only inside one taller than a page)
  const groupOf = (n: ScoredNode): RowGroup => {
    const span = spans.get(n) as Span;
    return { from: span.from, to: span.to, children: n.children?.map(groupOf) };
  };
  const starts = breakPagesBetween(ws, first, r, [...scored.nodes.map(groupOf), { from: r, to: r }]);
  // each ancestor merged over its leaves, page by page: a group split across pages is
  // merged (and labelled) again on each, so no page shows half a merged cell
  for (const [node, span] of spans) {
    const lastCol = node.children ? span.level : L;
    const label = levelLabel(ws, span);
    for (const [from, to] of splitAt(span.from, span.to, starts)) {
      ws.getCell(from, span.level).value = label;
      if (to > from || lastCol > span.level) ws.mergeCells(from, span.level, to, lastCol);
    }
  }
}

function levelLabel(ws: Worksheet, span: Span): string {
  return String(ws.getCell(span.from, span.level).value ?? '');
}

/** [from, to] cut before each page start inside it. */
function splitAt(from: number, to: number, pageStarts: readonly number[]): [number, number][] {
  const parts: [number, number][] = [];
  let start = from;
  for (const p of pageStarts) {
    if (p > start && p <= to) {
      parts.push([start, p - 1]);
      start = p;
    }
  }
  parts.push([start, to]);
  return parts;
}

function summarySheet(wb: Workbook, input: ScoreReportInput): void {
  const { scored } = input;
  const places = scored.tree.rounding.places;
  const columns: ColumnSpec[] = [
    { header: scored.tree.levels[0] ?? '一级指标', width: 18, wrap: true },
    { header: scored.tree.levels[1] ?? '二级指标', width: 24, wrap: true },
    { header: '权重', width: 10, format: SCORE_FORMAT },
    { header: '得分', width: 10, format: SCORE_FORMAT },
    { header: '得分率', width: 12, format: RATE_FORMAT },
  ];
  const { ws, first } = addSheet(wb, SUMMARY_SHEET, { title: `${input.project}指标得分汇总表${scored.pending > 0 ? '（草稿）' : ''}`, subtitle: subtitle(input) }, columns);
  let r = first;
  const roundsTotal = scored.tree.rounding.at === 'total';
  /** a sum over rows, with the value the engine gave (readers that do not recalculate show it) */
  type Sums = { weight?: string; score?: string };
  // (a leaf's points stay exact when only the total is rounded, as the engine keeps them)
  const put = (a: string, b: string, weight: Decimal, s: Decimal, rate: Decimal, total = false, sums: Sums = {}, exact = false) => {
    const row = ws.getRow(r);
    row.getCell(1).value = a;
    row.getCell(2).value = b;
    row.getCell(3).value = sumCell(sums.weight, num(weight, places), places, false);
    row.getCell(4).value = sumCell(sums.score, exact ? Number(s.toString()) : num(s, places), places, roundsTotal);
    row.getCell(5).value = rateNum(rate);
    styleRow(row, columns, { total });
    r += 1;
  };
  const subtotalRows: number[] = [];
  for (const top of scored.nodes) {
    const from = r;
    for (const child of top.children ?? []) put(top.node.name, child.node.name, child.node.weight, child.score, child.rate, false, {}, roundsTotal && !child.children);
    const over = r > from ? { weight: `C${from}:C${r - 1}`, score: `D${from}:D${r - 1}` } : {};
    subtotalRows.push(r);
    put(top.node.name, '小计', top.node.weight, top.score, top.rate, true, over);
    if (r - 1 > from) ws.mergeCells(from, 1, r - 1, 1);
  }
  const list = (col: string) => subtotalRows.map((n) => `${col}${n}`).join(',');
  // the 合计 row adds up the subtotals; a total rescaled for 不适用 points follows on a row of its own
  put('合计', '', scored.tree.total, scored.rescaled?.raw ?? scored.total, scored.rescaled ? rateOfRaw(scored) : scored.rate, true, { weight: list('C'), score: list('D') });
  ws.mergeCells(r - 1, 1, r - 1, 2);
  if (scored.rescaled) {
    put('折算得分', '', scored.tree.total, scored.total, scored.rate, true);
    ws.mergeCells(r - 1, 1, r - 1, 2);
  }
  const grade = ws.getRow(r);
  grade.getCell(1).value = '评价等级';
  const basis = [scored.rescaled?.text, scored.gradedOn?.text].filter(Boolean).join('；');
  const gradeText = `${scored.grade}${provisional(scored)}${basis ? `（${basis}）` : ''}`;
  grade.getCell(3).value = gradeText;
  ws.mergeCells(r, 1, r, 2);
  ws.mergeCells(r, 3, r, 5);
  styleRow(grade, columns.map((c) => ({ ...c, format: undefined })), { total: true });
  // a grade with its basis wraps in the merged cells, the row as tall as the text
  const mergedWidth = columns.slice(2).reduce((w, c) => w + c.width, 0);
  grade.getCell(3).alignment = basis ? { horizontal: 'left', vertical: 'middle', wrapText: true } : { horizontal: 'center', vertical: 'middle' };
  if (basis) grade.height = rowHeight([{ text: gradeText, width: mergedWidth, wrap: true }]);
  if (input.chart) {
    // the chart on a page of its own below the table (it would not fit under it), at print size
    ws.getRow(r).addPageBreak();
    const image = wb.addImage({ buffer: input.chart.png as unknown as ArrayBuffer, extension: 'png' });
    const width = CHART_SHEET_WIDTH;
    ws.addImage(image, { tl: { col: 0, row: r + 1 }, ext: { width, height: Math.round((width * input.chart.height) / input.chart.width) } });
  }
}

/** The raw sum's rate over the whole weight (the row before the rescaled total). */
function rateOfRaw(scored: ScoreReportInput['scored']): Decimal {
  return scored.rescaled ? scored.rescaled.raw.dividedBy(scored.tree.total) : scored.rate;
}

/** The chart's width on the 表3-2 sheet, in pixels: within an A4 landscape page at the sheet's scale. */
const CHART_SHEET_WIDTH = 720;

function metricsSheet(wb: Workbook, input: ScoreReportInput): void {
  // what a reader of the report looks for first: the figure by its name, with its unit and
  // where it comes from; the name a tree refers to it by comes last
  const columns: ColumnSpec[] = [
    { header: '指标数据', width: 26, wrap: true },
    { header: '取值', width: 16 },
    { header: '来源', width: 12 },
    { header: '出处', width: 58, wrap: true },
    { header: '指标体系中的名称', width: 28, wrap: true },
  ];
  const { ws, first } = addSheet(wb, '指标数据', '评分所依据的数据', columns);
  let r = first;
  for (const m of shownMetrics(input.metrics, input.scored.nodes)) {
    const row = ws.getRow(r);
    row.values = [m.label, formatMetricValue(m.kind, m.value, m.unit), m.source === 'data' ? '数据计算' : '评价人员给出', describeProvenance(m), m.name];
    styleRow(row, columns);
    r += 1;
  }
}

/** The tree author's notes on leaves (how a contradictory criterion was read): kept out of 评分依据. */
function notesSheet(wb: Workbook, input: ScoreReportInput): void {
  const notes = leafRows(input.scored.nodes).filter(({ leaf }) => leaf.node.note);
  const acknowledged = input.acknowledged ?? [];
  if (notes.length === 0 && acknowledged.length === 0) return;
  const columns: ColumnSpec[] = [
    { header: '指标', width: 40, wrap: true },
    { header: '说明', width: 100, wrap: true },
  ];
  const { ws, first } = addSheet(wb, '说明', '指标体系的说明（评分标准的读法）', columns);
  let r = first;
  const put = (where: string, text: string) => {
    const row = ws.getRow(r);
    row.values = [where, text];
    styleRow(row, columns);
    r += 1;
  };
  for (const { leaf, chain } of notes) put(chain.map((n) => n.node.name).join(' / '), leaf.node.note ?? '');
  // findings of jixiao lint the tree's author looked at and accepts
  for (const a of acknowledged) put((a.problem.where.path ?? []).join(' / '), `已确认的检查结果 [${a.problem.code}]：${a.problem.message}。确认理由：${a.reason}`);
}


export function buildScoreWorkbook(input: ScoreReportInput): Workbook {
  const wb = new ExcelJS.Workbook();
  if (input.selfEvaluation) addSelfEvaluationSheet(wb, input.selfEvaluation);
  scoreSheet(wb, input);
  summarySheet(wb, input);
  metricsSheet(wb, input);
  notesSheet(wb, input);
  // the roster audit's sheets only where rosters were read
  if (input.audit && input.audit.context.records.length > 0) addAuditSheets(wb, input.audit, input.project, { showPii: input.showPii ?? false });
  problemsSheet(wb, input.problems, '评分中发现的问题');
  return wb;
}
