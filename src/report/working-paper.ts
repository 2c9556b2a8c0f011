// The working paper (评分底稿): one block of rows per leaf with what the data already
// give, and an input cell for each thing only the evaluator can judge (what each rule
// kind asks, plus reason, 完成值 and evidence). Computed cells are locked, input cells
// open; the tree's hash is kept so a paper filled for another version of the tree is
// refused when read back (run/read-working-paper.ts).
import type { CellValue, Workbook } from 'exceljs';
import ExcelJS from '../io/exceljs.js';
import type { PaperSlot } from '../engine/rule-kind.js';
import { kindOf } from '../engine/rules/registry.js';
import { pts } from '../engine/rules/common.js';
import { leaves, type IndicatorNode, type IndicatorTree } from '../engine/tree.js';
import { describeProvenance, formatMetricValue, type MetricSet } from '../metrics/metric.js';
import { addSheet, breakPagesBetween, fitMergedDown, styleRow, type ColumnSpec } from './sheet-style.js';
import type { RowGroup } from './sheet-layout.js';

export const PAPER_SHEET = '评分底稿';
export const GIVEN_SHEET = '给定数据';
export const META_SHEET = 'jixiao';
/** Columns of the paper sheet, 1-based. */
export const PAPER_COLUMNS = { id: 1, answer: 7, need: 8, key: 9 } as const;
export const GIVEN_COLUMNS = ['名称', '说明', '取值', '类型', '来源'] as const;
/** Both sheets have a title, a subtitle and a header: answers start on row 4. */
export const FIRST_ANSWER_ROW = 4;

/** What every leaf may carry, whatever its rule. */
const COMMON_SLOTS: PaperSlot[] = [
  { key: 'reason', label: '理由（未得满分时必填）', input: 'text' },
  { key: 'actual', label: '完成值（按报告的写法，如 充分、规范；不填则用规则算出的）', input: 'text' },
  { key: 'note', label: '证据（底稿编号、文件、访谈记录）', input: 'text' },
];

export interface PaperInput {
  project: string;
  tree: IndicatorTree;
  /** sha256 of the tree file, checked when the paper is read back */
  treeHash: string;
  metrics: MetricSet;
  /** answers already given (a YAML judgements file turned into a paper): written into the input cells */
  answers?: Readonly<Record<string, unknown>>;
}

/** An answer as the evaluator would type it in the paper: Chinese words for the YAML keywords. */
const SAID: Record<string, string> = { met: '符合', not_met: '不符合', none: '不存在', found: '存在', yes: '符合', no: '不符合' };

function cellsFor(value: unknown): [unknown, unknown] {
  if (value === undefined || value === null) return [null, null];
  if (typeof value === 'boolean') return [value ? '符合' : '不符合', null];
  if (typeof value === 'string') return [SAID[value] ?? value, null];
  if (typeof value === 'object' && 'have' in value && 'need' in value) return [(value as { have: unknown }).have, (value as { need: unknown }).need];
  return [typeof value === 'number' ? value : String(value), null];
}

function answerAt(answers: PaperInput['answers'], id: string, key: string): unknown {
  return key.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), answers?.[id]);
}

/** The metric names a rule's parameters refer to, parts included. */
function metricNames(params: unknown): string[] {
  if (params === null || typeof params !== 'object') return [];
  return Object.entries(params as Record<string, unknown>).flatMap(([k, v]) => (k === 'metric' && typeof v === 'string' ? [v] : metricNames(v)));
}

export function slotsOf(leaf: IndicatorNode): PaperSlot[] {
  const spec = leaf.rule;
  const own = spec ? (kindOf(spec.kind).paperSlots?.(spec.params, leaf.weight) ?? []) : [];
  return [...own, ...COMMON_SLOTS];
}

