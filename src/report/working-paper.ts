// The working paper (评分底稿): one block of rows per leaf with what the data already
// give, and an input cell for each thing only the evaluator can judge (what each rule
// kind asks, plus reason, 完成值 and evidence). Computed cells are locked, input cells
// open; the tree's hash is kept so a paper filled for another version of the tree is
// refused when read back (run/read-working-paper.ts).
import type { CellValue, Workbook } from 'exceljs';
import ExcelJS from '../io/exceljs.js';
import type { PaperSlot } from '../engine/rule-kind.js';
import { slotsOf } from '../engine/answer-slots.js';
import { ruleMetricNames } from '../engine/used-metrics.js';
import { pts } from '../engine/rules/common.js';
import { leaves, type IndicatorNode, type IndicatorTree } from '../engine/tree.js';
import { describeProvenance, formatMetricValue, type MetricSet } from '../metrics/metric.js';
import type { Decimal } from '../numbers/decimal.js';
import { addSheet, breakPagesBetween, fitMergedDown, styleRow, type ColumnSpec } from './sheet-style.js';
import type { RowGroup } from './sheet-layout.js';

export const PAPER_SHEET = '评分底稿';
export const GIVEN_SHEET = '给定数据';
export const META_SHEET = 'jixiao';
export const HELP_SHEET = '填写说明';
/** Columns of the paper sheet, 1-based. */
export const PAPER_COLUMNS = { id: 1, answer: 7, need: 8, key: 9 } as const;
export const GIVEN_COLUMNS = ['名称', '说明', '取值', '类型', '来源'] as const;
/** Both sheets have a title, a subtitle and a header: answers start on row 4. */
export const FIRST_ANSWER_ROW = 4;


export interface PaperInput {
  project: string;
  tree: IndicatorTree;
  /** sha256 of the tree file, checked when the paper is read back */
  treeHash: string;
  metrics: MetricSet;
  /** answers already given (a YAML judgements file turned into a paper): written into the input cells */
  answers?: Readonly<Record<string, unknown>>;
  /** the tree file as the user named it, for the instructions */
  treeFile: string;
  /** the paper's own file name, for the line to write into evaluation.yaml */
  paperFile: string;
  /** rows for the scores a report printed (worksheet --printed), filled with those already given */
  printed?: { scores: ReadonlyMap<string, Decimal>; total?: Decimal };
}

/** The key of the paper's row for the total a report printed (read back as printed_total). */
export const PRINTED_TOTAL_KEY = 'printed_total';

/** How each kind of answer cell is filled, said once for the kinds the paper has. */
const HOW_TO_ANSWER: Record<PaperSlot['input'], string> = {
  choice: '从下拉列表中选择（符合 / 不符合 / 部分，或 存在 / 不存在，或评定的等级），也可直接输入这些词',
  points: '填写分数，介于 0 与该项分值之间（可带小数，如 1.5）',
  count: '填写发现的处数或次数：不小于 0 的整数',
  share: '从下拉列表中选择（符合 / 不符合 / 不适用），或「回答」填写现有数、「应有」填写应有数（如 现有资料 18 份、应有资料 20 份）',
  text: '填写文字',
};

function helpSheet(wb: Workbook, input: PaperInput, kinds: ReadonlySet<PaperSlot['input']>): void {
  const columns: ColumnSpec[] = [
    { header: '事项', width: 22, wrap: true },
    { header: '说明', width: 110, wrap: true },
  ];
  const { ws, first } = addSheet(wb, HELP_SHEET, { title: `${input.project}评分底稿填写说明`, subtitle: `指标体系：${input.treeFile}（校验值 ${input.treeHash.slice(0, 12)}）` }, columns);
  const lines: [string, string][] = [
    ['填写位置', `只在「${PAPER_SHEET}」工作表的「回答」列（逐项计分的还有「应有」列）填写；灰色单元格由数据和指标体系算出，已锁定。工作表保护没有密码，撤销保护后也请不要改动编号、判断项和隐藏的「键」列。`],
    ...(['choice', 'points', 'count', 'share', 'text'] as const).filter((k) => kinds.has(k)).map((k): [string, string] => [`回答的写法：${{ choice: '选择项', points: '分数', count: '处数', share: '现有数与应有数', text: '文字' }[k]}`, HOW_TO_ANSWER[k]]),
    ['理由', '未得满分的指标必须填写理由（不能只填空格），理由会写入评分表的「评分依据」。'],
    ['完成值', '按报告的写法填写（如 充分、规范、无），写入评分表的「完成值」列；不填则使用规则算出的完成值。'],
    ['证据', '底稿编号、文件名称或访谈记录，便于复核（只留在底稿中）。'],
    [`「${GIVEN_SHEET}」`, '只在没有数据文件可算出的指标数据时填写：取值写数字（比例写小数，0.95 即 95%），来源必填。数据文件算出的值优先，两者不一致时会给出警告。'],
    ['读取', `填好后在 evaluation.yaml 的输入中写 { kind: judgements, file: ${input.paperFile} }，运行 jixiao score。尚未填完时可用 jixiao score --draft：未填的指标标为「待评」，总分为暂定。`],
    ...(input.printed ? [['报告得分', '复核一份报告时，在每个指标的「报告印出的得分」行填入报告中该指标的得分，在最后一行填入总分（可只填一部分）；score 会在评分表的得分率之后加「报告得分」「差异」两列，并逐项列出不同之处。'] as [string, string]] : []),
    ['指标体系改动后', '本底稿只适用于生成它的指标体系；指标体系文件改动后，读取时会拒绝本底稿，请用 jixiao worksheet 重新生成（已在 YAML 中的判断会自动填入）。'],
  ];
  let r = first;
  for (const line of lines) {
    const row = ws.getRow(r);
    row.values = line;
    styleRow(row, columns);
    r += 1;
  }
}

