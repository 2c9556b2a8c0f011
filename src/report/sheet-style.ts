// The look every sheet shares: a title row, a bold header with borders that
// repeats on each printed page, A4 landscape, frozen panes, wrapped text.
import type ExcelJS from 'exceljs';

export const SCORE_FORMAT = '0.00';
export const RATE_FORMAT = '0.00%';

const THIN = { style: 'thin' as const, color: { argb: 'FF808080' } };
export const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const TOTAL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };

export interface ColumnSpec {
  header: string;
  width: number;
  /** number format for the column's data cells */
  format?: string;
  wrap?: boolean;
}

/** Title in row 1 (merged across), headers in row 2; returns the first data row. */
export function setUpSheet(ws: ExcelJS.Worksheet, title: string, columns: ColumnSpec[]): number {
  ws.columns = columns.map((c) => ({ width: c.width }));
  ws.mergeCells(1, 1, 1, columns.length);
  const titleCell = ws.getCell(1, 1);
  titleCell.value = title;
  titleCell.font = { bold: true, size: 14 };
  titleCell.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 28;
  const header = ws.getRow(2);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  header.height = 24;
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 2 }];
  ws.pageSetup = {
    paperSize: 9, // A4
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: '1:2',
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = { oddFooter: '第 &P 页，共 &N 页' };
  return 3;
}

/** Borders, wrapping and formats for a data row. */
export function styleRow(row: ExcelJS.Row, columns: ColumnSpec[], total = false): void {
  columns.forEach((c, i) => {
    const cell = row.getCell(i + 1);
    cell.border = BORDER;
    cell.alignment = { vertical: 'middle', wrapText: c.wrap ?? false, horizontal: c.format ? 'right' : c.wrap ? 'left' : 'center' };
    if (c.format) cell.numFmt = c.format;
    if (total) {
      cell.font = { bold: true };
      cell.fill = TOTAL_FILL;
    }
  });
}
