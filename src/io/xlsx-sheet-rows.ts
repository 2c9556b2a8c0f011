// One worksheet's XML as rows of text cells, streamed: the inflated bytes go
// through one streaming TextDecoder (a character split across chunks stays whole)
// into saxes, and rows come out in batches. Cells are the text a person sees in
// Excel: shared and inline strings, cached formula results, booleans, errors,
// numbers to Excel's 15 significant digits, and date-styled numbers as ISO dates.
import type { Readable } from 'node:stream';
import { inputError, type Where } from '../problems/problem.js';
import { columnLetters, columnNumber, MAX_COLUMNS, MAX_ROWS } from './cell-range.js';
import type { RawRow } from './raw-table.js';
import { unescapeOoxml, xmlParser } from './xml-parser.js';

export interface SheetContext {
  sharedStrings: readonly string[];
  /** per cell style index: whether it shows a date */
  dateStyles: readonly boolean[];
  date1904: boolean;
}

const BATCH = 512;
const DAY_MS = 86_400_000;
/** 1899-12-30, day 0 of Excel's 1900 date system, as days since 1970-01-01 */
const EPOCH_1900 = 25_569;
const EPOCH_1904_SHIFT = 1_462;

/** An Excel date serial as yyyy-mm-dd, or undefined when it is no plausible date. */
export function serialToIsoDate(serial: number, date1904: boolean): string | undefined {
  const ms = Math.round((serial + (date1904 ? EPOCH_1904_SHIFT : 0) - EPOCH_1900) * DAY_MS);
  const d = new Date(ms);
  const year = d.getUTCFullYear();
  if (Number.isNaN(d.getTime()) || year < 1900 || year > 9999) return undefined;
  return d.toISOString().slice(0, 10);
}

function significantDigits(text: string): number {
  const mantissa = text.replace(/^-/, '').replace(/e.*$/i, '').replace('.', '');
  return mantissa.replace(/^0+/, '').replace(/0+$/, '').length;
}

/** A stored number as Excel shows it: at most 15 significant digits (17.159999999999997 → 17.16). */
export function numberText(raw: string): string {
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n)) return raw.trim();
  const s = String(n);
  if (s.length <= 15 || significantDigits(s) <= 15) return s;
  return String(Number(n.toPrecision(15)));
}

interface CellState {
  column: number;
  type: string;
  style: number;
  value: string;
}

export async function* sheetRows(stream: Readable, context: SheetContext, where: Where, part: string): AsyncGenerator<RawRow[]> {
  let pending: RawRow[] = [];
  let rowNumber = 0;
  let lastRow = 0;
  let cells: string[] | undefined;
  let filled = 0;
  let nextColumn = 1;
  let cell: CellState | undefined;
  /** what text events are collected into: a cell's <v>, or a <t> of its inline string */
  let capture: 'v' | 't' | undefined;
  let inInline = false;
  let phonetic = 0;

  const fail = (message: string, column?: number): never => {
    throw inputError('xlsx-invalid', message, { ...where, ...(rowNumber > 0 ? { row: rowNumber } : {}), ...(column ? { column: columnLetters(column) } : {}) }, {
      hint: '文件可能已损坏或由不规范的程序生成：在 Excel 或 WPS 中打开后重新另存为 .xlsx',
    });
  };

  const cellValue = (c: CellState): string => {
    const v = c.value;
    switch (c.type) {
      case 's': {
        if (v.trim() === '') return '';
        const text = context.sharedStrings[Number(v)];
        return text ?? fail(`单元格引用的共享字符串 ${v.trim()} 不存在（共有 ${context.sharedStrings.length} 个）`, c.column);
      }
      case 'inlineStr':
        return unescapeOoxml(v);
      case 'str':
      case 'e':
        return v;
      case 'b':
        return v.trim() === '' ? '' : v.trim() === '1' || v.trim().toLowerCase() === 'true' ? 'TRUE' : 'FALSE';
      case 'd':
        return /^\d{4}-\d{2}-\d{2}/.test(v.trim()) ? v.trim().slice(0, 10) : v.trim();
      default: {
        if (v.trim() === '') return '';
        if (context.dateStyles[c.style]) {
          const date = serialToIsoDate(Number(v), context.date1904);
          if (date) return date;
        }
        return numberText(v);
      }
    }
  };

  const parser = xmlParser(
    {
      open(name, a, selfClosing) {
        switch (name) {
          case 'row': {
            if (cells) fail('工作表 XML 中的行嵌套在另一行内');
            const r = a.r === undefined ? lastRow + 1 : Number(a.r);
            if (!Number.isInteger(r) || r < 1 || r > MAX_ROWS) fail(`行号 ${a.r ?? ''} 超出范围（1–${MAX_ROWS}）`);
            rowNumber = r;
            cells = [];
            filled = 0;
            nextColumn = 1;
            if (selfClosing) {
              lastRow = rowNumber;
              cells = undefined;
            }
            return;
          }
          case 'c': {
            if (!cells) fail('单元格不在任何行内（<c> 出现在 <row> 之外）');
            let column = nextColumn;
            if (a.r !== undefined) {
              const m = /^([A-Za-z]+)(\d*)$/.exec(a.r.trim());
              if (!m || (m[1] ?? '').length > 3) fail(`单元格引用 ${a.r} 无效`);
              column = columnNumber((m?.[1] ?? '').toUpperCase());
            }
            if (column > MAX_COLUMNS) fail(`单元格 ${a.r ?? ''} 超出最大列 XFD（第 ${MAX_COLUMNS} 列）`);
            cell = { column, type: a.t ?? 'n', style: a.s === undefined ? 0 : Number(a.s), value: '' };
            nextColumn = column + 1;
            if (selfClosing) cell = undefined;
            return;
          }
          case 'v':
            if (cell && !inInline && !selfClosing) capture = 'v';
            return;
          case 'is':
            if (cell && !selfClosing) inInline = true;
            return;
          case 'rPh':
            if (inInline && !selfClosing) phonetic += 1;
            return;
          case 't':
            if (inInline && phonetic === 0 && !selfClosing) capture = 't';
            return;
          default:
        }
      },
      text(t) {
        if (capture && cell) cell.value += t;
      },
      close(name) {
        switch (name) {
          case 'v':
          case 't':
            capture = undefined;
            return;
          case 'rPh':
            phonetic = Math.max(0, phonetic - 1);
            return;
          case 'is':
            inInline = false;
            return;
          case 'c': {
            if (cell && cells) {
              const text = cellValue(cell);
              if (text !== '') {
                cells[cell.column - 1] = text;
                filled += 1;
              }
            }
            cell = undefined;
            capture = undefined;
            inInline = false;
            return;
          }
          case 'row': {
            if (cells && filled > 0) {
              // cells written out of order or with gaps leave holes: they are empty cells
              for (let i = 0; i < cells.length; i += 1) if (cells[i] === undefined) cells[i] = '';
              pending.push({ row: rowNumber, cells });
            }
            lastRow = rowNumber;
            cells = undefined;
            return;
          }
          default:
        }
      },
    },
    where,
    part,
  );

  const decoder = new TextDecoder('utf-8');
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    parser.write(decoder.decode(chunk, { stream: true }));
    if (pending.length >= BATCH) {
      yield pending;
      pending = [];
    }
  }
  parser.write(decoder.decode());
  parser.close();
  if (pending.length > 0) yield pending;
}
