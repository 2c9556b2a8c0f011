// Turning streamed table rows into typed records with one zod schema per kind;
// each problem names file, sheet, row (as the user sees it) and column header.
// Stated totals (合计/总计) and subtotals (小计) are checked against the rows.
import type { z } from 'zod';
import { cell, type Column } from '../io/header.js';
import type { RawRow } from '../io/raw-table.js';
import type { TableEvent, TableHeader } from '../io/table-locator.js';
import { Decimal, ZERO } from '../numbers/decimal.js';
import { plainFen } from '../numbers/fen.js';
import { toHalfWidth } from '../numbers/parse.js';
import { amountOf, countOf } from '../schema/cells.js';
import type { FieldSpec, InputKind } from '../schema/input-kind.js';
import { problem, type Problem } from '../problems/problem.js';
import { foundOf } from '../schema/pii.js';

/**
 * Receives each valid record with its row number and table (no wrapper object per
 * row), and the non-empty cells of the table's unrecognised columns by header.
 */
export type RecordSink<T> = (value: T, row: number, table: TableHeader, extra?: Readonly<Record<string, string>>) => void;

/** The non-empty cells of a row's unrecognised columns, by header (undefined when none). */
function extraCells(table: TableHeader, row: RawRow): Record<string, string> | undefined {
  let extra: Record<string, string> | undefined;
  for (const c of table.extraColumns) {
    const text = (row.cells[c.index] ?? '').trim();
    if (text !== '') (extra ??= {})[c.header] = text;
  }
  return extra;
}

export function rowObject(columns: readonly Column[], row: RawRow): Record<string, string> {
  const obj: Record<string, string> = {};
  // converters trim and fold what they need; no copy of every cell here
  for (const c of columns) obj[c.field] = row.cells[c.index] ?? '';
  return obj;
}

function whereOf(table: TableHeader, row: number, column?: Column) {
  return { file: table.file, ...(table.sheet ? { sheet: table.sheet } : {}), row, ...(column ? { column: column.header } : {}) };
}

/**
 * An exact running sum: plain amounts (at most 2 decimals, as nearly all are) are
 * added as integer fen in a double, exact far beyond any roster's total; anything
 * else goes to a Decimal. A million Decimal additions would cost more than the
 * rest of the checks together.
 */
class ExactSum {
  private fen = 0;
  private rest = ZERO;

  add(text: string, unit: string | undefined, count = false): void {
    if (count) {
      // a count may say what it counts (16户): the number is what adds up
      // (a count that is no whole number, 7.5, still adds: the row itself is refused elsewhere)
      const c = countOf(text)?.value ?? amountOf(text, undefined);
      if (c) this.rest = this.rest.plus(c);
      return;
    }
    // The fen path is a shortcut: skipping it (the Decimal path below gives the same
    // sum) is an equivalent mutant; taking it for a 万元 column is not (tested).
    // Stryker disable next-line ConditionalExpression: equivalent, see above
    const plain = unit === undefined ? plainFen(text) : undefined;
    // Stryker disable next-line ConditionalExpression,BlockStatement: equivalent, see above
    if (plain !== undefined) {
      this.fen += plain;
      // beyond 2^53 fen a double is no longer exact: move the fen to the Decimal well before
      // (flushing at every row, or at exactly 4e15, gives the same sum)
      // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent at the limit and when always true, see above
      if (Math.abs(this.fen) > 4e15) this.flush();
      return;
    }
    const v = amountOf(text, unit);
    if (v) this.rest = this.rest.plus(v);
  }

  private flush(): void {
    this.rest = this.rest.plus(new Decimal(this.fen).dividedBy(100));
    this.fen = 0;
  }

  value(): Decimal {
    return this.rest.plus(new Decimal(this.fen).dividedBy(100));
  }
}

/** At least `places` decimals, never fewer than the number has (7.5 in a count column stays 7.5). */
const shown = (d: Decimal, places: number) => d.toFixed(Math.max(places, d.decimalPlaces()));

/** Running sums of the summable columns since the table began and since the last 小计. */
class TotalsCheck {
  private readonly summable: Column[];
  /** decimals a sum is shown with: amounts to the fen, counts whole */
  private readonly places: number[];
  private readonly table: ExactSum[];
  private sinceSubtotal: ExactSum[];
  /** per count column, the words its cells were written with (户, 名, 人次) */
  private readonly words: Set<string>[];

  constructor(
    private readonly header: TableHeader,
    fields: readonly FieldSpec[],
  ) {
    // Stryker disable next-line OptionalChaining: every column's field is one of the kind's fields
    const kindOf = (c: Column) => fields.find((f) => f.field === c.field)?.summable;
    this.summable = header.columns.filter((c) => kindOf(c) !== undefined);
    this.places = this.summable.map((c) => (kindOf(c) === 'count' ? 0 : 2));
    this.table = this.summable.map(() => new ExactSum());
    this.sinceSubtotal = this.summable.map(() => new ExactSum());
    this.words = this.summable.map(() => new Set());
  }

