// The look every sheet shares, for the in-memory and the streaming writer alike: a
// title block, a bold header that repeats on each printed page, A4 landscape at a
// fixed readable scale, frozen panes, and every row as tall as its wrapped text.
import type ExcelJS from 'exceljs';
import { BODY_FONT_SIZE, TITLE_FONT_SIZE, pageBreaks, pageHeightAt, printScale, rowHeight, PAGE, type CellText, type RowGroup } from './sheet-layout.js';

export const SCORE_FORMAT = '0.00';
export const RATE_FORMAT = '0.00%';

const THIN = { style: 'thin' as const, color: { argb: 'FF808080' } };
export const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const TOTAL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
const EXCELJS_DEFAULT_WIDTH = 9;
const BODY_FONT: Partial<ExcelJS.Font> = { size: BODY_FONT_SIZE };
const BOLD_FONT: Partial<ExcelJS.Font> = { size: BODY_FONT_SIZE, bold: true };

export interface ColumnSpec {
  header: string;
  width: number;
  /** number format for the column's data cells */
  format?: string;
  wrap?: boolean;
}

/** What a sheet's title block says: the title, and a line of who/when (评价机构, 评价期间, 报告日期). */
export interface SheetTitle {
  title: string;
  subtitle?: string;
}

/** The worksheet API both exceljs writers share. */
type Sheet = ExcelJS.Worksheet;

function textOf(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((t) => t.text).join('');
  // formulas and dates print on one line
  return 'x';
}

/** The workbook API both exceljs writers share. */
type AnyWorkbook = Pick<ExcelJS.Workbook, 'addWorksheet'>;

/**
 * Adds a sheet with its widths, title block, header, frozen panes and print setup;
 * returns it and its first data row. Views and print setup go in as the sheet's
 * options: the streaming writer takes them only there.
 */
export function addSheet(wb: AnyWorkbook, name: string, heading: string | SheetTitle, columns: readonly ColumnSpec[]): { ws: Sheet; first: number } {
  const { title, subtitle } = typeof heading === 'string' ? { title: heading, subtitle: undefined } : heading;
  const widths = columns.map((c) => c.width);
  const headerRow = subtitle ? 3 : 2;
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: headerRow }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: false,
      scale: printScale(widths),
      printTitlesRow: `1:${headerRow}`,
      horizontalCentered: true,
      margins: { ...PAGE.margins },
    },
    headerFooter: { oddFooter: '第 &P 页，共 &N 页' },
  });
  const totalWidth = widths.reduce((a, b) => a + b, 0);
  // exceljs leaves a column of width 9 (its default) out of <cols>, and viewers then draw it at their own default
  ws.columns = columns.map((c) => ({ width: c.width === EXCELJS_DEFAULT_WIDTH ? c.width + 0.01 : c.width }));
  ws.mergeCells(1, 1, 1, columns.length);
  const titleCell = ws.getCell(1, 1);
  titleCell.value = title;
  titleCell.font = { bold: true, size: TITLE_FONT_SIZE };
  titleCell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  ws.getRow(1).height = rowHeight([{ text: title, width: totalWidth, wrap: true, fontSize: TITLE_FONT_SIZE }]) + 6;
  if (subtitle) {
    ws.mergeCells(2, 1, 2, columns.length);
    const cell = ws.getCell(2, 1);
    cell.value = subtitle;
    cell.font = BODY_FONT;
    cell.alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
    ws.getRow(2).height = rowHeight([{ text: subtitle, width: totalWidth, wrap: true }]);
  }
  const header = ws.getRow(headerRow);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = BOLD_FONT;
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  header.height = rowHeight(columns.map((c) => ({ text: c.header, width: c.width, wrap: true })));
  return { ws, first: headerRow + 1 };
}

export interface RowStyle {
  total?: boolean;
  /** cells merged across columns: first column → last column (1-based), so the text wraps in their joint width */
  spans?: ReadonlyMap<number, number>;
}

/** Borders, wrapping, formats and fonts for a data row, and its height from its text. */
export function styleRow(row: ExcelJS.Row, columns: readonly ColumnSpec[], style: RowStyle = {}): void {
  const texts: CellText[] = [];
  // the cells a span covers after its first hold the first one's value (exceljs reads the
  // master through them): measured once, in the span's joint width, not again in each column
  let coveredTo = 0;
  columns.forEach((c, i) => {
    const cell = row.getCell(i + 1);
    const covered = i + 1 <= coveredTo;
    cell.border = BORDER;
    cell.alignment = { vertical: 'middle', wrapText: c.wrap ?? false, horizontal: c.format ? 'right' : c.wrap ? 'left' : 'center' };
    if (c.format) cell.numFmt = c.format;
    cell.font = style.total ? BOLD_FONT : BODY_FONT;
    if (style.total) cell.fill = TOTAL_FILL;
    if (covered) return;
    const last = style.spans?.get(i + 1);
    if (last) coveredTo = last;
    const width = last ? columns.slice(i, last).reduce((sum, s) => sum + s.width, 0) : c.width;
    texts.push({ text: textOf(cell.value), width, wrap: last !== undefined || (c.wrap ?? false) });
  });
  row.height = rowHeight(texts);
}

/**
 * A text merged down several rows (a level cell over its leaves) needs their joint
 * height: when the rows are shorter, the last one grows by the difference.
 */
export function fitMergedDown(ws: Sheet, from: number, to: number, text: string, width: number): void {
  const needed = rowHeight([{ text, width, wrap: true }]);
  let have = 0;
  for (let r = from; r <= to; r += 1) have += ws.getRow(r).height ?? 0;
  if (have < needed) {
    const last = ws.getRow(to);
    last.height = (last.height ?? 0) + (needed - have);
  }
}

/**
 * Manual page breaks between groups of rows (level-1 groups, split between level-2
 * groups only when one does not fit on a page). Rows are sheet row numbers; returns
 * the rows that start a page.
 */
export function breakPagesBetween(ws: Sheet, firstDataRow: number, lastDataRow: number, groups: readonly RowGroup[]): number[] {
  const heights: number[] = [];
  for (let r = firstDataRow; r <= lastDataRow; r += 1) heights.push(ws.getRow(r).height ?? 0);
  let titles = 0;
  for (let r = 1; r < firstDataRow; r += 1) titles += ws.getRow(r).height ?? 0;
  const scale = ws.pageSetup.scale ?? 100;
  const relative = (g: RowGroup): RowGroup => ({ from: g.from - firstDataRow, to: g.to - firstDataRow, children: g.children?.map(relative) });
  const starts = pageBreaks(heights, groups.map(relative), pageHeightAt(scale, titles)).map((i) => firstDataRow + i);
  // a break is written on the last row of a page
  for (const start of starts) ws.getRow(start - 1).addPageBreak();
  return starts;
}
