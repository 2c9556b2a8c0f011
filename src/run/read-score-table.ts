// Reading a printed score table (CSV / XLSX, any sheet) into rows as printed: the header
// found among the vocabulary of score tables, level names carried down where a merged or
// blank cell stands for the one above, 小计 / 合计 (总分) rows told apart, a printed grade,
// and the funds block a self-evaluation form prints above its indicators.
import { openSheets, type OpenOptions } from '../io/open-sheets.js';
import { tableEvents, type TableHeader } from '../io/table-locator.js';
import type { RawRow } from '../io/raw-table.js';
import { toHalfWidth } from '../numbers/parse.js';
import { InputError, problem, type Problem } from '../problems/problem.js';
import { readFundsBlock } from './read-funds-block.js';
import { LEVEL_FIELDS, SCORE_TABLE_FIELDS, type PrintedCell, type PrintedRow, type PrintedTable } from '../schema/score-table.js';

const GRADE_LABEL = /^(评价|绩效|综合)?(等级|评级|级别)$|^评价结果$/;
/** 小计, or 项目决策小计 as some writers (and our own report) put it in the level column */
const SUBTOTAL = /^小计|小计$/;
/** the self-evaluation form's last row, which the table locator does not take for a total */
const TOTAL_LABEL = /^(总分|总得分|合计得分)$/;
/** Rows kept above a header for its funds block (a form prints a dozen lines there). */
const KEPT_ROWS = 60;

interface Open {
  header: TableHeader;
  table: PrintedTable;
  /** the level names in force, carried down */
  levels: string[];
}

const compact = (text: string) => toHalfWidth(text).replace(/\s+/g, '');

function cellOf(o: Open, field: string, row: RawRow): PrintedCell | undefined {
  const col = o.header.columns.find((c) => c.field === field);
  if (!col) return undefined;
  const text = (row.cells[col.index] ?? '').trim();
  return text === '' ? undefined : { text, header: col.header, column: col.index + 1 };
}

function startTable(header: TableHeader): Open {
  // 分值 is the score beside a 权重 column (表3-2 / 表4-x), the weight alone (附件1)
  const hasWeight = header.columns.some((c) => c.field === 'weight');
  const columns = header.columns.map((c) => (c.field === 'points' ? { ...c, field: hasWeight ? 'score' : 'weight' } : c));
  const levelHeaders = LEVEL_FIELDS.flatMap((f) => columns.filter((c) => c.field === f).map((c) => c.header));
  const fixed = { ...header, columns };
  const width = Math.max(0, ...header.columns.map((c) => c.index + 1), ...header.extraColumns.map((c) => c.index + 1));
  const printedHeader = Array.from({ length: width }, (_, i) => header.columns.find((c) => c.index === i)?.header ?? header.extraColumns.find((c) => c.index === i)?.header ?? '');
  const table: PrintedTable = { file: header.file, ...(header.sheet ? { sheet: header.sheet } : {}), ...(header.title ? { title: header.title } : {}), levelHeaders, columns: Object.fromEntries(columns.map((c) => [c.field, c.index + 1])), header: printedHeader, headerRows: header.headerRows, rows: [] };
  return { header: fixed, levels: levelHeaders.map(() => ''), table };
}

function addRow(o: Open, row: RawRow, totalRow: boolean): void {
  const levelCols = LEVEL_FIELDS.flatMap((f) => o.header.columns.filter((c) => c.field === f));
  const names = levelCols.map((c) => (row.cells[c.index] ?? '').trim());
  const firstText = row.cells.map((c) => c.trim()).find((c) => c !== '') ?? '';
  const total = totalRow || TOTAL_LABEL.test(compact(firstText));
  // a grade row: 评价等级 | 良
  if (GRADE_LABEL.test(compact(firstText))) {
    const value = row.cells.map((c) => c.trim()).filter((c) => c !== '')[1];
    const col = row.cells.findIndex((c, i) => i > row.cells.findIndex((x) => x.trim() !== '') && c.trim() !== '');
    if (value) o.table.rows.push({ row: row.row, cells: row.cells.map((c) => c.trim()), kind: 'grade', levels: [...o.levels], grade: { text: value, header: firstText, column: col + 1 } });
    return;
  }
  const subtotal = names.some((n) => SUBTOTAL.test(compact(n))) || SUBTOTAL.test(compact(firstText));
  if (!total && !subtotal) {
    // a name opens its level and closes the ones below; a blank cell carries the name above
    names.forEach((n, i) => {
      if (n === '') return;
      o.levels[i] = n;
      for (let j = i + 1; j < o.levels.length; j += 1) if (names[j] === '') o.levels[j] = '';
    });
  }
  const kind: PrintedRow['kind'] = subtotal ? 'subtotal' : total ? 'total' : 'item';
  const levels = kind === 'item' ? [...o.levels] : kind === 'subtotal' ? [o.levels[0] ?? ''] : [];
  const fields = ['target', 'actual', 'weight', 'score', 'rate', 'criteria', 'explanation', 'deviation', 'ruleType'] as const;
  const printed: PrintedRow = { row: row.row, cells: row.cells.map((c) => c.trim()), kind, levels };
  for (const f of fields) {
    const c = cellOf(o, f, row);
    if (c) printed[f] = c;
  }
  // an empty line inside the table, or a level heading on a row of its own
  if (kind === 'item' && !printed.weight && !printed.score && !printed.criteria) return;
  o.table.rows.push(printed);
}

