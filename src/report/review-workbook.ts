// 审核结果.xlsx: each score table as it was read (one sheet per table, its rows as printed)
// with every cell a finding points at filled (errors red, warnings yellow) and the
// findings of each row in a last column 审核意见; then the 问题清单 of all findings.
import type { Workbook } from 'exceljs';
import ExcelJS from '../io/exceljs.js';
import type { Problem } from '../problems/problem.js';
import type { PrintedTable } from '../schema/score-table.js';
import { problemsSheet } from './problems-sheet.js';
import { textEms } from './sheet-layout.js';
import { addSheet, styleRow, type ColumnSpec } from './sheet-style.js';

export interface ReviewInput {
  tables: readonly { table: PrintedTable; findings: readonly Problem[] }[];
  /** findings in the report's text (listed in the 问题清单 only) */
  texts?: readonly { findings: readonly Problem[] }[];
  /** files that could not be read */
  unreadable: readonly Problem[];
}

const FILL = {
  error: { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFF4B6B6' } },
  warning: { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFFFE699' } },
};

/** A sheet name Excel accepts (≤ 31 characters, none of []:*?/\), unique in the workbook. */
function sheetName(wanted: string, taken: Set<string>): string {
  const base = wanted.replace(/[[\]:*?/\\]/g, '_').slice(0, 28) || '表';
  let name = base;
  for (let i = 2; taken.has(name); i += 1) name = `${base}(${i})`;
  taken.add(name);
  return name;
}

/** Column units that print on one A4 landscape width in every viewer. */
const PRINT_WIDTH = 100;
/** The 审核意见 column: wide where there are findings to write, narrow where there are none. */
const MIN_OPINION = 24;
const MIN_OPINION_CLEAN = 10;

const NUMBER = /^[-+]?[\d,]*\.?\d+%?$/;

/** Sheet columns (1-based, after the 行 column) a text cell spans: itself and the blank cells after it. */
function textSpans(cells: readonly string[], width: number): Map<number, number> {
  const spans = new Map<number, number>();
  for (let c = 0; c < width; c += 1) {
    const text = cells[c] ?? '';
    if (text === '' || NUMBER.test(text)) continue;
    let end = c;
    while (end + 1 < width && (cells[end + 1] ?? '') === '') end += 1;
    if (end > c) spans.set(c + 2, end + 2);
    c = end;
  }
  return spans;
}

const baseName = (file: string) => file.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');

export function buildReviewWorkbook(input: ReviewInput): Workbook {
  const wb = new ExcelJS.Workbook();
  const taken = new Set<string>(['问题清单']);
  for (const { table, findings } of input.tables) {
    const width = Math.max(table.header.length, ...table.rows.map((r) => r.cells.length));
    // each column as wide as its widest cell (2 units a CJK character); when they do not fit
    // one page width with the 审核意见 column, the widest are narrowed first (their text wraps)
    const ems = (text: string) => Math.ceil(textEms(text) * 2) + 1;
    const natural = Array.from({ length: width }, (_, i) => Math.min(30, Math.max(5, ...[table.header[i] ?? '', ...table.rows.map((r) => r.cells[i] ?? '')].map(ems))));
    // a number is never broken across lines (100000.00 in a form's funds block)
    const least = Array.from({ length: width }, (_, i) => Math.max(5, ...table.rows.map((r) => r.cells[i] ?? '').filter((c) => NUMBER.test(c)).map(ems)));
    const opinion = findings.some((f) => f.severity !== 'info') ? MIN_OPINION : MIN_OPINION_CLEAN;
    const budget = PRINT_WIDTH - 5 - opinion;
    const fitted = (cap: number) => natural.map((w, i) => Math.max(least[i] ?? 5, Math.min(w, cap)));
    let cap = Math.max(...natural, 5);
    while (cap > 5 && fitted(cap).reduce((sum, w) => sum + w, 0) > budget) cap -= 1;
    const dataColumns: ColumnSpec[] = fitted(cap).map((w, i) => ({ header: table.header[i] ?? '', width: w, wrap: true }));
    const used = 5 + dataColumns.reduce((sum, c) => sum + c.width, 0);
    const columns: ColumnSpec[] = [{ header: '行', width: 5 }, ...dataColumns, { header: '审核意见', width: Math.max(opinion, PRINT_WIDTH - used), wrap: true }];
    const name = sheetName(`${baseName(table.file)}${table.sheet ? `-${table.sheet}` : ''}`, taken);
    const where = [table.file, table.sheet ? `工作表「${table.sheet}」` : '', `表头第 ${table.headerRows.join('、')} 行`].filter(Boolean).join('，');
    const { ws, first } = addSheet(wb, name, { title: table.title ?? baseName(table.file), subtitle: `${where}；标色的单元格有问题（红：错误，黄：警告），意见见最后一列` }, columns);
    table.rows.forEach((r, i) => {
      const row = ws.getRow(first + i);
      const own = findings.filter((f) => f.where.row === r.row);
      row.values = [r.row, ...Array.from({ length: width }, (_, c) => r.cells[c] ?? ''), own.map((f) => `${f.severity === 'error' ? '错误' : f.severity === 'warning' ? '警告' : '提示'}：${f.message}`).join('\n')];
      // a form's funds block and goal rows as printed: a text over the blank cells after it
      const spans = r.kind === 'funds' || r.kind === 'note' ? textSpans(r.cells, width) : new Map<number, number>();
      for (const [from, to] of spans) ws.mergeCells(row.number, from, row.number, to);
      const heading = r.kind === 'subtotal' || r.kind === 'total' || r.kind === 'grade' || (r.kind === 'note' && r.cells.every((c) => c.length <= 8));
      styleRow(row, columns, { total: heading, spans });
      for (const f of own) {
        const col = (r.header ?? table.header).findIndex((h) => h === f.where.column);
        if (col < 0 || f.severity === 'info') continue;
        row.getCell(col + 2).fill = FILL[f.severity];
      }
    });
  }
  const all = [...input.unreadable, ...input.tables.flatMap((t) => t.findings), ...(input.texts ?? []).flatMap((t) => t.findings)];
  problemsSheet(wb, all, '评分表审核发现的问题');
  return wb;
}
