// The funds block a self-evaluation form prints above its indicators:
//   项目资金（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分
//   年度资金总额     |  …         |  …         |  …         | 10   | 92%    | 9.20
//   其中：当年财政拨款 …
//   年度总体目标 | 预期目标 | 实际完成情况 …
// read from the rows above the indicator table's header, each line as printed, so that the
// form's checks can quote its cells. The block's header and the goal rows come along as
// notes: the review workbook copies the form as the user sees it.
import { normaliseHeader } from '../io/header.js';
import type { RawRow } from '../io/raw-table.js';
import { FUNDS_FIELDS, type PrintedCell, type PrintedRow } from '../schema/score-table.js';

/** Where the funds lines end: the goal rows or the indicators' own heading. */
const AFTER_FUNDS = /^(年度总体目标|总体目标|绩效目标|绩效指标|一级指标)/;

type FundsField = keyof typeof FUNDS_FIELDS;

function fundsColumns(row: RawRow): Map<FundsField, number> | undefined {
  const keys = row.cells.map(normaliseHeader);
  const columns = new Map<FundsField, number>();
  for (const field of Object.keys(FUNDS_FIELDS) as FundsField[]) {
    // the most specific name first: 全年预算数 before 预算数, never 年初预算数
    for (const alias of FUNDS_FIELDS[field]) {
      const i = keys.indexOf(alias);
      if (i >= 0 && ![...columns.values()].includes(i)) {
        columns.set(field, i);
        break;
      }
    }
  }
  return columns.has('planned') && columns.has('spent') ? columns : undefined;
}

/**
 * The funds block among `rows` (those above one table's header), as rows of the table:
 * its header and goal rows as notes, each funds line with its cells. Empty when the rows
 * hold no block with both 全年预算数 and 全年执行数.
 */
export function readFundsBlock(rows: readonly RawRow[]): PrintedRow[] {
  const start = rows.findIndex((r) => fundsColumns(r) !== undefined);
  const first = rows[start];
  if (!first) return [];
  const columns = fundsColumns(first)!;
  const header = first.cells.map((c) => c.replace(/\s+/g, ''));
  const copy = (r: RawRow) => r.cells.map((c) => c.trim());
  const out: PrintedRow[] = [{ row: first.row, cells: copy(first), kind: 'note', levels: [] }];
  let inFunds = true;
  for (const r of rows.slice(start + 1)) {
    const label = r.cells.map((c) => c.trim()).find((c) => c !== '') ?? '';
    if (label === '') continue;
    if (AFTER_FUNDS.test(normaliseHeader(label))) inFunds = false;
    if (!inFunds) {
      out.push({ row: r.row, cells: copy(r), kind: 'note', levels: [] });
      continue;
    }
    const cellOf = (field: FundsField): PrintedCell | undefined => {
      const index = columns.get(field);
      const text = index === undefined ? '' : (r.cells[index] ?? '').trim();
      return index === undefined || text === '' ? undefined : { text, header: header[index] ?? '', column: index + 1 };
    };
    const line: PrintedRow = { row: r.row, cells: copy(r), kind: 'funds', levels: [label], header };
    const planned = cellOf('planned');
    const spent = cellOf('spent');
    const weight = cellOf('points');
    const rate = cellOf('rate');
    const score = cellOf('score');
    if (planned) line.planned = planned;
    if (spent) line.spent = spent;
    if (weight) line.weight = weight;
    if (rate) line.rate = rate;
    if (score) line.score = score;
    out.push(line);
  }
  return out;
}