export function buildWorkingPaper(input: PaperInput): Workbook {
  const wb = new ExcelJS.Workbook();
  const columns: ColumnSpec[] = [
    { header: '编号', width: 10, wrap: true },
    { header: '指标', width: 18, wrap: true },
    { header: '评分标准', width: 28, wrap: true },
    { header: '分值', width: 6 },
    { header: '已有数据', width: 22, wrap: true },
    { header: '判断项', width: 26, wrap: true },
    { header: '回答', width: 14, wrap: true },
    { header: '应有', width: 6 },
    { header: '键', width: 12 },
  ];
  const { ws, first } = addSheet(wb, PAPER_SHEET, { title: `${input.project}评分底稿`, subtitle: '只在「回答」「应有」两列填写；灰色单元格由数据和指标体系算出，已锁定' }, columns);
  let r = first;
  // a leaf's block of rows stays on one page
  const blocks: RowGroup[] = [];
  for (const leaf of leaves(input.tree.indicators)) {
    const slots = slotsOf(leaf);
    const data = metricNames(leaf.rule?.params).map((name) => {
      const m = input.metrics.get(name);
      return m ? `${m.label} ${formatMetricValue(m.kind, m.value, m.unit)}（${describeProvenance(m)}）` : `${name}：暂无数据`;
    });
    const from = r;
    const leafCells = [leaf.path.join(' > '), leaf.criteria ?? '', pts(leaf.weight), data.join('\n')];
    for (const slot of slots) {
      const row = ws.getRow(r);
      // the leaf's cells on its first row only (merged down below), so each row is as tall as its own question
      const [given, need] = cellsFor(answerAt(input.answers, leaf.id, slot.key));
      row.values = [leaf.id, ...(r === from ? leafCells : ['', '', '', '']), slot.label, given, need, slot.key] as CellValue[];
      styleRow(row, columns);
      for (let c = 1; c <= columns.length; c += 1) {
        const cell = row.getCell(c);
        const open = c === PAPER_COLUMNS.answer || (c === PAPER_COLUMNS.need && slot.input === 'share');
        cell.protection = { locked: !open };
        if (!open) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
      }
      const answer = row.getCell(PAPER_COLUMNS.answer);
      if (slot.input === 'choice' && slot.choices) answer.dataValidation = { type: 'list', allowBlank: true, formulae: [`"${slot.choices.join(',')}"`] };
      if (slot.input === 'points' && slot.max) {
        answer.dataValidation = { type: 'decimal', operator: 'between', allowBlank: true, formulae: [0, Number(slot.max.toString())], showErrorMessage: true, error: `应为 0 到 ${pts(slot.max)} 分` };
      }
      if (slot.input === 'count') answer.dataValidation = { type: 'whole', operator: 'greaterThanOrEqual', allowBlank: true, formulae: [0], showErrorMessage: true, error: '应为不小于 0 的整数' };
      r += 1;
    }
    // the leaf's own cells once, over its rows, as tall together as the longest needs
    for (const c of [1, 2, 3, 4, 5]) if (r - 1 > from) ws.mergeCells(from, c, r - 1, c);
    for (const [i, text] of leafCells.entries()) fitMergedDown(ws, from, r - 1, text, columns[i + 1]?.width ?? 10);
    blocks.push({ from, to: r - 1 });
  }
  breakPagesBetween(ws, first, r - 1, blocks);
  ws.getColumn(PAPER_COLUMNS.key).hidden = true;
  // protected without a password: no random salt, so the file stays the same run to run
  (ws as unknown as { sheetProtection: Record<string, boolean> }).sheetProtection = { sheet: true, selectLockedCells: true, selectUnlockedCells: true, formatRows: false, formatColumns: false };

  const givenSheet = addSheet(wb, GIVEN_SHEET, { title: '评价人员给出的指标数据（仅在没有数据文件时使用）', subtitle: '类型：ratio（比例）、amount（金额）、count（数量）；来源必填' }, [
    { header: GIVEN_COLUMNS[0], width: 30 },
    { header: GIVEN_COLUMNS[1], width: 24, wrap: true },
    { header: GIVEN_COLUMNS[2], width: 12 },
    { header: GIVEN_COLUMNS[3], width: 10 },
    { header: GIVEN_COLUMNS[4], width: 50, wrap: true },
  ]);

  // the figures the evaluator gave before, exactly as numbers
  let g = givenSheet.first;
  for (const m of [...input.metrics.values()].filter((x) => x.source === 'judgement').sort((a, b) => a.name.localeCompare(b.name))) {
    const row = givenSheet.ws.getRow(g);
    row.values = [m.name, m.label, m.value.toString(), m.kind, m.provenance.map((p) => p.note ?? p.file).join('；')];
    g += 1;
  }

  const meta = wb.addWorksheet(META_SHEET, { state: 'veryHidden' });
  meta.getCell('A1').value = 'tree-sha256';
  meta.getCell('B1').value = input.treeHash;
  return wb;
}
