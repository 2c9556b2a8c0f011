// The look every sheet shares, cell by cell: title block, header, frozen panes, print
// setup, row styles by column kind, heights from any kind of cell value, merged text
// given its height, and page breaks at the sheet's scale.
import { describe, expect, it } from 'vitest';
import type { CellValue } from 'exceljs';
import ExcelJS from '../../src/io/exceljs.js';
import { PAGE, heightForLines, rowHeight } from '../../src/report/sheet-layout.js';
import { addSheet, breakPagesBetween, fitMergedDown, styleRow, type ColumnSpec } from '../../src/report/sheet-style.js';

const columns: ColumnSpec[] = [
  { header: '指标', width: 10, wrap: true },
  { header: '代码', width: 10 },
  { header: '得分', width: 8, format: '0.00' },
];
const thin = { style: 'thin', color: { argb: 'FF808080' } };

describe('addSheet', () => {
  it('title, subtitle and header styled; panes frozen below the header; A4 landscape with margins, centred, titles repeated', () => {
    const wb = new ExcelJS.Workbook();
    const { ws, first } = addSheet(wb, '表', { title: '评分表', subtitle: '评价机构：某' }, columns);
    expect(first).toBe(4);
    const title = ws.getCell(1, 1);
    expect([title.value, title.font, title.alignment]).toEqual(['评分表', { bold: true, size: 14 }, { horizontal: 'center', vertical: 'middle', wrapText: true }]);
    expect(ws.getRow(1).height).toBe(rowHeight([{ text: '评分表', width: 28, wrap: true, fontSize: 14 }]) + 6);
    const sub = ws.getCell(2, 1);
    expect([sub.value, sub.font, sub.alignment]).toEqual(['评价机构：某', { size: 10 }, { horizontal: 'left', vertical: 'middle', wrapText: true }]);
    const head = ws.getCell(3, 3);
    expect([head.value, head.font, head.fill, head.border, head.alignment]).toEqual([
      '得分',
      { size: 10, bold: true },
      { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } },
      { top: thin, left: thin, bottom: thin, right: thin },
      { horizontal: 'center', vertical: 'middle', wrapText: true },
    ]);
    expect(ws.getRow(3).height).toBe(heightForLines(1));
    expect(ws.views).toEqual([expect.objectContaining({ state: 'frozen', xSplit: 0, ySplit: 3 })]);
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: false, scale: 100, printTitlesRow: '1:3', horizontalCentered: true, margins: PAGE.margins });
    expect(ws.headerFooter.oddFooter).toBe('第 &P 页，共 &N 页');
    expect(ws.getCell('A1').isMerged && ws.getCell('C2').isMerged).toBe(true);
  });

  it('without a subtitle the header is row 2; a width of 9 is written as 9.01 (exceljs would drop it)', () => {
    const { ws, first } = addSheet(new ExcelJS.Workbook(), '表', '标题', [{ header: 'a', width: 9 }]);
    expect([first, (ws.views[0] as { ySplit?: number }).ySplit, ws.pageSetup.printTitlesRow, ws.getColumn(1).width]).toEqual([3, 2, '1:2', 9.01]);
  });
});

describe('styleRow', () => {
  const row = (values: CellValue[], style = {}) => {
    const { ws, first } = addSheet(new ExcelJS.Workbook(), '表', '标题', columns);
    const r = ws.getRow(first);
    values.forEach((v, i) => (r.getCell(i + 1).value = v));
    styleRow(r, columns, style);
    return r;
  };

  it('text that wraps left, codes centred, numbers right with their format; borders and body font on all', () => {
    const r = row(['指标', 'x', 1]);
    expect([r.getCell(1).alignment, r.getCell(2).alignment, r.getCell(3).alignment]).toEqual([
      { vertical: 'middle', wrapText: true, horizontal: 'left' },
      { vertical: 'middle', wrapText: false, horizontal: 'center' },
      { vertical: 'middle', wrapText: false, horizontal: 'right' },
    ]);
    expect([r.getCell(1).numFmt, r.getCell(3).numFmt, r.getCell(2).font, r.getCell(2).border, r.getCell(2).fill]).toEqual([undefined, '0.00', { size: 10 }, { top: thin, left: thin, bottom: thin, right: thin }, undefined]);
  });

  it('a total row bold on grey', () => {
    const r = row(['合计', '', 1], { total: true });
    expect([r.getCell(1).font, r.getCell(3).fill]).toEqual([{ size: 10, bold: true }, { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } }]);
  });

  it('the height from text, rich text or merged width; numbers, booleans, formulas and blanks one line', () => {
    const long = '中'.repeat(9); // 3 lines in a column 10 wide
    expect(row([long]).height).toBe(heightForLines(3));
    expect(row([{ richText: [{ text: '中'.repeat(5) }, { text: '中'.repeat(4) }] }]).height).toBe(heightForLines(3));
    // 12 characters: 3 lines in 10 units, 2 when merged over the first two columns (20 wide, 9 a line)
    expect(row(['中'.repeat(12)]).height).toBe(heightForLines(3));
    expect(row(['中'.repeat(12)], { spans: new Map([[1, 2]]) }).height).toBe(heightForLines(2));
    // the code column never wraps on its own
    expect(row([null, long, 1]).height).toBe(heightForLines(1));
    expect(row([true, 12345678901234, { formula: 'SUM(C1:C2)', result: 3 }]).height).toBe(heightForLines(1));
  });
});

describe('merged text and page breaks', () => {
  it('a level cell merged down rows shorter than its text makes the last row taller by the difference; tall enough rows stay', () => {
    const { ws } = addSheet(new ExcelJS.Workbook(), '表', '标题', columns);
    ws.getRow(3).height = 19;
    ws.getRow(4).height = 19;
    fitMergedDown(ws, 3, 4, '中'.repeat(12), 10); // 3 lines: 48 pt over two rows of 19
    expect([ws.getRow(3).height, ws.getRow(4).height]).toEqual([19, 19 + heightForLines(3) - 38]);
    ws.getRow(5).height = 100;
    fitMergedDown(ws, 5, 5, '中', 10);
    expect(ws.getRow(5).height).toBe(100);
  });

  it('breaks land between groups, on the last row of a page, at the sheet’s scale', () => {
    const { ws, first } = addSheet(new ExcelJS.Workbook(), '表', '标题', columns);
    for (let r = first; r < first + 6; r += 1) ws.getRow(r).height = 150;
    const starts = breakPagesBetween(ws, first, first + 5, [
      { from: first, to: first + 1 },
      { from: first + 2, to: first + 3 },
      { from: first + 4, to: first + 5 },
    ]);
    // a page holds 508 pt below ~50 pt of titles: two groups of 300 pt never share one
    expect(starts).toEqual([first + 2, first + 4]);
    expect((ws.model as { rowBreaks?: { id: number }[] }).rowBreaks?.map((b) => b.id)).toEqual([first + 1, first + 3]);
  });
});