/** An answer as the evaluator would type it in the paper: Chinese words for the YAML keywords. */
const SAID: Record<string, string> = { met: '符合', not_met: '不符合', none: '不存在', found: '存在', yes: '符合', no: '不符合', 'n/a': '不适用' };

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



export function buildWorkingPaper(input: PaperInput): Workbook {
  const wb = new ExcelJS.Workbook();
  const kinds = new Set([...leaves(input.tree.indicators)].flatMap((leaf) => slotsOf(leaf).map((slot) => slot.input)));
  // read first: how to fill the paper, for the kinds of answers it asks
  helpSheet(wb, input, kinds);
  const columns: ColumnSpec[] = [
    { header: '编号', width: 10, wrap: true },
    { header: '指标', width: 18, wrap: true },
    { header: '评分标准', width: 26, wrap: true },
    { header: '分值', width: 6 },
    { header: '已有数据', width: 22, wrap: true },
    { header: '判断项', width: 22, wrap: true },
    // wide enough for a reason of a few lines
    { header: '回答', width: 22, wrap: true },
    { header: '应有', width: 6 },
    { header: '键', width: 12 },
  ];
  const { ws, first } = addSheet(wb, PAPER_SHEET, { title: `${input.project}评分底稿`, subtitle: '只在「回答」「应有」两列填写；灰色单元格由数据和指标体系算出，已锁定' }, columns);
  let r = first;
  // a leaf's block of rows stays on one page
  const blocks: RowGroup[] = [];
  for (const leaf of leaves(input.tree.indicators)) {
    // a report's own score for the leaf, where the paper reproduces a report
    const printedSlot: PaperSlot = { key: 'printed', label: '报告印出的得分（复核报告时填写）', input: 'points', max: leaf.weight };
    const slots = [...slotsOf(leaf), ...(input.printed ? [printedSlot] : [])];
    const data = ruleMetricNames(leaf.rule?.params).map((name) => {
      const m = input.metrics.get(name);
      return m ? `${m.label} ${formatMetricValue(m.kind, m.value, m.unit)}（${describeProvenance(m)}）` : `${name}：暂无数据`;
    });
    const from = r;
    const leafCells = [leaf.id, leaf.path.join(' > '), leaf.criteria ?? '', pts(leaf.weight), data.join('\n')];
    for (const slot of slots) {
      const row = ws.getRow(r);
      // the leaf's cells on its first row only (merged down below), so each row is as tall as its own question
      const printedScore = slot.key === 'printed' ? input.printed?.scores.get(leaf.id) : undefined;
      const [given, need] = printedScore !== undefined ? [Number(printedScore.toString()), null] : cellsFor(answerAt(input.answers, leaf.id, slot.key));
      row.values = ['', '', '', '', '', slot.label, given, need, slot.key] as CellValue[];
      styleRow(row, columns);
      // written after the row is sized: the merged cells are fitted over the whole block below;
      // the id on every row, since a reader takes each answer's leaf from its own row
      leafCells.forEach((text, i) => (row.getCell(1 + i).value = r === from || i === 0 ? text : ''));
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
    for (const [i, text] of leafCells.entries()) fitMergedDown(ws, from, r - 1, text, columns[i]?.width ?? 10);
    blocks.push({ from, to: r - 1 });
  }
  if (input.printed) {
    // the report's total on a row of its own
    const row = ws.getRow(r);
    const total = input.printed.total;
    row.values = ['合计', '总分', '', pts(input.tree.total), '', '报告印出的总分（复核报告时填写）', total !== undefined ? Number(total.toString()) : null, null, PRINTED_TOTAL_KEY] as CellValue[];
    styleRow(row, columns);
    for (let c = 1; c <= columns.length; c += 1) {
      const cell = row.getCell(c);
      cell.protection = { locked: c !== PAPER_COLUMNS.answer };
      if (c !== PAPER_COLUMNS.answer) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    }
    row.getCell(PAPER_COLUMNS.answer).dataValidation = { type: 'decimal', operator: 'between', allowBlank: true, formulae: [0, Number(input.tree.total.toString())], showErrorMessage: true, error: `应为 0 到 ${pts(input.tree.total)} 分` };
    blocks.push({ from: r, to: r });
    r += 1;
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