/** Every score table in the file (each sheet, each table stacked in a sheet). */
export async function readScoreTables(path: string, display: string, options: OpenOptions = {}): Promise<{ tables: PrintedTable[]; problems: Problem[] }> {
  const tables: PrintedTable[] = [];
  const problems: Problem[] = [];
  // a workbook's other sheets (指标数据, 说明 …) are no score tables: skipped, and said so
  const missing: Problem[] = [];
  const skipped: string[] = [];
  // a funds block printed as a table of its own (a Word report splits the form in two): read with the table after it
  let pendingFunds: PrintedRow[] = [];
  for await (const sheet of openSheets(path, display, { sheet: '*', ...options })) {
    let open: Open | undefined;
    const before = tables.length;
    const sheetProblems: Problem[] = [];
    // the rows as they stream past, for the funds block above a form's header
    const seen: RawRow[] = [];
    const rows = (async function* () {
      for await (const batch of sheet.rows) {
        for (const r of batch) seen.push(r);
        // what a header in this batch may need: the batch and the rows just before it
        if (seen.length > batch.length + KEPT_ROWS) seen.splice(0, seen.length - batch.length - KEPT_ROWS);
        yield batch;
      }
    })();
    let previousEnd = 0;
    for await (const events of tableEvents({ ...sheet, rows }, SCORE_TABLE_FIELDS, '评分表')) {
      for (const e of events) {
        if ('row' in e && 'cells' in e) {
          if (open) addRow(open, e, false);
        } else if (e.type === 'table') {
          if (open) {
            tables.push(open.table);
            previousEnd = Math.max(previousEnd, ...open.table.rows.map((r) => r.row));
          }
          open = startTable(e.table);
          const headerRow = e.table.headerRows[0] ?? 0;
          const above = seen.filter((r) => r.row > previousEnd && r.row < headerRow).slice(-KEPT_ROWS);
          const funds = readFundsBlock(above);
          open.table.rows.push(...(funds.length > 0 ? funds : pendingFunds));
          pendingFunds = [];
        } else if (e.type === 'total') {
          if (open) addRow(open, e.row, !SUBTOTAL.test(compact(e.row.cells.find((c) => /小计|合计|总计/.test(c)) ?? '')));
        } else if (e.type === 'problems') {
          sheetProblems.push(...e.problems);
        }
      }
    }
    if (open) tables.push(open.table);
    const fundsAlone = tables.length === before ? readFundsBlock(seen.slice(-KEPT_ROWS)) : [];
    if (tables.length > before) problems.push(...sheetProblems);
    else if (fundsAlone.length > 0) pendingFunds = fundsAlone.map((r) => (sheet.sheet ? { ...r, sheet: sheet.sheet } : r));
    else {
      missing.push(...sheetProblems);
      if (sheet.sheet) skipped.push(sheet.sheet);
    }
  }
  if (tables.length === 0) {
    throw new InputError(missing.length > 0 ? missing : [problem('error', 'score-table-missing', '没有找到评分表：表头应有 一级指标 / 二级指标 / 三级指标 之一和 权重 / 分值 / 得分 之一', { file: display })]);
  }
  for (const name of skipped) problems.push(problem('info', 'sheet-skipped', '不是评分表（没有指标列和分数列），已跳过', { file: display, sheet: name }));
  return { tables, problems };
}
