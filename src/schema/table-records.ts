// Turning located table rows into typed records with one zod schema per kind;
// each problem names file, sheet, row and column header.
import type { z } from 'zod';
import { cell, type Column, type LocatedTable } from '../io/header.js';
import { problem, type Problem } from '../problems/problem.js';
import type { RawRow } from '../io/raw-table.js';

export interface Located<T> {
  value: T;
  row: number;
}

export function rowObject(table: LocatedTable, row: RawRow): Record<string, string> {
  const obj: Record<string, string> = {};
  for (const c of table.columns) obj[c.field] = cell(row, c);
  return obj;
}

export function recordsOf<T>(
  table: LocatedTable,
  schemaFor: (columns: Column[]) => z.ZodType<T>,
  code: string,
): { records: Located<T>[]; problems: Problem[] } {
  const schema = schemaFor(table.columns);
  const records: Located<T>[] = [];
  const problems: Problem[] = [];
  for (const row of table.rows) {
    const obj = rowObject(table, row);
    const parsed = schema.safeParse(obj);
    if (parsed.success) {
      records.push({ value: parsed.data, row: row.row });
      continue;
    }
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '');
      const column = table.columns.find((c) => c.field === field);
      problems.push(
        problem('error', code, issue.message, {
          file: table.file,
          ...(table.sheet ? { sheet: table.sheet } : {}),
          row: row.row,
          ...(column ? { column: column.header } : {}),
        }, { found: obj[field] === '' ? '空' : obj[field] }),
      );
    }
  }
  return { records, problems };
}
