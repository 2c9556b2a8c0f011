// XLSX rows as a stream, through exceljs's streaming reader (with our sax step,
// see exceljs.ts), merged ranges from a quick first pass (xlsx-merges.ts).
import { inputError } from '../problems/problem.js';
import type { CellRange } from './cell-range.js';
import { cellText } from './cell-text.js';
import ExcelJS from './exceljs.js';
import type { RawRow } from './raw-table.js';
import type { SheetSelector, SheetSource } from './sheet-source.js';
import { readWorkbookIndex, type WorkbookIndex } from './xlsx-merges.js';

interface StreamRow {
  number: number;
  values: unknown[];
}
interface StreamSheet extends AsyncIterable<StreamRow> {
  name: string;
}

function rowCells(values: unknown[]): string[] {
  // exceljs row values are 1-based
  const cells: string[] = [];
  for (let i = 1; i < values.length; i += 1) cells.push(cellText(values[i] as Parameters<typeof cellText>[0]));
  return cells;
}

export async function* xlsxSheets(path: string, display: string, select: SheetSelector = 1): AsyncGenerator<SheetSource> {
  let workbook: WorkbookIndex;
  try {
    workbook = await readWorkbookIndex(path);
  } catch {
    throw inputError('xlsx-invalid', '无法打开 .xlsx 文件（zip 结构损坏）', { file: display }, { hint: '确认文件完整；可在 Excel 中打开后重新另存为 .xlsx' });
  }
  const names = workbook.names;
  const wanted = (name: string, index: number) => select === '*' || select === name || select === index;
  if (select !== '*' && !names.some((n, i) => wanted(n, i + 1))) {
    throw inputError('sheet-missing', `找不到工作表 ${String(select)}`, { file: display }, { expected: names.join('、') || '（没有工作表）' });
  }
  // the merged ranges of the wanted sheets are scanned alongside the rows
  const scans = new Map(names.filter((n, i) => wanted(n, i + 1)).map((n) => [n, workbook.merges(n).catch((): CellRange[] => [])]));
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let index = 0;
  try {
    for await (const ws of reader as unknown as AsyncIterable<StreamSheet>) {
      index += 1;
      const position = names.indexOf(ws.name) + 1 || index;
      if (!wanted(ws.name, position)) {
        for await (const _row of ws) {
          // the zip is one stream: an unwanted sheet must still be read through
        }
        continue;
      }
      const merges: CellRange[] = [];
      const scan = scans.get(ws.name);
      async function* rows(): AsyncGenerator<RawRow[]> {
        // the ranges are filled in before the first rows reach the table locator
        if (scan) merges.push(...(await scan));
        let batch: RawRow[] = [];
        for await (const row of ws) {
          batch.push({ row: row.number, cells: rowCells(row.values) });
          if (batch.length >= 512) {
            yield batch;
            batch = [];
          }
        }
        if (batch.length > 0) yield batch;
      }
      yield { file: display, sheet: ws.name, merges, rows: rows() };
    }
  } catch (e) {
    if ((e as { problems?: unknown }).problems) throw e;
    throw inputError('xlsx-invalid', `读取 .xlsx 失败：${(e as Error).message}`, { file: display });
  }
}