  private isCount(i: number): boolean {
    return this.places[i] === 0;
  }

  addRow(row: RawRow): void {
    for (let i = 0; i < this.summable.length; i += 1) {
      const c = this.summable[i] as Column;
      // a blank cell adds nothing either way: skipping it early only saves the parse
      // Stryker disable next-line MethodExpression,ConditionalExpression,StringLiteral: equivalent, see above
      const text = (row.cells[c.index] ?? '').trim();
      // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent, see above
      if (text === '') continue;
      const count = this.isCount(i);
      (this.table[i] as ExactSum).add(text, c.unit, count);
      (this.sinceSubtotal[i] as ExactSum).add(text, c.unit, count);
      const word = count ? countOf(text)?.word : undefined;
      if (word) (this.words[i] as Set<string>).add(word);
    }
  }

  checkTotal(row: RawRow): Problem[] {
    // Stryker disable next-line StringLiteral,Regex: a separator between cells, or whitespace removed char by char, still finds 小计 written in one cell
    const label = toHalfWidth(row.cells.slice(0, 3).join('')).replace(/\s+/g, '');
    const subtotal = label.includes('小计');
    const sums = subtotal ? this.sinceSubtotal : this.table;
    const problems: Problem[] = [];
    this.summable.forEach((c, i) => {
      const stated = (this.isCount(i) ? countOf(cell(row, c))?.value : undefined) ?? amountOf(cell(row, c), c.unit);
      if (!stated) return;
      const words = [...(this.words[i] as Set<string>)];
      if (words.length > 1) {
        // 16户 and 10名 added into one 192人次: a sum of different things
        problems.push(
          problem('warning', 'count-mixed-units', `${subtotal ? '小计' : '合计'}把不同单位的数加在一起（${words.join('、')}）`, whereOf(this.header, row.row, c), {
            found: `${cell(row, c)}（明细中有 ${words.map((w) => `按${w}`).join('、')}计的数）`,
            hint: '户数、人数和人次分列填写，合计只加同一单位的数',
          }),
        );
      }
      const actual = (sums[i] as ExactSum).value();
      if (!stated.equals(actual)) {
        problems.push(
          problem('error', 'total-mismatch', `${subtotal ? '小计' : '合计'}行的数与明细之和不符`, whereOf(this.header, row.row, c), {
            expected: shown(actual, this.places[i] as number),
            found: shown(stated, this.places[i] as number),
            hint: '核对明细行或合计行；合计行不计入记录',
          }),
        );
      }
    });
    if (subtotal) this.sinceSubtotal = this.summable.map(() => new ExactSum());
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
  onRecord: RecordSink<T>,
  onProblem: (p: Problem) => void,
): Promise<{ tables: TableHeader[]; rows: number }> {
  const tables: TableHeader[] = [];
  /** the table being read: its header, its row schema and its 合计 checks (rows only follow a header) */
  let current: { table: TableHeader; schema: z.ZodType<T>; totals: TotalsCheck } | undefined;
  let rows = 0;
  const code = `${kind.kind}-row-invalid`;

  const dataRow = (row: RawRow): void => {
    // Stryker disable next-line ConditionalExpression: rows only follow a table event (table-locator)
    if (!current) return;
    const { table, schema, totals } = current;
    rows += 1;
    totals.addRow(row);
    const obj = rowObject(table.columns, row);
    const parsed = schema.safeParse(obj);
    if (parsed.success) {
      onRecord(parsed.data, row.row, table, extraCells(table, row));
      return;
    }
    for (const issue of parsed.error.issues) {
      // every issue of a row schema is on a field (rowSchema puts the converter's key in its path)
      // Stryker disable next-line StringLiteral: equivalent, see above
      const field = String(issue.path[0] ?? '');
      const column = table.columns.find((c) => c.field === field);
      // Stryker disable next-line StringLiteral: rowObject gives every column's field a text
      const raw = (obj[field] ?? '').trim();
      // our schemas give every expected problem a Chinese message; anything else is reported generically
      const message = issue.code === 'custom' ? issue.message : '取值无效';
      onProblem(problem('error', code, message, whereOf(table, row.row, column), raw === '' ? { found: '空' } : foundOf(field, raw)));
    }
  };

  for await (const batch of events) {
    for (const event of batch) {
      if ('cells' in event) {
        dataRow(event);
        continue;
      }
      switch (event.type) {
        case 'problems':
          event.problems.forEach(onProblem);
          break;
        case 'table':
          tables.push(event.table);
          current = { table: event.table, schema: kind.schemaFor(event.table.columns), totals: new TotalsCheck(event.table, kind.fields) };
          break;
        case 'total':
          // Stryker disable next-line OptionalChaining: a total row only follows a table event
          current?.totals.checkTotal(event.row).forEach(onProblem);
          break;
      }
    }
  }
  return { tables, rows };
}
