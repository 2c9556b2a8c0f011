// The geometry of a printed sheet, computed rather than left to the viewer: no
// spreadsheet program grows a row for wrapped text in merged cells, LibreOffice grows
// none on open, and a sheet fitted to the page prints at whatever size that takes.
// Pure functions of text, column widths and font size; sheet-style.ts applies them.
import { eastAsianWidth } from 'get-east-asian-width';

/** Body text size (pt). At the smallest print scale allowed it still prints at 9 pt. */
export const BODY_FONT_SIZE = 10;
export const TITLE_FONT_SIZE = 14;
/** Print scales below this would print body text under 9 pt. */
export const MIN_PRINT_SCALE = 90;

/**
 * A column width unit is the default font's digit width (padding included): Excel and
 * WPS draw 7 px for the workbook's Calibri 11, LibreOffice (Carlito) nearly 8. Text
 * wraps in the narrower, pages are fitted to the wider: no viewer clips either.
 */
const WRAP_PX_PER_UNIT = 7;
const PRINT_PX_PER_UNIT = 8;
/** Cell padding, left and right together (px). */
const CELL_PADDING_PX = 6;
/** A half-width character is about 0.55 em, a wide (CJK, full-width) one 1 em. */
const NARROW_EM = 0.55;
/** Line height as a multiple of the font size: CJK fonts (Noto Sans CJK, 等线) need ~1.4. */
const LINE_HEIGHT = 1.45;
/** Space above and below the text in a row (pt). */
const ROW_PADDING_PT = 4;

/** A4 landscape with the margins setUpSheet writes, in points. */
export const PAGE = {
  widthPt: (297 / 25.4 - 0.8) * 72,
  heightPt: (210 / 25.4 - 1.2) * 72,
  margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
} as const;

const pxToPt = (px: number) => px * 0.75;

/** Width of a character in em: wide ones (CJK, full-width, and ambiguous ones, which CJK fonts print wide) 1, the rest ~0.55. */
function charEms(ch: string): number {
  return eastAsianWidth(ch.codePointAt(0) as number, { ambiguousAsWide: true }) === 2 ? 1 : NARROW_EM;
}

/** Width of text in em. */
export function textEms(text: string): number {
  let ems = 0;
  for (const ch of text) ems += charEms(ch);
  return ems;
}

/** A column's width in px as Excel draws it (the narrowest of the viewers). */
export function columnPx(width: number): number {
  return Math.trunc(width * WRAP_PX_PER_UNIT);
}

/** Lines a text takes when wrapped in a column (or merged columns) of `width` units. */
export function lineCount(text: string, width: number, fontSize = BODY_FONT_SIZE): number {
  const usablePx = Math.max(1, columnPx(width) - CELL_PADDING_PX);
  const emPx = (fontSize * 96) / 72;
  // wrapping breaks between words and before closing punctuation, so a line is seldom
  // filled to its last pixel: count it 95% full
  const perLine = usablePx * 0.95;
  return text.split(/\r?\n/).reduce((lines, hard) => lines + wrappedLines(hard, perLine / emPx), 0);
}

/** Lines one paragraph fills, packed character by character as CJK text wraps (a character never splits). */
function wrappedLines(text: string, emsPerLine: number): number {
  let lines = 1;
  let used = 0;
  for (const ch of text) {
    const w = charEms(ch);
    if (used + w > emsPerLine && used > 0) {
      lines += 1;
      used = 0;
    }
    used += w;
  }
  return lines;
}

/** Height (pt) of a row holding `lines` lines of text. */
export function heightForLines(lines: number, fontSize = BODY_FONT_SIZE): number {
  return Math.ceil(lines * fontSize * LINE_HEIGHT + ROW_PADDING_PT);
}

export interface CellText {
  text: string;
  /** width of the column, or of the merged columns, the text wraps in */
  width: number;
  /** a cell that does not wrap stays one line (numbers, codes) */
  wrap: boolean;
  fontSize?: number;
}

/** The height a row needs for the tallest of its cells. */
export function rowHeight(cells: readonly CellText[]): number {
  let height = heightForLines(1);
  for (const c of cells) {
    if (c.text === '') continue;
    const size = c.fontSize ?? BODY_FONT_SIZE;
    const lines = c.wrap ? lineCount(c.text, c.width, size) : c.text.split(/\r?\n/).length;
    height = Math.max(height, heightForLines(lines, size));
  }
  return height;
}

/**
 * The print scale (%) at which the columns fill the page width, at most 100. Below
 * MIN_PRINT_SCALE the sheet's columns are too wide to print readably: a layout error,
 * caught by the tests of every sheet.
 */
export function printScale(widths: readonly number[]): number {
  const totalPt = pxToPt(widths.reduce((sum, w) => sum + w * PRINT_PX_PER_UNIT, 0));
  const scale = Math.min(100, Math.floor((PAGE.widthPt / totalPt) * 100));
  if (scale < MIN_PRINT_SCALE) throw new Error(`columns ${totalPt.toFixed(0)} pt wide print at ${scale}% (< ${MIN_PRINT_SCALE}%)`);
  return scale;
}

/** A block of rows kept on one page where it fits: a level-1 group, holding its level-2 groups. */
export interface RowGroup {
  /** first and last row, as indexes into the heights */
  from: number;
  to: number;
  children?: RowGroup[];
}

/**
 * Where pages break: the indexes of the rows that start a new page. Each group goes
 * whole onto the page where it fits, else whole onto a new page; a group taller than a
 * page is split between its children (then between its rows), never inside one that
 * fits on a page. `available` is the height a page holds below its repeated titles.
 */
export function pageBreaks(heights: readonly number[], groups: readonly RowGroup[], available: number): number[] {
  const breaks: number[] = [];
  let used = 0;
  const place = (from: number, to: number, children: readonly RowGroup[] | undefined) => {
    let height = 0;
    for (let i = from; i <= to; i += 1) height += heights[i] as number;
    if (used + height <= available) {
      used += height;
      return;
    }
    // a group that fits on a page, or a single row (which cannot be split), starts one
    if (height <= available || from === to) {
      if (used > 0) breaks.push(from);
      used = height;
      return;
    }
    // taller than a page: its parts, each kept whole where it fits
    const parts = children && children.length > 0 ? children : rowsOf(from, to);
    for (const part of parts) place(part.from, part.to, part.children);
  };
  for (const g of groups) place(g.from, g.to, g.children);
  return breaks;
}

function rowsOf(from: number, to: number): RowGroup[] {
  return Array.from({ length: to - from + 1 }, (_, i) => ({ from: from + i, to: from + i }));
}

/** The height (pt of sheet) one printed page holds at a scale, below `titlesPt` of repeated title rows. */
export function pageHeightAt(scale: number, titlesPt: number): number {
  return PAGE.heightPt / (scale / 100) - titlesPt;
}
