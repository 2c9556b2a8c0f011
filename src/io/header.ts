// Finding the table inside a sheet: title rows above the header, header cells
// with line breaks or spaces ("帮扶金\n额"), a unit in the header ("金额（万元）"),
// total rows (合计/小计/总计) and notes below the table (制表人、备注).
import { toHalfWidth } from '../numbers/parse.js';
import { problem, type Problem } from '../problems/problem.js';
import type { RawRow, RawTable } from './raw-table.js';

export interface FieldSpec {
  /** canonical field name */
  field: string;
  /** header texts that mean this field, compared after normalising */
  aliases: string[];
  required: boolean;
}

export interface Column {
  field: string;
  index: number;
  header: string;
  /** "万元" when the header says 金额（万元） */
  unit?: string;
}

export interface LocatedTable {
  file: string;
  sheet?: string;
  title?: string;
  headerRow: number;
  columns: Column[];
  /** headers that map to no field: kept and listed */
  extraHeaders: string[];
  rows: RawRow[];
  /** rows that state a total, kept out of the records */
  totalRows: RawRow[];
}

export function normaliseHeader(text: string): string {
  return toHalfWidth(text).replace(/\s+/g, '').replace(/[（(][^）)]*[）)]$/, '');
}

function headerUnit(text: string): string | undefined {
  const m = /[（(]([^）)]*)[）)]\s*$/.exec(toHalfWidth(text).replace(/\s+/g, ''));
  return m?.[1] && /万元|元|%/.test(m[1]) ? m[1] : undefined;
}

const TOTAL = /^(合计|小计|总计|累计)$/;
const NOTE = /^(制表人|制表|填报人|审核人|负责人|备注|说明|单位公章|盖章|注[:：]?)/;

export function isBlank(row: RawRow): boolean {
  return row.cells.every((c) => c.trim() === '');
}

export function isTotalRow(row: RawRow): boolean {
  return row.cells.slice(0, 3).some((c) => TOTAL.test(toHalfWidth(c).replace(/\s+/g, '')));
}

function isNoteRow(row: RawRow): boolean {
  const first = row.cells.find((c) => c.trim() !== '') ?? '';
  return NOTE.test(toHalfWidth(first).replace(/\s+/g, ''));
}

function matchColumns(row: RawRow, specs: readonly FieldSpec[]): Column[] {
  const columns: Column[] = [];
  row.cells.forEach((cell, index) => {
    const name = normaliseHeader(cell);
    if (!name) return;
    const spec = specs.find((s) => s.aliases.some((a) => normaliseHeader(a) === name));
    if (spec && !columns.some((c) => c.field === spec.field)) {
      const unit = headerUnit(cell);
      columns.push({ field: spec.field, index, header: cell.replace(/\s+/g, ''), ...(unit ? { unit } : {}) });
    }
  });
  return columns;
}

/** The header is the first of the top rows that holds every required field. */
export function locateTable(table: RawTable, specs: readonly FieldSpec[], kindLabel: string): { located?: LocatedTable; problems: Problem[] } {
  const where = { file: table.file, ...(table.sheet ? { sheet: table.sheet } : {}) };
  const required = specs.filter((s) => s.required);
  let best: { row: RawRow; columns: Column[] } | undefined;
  for (const row of table.rows.slice(0, 30)) {
    const columns = matchColumns(row, specs);
    if (!best || columns.length > best.columns.length) best = { row, columns };
    if (required.every((s) => columns.some((c) => c.field === s.field))) {
      return { located: build(table, row, columns), problems: [] };
    }
  }
  const found = best?.row.cells.filter((c) => c.trim() !== '').map((c) => c.replace(/\s+/g, '')) ?? [];
  const missing = required.filter((s) => !best?.columns.some((c) => c.field === s.field));
  return {
    problems: missing.map((s) =>
      problem('error', 'header-missing', `找不到${kindLabel}的必需列「${s.aliases[0]}」`, where, {
        expected: s.aliases.join(' / '),
        found: found.length > 0 ? found.join('、') : '没有表头',
        hint: '把表头改为上列名称之一，或在 evaluation.yaml 的 header_aliases 中加入别名',
      }),
    ),
  };
}

function build(table: RawTable, headerRow: RawRow, columns: Column[]): LocatedTable {
  const title = table.rows
    .filter((r) => r.row < headerRow.row)
    .map((r) => r.cells.filter((c) => c.trim() !== '').join(' '))
    .find((t) => t !== '');
  const mapped = new Set(columns.map((c) => c.index));
  const extraHeaders = headerRow.cells.filter((c, i) => c.trim() !== '' && !mapped.has(i)).map((c) => c.replace(/\s+/g, ''));
  const rows: RawRow[] = [];
  const totalRows: RawRow[] = [];
  const headerKey = headerRow.cells.map(normaliseHeader).join('|');
  for (const row of table.rows) {
    if (row.row <= headerRow.row || isBlank(row)) continue;
    if (row.cells.map(normaliseHeader).join('|') === headerKey) continue; // header repeated at a page break
    if (isNoteRow(row)) break;
    if (isTotalRow(row)) totalRows.push(row);
    else rows.push(row);
  }
  return {
    file: table.file,
    ...(table.sheet ? { sheet: table.sheet } : {}),
    ...(title ? { title } : {}),
    headerRow: headerRow.row,
    columns,
    extraHeaders,
    rows,
    totalRows,
  };
}

export function cell(row: RawRow, column: Column | undefined): string {
  if (!column) return '';
  return (row.cells[column.index] ?? '').trim();
}
