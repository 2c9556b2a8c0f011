// Header cells and the kinds of rows a table holds: header text with line breaks
// or spaces ("帮扶金\n额"), a unit in the header ("金额（万元）"), total rows
// (合计/小计/总计) and notes below the table (制表人、备注).
import { toHalfWidth } from '../numbers/parse.js';
import type { RawRow } from './raw-table.js';

/**
 * What header matching needs of a field: its name, the header texts that mean it, and
 * whether a table needs it. The specs themselves are schema (src/schema/input-kind.ts
 * adds what the readers do with a field); this is only their shape as io sees it.
 */
export interface HeaderSpec {
  /** canonical field name */
  field: string;
  /** header texts that mean this field, compared after normalising */
  aliases: string[];
  required: boolean;
  /**
   * Fields of one group are optional each, but a header needs one of them (a unit table
   * with 下达数 alone or 支出数 alone is a table; one with neither is not). The text names
   * the group in the message.
   */
  oneOf?: string;
}

export interface Column {
  field: string;
  index: number;
  header: string;
  /** "万元" when the header says 金额（万元） */
  unit?: string;
}

export function normaliseHeader(text: string): string {
  return toHalfWidth(text).replace(/\s+/g, '').replace(/[（(][^）)]*[）)]$/, '');
}

export function headerUnit(text: string): string | undefined {
  const m = /[（(]([^）)]*)[）)]\s*$/.exec(toHalfWidth(text).replace(/\s+/g, ''));
  return m?.[1] && /万元|元|%/.test(m[1]) ? m[1] : undefined;
}

const TOTAL = /^(合计|小计|总计|累计)$/;
const NOTE = /^(制表人|制表|填报人|审核人|负责人|备注|说明|单位公章|盖章|注[:：]?)/;

export function isBlank(row: RawRow): boolean {
  return row.cells.every((c) => c.trim() === '');
}

const TOTAL_CHARS = /[合小总累]/;
const NOTE_CHARS = /[制填审负备说单盖注]/;

export function isTotalRow(row: RawRow): boolean {
  for (let i = 0; i < 3 && i < row.cells.length; i += 1) {
    const c = row.cells[i] as string;
    if (TOTAL_CHARS.test(c) && TOTAL.test(toHalfWidth(c).replace(/\s+/g, ''))) return true;
  }
  return false;
}

export function isNoteRow(row: RawRow): boolean {
  const first = row.cells.find((c) => c.trim() !== '') ?? '';
  return NOTE_CHARS.test(first) && NOTE.test(toHalfWidth(first).replace(/\s+/g, ''));
}

export function cell(row: RawRow, column: Column | undefined): string {
  if (!column) return '';
  return (row.cells[column.index] ?? '').trim();
}
