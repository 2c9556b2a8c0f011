// Turning streamed table rows into typed records with one zod schema per kind;
// each problem names file, sheet, row (as the user sees it) and column header.
// Stated totals (合计/总计) and subtotals (小计) are checked against the rows.
import type { z } from 'zod';
import { cell, type Column, type FieldSpec } from '../io/header.js';
import type { RawRow } from '../io/raw-table.js';
import type { TableEvent, TableHeader } from '../io/table-locator.js';
import { Decimal, ZERO } from '../numbers/decimal.js';
import { parseNumber, toHalfWidth } from '../numbers/parse.js';
import { problem, type Problem } from '../problems/problem.js';
import { maskPii } from './pii.js';

export interface InputKind<T> {
  kind: string;
  /** the kind's name in messages, e.g. 花名册 */
  label: string;
  fields: FieldSpec[];
  schemaFor(columns: Column[]): z.ZodType<T>;
  /** the summable fields' values of a valid record, so totals need not parse cells twice */
  amounts?(value: T): Record<string, Decimal | undefined>;
}

export interface TableRecord<T> {
  value: T;
  row: number;
  table: TableHeader;
}

export function rowObject(columns: readonly Column[], row: RawRow): Record<string, string> {
  const obj: Record<string, string> = {};
  for (const c of columns) obj[c.field] = cell(row, c);
  return obj;
}

function whereOf(table: TableHeader, row: number, column?: Column) {
  return { file: table.file, ...(table.sheet ? { sheet: table.sheet } : {}), row, ...(column ? { column: column.header } : {}) };
}

function money(text: string, unit?: string): Decimal | undefined {
  const parsed = parseNumber(text);
  if (!parsed || parsed.unit === 'percent') return undefined;
  return unit === '万元' && parsed.unit !== 'yuan' ? parsed.value.times(10000) : parsed.value;
}

/** Running sums of the summable columns since the table began and since the last 小计. */
class TotalsCheck {
  private table = new Map<string, Decimal>();
  private sinceSubtotal = new Map<string, Decimal>();
  private readonly summable: Column[];
  constructor(
    private readonly header: TableHeader,
    fields: readonly FieldSpec[],
  ) {
    this.summable = header.columns.filter((c) => fields.find((f) => f.field === c.field)?.summable);
  }


  private add(field: string, v: Decimal): void {
    this.table.set(field, (this.table.get(field) ?? ZERO).plus(v));
    this.sinceSubtotal.set(field, (this.sinceSubtotal.get(field) ?? ZERO).plus(v));
  }

  /** a row whose record could not be made: its amounts as far as they read */
  addRow(row: RawRow): void {
    for (const c of this.summable) this.add(c.field, money(cell(row, c), c.unit) ?? ZERO);
  }

  addAmounts(amounts: Record<string, Decimal | undefined>): void {
    for (const c of this.summable) this.add(c.field, amounts[c.field] ?? ZERO);
  }

  checkTotal(row: RawRow): Problem[] {
    const label = toHalfWidth(row.cells.slice(0, 3).join('')).replace(/\s+/g, '');
    const subtotal = label.includes('小计');
    const sums = subtotal ? this.sinceSubtotal : this.table;
    const problems: Problem[] = [];
    for (const c of this.summable) {
      const stated = money(cell(row, c), c.unit);
      if (!stated) continue;
      const actual = sums.get(c.field) ?? ZERO;
      if (!stated.equals(actual)) {
        problems.push(
          problem('error', 'total-mismatch', `${subtotal ? '小计' : '合计'}行的数与明细之和不符`, whereOf(this.header, row.row, c), {
            expected: actual.toFixed(2),
            found: stated.toFixed(2),
            hint: '核对明细行或合计行；合计行不计入记录',
          }),
        );
      }
    }
    if (subtotal) this.sinceSubtotal = new Map();
    return problems;
  }
}

/**
 * Consume table events: each data row is validated and handed to `onRecord`,
 * each problem to `onProblem`. Nothing is kept, so memory stays flat.
 */
export async function readRecords<T>(
  events: AsyncIterable<TableEvent[]>,
  kind: InputKind<T>,
  onRecord: (r: TableRecord<T>) => void,
  onProblem: (p: Problem) => void,
): Promise<{ tables: TableHeader[]; rows: number }> {
  const tables: TableHeader[] = [];
  let table: TableHeader | undefined;
  let schema: z.ZodType<T> | undefined;
  let totals: TotalsCheck | undefined;
  let rows = 0;
  const code = `${kind.kind}-row-invalid`;
  for await (const batch of events) {
    for (const event of batch) {
    switch (event.type) {
      case 'problems':
        event.problems.forEach(onProblem);
        break;
      case 'table':
        table = event.table;
        tables.push(table);
        schema = kind.schemaFor(table.columns);
        totals = new TotalsCheck(table, kind.fields);
        break;
      case 'total':
        if (totals) totals.checkTotal(event.row).forEach(onProblem);
        break;
      case 'row': {
        if (!table || !schema || !totals) break;
        rows += 1;
        const obj = rowObject(table.columns, event.row);
        const parsed = schema.safeParse(obj);
        if (parsed.success) {
          if (kind.amounts) totals.addAmounts(kind.amounts(parsed.data));
          else totals.addRow(event.row);
          onRecord({ value: parsed.data, row: event.row.row, table });
          break;
        }
        totals.addRow(event.row);
        for (const issue of parsed.error.issues) {
          const field = String(issue.path[0] ?? '');
          const column = table.columns.find((c) => c.field === field);
          const raw = obj[field] ?? '';
          // our schemas give every expected problem a Chinese message; anything else is reported generically
          const message = issue.code === 'custom' ? issue.message : '取值无效';
          onProblem(problem('error', code, message, whereOf(table, event.row.row, column), { found: raw === '' ? '空' : maskPii(field, raw) }));
        }
        break;
      }
    }
    }
  }
  return { tables, rows };
}
